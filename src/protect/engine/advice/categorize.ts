import { findPhrases, foldText } from '../cues/fold-text.js';
import type { Category } from '../types.js';
import { CATEGORY_PHRASES } from './category-table.js';

const MAX_TEXT = 20_000;

export interface CategoryGuess {
  readonly category: Category;
  /** The phrases that decided it (for explanations and tests). */
  readonly matched: readonly string[];
}

/** The kind of story the message tells, from the phrases it uses; `other` when none stands out. */
export function categorize(text: string): CategoryGuess {
  const folded = foldText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  let best: CategoryGuess = { category: 'other', matched: [] };
  for (const row of CATEGORY_PHRASES) {
    const matched = findPhrases(folded.text, row.phrases).map((h) => h.phrase);
    if (matched.length > best.matched.length) best = { category: row.category, matched };
  }
  return best;
}
