/**
 * Prompt features: hashed word unigrams and bigrams and character 3–5-grams
 * inside words (robust to spelling variants, inflections and languages), the
 * words again tagged with their clause scope (inside what is asked to be
 * built, or under a defensive verb: see intent-clauses.ts), each family
 * L2-normalised, plus named dense features — the explainable cues, intent,
 * wrappers and decoded layers — after the hashed buckets.
 */

import { FNV_OFFSET, fmix32, fnvRange, fnvStep } from '../../platform/engine-kit/model/hash.js';
import {
  FeatureAccumulator,
  type SparseVector,
} from '../../platform/engine-kit/model/sparse-vector.js';
import { CUES, type CueHit } from './cues.js';
import {
  INTENT_FEATURES,
  type IntentReading,
  readIntent,
  SCOPE_BUILD,
  SCOPE_NONE,
} from './intent-clauses.js';

export interface PromptFeatureConfig {
  readonly hashBits: number;
  readonly charMin: number;
  readonly charMax: number;
  /** Words read per text; longer texts are cut (the classifier bounds characters first). */
  readonly maxTokens: number;
  /** Names of the dense features after the hashed buckets (the model file's list). */
  readonly dense: readonly string[];
}

/** Names of the dense features, in index order after the hashed buckets. */
export const DENSE_FEATURES: readonly string[] = [
  ...CUES.map((c) => c.code),
  ...INTENT_FEATURES,
  'wrapper.roleplay',
  'wrapper.fiction',
  'wrapper.hypothetical',
  'wrapper.override',
  'wrapper.split',
  'decoded.layer',
];

export const DEFAULT_FEATURES: PromptFeatureConfig = Object.freeze({
  hashBits: 18,
  charMin: 3,
  charMax: 4,
  maxTokens: 4096,
  dense: DENSE_FEATURES,
});

/**
 * Function words carry no intent but differ in frequency between long and
 * short prompts: left out of the unigram and character features (a bigram
 * keeps them when its other word is not one), so prompt length and style are
 * not learned as signs of misuse.
 */
const STOPWORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto about as is are was were be been ' +
    'being it its this that these those there here which who whom whose what when where how why i me my we our ' +
    'you your he him his she her they them their do does did can could would should will shall may might must ' +
    'not no yes all any each some such than too very just also only own same other more most over under again ' +
    'please its up out off down de la el los las un una y o que en por para con del al le les des et du au ' +
    'ou est une der die das und ein eine zu mit für den dem ist o os as um uma e do da dos das em com ' +
    'without sin sans ohne sem'
  ).split(' '),
);

const LONGEST_STOPWORD = Math.max(...[...STOPWORDS].map((w) => w.length));

/** A function word, left out of the unigram, character and scoped features. */
export function isStopword(word: string): boolean {
  return word.length <= LONGEST_STOPWORD && STOPWORDS.has(word);
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'_-]*/gu;
const MAX_WORD = 24;
// Seeds of the bigram, character and scoped-word families (shared with reading-scorer.ts).
export const BIGRAM_SEED = 0x9e3779b9;
export const CHAR_SEED = 0x7f4a7c15;
export const BUILD_SEED = 0x2545f491;
export const DEFEND_SEED = 0x6c8e9cf5;

/** The words of cleaned text, at most `max`. */
export function wordsOf(clean: string, max: number): string[] {
  const out: string[] = [];
  for (const m of clean.matchAll(WORD)) {
    if (out.length >= max) break;
    const w = m[0];
    out.push(w.length > MAX_WORD ? w.slice(0, MAX_WORD) : w);
  }
  return out;
}

/** The finished hash of a word (shared by the features and the explanation). */
export function wordHash(word: string): number {
  return fmix32(fnvRange(FNV_OFFSET, word));
}

/**
 * Finished hashes of a word's character n-grams. Memoised in a bounded table:
 * prompts repeat words, and the result depends only on the word and the
 * n-gram sizes, so the cache changes speed, never output.
 */
const GRAM_CACHES = new Map<string, Map<string, Uint32Array>>();
const GRAM_CACHE_MAX = 50_000;

/** [word hash, then the finished hash of each character n-gram] of a word. */
function wordGrams(word: string, config: PromptFeatureConfig): Uint32Array {
  const sizes = `${config.charMin}:${config.charMax}`;
  let cache = GRAM_CACHES.get(sizes);
  if (cache === undefined) {
    cache = new Map();
    GRAM_CACHES.set(sizes, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const padded = ` ${word} `;
  const out: number[] = [wordHash(word)];
  for (let n = config.charMin; n <= config.charMax; n++) {
    for (let s = 0; s + n <= padded.length; s++) {
      out.push(fmix32(fnvRange(fnvStep(CHAR_SEED, n), padded, s, s + n)));
    }
  }
  const grams = Uint32Array.from(out);
  if (cache.size >= GRAM_CACHE_MAX) cache.clear();
  cache.set(word, grams);
  return grams;
}

export interface PromptFeatureInput {
  readonly clean: string;
  readonly cues: readonly CueHit[];
  /** Extra dense features by name (wrappers, decoded layer), value 1 each. */
  readonly flags: readonly string[];
}

export function featurizePrompt(
  input: PromptFeatureInput,
  config: PromptFeatureConfig,
  intent: IntentReading = readIntent(input.clean, config.maxTokens),
): SparseVector {
  const bits = config.hashBits;
  const { words, scopes } = intent;
  // Distinct features grow slower than occurrences: a quarter of the n-grams is a fair first size.
  const acc = new FeatureAccumulator(4, words.length * 7);
  let prev = 0;
  // Bucket = low bits, sign = top bit (as bucketOf/signOf), inlined in this hot loop.
  const mask = (1 << bits) - 1;
  let prevStop = true;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const stop = STOPWORDS.has(word);
    const grams = wordGrams(word, config);
    const h = grams[0] as number;
    if (!stop) acc.add(0, h & mask, h >>> 31 === 1 ? -1 : 1);
    if (i > 0 && !(stop && prevStop)) {
      const b = fmix32(Math.imul(prev ^ BIGRAM_SEED, 0x01000193) ^ h);
      acc.add(1, b & mask, b >>> 31 === 1 ? -1 : 1);
    }
    prev = h;
    prevStop = stop;
    if (stop) continue;
    // The same word once more, marked with who acts on it: built (the attack itself) or defended against.
    const scope = scopes[i] as number;
    if (scope !== SCOPE_NONE) {
      const s = fmix32(h ^ (scope === SCOPE_BUILD ? BUILD_SEED : DEFEND_SEED));
      acc.add(3, s & mask, s >>> 31 === 1 ? -1 : 1);
    }
    for (let k = 1; k < grams.length; k++) {
      const f = grams[k] as number;
      acc.add(2, f & mask, f >>> 31 === 1 ? -1 : 1);
    }
  }
  const base = 1 << bits;
  for (const hit of input.cues) {
    const k = config.dense.indexOf(hit.cue.code);
    if (k >= 0) acc.set(base + k, 1);
  }
  for (const hit of intent.hits) {
    const k = config.dense.indexOf(hit.feature);
    if (k >= 0) acc.set(base + k, 1);
  }
  for (const flag of input.flags) {
    const k = config.dense.indexOf(flag);
    if (k >= 0) acc.set(base + k, 1);
  }
  return acc.toVector();
}

/** Weights per model head: hashed buckets then dense features. */
export function featureDim(config: PromptFeatureConfig): number {
  return (1 << config.hashBits) + config.dense.length;
}
