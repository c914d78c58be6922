/**
 * A model file (parsed JSON) to a ready classifier model, or the reason it is
 * unusable. The file's dense feature list must be the engine's: a model
 * trained with other cues would weigh the wrong features.
 */
import type { SafeguardsModel } from '../classify-prompt.js';
import { DENSE_FEATURES } from '../featurize-prompt.js';
import { scoringTables } from '../reading-scorer.js';
import { parseModelFile } from './model-file.js';

export function loadSafeguardsModel(
  json: unknown,
):
  | { readonly ok: true; readonly model: SafeguardsModel }
  | { readonly ok: false; readonly error: string } {
  const parsed = parseModelFile(json);
  if (!parsed.ok) return parsed;
  const f = parsed.file.features;
  if (f.dense.length !== DENSE_FEATURES.length || f.dense.some((d, i) => d !== DENSE_FEATURES[i])) {
    return { ok: false, error: 'the model was trained with a different set of cues; retrain it' };
  }
  const model: SafeguardsModel = {
    features: {
      hashBits: f.hashBits,
      charMin: f.charMin,
      charMax: f.charMax,
      maxTokens: f.maxTokens,
      dense: DENSE_FEATURES,
    },
    heads: parsed.heads,
  };
  // Lay the weights out for scoring now, so the first request does not pay for it.
  scoringTables(model);
  return { ok: true, model };
}
