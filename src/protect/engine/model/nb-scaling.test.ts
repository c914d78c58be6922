import { describe, expect, it } from 'vitest';
import { hashString } from '../../../platform/engine-kit/model/hash.js';
import { trainLogistic } from '../../../platform/engine-kit/model/linear-model.js';
import { mulberry32 } from '../../../platform/engine-kit/model/prng.js';
import { dot, type SparseVector } from '../../../platform/engine-kit/model/sparse-vector.js';
import { encodeSparseWeights } from '../../../platform/engine-kit/model/weight-codec.js';
import { loadModel } from './load-model.js';
import { foldRatios, logCountRatios, type NbScaling, scaleVector } from './nb-scaling.js';
import type { Example, ModelData } from './scam-datasets.js';
import { type Recipe, TEXT_RECIPE } from './scam-recipes.js';
import { trainScamModel } from './scam-training.js';
import {
  type Candidate,
  outOfFoldMargins,
  type TrainItem,
  trainShipped,
} from './train-pipeline.js';

const vec = (pairs: readonly [number, number][]): SparseVector => ({
  index: Int32Array.from(pairs.map((p) => p[0])),
  value: Float32Array.from(pairs.map((p) => p[1])),
});

const BIN: NbScaling = { alpha: 1, binarize: true, beta: 1 };
const PARAMS = { alpha: 0.5, beta: 1, l1: 0.05, l2: 1, epochs: 5, seed: 7 };

describe('logCountRatios', () => {
  it('is the log ratio of smoothed, normalised class counts over the buckets training uses', () => {
    const examples = [
      {
        x: vec([
          [0, 0.5],
          [1, -0.5],
        ]),
        y: 1 as const,
      },
      { x: vec([[0, 2]]), y: 1 as const },
      {
        x: vec([
          [1, 1],
          [2, 1],
        ]),
        y: 0 as const,
      },
    ];
    const r = logCountRatios(examples, 5, BIN);
    // Binarised, α = 1: p = (2+1, 1+1, 0+1) → |p| = 6; q = (0+1, 1+1, 1+1) → |q| = 5.
    expect(r[0]).toBeCloseTo(Math.log(3 / 6 / (1 / 5)), 12);
    expect(r[1]).toBeCloseTo(Math.log(2 / 6 / (2 / 5)), 12);
    expect(r[2]).toBeCloseTo(Math.log(1 / 6 / (2 / 5)), 12);
    // Buckets no training example uses carry no evidence.
    expect(r[3]).toBe(0);
    expect(r[4]).toBe(0);
    // Value counts use |x| (hashing is signed): p = (2.5+1, 0.5+1, 1), q = (1, 2, 2).
    const v = logCountRatios(examples, 5, { alpha: 1, binarize: false, beta: 1 });
    expect(v[1]).toBeCloseTo(Math.log(1.5 / 6 / (2 / 5)), 6);
  });

  it('folds into the weights exactly: (w∘r)·x = w·(r∘x)', () => {
    const r = Float64Array.from([0.7, -1.2, 0, 2.5]);
    const w = Float64Array.from([0.3, -0.4, 9, 0.1]);
    const x = vec([
      [0, 0.5],
      [1, -0.25],
      [2, 1],
      [3, 0.125],
    ]);
    expect(dot(foldRatios(w, r, 1), x)).toBeCloseTo(dot(w, scaleVector(x, r)), 6);
    // β-interpolation: w' = (1 − β)·mean|w| + β·w over the vocabulary (r ≠ 0), nothing outside it.
    const mean = (0.3 + 0.4 + 0.1) / 3;
    const folded = foldRatios(w, r, 0.25);
    expect(folded[0]).toBeCloseTo((0.75 * mean + 0.25 * 0.3) * 0.7, 12);
    expect(folded[2]).toBe(0);
  });
});

/** Two classes told apart by a few of 4,096 buckets, among 30 noise features per example. */
function synthetic(n: number, seed: number): TrainItem[] {
  const prng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const y = (i % 2) as 0 | 1;
    const idx = new Set<number>();
    while (idx.size < 30) idx.add(64 + Math.floor(prng.next() * (4096 - 64)));
    if (prng.next() < 0.8) idx.add(y * 32 + Math.floor(prng.next() * 8));
    const index = Int32Array.from(idx);
    const value = new Float32Array(index.length).fill(1 / Math.sqrt(index.length));
    return { x: { index, value }, y, group: `g${seed}-${i}`, modern: i % 5 === 0 };
  });
}

describe('NB-scaled training', () => {
  const plain: Candidate = { params: PARAMS, modernWeight: 2 };
  const nb: Candidate = { ...plain, nb: BIN };

  it('separates a sparse signal among noise better than plain features', () => {
    const train = synthetic(200, 1);
    const test = synthetic(2000, 2);
    const accuracy = (c: Candidate) => {
      const m = trainShipped(train, 4096, c);
      const right = test.filter((it) => m.bias + dot(m.weights, it.x) > 0 === (it.y === 1));
      return right.length / test.length;
    };
    const a = accuracy(plain);
    const b = accuracy(nb);
    expect(b).toBeGreaterThan(a + 0.03);
  });

  it('leaves plain candidates exactly as before (no scaling, same weights)', () => {
    const train = synthetic(100, 3);
    const direct = trainLogistic(
      train.map((it) => ({ x: it.x, y: it.y, weight: it.modern ? 2 : 1 })),
      4096,
      PARAMS,
    );
    expect(trainShipped(train, 4096, plain).encoded).toEqual(encodeSparseWeights(direct.weights));
  });

  it('is deterministic', () => {
    const train = synthetic(100, 4);
    expect(trainShipped(train, 4096, nb).encoded).toEqual(trainShipped(train, 4096, nb).encoded);
  });

  it('computes the ratios from the training folds only', () => {
    const items = synthetic(120, 5);
    const fold = items.map((it) => hashString(`fold\n${it.group}`) % 3);
    // Flip the labels of fold 0: its own out-of-fold margins come from models that never saw
    // them, so they must not move; the other folds' models did see them, so theirs do.
    const flipped = items.map((it, i) => (fold[i] === 0 ? { ...it, y: (1 - it.y) as 0 | 1 } : it));
    const a = outOfFoldMargins(items, 4096, nb, 3);
    const b = outOfFoldMargins(flipped, 4096, nb, 3);
    let moved = 0;
    items.forEach((_, i) => {
      if (fold[i] === 0) expect(b[i]).toBe(a[i]);
      else if (b[i] !== a[i]) moved += 1;
    });
    expect(moved).toBeGreaterThan(0);
  });
});

describe('an NB-scaled text model file', () => {
  const texts: [string, 0 | 1][] = [
    ['Your parcel is held. Pay the £1.99 redelivery fee at royalmail-fee.top', 1],
    ['E-ZPass: unpaid toll of $6.85. Pay now to avoid a fine: ezpass-toll.top', 1],
    ['Your bank account is locked. Verify at secure-bank-login.xyz', 1],
    ['Congratulations! You have won a $1000 gift card. Claim now', 1],
    ['Are we still on for lunch tomorrow?', 0],
    ['Running 10 minutes late, sorry!', 0],
    ['Can you pick up milk on the way home?', 0],
    ['Thanks for yesterday, it was lovely', 0],
  ];
  const train: Example[] = ['a', 'b', 'c'].flatMap((copy) =>
    texts.map(([text, y], i) => ({
      id: `${copy}-${i}`,
      label: y === 1 ? 'scam' : 'ham',
      y,
      input: `${text} ${copy}`,
      source: 'fixtures/scam/sms.jsonl',
      split: 'train',
      group: `${copy}-${i}`,
      hostOnly: false,
      modern: i % 2 === 0,
    })),
  );
  const data: ModelData = { train, evals: [] };
  const recipe: Recipe = {
    ...TEXT_RECIPE,
    grid: [{ params: PARAMS, modernWeight: 2, nb: { alpha: 0.1, binarize: false, beta: 1 } }],
    folds: 2,
  };

  it('loads with the unchanged loader, records its scaling, and is reproducible', () => {
    const a = trainScamModel(recipe, data, { dataHash: 'abc123', created: null }, 5);
    const b = trainScamModel(recipe, data, { dataHash: 'abc123', created: null }, 5);
    expect(JSON.stringify(a.file)).toBe(JSON.stringify(b.file));
    expect(a.file.training.nbAlpha).toBe(0.1);
    expect(a.file.training.nbBinarize).toBe(false);
    const loaded = loadModel(JSON.parse(JSON.stringify(a.file)) as unknown);
    if (!loaded.ok) throw new Error(loaded.error);
    const scam = loaded.model.score('Pay the unpaid toll now at ezpass-toll.top').probability;
    const friend = loaded.model.score('Running late, pick up milk on the way home?').probability;
    expect(scam).toBeGreaterThan(friend);
  });
});
