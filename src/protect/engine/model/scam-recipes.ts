/**
 * How each shipped model is built: its features, the small parameter grid
 * chosen from by cross-validation on train, and the rules that set its
 * thresholds on out-of-fold scores. Changing a recipe changes the model
 * files; `npm run train:scam` rebuilds them.
 */

import type { FtrlParams } from '../../../platform/engine-kit/model/linear-model.js';
import { DEFAULT_TEXT_FEATURES, featurizeText, type TextFeatures } from './featurize.js';
import { DENSE_URL_FEATURES, featurizeUrl } from './featurize-url.js';
import type { FeatureSpec } from './model-file.js';
import type { NbScaling } from './nb-scaling.js';
import type { Example } from './scam-datasets.js';
import type { Candidate, ThresholdRule } from './train-pipeline.js';

export interface Recipe {
  readonly name: 'scam-text' | 'scam-email' | 'scam-url';
  readonly description: string;
  readonly features: FeatureSpec;
  readonly grid: readonly Candidate[];
  readonly folds: number;
  readonly scam: ThresholdRule;
  readonly suspicious: ThresholdRule;
  /** Cross-validation runs pooled for calibration and thresholds (see PipelineOptions.repeats). */
  readonly repeats?: number;
  /** Fold-split salt; only `npm run train:scam -- --fold-salt=…` sets it, to measure the swing. */
  readonly foldSalt?: string;
}

const SEED = 20261122;

/** Every combination of learning rate, L1 strength and modern-example weight. */
function grid(
  epochs: number,
  alphas: readonly number[],
  l1s: readonly number[],
  modernWeights: readonly number[],
): Candidate[] {
  return alphas.flatMap((alpha) =>
    l1s.flatMap((l1) =>
      modernWeights.map((modernWeight) => {
        const params: FtrlParams = { alpha, beta: 1, l1, l2: 1, epochs, seed: SEED };
        return { params, modernWeight };
      }),
    ),
  );
}

/** The same grid once per naive-Bayes scaling (`undefined` = plain features), plain first. */
export function withNb(
  candidates: readonly Candidate[],
  scalings: readonly NbScaling[],
): Candidate[] {
  return [...candidates, ...scalings.flatMap((nb) => candidates.map((c) => ({ ...c, nb })))];
}

/**
 * NB-SVM scalings tried on the text grid (issue 3, 2026-12-07; `npm run train:scam --
 * --only=text,combiner --out=DIR --nb`): Wang & Manning's binarised counts with α = 1, and
 * value counts with smaller α (the vectors are unit-length per family, so a value count is a
 * fraction of an occurrence). Cross-validation on train chose value counts, α = 0.1 (out-of-fold
 * log-loss 0.1924 against 0.2005 for plain features), but the whole checker came out worse on
 * its own out-of-fold training scores (F1 0.9388 → 0.9347) and on the held-out modern fixtures
 * (F1 0.943 → 0.940, FPR 3.7% → 4.9%): not in TEXT_RECIPE. No β-interpolation: on
 * cross-validation it did not help (β 0.75: 0.1925; β 0.25: 0.1970) and it makes every feature
 * of the training vocabulary non-zero (74,020 weights instead of about 31,000).
 */
export const TEXT_NB: readonly NbScaling[] = [
  { alpha: 1, binarize: true, beta: 1 },
  { alpha: 0.25, binarize: true, beta: 1 },
  { alpha: 0.1, binarize: false, beta: 1 },
  { alpha: 0.3, binarize: false, beta: 1 },
];

export const TEXT_RECIPE: Recipe = {
  name: 'scam-text',
  description:
    'Short messages (SMS, chat, social DMs): probability that a message is a scam, phishing or spam.',
  features: { kind: 'text', ...DEFAULT_TEXT_FEATURES },
  // Weight 3 was never chosen; the modern fixtures are the only messages of today, so try 16.
  grid: grid(12, [1, 2], [0.05], [8, 16]),
  folds: 5,
  // Best expected F1 on calibrated scores, not the arg-max of a flat empirical curve (issue 3, round 2).
  scam: { kind: 'calibrated-f1' },
  suspicious: { kind: 'max-fpr', maxFpr: 0.02 },
};

export const EMAIL_RECIPE: Recipe = {
  name: 'scam-email',
  description:
    'Email content (subject and readable body, as the email engine extracts it): probability of phishing, scam or spam. Headers are judged by rules, not by this model.',
  // The first 10,000 characters hold the lure; reading more costs time and adds nothing.
  features: { kind: 'text', ...DEFAULT_TEXT_FEATURES, maxChars: 10_000, dropReplyPrefix: true },
  grid: grid(8, [1, 2], [0.05], [8, 16]),
  folds: 5,
  // Three fold splits pooled: one split's luck moved the checker's `scam` threshold 0.957 ↔ 0.929
  // and dev recall 0.77 ↔ 0.80 between retrainings on the same data (issue 3, round 4).
  repeats: 3,
  // The issue asks for at most 0.5% false positives on ham; leave headroom. Smoothed: at 0.25%
  // the plain rule sits on the score of about the 7th most spam-like genuine email alone.
  scam: { kind: 'max-fpr-smoothed', maxFpr: 0.0025 },
  suspicious: { kind: 'max-fpr', maxFpr: 0.01 },
};

export const URL_RECIPE: Recipe = {
  name: 'scam-url',
  description: 'Web addresses: probability that a URL leads to phishing.',
  features: {
    kind: 'url',
    hashBits: 18,
    maxChars: 4096,
    charMin: 3,
    charMax: 5,
    dense: DENSE_URL_FEATURES,
    // The URL engine already scales its features to about 0..1.
    denseShift: DENSE_URL_FEATURES.map(() => 0),
    denseScale: DENSE_URL_FEATURES.map(() => 1),
    denseClip: 1,
    maskServiceHost: true,
  },
  // Weight 3 was never chosen; cross-validation on train prefers 16 by a little (2026-12-06).
  grid: grid(10, [1, 2], [0.05], [8, 16]),
  folds: 5,
  scam: { kind: 'max-fpr', maxFpr: 0.005 },
  suspicious: { kind: 'max-fpr', maxFpr: 0.02 },
};

export const SCAM_RECIPES: readonly Recipe[] = [TEXT_RECIPE, EMAIL_RECIPE, URL_RECIPE];

/** Features of an input under a model's feature spec. */
export function featurizeInput(
  spec: FeatureSpec,
  input: string,
  withEvidence = false,
  hostOnly = false,
): TextFeatures {
  if (spec.kind === 'url') return featurizeUrl(input, spec, withEvidence, hostOnly);
  return featurizeText(input, spec, withEvidence);
}

/** Features of an example as training sees them (host only where the example says so). */
export function featurizeExample(
  spec: FeatureSpec,
  ex: Example,
  withEvidence = false,
): TextFeatures {
  return featurizeInput(spec, ex.input, withEvidence, ex.hostOnly);
}

/** Number of weights a model with these features has. */
export function dimensionOf(spec: FeatureSpec): number {
  return (1 << spec.hashBits) + (spec.kind === 'url' ? spec.dense.length : 0);
}
