/**
 * The shipped safeguards model (models/safeguards-text.json), read once and
 * validated. The file sits in the package's models/ folder, two levels above
 * this file in both src/ and dist/.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSafeguardsModel, type SafeguardsModel } from './engine/index.js';
import { safeguardsErrors } from './errors.js';

export const SAFEGUARDS_MODEL_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  'models',
  'safeguards-text.json',
);

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
