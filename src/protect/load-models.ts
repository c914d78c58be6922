import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../platform/package-root.js';

/** The shipped model files live in `<package>/models/`. */
export const MODELS_DIR = packagePath('models');

/**
 * Read every `models/scam-*.json` into `{ text, email, url, … }` keyed by the
 * part after `scam-`. The engine validates their contents when it loads them.
 */
export function loadScamModelFiles(dir = MODELS_DIR): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of readdirSync(dir).sort()) {
    const m = /^scam-([a-z]+)\.json$/.exec(file);
    if (m?.[1] === undefined) continue;
    out[m[1]] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
  }
  return out;
}
