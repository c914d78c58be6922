/**
 * Bundle the `shieldwall` CLI into dist/bin/ (entry shieldwall.js, shared chunks beside it):
 * one file to read and compile instead of ~170 ES modules each resolved and loaded on its own
 * (about a third of a cold `shieldwall check`). Commands still load lazily — every dynamic
 * import becomes its own chunk. npm packages stay external (resolved from node_modules), and
 * every chunk sits two levels below the package root, as src/platform/package-root.ts expects.
 * Run by `npm run build:server` after tsc, which type-checks and emits dist/ for the server.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bin');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { shieldwall: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  chunkNames: '[name]-[hash]',
  sourcemap: 'linked',
  logLevel: 'warning',
});
