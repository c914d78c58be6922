import { describe, expect, it } from 'vitest';
import { trainLogistic } from '../../../platform/engine-kit/model/linear-model.js';
import { encodeSparseWeights } from '../../../platform/engine-kit/model/weight-codec.js';
import { DEFAULT_TEXT_FEATURES, featurizeText } from './featurize.js';
import { loadModel } from './load-model.js';
import { MODEL_FORMAT, type ModelFile, WEIGHT_ENCODING } from './model-file.js';

const DATA: [string, 0 | 1][] = [
  ['Verify your account now at secure-login.top or it will be suspended', 1],
  ['Your parcel is held, pay the redelivery fee today', 1],
  ['Claim your prize now, you have won', 1],
  ['Are we still on for lunch tomorrow?', 0],
  ['Thanks, see you at the school gate at 3', 0],
  ['Running late, start without me', 0],
];

function tinyModel(): ModelFile {
  const raw = trainLogistic(
    DATA.map(([t, y]) => ({ x: featurizeText(t).vector, y })),
    1 << 18,
    { alpha: 0.5, beta: 1, l1: 0, l2: 0.1, epochs: 30, seed: 1 },
  );
  return {
    format: MODEL_FORMAT,
    formatVersion: 1,
    name: 'tiny',
    version: 'tiny-1',
    created: null,
    description: 'test model',
    features: { kind: 'text', ...DEFAULT_TEXT_FEATURES },
    bias: raw.bias,
    weights: { encoding: WEIGHT_ENCODING, dim: 1 << 18, ...encodeSparseWeights(raw.weights) },
    calibration: { method: 'platt', a: 1, b: 0 },
    thresholds: { suspicious: 0.5, scam: 0.8 },
    training: {},
    metrics: { 'text.dev.f1': 1 },
  };
}

const load = (json: unknown) => {
  const r = loadModel(json);
  if (!r.ok) throw new Error(r.error);
  return r.model;
};

describe('loadModel', () => {
  it('scores with the decoded weights and explains with phrases', () => {
    const model = load(JSON.parse(JSON.stringify(tinyModel())));
    const scam = 'Please verify your account now';
    expect(model.score(scam).probability).toBeGreaterThan(
      model.score('see you at lunch').probability,
    );
    const why = model.explain(scam);
    expect(why.positive.length).toBeGreaterThan(0);
    for (const p of [...why.positive, ...why.negative]) {
      expect(scam.slice(p.start, p.end)).toBe(p.text);
    }
    // Explaining does not change the score.
    expect(why.logOdds).toBeCloseTo(model.score(scam).logOdds, 10);
  });

  const broken: [string, (f: Record<string, unknown>) => unknown][] = [
    ['not an object', () => 42],
    ['an array', () => []],
    ['the wrong format', (f) => ({ ...f, format: 'onnx' })],
    ['a future format version', (f) => ({ ...f, formatVersion: 2 })],
    ['a missing bias', (f) => ({ ...f, bias: undefined })],
    ['a NaN bias', (f) => ({ ...f, bias: Number.NaN })],
    ['unknown features', (f) => ({ ...f, features: { kind: 'image' } })],
    [
      'a non-integer hash size',
      (f) => ({ ...f, features: { ...(f.features as object), hashBits: 17.5 } }),
    ],
    [
      'a weight count that disagrees with the data',
      (f) => ({ ...f, weights: { ...(f.weights as object), count: 3 } }),
    ],
    [
      'a dimension that disagrees with the features',
      (f) => ({ ...f, weights: { ...(f.weights as object), dim: 1000 } }),
    ],
    [
      'corrupt weight data',
      (f) => ({ ...f, weights: { ...(f.weights as object), data: 'not base64!' } }),
    ],
    [
      'an unknown encoding',
      (f) => ({ ...f, weights: { ...(f.weights as object), encoding: 'npy' } }),
    ],
    ['a threshold above 1', (f) => ({ ...f, thresholds: { suspicious: 0.5, scam: 1.5 } })],
    ['a calibration other than Platt', (f) => ({ ...f, calibration: { method: 'isotonic' } })],
    ['metrics that are not numbers', (f) => ({ ...f, metrics: { f1: 'high' } })],
  ];
  it.each(broken)('rejects a file with %s, saying why', (_, mutate) => {
    const file = tinyModel() as unknown as Record<string, unknown>;
    const result = loadModel(mutate(file));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^invalid model file: /);
  });

  it('rejects a URL model trained on other dense features than this engine computes', () => {
    const file = tinyModel();
    const url = {
      ...file,
      features: {
        kind: 'url',
        hashBits: 18,
        maxChars: 4096,
        charMin: 3,
        charMax: 5,
        dense: ['host.something_else'],
        denseShift: [0],
        denseScale: [1],
        denseClip: 1,
      },
      weights: { ...file.weights, dim: (1 << 18) + 1 },
    };
    const result = loadModel(url);
    expect(result.ok).toBe(false);
  });
});
