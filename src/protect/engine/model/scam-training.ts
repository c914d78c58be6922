/**
 * Train one shipped model from its recipe and data, score its evaluation sets
 * with exactly the scorer a loaded file gives, and describe its strongest
 * features. Pure and deterministic; the training script does the file work.
 */
import { sha256 } from '../indicators/sha256.js';
import { evaluateSet, type MetricFigure } from './evaluate.js';
import {
  looksLikeLeakage,
  type TopFeature,
  textFeatureText,
  topFeatures,
} from './feature-report.js';
import { urlFeatureText } from './featurize-url.js';
import { buildScorer } from './load-model.js';
import {
  MODEL_FORMAT,
  MODEL_FORMAT_VERSION,
  type ModelFile,
  WEIGHT_ENCODING,
} from './model-file.js';
import type { Example, ModelData } from './scam-datasets.js';
import { dimensionOf, featurizeExample, featurizeInput, type Recipe } from './scam-recipes.js';
import { type GridResult, runPipeline, type TrainItem } from './train-pipeline.js';
import { SOURCE_POLICIES } from './training-data.js';

export interface TrainingMeta {
  /** Hash of the training examples (ids, labels, inputs), computed by the caller. */
  readonly dataHash: string;
  readonly created: string | null;
}

export interface TrainedModel {
  readonly file: ModelFile;
  readonly figures: readonly MetricFigure[];
  readonly grid: readonly GridResult[];
  readonly top: {
    readonly positive: readonly TopFeature[];
    readonly negative: readonly TopFeature[];
  };
  /** Weights of the named dense features (URL model), strongest towards scam first. */
  readonly dense: readonly { readonly name: string; readonly weight: number }[];
  /** Strong features whose text looks like a data-source artefact. */
  readonly leaks: readonly string[];
  /**
   * Out-of-fold calibrated log-odds of each training example, by id, one per
   * cross-validation run (what the combiner is fitted on).
   */
  readonly oof: ReadonlyMap<string, readonly number[]>;
}

const round = (x: number) => Number(x.toPrecision(4));

function sourcesOf(data: ModelData): string[] {
  const used = new Set<string>();
  for (const e of data.train) {
    for (const s of e.source.split(' | ')) {
      const policy = SOURCE_POLICIES.find((p) => s.startsWith(p.prefix));
      used.add(
        policy === undefined ? s : `${policy.prefix.replace(/[:@/]$/, '')} (${policy.licence})`,
      );
    }
  }
  return [...used].sort();
}

/**
 * A model's version names what it learnt from and what it learnt: the first 12 hex of SHA-256 over
 * the training data's hash and the learnt parts (features, weights, calibration, thresholds). With
 * the data alone, a change in how features are read (a brand-matching rule, say) gave different
 * weights under the same version, so results, reports and the out-of-fold cache could not tell the
 * two models apart.
 */
export function versionOf(name: string, dataHash: string, learnt: unknown): string {
  const digest = sha256(new TextEncoder().encode(`${dataHash}\n${JSON.stringify(learnt)}`));
  let hex = '';
  for (const b of digest.subarray(0, 6)) hex += b.toString(16).padStart(2, '0');
  return `${name}-${hex}`;
}

export function trainScamModel(
  recipe: Recipe,
  data: ModelData,
  meta: TrainingMeta,
  topK = 50,
): TrainedModel {
  const spec = recipe.features;
  const items: TrainItem[] = data.train.map((e) => ({
    x: featurizeExample(spec, e).vector,
    y: e.y,
    group: e.group,
    modern: e.modern,
  }));
  const result = runPipeline(items, {
    dim: dimensionOf(spec),
    grid: recipe.grid,
    folds: recipe.folds,
    scam: recipe.scam,
    suspicious: recipe.suspicious,
    ...(recipe.repeats === undefined ? {} : { repeats: recipe.repeats }),
    ...(recipe.foldSalt === undefined ? {} : { foldSalt: recipe.foldSalt }),
  });
  const positives = items.filter((it) => it.y === 1).length;
  const calibration = {
    method: 'platt',
    a: result.calibration.a,
    b: result.calibration.b,
  } as const;
  const file: ModelFile = {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    name: recipe.name,
    version: versionOf(recipe.name, meta.dataHash, {
      features: spec,
      bias: result.bias,
      weights: result.encoded,
      calibration,
      thresholds: result.thresholds,
    }),
    created: meta.created,
    description: recipe.description,
    features: spec,
    bias: result.bias,
    weights: { encoding: WEIGHT_ENCODING, dim: dimensionOf(spec), ...result.encoded },
    calibration,
    thresholds: result.thresholds,
    training: {
      dataHash: meta.dataHash,
      examples: items.length,
      positive: positives,
      negative: items.length - positives,
      sources: sourcesOf(data),
      optimizer: 'ftrl-proximal',
      ...result.chosen.params,
      modernWeight: result.chosen.modernWeight,
      ...(result.chosen.nb === undefined
        ? {}
        : {
            featureScaling: 'naive-bayes log-count ratio (NB-SVM), folded into the weights',
            nbAlpha: result.chosen.nb.alpha,
            nbBinarize: result.chosen.nb.binarize,
            nbBeta: result.chosen.nb.beta,
          }),
      folds: recipe.folds,
      ...((recipe.repeats ?? 1) > 1 ? { crossValidationRuns: recipe.repeats ?? 1 } : {}),
      calibration: 'platt scaling on out-of-fold margins of the training split',
    },
    metrics: {},
  };
  const scorer = buildScorer(file, result.weights);
  const figures: MetricFigure[] = [];
  const prefix = recipe.name.replace(/^scam-/, '');
  for (const modern of [false, true]) {
    const idx = data.train.flatMap((e, i) => (e.modern === modern ? [i] : []));
    if (idx.length === 0) continue;
    const set = {
      name: `${prefix}.train_oof${modern ? '_modern' : ''}`,
      scores: idx.map((i) => result.oofScores[i] as number),
      labels: idx.map((i) => (data.train[i] as Example).label),
    };
    figures.push(...evaluateSet(set, file.thresholds));
  }
  for (const set of data.evals) {
    if (set.examples.length === 0) continue;
    const scores = set.examples.map((e) => scorer.score(e.input).probability);
    figures.push(
      ...evaluateSet(
        { name: set.name, scores, labels: set.examples.map((e) => e.label) },
        file.thresholds,
      ),
    );
  }
  const metrics: Record<string, number> = {};
  for (const f of figures) metrics[f.name] = round(f.value);
  const top = topFeatures(
    result.weights.subarray(0, 1 << spec.hashBits),
    data.train.map((e) => e.input),
    (input) => featurizeInput(spec, input, true),
    topK,
    spec.kind === 'url' ? urlFeatureText : textFeatureText,
  );
  const base = 1 << spec.hashBits;
  const dense = (spec.kind === 'url' ? spec.dense : [])
    .map((name, k) => ({ name, weight: result.weights[base + k] as number }))
    .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : 1));
  const leaks = [...top.positive, ...top.negative].flatMap((f) =>
    f.texts
      .filter((t) => looksLikeLeakage(t.text))
      .map((t) => `${t.text} (${f.weight.toFixed(3)})`),
  );
  const oof = new Map<string, number[]>();
  data.train.forEach((e, i) => {
    oof.set(
      e.id,
      result.oofRuns.map((run) => {
        const p = Math.min(1 - 1e-12, Math.max(1e-12, run[i] as number));
        return Math.log(p / (1 - p));
      }),
    );
  });
  return { file: { ...file, metrics }, figures, grid: result.grid, top, dense, leaks, oof };
}
