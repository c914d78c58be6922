/**
 * `npm run bench [suite ...]`: runs every suite in bench/suites (or the named
 * ones) and prints one line per figure.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchSuite, formatFigure } from './harness.js';

const dir = join(import.meta.dirname, 'suites');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

let ran = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite: BenchSuite };
  process.stderr.write(`# ${mod.suite.name}\n`);
  for (const figure of await mod.suite.run()) process.stdout.write(`${formatFigure(figure)}\n`);
  ran += 1;
}
if (ran === 0) {
  process.stderr.write(
    `no benchmark suite matches ${wanted.join(', ')}; available: ${files.join(', ')}\n`,
  );
  process.exitCode = 2;
}
