/**
 * Load a shipped model file (already parsed from JSON) into a scorer. Pure:
 * the caller reads the file — from the package in Node, from the bundle in the
 * browser — and hands over the object.
 *
 * @example
 * const loaded = loadModel(JSON.parse(text));
 * if (!loaded.ok) throw new Error(loaded.error);
 * loaded.model.score('Your parcel is held, pay the fee at https://…').probability; // 0.97
 */

import { sigmoid } from '../../../platform/engine-kit/model/linear-model.js';
import { dot } from '../../../platform/engine-kit/model/sparse-vector.js';
import { decodeSparseWeights } from '../../../platform/engine-kit/model/weight-codec.js';
import {
  DEFAULT_PHRASE_OPTIONS,
  type EvidencePhrase,
  mergePhrases,
  type PhraseOptions,
  tokenContributions,
} from './explain.js';
import { featurizeText, type TextFeatures } from './featurize.js';
import { denseMismatch, featurizeUrl } from './featurize-url.js';
import { type FeatureSpec, type ModelFile, textConfigOf, validateModelFile } from './model-file.js';

export interface ModelScore {
  /** Calibrated probability of scam, phishing or spam. */
  readonly probability: number;
  /** The same in log-odds: the sum of every contribution below plus the base. */
  readonly logOdds: number;
  /** True when the input was longer than the model reads. */
  readonly truncated: boolean;
}

export interface ModelExplanation extends ModelScore {
  /** Log-odds of an input with no features at all. */
  readonly baseLogOdds: number;
  /** Phrases that pushed towards scam, strongest first. */
  readonly positive: readonly EvidencePhrase[];
  /** Phrases that pushed towards genuine, strongest first. */
  readonly negative: readonly EvidencePhrase[];
}

export interface ScamModel {
  readonly name: string;
  readonly version: string;
  readonly kind: FeatureSpec['kind'];
  readonly thresholds: ModelFile['thresholds'];
  readonly metrics: ModelFile['metrics'];
  score(input: string): ModelScore;
  explain(input: string, options?: Partial<PhraseOptions>): ModelExplanation;
}

export type LoadModelResult =
  | { readonly ok: true; readonly model: ScamModel }
  | { readonly ok: false; readonly error: string };

type Featurizer = (input: string, withEvidence: boolean) => TextFeatures;

function featurizerOf(spec: FeatureSpec): Featurizer {
  if (spec.kind === 'url') {
    return (input, withEvidence) => featurizeUrl(input, spec, withEvidence);
  }
  const cfg = textConfigOf(spec);
  return (input, withEvidence) => featurizeText(input, cfg, withEvidence);
}

/** Validate a parsed model file and build its scorer. Never throws on bad input. */
export function loadModel(json: unknown): LoadModelResult {
  const problem = validateModelFile(json);
  if (problem !== null) return { ok: false, error: `invalid model file: ${problem}` };
  const file = json as ModelFile;
  if (file.features.kind === 'url') {
    const mismatch = denseMismatch(file.features);
    if (mismatch !== null) return { ok: false, error: `invalid model file: ${mismatch}` };
  }
  const weights = decodeSparseWeights(file.weights.data, file.weights.count, file.weights.dim);
  if (weights === null)
    return { ok: false, error: 'invalid model file: weights.data does not decode' };
  return { ok: true, model: buildScorer(file, weights) };
}

/** A scorer from a validated file and its decoded weights (the training script uses this too). */
export function buildScorer(file: ModelFile, weights: Float32Array): ScamModel {
  const featurize = featurizerOf(file.features);
  const { a, b } = file.calibration;
  const logOddsOf = (features: TextFeatures) => a * (file.bias + dot(weights, features.vector)) + b;
  return {
    name: file.name,
    version: file.version,
    kind: file.features.kind,
    thresholds: file.thresholds,
    metrics: file.metrics,
    score(input) {
      const features = featurize(input, false);
      const logOdds = logOddsOf(features);
      return { probability: sigmoid(logOdds), logOdds, truncated: features.truncated };
    },
    explain(input, options) {
      const features = featurize(input, true);
      const logOdds = logOddsOf(features);
      const evidence = features.evidence;
      const perToken =
        evidence === undefined
          ? new Float64Array(0)
          : tokenContributions(features.vector, evidence, weights, a);
      const phrases =
        evidence === undefined
          ? { positive: [], negative: [] }
          : mergePhrases(input, evidence, perToken, { ...DEFAULT_PHRASE_OPTIONS, ...options });
      return {
        probability: sigmoid(logOdds),
        logOdds,
        truncated: features.truncated,
        baseLogOdds: a * file.bias + b,
        ...phrases,
      };
    },
  };
}
