/**
 * Training of the classifier's heads (pure): every reading of every prompt
 * (as written, unwrapped, decoded…) becomes an example carrying the prompt's
 * label, weighted so each prompt counts once; one FTRL logistic regression
 * per head. Deterministic for the same records and parameters.
 */

import {
  type FtrlParams,
  type TrainingExample,
  trainLogistic,
} from '../../../platform/engine-kit/model/linear-model.js';
import type { SparseVector } from '../../../platform/engine-kit/model/sparse-vector.js';
import {
  featurizeVariant,
  promptText,
  type SafeguardsModel,
  variantsOf,
} from '../classify-prompt.js';
import { featureDim, type PromptFeatureConfig } from '../featurize-prompt.js';
import { type DecodedHead, HEAD_IDS, type HeadId } from '../model/model-file.js';
import type { ClassifyInput, PromptLabel } from '../types.js';

export interface LabelledPrompt {
  readonly input: ClassifyInput;
  readonly label: PromptLabel;
  readonly defensive: boolean;
}

export const SAFEGUARDS_FTRL: FtrlParams = Object.freeze({
  alpha: 0.3,
  beta: 1,
  l1: 0.4,
  l2: 1,
  epochs: 8,
  seed: 20261206,
});

function target(head: HeadId, p: LabelledPrompt): 0 | 1 {
  if (head === 'malicious') return p.label === 'benign' ? 0 : 1;
  if (head === 'defensive') return p.defensive ? 1 : 0;
  return p.label === head ? 1 : 0;
}

export function trainHeads(
  prompts: readonly LabelledPrompt[],
  features: PromptFeatureConfig,
  params: FtrlParams = SAFEGUARDS_FTRL,
): SafeguardsModel {
  const vectors: { x: SparseVector; p: LabelledPrompt; w: number }[] = [];
  for (const p of prompts) {
    const all = variantsOf(promptText(p.input)).variants;
    // When a layer was decoded, the encoded form is noise: learn from the decoded readings only,
    // so that "decode this base64" alone does not become a sign of either class.
    const decoded = all.filter((v) => v.decoded === true);
    const variants = decoded.length > 0 ? decoded : all;
    for (const v of variants)
      vectors.push({ x: featurizeVariant(features, v), p, w: 1 / variants.length });
  }
  const dim = featureDim(features);
  // The misuse head sees both classes with equal total weight, so the base rate is not a prior.
  const positives = vectors.reduce((n, v) => n + (v.p.label === 'benign' ? 0 : v.w), 0);
  const negatives = vectors.reduce((n, v) => n + (v.p.label === 'benign' ? v.w : 0), 0);
  const balance = (id: HeadId, v: (typeof vectors)[number]) =>
    id !== 'malicious' || positives === 0 || negatives === 0
      ? 1
      : ((v.p.label === 'benign' ? 0.5 / negatives : 0.5 / positives) * vectors.length) / 1;
  const heads: DecodedHead[] = HEAD_IDS.map((id) => {
    const examples: TrainingExample[] = vectors.map((v) => ({
      x: v.x,
      y: target(id, v.p),
      weight: v.w * balance(id, v),
    }));
    const trained = trainLogistic(examples, dim, params);
    return { id, bias: trained.bias, weights: Float32Array.from(trained.weights) };
  });
  return { features, heads };
}
