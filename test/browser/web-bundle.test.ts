/**
 * The built web UI's weight: the scam checker's engine and models (the chunks
 * the check worker loads when a person checks something on their device) stay
 * within 1.5 MB gzipped, and none of it is in the page's first load.
 *
 * Measures the real files in dist/web (`npm run build:web` first) with gzip at
 * its default level, as a web server or CDN would send them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/platform/test-support/test-server.js';

const assets = join(repoRoot, 'dist/web/assets');
/** 1.5 MB, decimal (the stricter reading). */
const BUDGET_BYTES = 1_500_000;
/**
 * The worker and what it imports, named by their source files: the engine's
 * entry (web/src/protect/scam-engine.ts) and every shipped model file, so a new
 * models/scam-*.json the worker forgets to load fails here.
 */
const CHECKER_CHUNKS = [
  'check-worker',
  'scam-engine',
  ...readdirSync(join(repoRoot, 'models'))
    .filter((file) => /^scam-[a-z]+\.json$/.test(file))
    .map((file) => file.replace(/\.json$/, '')),
];

const gzipped = (file: string) => gzipSync(readFileSync(join(assets, file))).length;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

describe('web bundle', () => {
  it('has been built', () => {
    expect(existsSync(join(repoRoot, 'dist/web/index.html')), 'run `npm run build:web`').toBe(true);
  });

  it.runIf(existsSync(assets))(
    'engine + models: their own chunks, ≤ 1.5 MB gzipped in total',
    () => {
      const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
      const chunks = CHECKER_CHUNKS.map((name) => {
        const matching = files.filter((file) => new RegExp(`^${name}-[\\w-]+\\.js$`).test(file));
        expect(matching, `exactly one ${name}-<hash>.js chunk`).toHaveLength(1);
        const file = matching[0] as string;
        return { file, gzip: gzipped(file) };
      });
      const total = chunks.reduce((sum, chunk) => sum + chunk.gzip, 0);
      console.log(
        `scam checker chunks, gzipped: ${chunks.map((c) => `${c.file} ${kib(c.gzip)}`).join(', ')}; total ${total.toLocaleString('en')} bytes (${(total / 1e6).toFixed(2)} MB) of ${BUDGET_BYTES.toLocaleString('en')}`,
      );
      expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
    },
  );

  it.runIf(existsSync(assets))(
    'the first load (index.html and what it links) has no engine or model',
    () => {
      const html = readFileSync(join(repoRoot, 'dist/web/index.html'), 'utf8');
      const linked = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map(
        (match) => match[1] as string,
      );
      expect(linked.length).toBeGreaterThan(0);
      for (const file of linked) {
        const code = readFileSync(join(assets, file), 'utf8');
        expect(code, `${file} contains model data`).not.toContain('shieldwall-scam-model');
        expect(code, `${file} contains the engine`).not.toContain('createScamChecker');
        expect(CHECKER_CHUNKS.some((name) => file.startsWith(`${name}-`))).toBe(false);
      }
      const first = linked.reduce((sum, file) => sum + gzipped(file), 0);
      console.log(`first load JavaScript, gzipped: ${kib(first)}`);
      expect(first).toBeLessThan(100 * 1024);
    },
  );
});
