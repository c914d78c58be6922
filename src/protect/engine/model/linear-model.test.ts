import { describe, expect, it } from 'vitest';
import {
  margin,
  type TrainingExample,
  trainLogistic,
} from '../../../platform/engine-kit/model/linear-model.js';
import { encodeSparseWeights } from '../../../platform/engine-kit/model/weight-codec.js';
import { featurizeText } from './featurize.js';

const TEXTS: [string, 0 | 1][] = [
  ['Your parcel is held, pay the £1.99 fee at royal-mail-fee.com', 1],
  ['Verify your account now or it will be suspended: secure-login.top', 1],
  ['You won a $1000 gift card! Claim now', 1],
  ['Urgent: your bank account is locked, confirm your details', 1],
  ['See you at dinner tonight?', 0],
  ['Can you pick up milk on the way home', 0],
  ['Meeting moved to 3pm, same room', 0],
  ['Happy birthday! Hope you have a lovely day', 0],
];
const examples: TrainingExample[] = TEXTS.map(([t, y]) => ({ x: featurizeText(t).vector, y }));
const params = { alpha: 0.5, beta: 1, l1: 0.01, l2: 0.1, epochs: 20, seed: 7 };

describe('trainLogistic (FTRL-proximal)', () => {
  it('separates a small separable set', () => {
    const model = trainLogistic(examples, 1 << 18, params);
    for (const ex of examples) expect(margin(model, ex.x) > 0).toBe(ex.y === 1);
  });

  it('is deterministic: same data and seed, byte-identical encoded weights', () => {
    const a = trainLogistic(examples, 1 << 18, params);
    const b = trainLogistic(examples, 1 << 18, params);
    expect(encodeSparseWeights(a.weights)).toEqual(encodeSparseWeights(b.weights));
    expect(a.bias).toBe(b.bias);
  });

  it('depends on the seed only through the order of examples', () => {
    const a = trainLogistic(examples, 1 << 18, params);
    const b = trainLogistic(examples, 1 << 18, { ...params, seed: 8 });
    expect(encodeSparseWeights(a.weights).data).not.toBe(encodeSparseWeights(b.weights).data);
  });

  it('keeps weights sparse with a strong L1 term', () => {
    const dense = trainLogistic(examples, 1 << 18, { ...params, l1: 0 });
    const sparse = trainLogistic(examples, 1 << 18, { ...params, l1: 1 });
    const nonZero = (w: Float64Array) => w.filter((x) => x !== 0).length;
    expect(nonZero(sparse.weights)).toBeLessThan(nonZero(dense.weights));
  });

  it('gives a heavier example more say', () => {
    const [scam, genuine] = [examples[0], examples[4]] as [TrainingExample, TrainingExample];
    const heavy = trainLogistic([{ x: scam.x, y: 1, weight: 3 }, genuine], 1 << 18, {
      ...params,
      epochs: 1,
    });
    expect(margin(heavy, scam.x)).toBeGreaterThan(0);
  });
});
