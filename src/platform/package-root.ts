/**
 * Where the installed package's files are (models/, package.json, dist/web/). This file is two
 * levels below the package root wherever it runs from — src/platform/ under tsx and vitest,
 * dist/platform/ when built with tsc, dist/bin/ in the bundled CLI (scripts/bundle-cli.mjs puts
 * every chunk there) — so every module finds package files through it, never through its own
 * depth, which the bundle does not keep.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A path inside the package, e.g. `packagePath('models', 'scam-text.json')`. */
export function packagePath(...parts: string[]): string {
  return join(PACKAGE_ROOT, ...parts);
}
