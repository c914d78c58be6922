import { findPhrases, foldText } from '../cues/fold-text.js';
import type { Category } from '../types.js';
import { CATEGORY_PHRASES } from './category-table.js';

const MAX_TEXT = 20_000;
const ALL_PHRASES: readonly string[] = [...new Set(CATEGORY_PHRASES.flatMap((row) => row.phrases))];

export interface CategoryGuess {
  readonly category: Category;
  /** The phrases that decided it (for explanations and tests). */
  readonly matched: readonly string[];
}

/** The kind of story the message tells, from the phrases it uses; `other` when none stands out. */
export function categorize(text: string): CategoryGuess {
  const folded = foldText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  // One pass over the text for every category's phrases.
  const found = new Set(findPhrases(folded.text, ALL_PHRASES).map((h) => h.phrase));
  let best: CategoryGuess = { category: 'other', matched: [] };
  for (const row of CATEGORY_PHRASES) {
    const matched = row.phrases.filter((p) => found.has(p));
    if (matched.length > best.matched.length) best = { category: row.category, matched };
  }
  return best;
}
