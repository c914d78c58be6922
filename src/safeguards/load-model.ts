/**
 * The shipped safeguards model (models/safeguards-text.json), read once and
 * validated.
 */
import { readFile } from 'node:fs/promises';
import { packagePath } from '../platform/package-root.js';
import { loadSafeguardsModel, type SafeguardsModel } from './engine/index.js';
import { safeguardsErrors } from './errors.js';

export const SAFEGUARDS_MODEL_PATH = packagePath('models', 'safeguards-text.json');

let shipped: Promise<SafeguardsModel> | undefined;

/** Load and validate a model file; throws `model_invalid` with the reason. */
export async function readSafeguardsModel(path: string): Promise<SafeguardsModel> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    throw safeguardsErrors.create('model_invalid', { cause: err });
  }
  const loaded = loadSafeguardsModel(json);
  if (!loaded.ok)
    throw safeguardsErrors.create('model_invalid', {
      message: `The safeguards model is not valid: ${loaded.error}`,
    });
  return loaded.model;
}

/** The shipped model, loaded on first use and shared. */
export function shippedSafeguardsModel(): Promise<SafeguardsModel> {
  shipped ??= readSafeguardsModel(SAFEGUARDS_MODEL_PATH);
  return shipped;
}
