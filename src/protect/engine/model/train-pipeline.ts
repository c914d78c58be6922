/**
 * One model's training recipe, pure and deterministic:
 * 1. choose FTRL parameters and the weight of modern examples from a small
 *    grid, by out-of-fold log-loss on the training split (grouped folds, so
 *    near-duplicates never straddle a fold), averaging the old public corpora
 *    and the modern fixtures so that neither alone decides;
 * 2. fit Platt calibration on the out-of-fold margins (held-out folds of
 *    train — dev is never used for fitting anything);
 * 3. pick thresholds on the calibrated out-of-fold scores;
 * 4. train the final model on all of train, round it to half precision, and
 *    return exactly the weights that will ship.
 */

import { hashString } from '../../../platform/engine-kit/model/hash.js';
import {
  type FtrlParams,
  type TrainingExample,
  trainLogistic,
} from '../../../platform/engine-kit/model/linear-model.js';
import type { SparseVector } from '../../../platform/engine-kit/model/sparse-vector.js';
import { dot } from '../../../platform/engine-kit/model/sparse-vector.js';
import {
  decodeSparseWeights,
  encodeSparseWeights,
} from '../../../platform/engine-kit/model/weight-codec.js';
import { applyPlatt, fitPlatt, type PlattParams } from './calibration.js';
import { thresholdForBestF1, thresholdForCalibratedF1, thresholdForMaxFpr } from './metrics.js';
import { foldRatios, logCountRatios, type NbScaling, scaleVector } from './nb-scaling.js';
import { thresholdForSmoothedMaxFpr } from './smoothed-quantile.js';

export interface TrainItem {
  readonly x: SparseVector;
  readonly y: 0 | 1;
  /** Items with the same group always fall in the same fold. */
  readonly group: string;
  /** A modern hand-written fixture rather than an old public corpus record. */
  readonly modern: boolean;
}

export interface Candidate {
  readonly params: FtrlParams;
  /** Loss weight of a modern item relative to a public one. */
  readonly modernWeight: number;
  /**
   * Naive-Bayes log-count-ratio scaling (NB-SVM), its ratios computed from the
   * items each model trains on; absent = plain features. The shipped weights
   * hold w∘r, so the model file and the scorer are the same either way.
   */
  readonly nb?: NbScaling;
}

export type ThresholdRule =
  | { readonly kind: 'best-f1' }
  /** Half the best F1, the expected-F1 optimum for calibrated scores (see thresholdForCalibratedF1). */
  | { readonly kind: 'calibrated-f1' }
  | { readonly kind: 'max-fpr'; readonly maxFpr: number }
  /** The same cap on a Harrell–Davis quantile of the negatives' log-odds: moves less between retrainings. */
  | { readonly kind: 'max-fpr-smoothed'; readonly maxFpr: number };

export interface PipelineOptions {
  readonly dim: number;
  readonly grid: readonly Candidate[];
  readonly folds: number;
  readonly scam: ThresholdRule;
  readonly suspicious: ThresholdRule;
  /**
   * Cross-validation runs, each with its own fold split, whose out-of-fold
   * scores are pooled to choose from the grid, calibrate and set thresholds
   * (default 1).
   */
  readonly repeats?: number;
  /** Salt of the fold split (default ''): another salt, another split of the same data. */
  readonly foldSalt?: string;
}

export interface GridResult extends Candidate {
  readonly oofLogLoss: number;
}

export interface PipelineResult {
  readonly chosen: Candidate;
  readonly grid: readonly GridResult[];
  readonly bias: number;
  /** Exactly the weights a loaded model file will hold. */
  readonly weights: Float32Array;
  readonly encoded: { readonly count: number; readonly data: string };
  readonly calibration: PlattParams;
  readonly thresholds: { readonly suspicious: number; readonly scam: number };
  /** Calibrated out-of-fold scores of the training items, in input order (the first run). */
  readonly oofScores: Float64Array;
  /** The same for every cross-validation run (`repeats` of them; the first is `oofScores`). */
  readonly oofRuns: readonly Float64Array[];
}

/** Train and round to half precision; returns the weights as they will be stored. */
export function trainShipped(items: readonly TrainItem[], dim: number, c: Candidate) {
  const examples: (TrainingExample & { readonly weight: number })[] = items.map((it) => ({
    x: it.x,
    y: it.y,
    weight: it.modern ? c.modernWeight : 1,
  }));
  const nb = c.nb;
  let raw: { weights: Float64Array; bias: number };
  if (nb === undefined) {
    raw = trainLogistic(examples, dim, c.params);
  } else {
    // Ratios from these items only: inside cross-validation, the training folds.
    const r = logCountRatios(examples, dim, nb);
    const scaled = examples.map((e) => ({ ...e, x: scaleVector(e.x, r) }));
    const trained = trainLogistic(scaled, dim, c.params);
    raw = { weights: foldRatios(trained.weights, r, nb.beta), bias: trained.bias };
  }
  const encoded = encodeSparseWeights(raw.weights);
  const weights = decodeSparseWeights(encoded.data, encoded.count, dim);
  if (weights === null) throw new Error('weight codec round trip failed');
  return { weights, bias: raw.bias, encoded };
}

/** Out-of-fold margins: each item scored by a model that never saw its group. */
export function outOfFoldMargins(
  items: readonly TrainItem[],
  dim: number,
  candidate: Candidate,
  folds: number,
  salt = '',
): Float64Array {
  const fold = items.map((it) => hashString(`fold${salt}\n${it.group}`) % folds);
  const out = new Float64Array(items.length);
  for (let f = 0; f < folds; f++) {
    const model = trainShipped(
      items.filter((_, i) => fold[i] !== f),
      dim,
      candidate,
    );
    items.forEach((it, i) => {
      if (fold[i] === f) out[i] = model.bias + dot(model.weights, it.x);
    });
  }
  return out;
}

function logLoss(scores: ArrayLike<number>, items: readonly TrainItem[], modern: boolean): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as TrainItem;
    if (it.modern !== modern) continue;
    const p = Math.min(1 - 1e-12, Math.max(1e-12, scores[i] as number));
    sum -= it.y === 1 ? Math.log(p) : Math.log(1 - p);
    n += 1;
  }
  return n === 0 ? Number.NaN : sum / n;
}

/** Mean of the public and the modern out-of-fold log-loss (whichever exist). */
function selectionLoss(scores: ArrayLike<number>, items: readonly TrainItem[]): number {
  const parts = [logLoss(scores, items, false), logLoss(scores, items, true)].filter(
    (x) => !Number.isNaN(x),
  );
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}

/** The threshold a rule picks on scored, labelled items. */
export function applyRule(
  rule: ThresholdRule,
  scores: Float64Array,
  labels: readonly number[],
): number {
  if (rule.kind === 'best-f1') return thresholdForBestF1(scores, labels);
  if (rule.kind === 'calibrated-f1') return thresholdForCalibratedF1(scores, labels);
  if (rule.kind === 'max-fpr-smoothed')
    return thresholdForSmoothedMaxFpr(scores, labels, rule.maxFpr);
  return thresholdForMaxFpr(scores, labels, rule.maxFpr);
}

export function runPipeline(items: readonly TrainItem[], options: PipelineOptions): PipelineResult {
  const salt = options.foldSalt ?? '';
  const repeats = Math.max(1, options.repeats ?? 1);
  const pooledItems = repeats === 1 ? items : Array.from({ length: repeats }, () => items).flat();
  const pooledLabels = pooledItems.map((it) => it.y);
  let best:
    | { candidate: Candidate; runs: Float64Array[]; loss: number; platt: PlattParams }
    | undefined;
  const grid: GridResult[] = [];
  for (const candidate of options.grid) {
    // Every run is scored by models that never saw an item's group; the runs differ in the split.
    const runs = Array.from({ length: repeats }, (_, r) =>
      outOfFoldMargins(
        items,
        options.dim,
        candidate,
        options.folds,
        r === 0 ? salt : `${salt}#${r}`,
      ),
    );
    const margins = repeats === 1 ? (runs[0] as Float64Array) : concat(runs);
    const platt = fitPlatt(margins, pooledLabels);
    const loss = selectionLoss(
      margins.map((m) => applyPlatt(platt, m)),
      pooledItems,
    );
    grid.push({ ...candidate, oofLogLoss: loss });
    if (best === undefined || loss < best.loss) best = { candidate, runs, loss, platt };
  }
  if (best === undefined) throw new Error('the parameter grid is empty');
  const { candidate: chosen, platt } = best;
  // A non-positive slope would turn the model upside down: it means the model
  // ranks held-out messages no better than chance, so stop rather than ship it.
  if (!(platt.a > 0)) {
    throw new Error(`calibration slope ${platt.a} is not positive: the model does not generalise`);
  }
  const oofRuns = best.runs.map((margins) => margins.map((m) => applyPlatt(platt, m)));
  const pooled = repeats === 1 ? (oofRuns[0] as Float64Array) : concat(oofRuns);
  const scam = applyRule(options.scam, pooled, pooledLabels);
  const suspicious = Math.min(scam, applyRule(options.suspicious, pooled, pooledLabels));
  const final = trainShipped(items, options.dim, chosen);
  return {
    chosen,
    grid,
    bias: final.bias,
    weights: final.weights,
    encoded: final.encoded,
    calibration: platt,
    thresholds: { suspicious, scam },
    oofScores: oofRuns[0] as Float64Array,
    oofRuns,
  };
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
