import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  FNV_OFFSET,
  fmix32,
  fnvRange,
  fnvStep,
} from '../../../platform/engine-kit/model/hash.js';
import { mergePhrases, tokenContributions } from './explain.js';
import { DEFAULT_TEXT_FEATURES, featurizeText } from './featurize.js';

const input = 'Hi Sam, please verify your account today. Thanks, Jo';

/** Weights that like the unigrams of "verify your account" and dislike "thanks". */
function weights(): Float32Array {
  const w = new Float32Array(1 << 18);
  const seed = fnvStep(FNV_OFFSET, 0x75);
  const set = (word: string, value: number) => {
    const h = fmix32(fnvRange(seed, word));
    w[bucketOf(h, 18)] = value * (h >>> 31 === 1 ? -1 : 1);
  };
  for (const word of ['verify', 'your', 'account']) set(word, 3);
  set('thanks', -3);
  return w;
}

describe('explanations', () => {
  const f = featurizeText(input, DEFAULT_TEXT_FEATURES, true);
  const ev = f.evidence;
  if (ev === undefined) throw new Error('no evidence');
  const perToken = tokenContributions(f.vector, ev, weights(), 1);

  it('shares each contribution out over tokens, adding up to the dot product', () => {
    const total = perToken.reduce((a, b) => a + b, 0);
    let dot = 0;
    const w = weights();
    f.vector.index.forEach((k, i) => {
      dot += (w[k] ?? 0) * (f.vector.value[i] ?? 0);
    });
    expect(total).toBeCloseTo(dot, 6);
  });

  it('merges neighbouring words into one readable phrase', () => {
    const { positive, negative } = mergePhrases(input, ev, perToken);
    expect(positive[0]?.text).toBe('verify your account');
    expect(positive[0]?.start).toBe(input.indexOf('verify'));
    expect(positive[0]?.weight).toBeGreaterThan(0);
    expect(negative[0]?.text).toBe('Thanks');
    expect(negative[0]?.weight).toBeLessThan(0);
  });

  it('caps a phrase at six words', () => {
    const long = featurizeText('a b c d e f g h', DEFAULT_TEXT_FEATURES, true).evidence;
    if (long === undefined) throw new Error('no evidence');
    const { positive } = mergePhrases('a b c d e f g h', long, new Float64Array(8).fill(1));
    expect(positive.map((p) => p.text)).toEqual(['a b c d e f', 'g h']);
  });
});
