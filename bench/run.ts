/**
 * `npm run bench [suite ...]`: runs every suite in bench/suites (or the named
 * ones) and prints one line per figure. After each suite, on Linux, the share
 * of the machine's CPU time the hypervisor gave to other guests while it ran
 * ("steal"): on a shared virtual machine wall-clock figures fall with it (here,
 * 8–21% steal took STIX ingest from ~22k to ~17k objects/s between two runs a
 * minute apart), so a figure is read next to it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchSuite, formatFigure } from './harness.js';

const dir = join(import.meta.dirname, 'suites');
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

/** The aggregate `cpu` line of /proc/stat: [steal, total] in clock ticks, or undefined off Linux. */
function cpuTicks(): [number, number] | undefined {
  if (!existsSync('/proc/stat')) return undefined;
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
  const t = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (t.length < 8 || t.some((x) => !Number.isFinite(x))) return undefined;
  return [t[7] as number, t.reduce((a, b) => a + b, 0)];
}

let ran = 0;
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, '');
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { suite: BenchSuite };
  process.stderr.write(`# ${mod.suite.name}\n`);
  const before = cpuTicks();
  for (const figure of await mod.suite.run()) process.stdout.write(`${formatFigure(figure)}\n`);
  const after = cpuTicks();
  if (before !== undefined && after !== undefined && after[1] > before[1])
    process.stdout.write(
      `${formatFigure({
        name: `${name}.cpu_steal`,
        value: (100 * (after[0] - before[0])) / (after[1] - before[1]),
        unit: "% of the machine's CPU time taken by the hypervisor during the suite",
      })}\n`,
    );
  ran += 1;
}
if (ran === 0) {
  process.stderr.write(
    `no benchmark suite matches ${wanted.join(', ')}; available: ${files.join(', ')}\n`,
  );
  process.exitCode = 2;
}
