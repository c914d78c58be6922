import { findPhrases, foldText } from '../cues/fold-text.js';
import type { Category } from '../types.js';
import { CATEGORY_PHRASES, PHRASE_WEIGHT } from './category-table.js';

const MAX_TEXT = 20_000;

/** Each row's phrases with their weights, strongest first (so `matched` lists the telling words first). */
const WEIGHTED_ROWS = CATEGORY_PHRASES.map((row) => ({
  category: row.category,
  phrases: [
    ...(row.strong ?? []).map((phrase) => ({ phrase, weight: PHRASE_WEIGHT.strong })),
    ...row.phrases.map((phrase) => ({ phrase, weight: PHRASE_WEIGHT.phrases })),
    ...(row.weak ?? []).map((phrase) => ({ phrase, weight: PHRASE_WEIGHT.weak })),
  ],
}));
const ALL_PHRASES: readonly string[] = [
  ...new Set(WEIGHTED_ROWS.flatMap((row) => row.phrases.map((p) => p.phrase))),
];

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
  let bestScore = 0;
  for (const row of WEIGHTED_ROWS) {
    const hits = row.phrases.filter((p) => found.has(p.phrase));
    const score = hits.reduce((sum, p) => sum + p.weight, 0);
    if (score > bestScore) {
      bestScore = score;
      best = { category: row.category, matched: hits.map((p) => p.phrase) };
    }
  }
  return best;
}
