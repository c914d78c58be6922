/**
 * Logistic regression trained by FTRL-proximal (McMahan et al., "Ad Click
 * Prediction: a View from the Trenches", KDD 2013): per-coordinate adaptive
 * learning rates suit hashed text features, where most buckets are seen a
 * handful of times, and the L1 term drives unused weights to exactly zero,
 * which keeps the shipped model files small.
 *
 * Deterministic: a fixed number of epochs over the examples in an order drawn
 * from a seeded PRNG, and nothing else that varies. Same examples, same
 * parameters → the same weights, bit for bit.
 */
import { mulberry32, shuffleInPlace } from './prng.js';
import { dot, type SparseVector } from './sparse-vector.js';

export interface TrainingExample {
  readonly x: SparseVector;
  readonly y: 0 | 1;
  /** Importance of this example in the loss (default 1). */
  readonly weight?: number;
}

export interface FtrlParams {
  readonly alpha: number;
  readonly beta: number;
  readonly l1: number;
  readonly l2: number;
  readonly epochs: number;
  readonly seed: number;
}

export const DEFAULT_FTRL: FtrlParams = Object.freeze({
  alpha: 0.2,
  beta: 1,
  l1: 0.5,
  l2: 1,
  epochs: 12,
  seed: 20261122,
});

/** A trained linear model: margin = bias + w · x. */
export interface LinearWeights {
  readonly weights: Float64Array;
  readonly bias: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

export function margin(model: LinearWeights, x: SparseVector): number {
  return model.bias + dot(model.weights, x);
}

/** The FTRL-proximal closed-form weight of one coordinate. */
function ftrlWeight(z: number, n: number, p: FtrlParams, l1: number): number {
  if (Math.abs(z) <= l1) return 0;
  return -(z - Math.sign(z) * l1) / ((p.beta + Math.sqrt(n)) / p.alpha + p.l2);
}

/**
 * Train on `examples` with `dim` weights. The bias is its own coordinate,
 * adapted like the others but never shrunk by L1 (an all-zero model should
 * still predict the base rate).
 */
export function trainLogistic(
  examples: readonly TrainingExample[],
  dim: number,
  params: FtrlParams = DEFAULT_FTRL,
): LinearWeights {
  const z = new Float64Array(dim + 1);
  const n = new Float64Array(dim + 1);
  const order = examples.map((_, i) => i);
  const prng = mulberry32(params.seed);
  let wBuf = new Float64Array(64);
  for (let epoch = 0; epoch < params.epochs; epoch++) {
    shuffleInPlace(order, prng);
    for (const k of order) {
      const ex = examples[k] as TrainingExample;
      const idx = ex.x.index;
      const val = ex.x.value;
      if (wBuf.length < idx.length) wBuf = new Float64Array(idx.length * 2);
      let s = ftrlWeight(z[dim] as number, n[dim] as number, params, 0);
      const wb = s;
      for (let i = 0; i < idx.length; i++) {
        const j = idx[i] as number;
        const wj = ftrlWeight(z[j] as number, n[j] as number, params, params.l1);
        wBuf[i] = wj;
        s += wj * (val[i] as number);
      }
      const g = (sigmoid(s) - ex.y) * (ex.weight ?? 1);
      // Bias update, then every active coordinate's.
      update(z, n, dim, g, wb, params.alpha);
      for (let i = 0; i < idx.length; i++) {
        update(z, n, idx[i] as number, g * (val[i] as number), wBuf[i] as number, params.alpha);
      }
    }
  }
  const weights = new Float64Array(dim);
  for (let j = 0; j < dim; j++)
    weights[j] = ftrlWeight(z[j] as number, n[j] as number, params, params.l1);
  return { weights, bias: ftrlWeight(z[dim] as number, n[dim] as number, params, 0) };
}

function update(
  z: Float64Array,
  n: Float64Array,
  j: number,
  g: number,
  w: number,
  alpha: number,
): void {
  const nj = n[j] as number;
  const sigma = (Math.sqrt(nj + g * g) - Math.sqrt(nj)) / alpha;
  z[j] = (z[j] as number) + g - sigma * w;
  n[j] = nj + g * g;
}
