/**
 * The scam checker against 100,000 generated hostile inputs (deterministic
 * seed): mutated fixtures of every kind, binary garbage, lone surrogates,
 * direction overrides and zero-width characters, nested and wide multiparts,
 * header and MIME soup, 10–110 KB URLs and a few giant (up to 27 MB) inputs.
 * Every result is checked against the contract (fuzz-inputs.ts). A crash or a
 * malformed result prints the input (escaped, cut short) to stderr and fails
 * the run. Every other input also goes through a threat-intel matcher. `npm test` runs the same generator a few thousand times
 * (check.fuzz.test.ts).
 *
 * Figures: fuzz.inputs, fuzz.crashes (must be 0), fuzz.malformed (must be 0),
 * fuzz.slowest_ms, fuzz.p99_ms, fuzz.inputs_per_s (check time only).
 * Environment: BENCH_FUZZ_INPUTS (default 100000), BENCH_FUZZ_SEED (default 20260).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  describeInput,
  FUZZ_MATCHER,
  type FuzzCorpus,
  fuzzCase,
  resultProblems,
} from '../../src/protect/engine/check/test-support/fuzz-inputs.js';
import { type CheckResult, createScamChecker } from '../../src/protect/engine/index.js';
import { loadScamModelFiles } from '../../src/protect/load-models.js';
import type { BenchSuite, Figure } from '../harness.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/scam');
/** About 20 giant inputs in 100,000: each costs up to a second to make and to check. */
const GIANT_RATE = 1 / 5_000;
const MAX_PRINTED = 20;

function jsonl(file: string): Record<string, unknown>[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

export function loadFuzzCorpus(): FuzzCorpus {
  const emailDir = join(FIXTURES, 'email');
  return {
    sms: jsonl('sms.jsonl').map((r) => String(r.text)),
    urls: jsonl('url.jsonl').map((r) => String(r.url)),
    emails: readdirSync(emailDir)
      .filter((f) => f.endsWith('.eml'))
      .sort()
      .map((f) => new Uint8Array(readFileSync(join(emailDir, f)))),
  };
}

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export const suite: BenchSuite = {
  name: 'scam-fuzz: the scam checker on 100,000 generated hostile inputs',
  async run(): Promise<Figure[]> {
    const count = envInt('BENCH_FUZZ_INPUTS', 100_000);
    const seed = envInt('BENCH_FUZZ_SEED', 20_260);
    const corpus = loadFuzzCorpus();
    const models = loadScamModelFiles();
    // Every other input also goes through a threat-intel matcher (with nonsense confidences too).
    const plain = createScamChecker({ models });
    const withIntel = createScamChecker({ models, matcher: FUZZ_MATCHER });
    for (let i = 0; i < 300; i++) {
      (i % 2 === 0 ? plain : withIntel).check(fuzzCase(i, corpus, { seed: seed + 1 }).input);
    }

    const times = new Float64Array(count);
    let crashes = 0;
    let malformed = 0;
    let printed = 0;
    let slowest = { ms: -1, what: '' };
    let giants = 0;
    let slowestGiantMs = 0;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const c = fuzzCase(i, corpus, { seed, giantRate: GIANT_RATE });
      const checker = i % 2 === 0 ? plain : withIntel;
      const t0 = performance.now();
      let result: CheckResult | undefined;
      let problems: string[] = [];
      try {
        result = checker.check(c.input);
      } catch (e) {
        crashes += 1;
        problems = [`threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
      }
      const ms = performance.now() - t0;
      times[i] = ms;
      if (result !== undefined) {
        problems = resultProblems(c.input, result, { version: checker.version });
        if (problems.length > 0) malformed += 1;
      }
      if (c.strategy.startsWith('giant-')) {
        giants += 1;
        slowestGiantMs = Math.max(slowestGiantMs, ms);
      }
      if (ms > slowest.ms) {
        slowest = { ms, what: `case ${i} (${c.strategy}) ${describeInput(c.input, 80)}` };
      }
      if (problems.length > 0 && printed < MAX_PRINTED) {
        printed += 1;
        process.stderr.write(
          `# FAIL case ${i} (seed ${seed}, ${c.strategy}):\n#   ${problems.slice(0, 5).join('\n#   ')}\n#   input: ${describeInput(c.input)}\n`,
        );
      }
      if ((i + 1) % 10_000 === 0) {
        const s = ((performance.now() - started) / 1000).toFixed(0);
        process.stderr.write(
          `# ${i + 1} inputs, ${crashes} crashes, ${malformed} malformed, ${s} s\n`,
        );
      }
    }
    const wallS = (performance.now() - started) / 1000;
    const sorted = [...times].sort((a, b) => a - b);
    const checkMs = sorted.reduce((a, b) => a + b, 0);
    process.stderr.write(`# slowest: ${slowest.ms.toFixed(0)} ms, ${slowest.what}\n`);
    process.stderr.write(
      `# ${giants} giant inputs (1–27 MB), the slowest checked in ${slowestGiantMs.toFixed(0)} ms\n`,
    );
    process.stderr.write(`# wall time ${wallS.toFixed(1)} s (making, checking and validating)\n`);
    if (crashes > 0 || malformed > 0) process.exitCode = 1;
    return [
      { name: 'fuzz.inputs', value: count, unit: 'inputs' },
      { name: 'fuzz.crashes', value: crashes, unit: 'crashes' },
      { name: 'fuzz.malformed', value: malformed, unit: 'results' },
      { name: 'fuzz.slowest_ms', value: sorted.at(-1) ?? 0, unit: 'ms' },
      {
        name: 'fuzz.p99_ms',
        value: sorted[Math.min(count - 1, Math.floor(count * 0.99))] ?? 0,
        unit: 'ms',
      },
      { name: 'fuzz.inputs_per_s', value: count / (checkMs / 1000), unit: 'inputs/s' },
    ];
  },
};
