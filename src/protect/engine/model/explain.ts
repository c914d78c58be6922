/**
 * Why the model scored a text as it did, in words a person can check: each
 * feature's contribution (weight × value, in calibrated log-odds) is shared
 * out over the tokens it came from, and neighbouring tokens that push the same
 * way are merged into one phrase — "verify your account" rather than five
 * character n-grams and two bigrams.
 */

import type { SparseVector } from '../../../platform/engine-kit/model/sparse-vector.js';
import type { FeatureEvidence } from './occurrence-log.js';

export interface EvidencePhrase {
  /** Offsets (UTF-16) into the input that was scored. */
  readonly start: number;
  readonly end: number;
  /** The phrase as written (at most 200 characters). */
  readonly text: string;
  /** How far it moved the score, in calibrated log-odds (positive = towards scam). */
  readonly weight: number;
}

export interface PhraseOptions {
  /** Phrases per direction. */
  readonly limit: number;
  /** A token joins a phrase only when it moves the score at least this much. */
  readonly minTokenWeight: number;
  /** Phrases that moved the score less than this are left out. */
  readonly minPhraseWeight: number;
  readonly maxPhraseTokens: number;
}

export const DEFAULT_PHRASE_OPTIONS: PhraseOptions = Object.freeze({
  limit: 5,
  minTokenWeight: 0.02,
  minPhraseWeight: 0.1,
  maxPhraseTokens: 6,
});

/** Each token's share of the score, in calibrated log-odds. */
export function tokenContributions(
  vector: SparseVector,
  evidence: FeatureEvidence,
  weights: Float32Array,
  slope: number,
): Float64Array {
  const contrib = new Map<number, number>();
  for (let i = 0; i < vector.index.length; i++) {
    const k = vector.index[i] as number;
    contrib.set(k, (weights[k] ?? 0) * (vector.value[i] as number) * slope);
  }
  const hits = new Map<number, number>();
  for (let i = 0; i < evidence.count; i++) {
    const k = evidence.bucket[i] as number;
    hits.set(k, (hits.get(k) ?? 0) + 1);
  }
  const perToken = new Float64Array(evidence.tokenStart.length);
  for (let i = 0; i < evidence.count; i++) {
    const k = evidence.bucket[i] as number;
    const c = (contrib.get(k) ?? 0) / (hits.get(k) ?? 1);
    const first = evidence.firstToken[i] as number;
    const last = evidence.lastToken[i] as number;
    const share = c / (last - first + 1);
    for (let t = first; t <= last; t++) perToken[t] = (perToken[t] as number) + share;
  }
  return perToken;
}

/** Runs of neighbouring tokens pushing the same way, strongest first, `limit` each way. */
export function mergePhrases(
  input: string,
  evidence: FeatureEvidence,
  perToken: Float64Array,
  options: PhraseOptions = DEFAULT_PHRASE_OPTIONS,
): { positive: EvidencePhrase[]; negative: EvidencePhrase[] } {
  const phrases: EvidencePhrase[] = [];
  const close = (first: number, last: number, weight: number) => {
    if (first < 0 || Math.abs(weight) < options.minPhraseWeight) return;
    const start = evidence.tokenStart[first] as number;
    const end = evidence.tokenEnd[last] as number;
    const text = input.slice(start, Math.min(end, start + 200));
    phrases.push({ start, end: start + text.length, text, weight });
  };
  let first = -1;
  let sum = 0;
  for (let t = 0; t < perToken.length; t++) {
    const w = perToken[t] as number;
    const strong = Math.abs(w) >= options.minTokenWeight;
    const sameWay = first >= 0 && Math.sign(w) === Math.sign(sum);
    if (strong && sameWay && t - first < options.maxPhraseTokens) {
      sum += w;
      continue;
    }
    close(first, t - 1, sum);
    first = strong ? t : -1;
    sum = strong ? w : 0;
  }
  close(first, perToken.length - 1, sum);
  const byStrength = (a: EvidencePhrase, b: EvidencePhrase) =>
    Math.abs(b.weight) - Math.abs(a.weight) || a.start - b.start;
  return {
    positive: phrases
      .filter((p) => p.weight > 0)
      .sort(byStrength)
      .slice(0, options.limit),
    negative: phrases
      .filter((p) => p.weight < 0)
      .sort(byStrength)
      .slice(0, options.limit),
  };
}
