/**
 * `npm run bench:scam-speed`: how fast the shipped scam checker is, in CPU
 * time, on the same dev inputs as scam-quality (texts and raw emails of the
 * dev split and the held-out modern fixtures). The machine may be shared, so
 * throughput is counted per CPU second of this process (`process.cpuUsage`,
 * user + system, GC and JIT threads included) rather than per wall second;
 * latency is given both ways: wall-clock p50/p99 of single checks and the CPU
 * time of the same checks.
 *
 * Skipped, with a line saying why, when ../shared is absent.
 */
import { performance } from 'node:perf_hooks';
import { shippedCheckerOnDev } from '../../scripts/scam-checker-sets.js';
import type { CheckInput } from '../../src/protect/engine/index.js';
import type { BenchSuite, Figure } from '../harness.js';

/** Timed whole passes over a kind's inputs (after WARMUP_PASSES untimed ones); the median pass is reported. */
const PASSES: Readonly<Record<string, number>> = { text: 7, email: 5, url: 5 };
/** Enough for V8 to have compiled the hot paths: its compiler threads' CPU time would count otherwise. */
const WARMUP_PASSES = 2;

const cpuMicros = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

const at = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** CPU µs per item: the median of `passes` timed whole passes, after the warm-up passes. */
function cpuPerItem<T>(items: readonly T[], op: (item: T) => unknown, passes: number): number {
  for (let p = 0; p < WARMUP_PASSES; p++) for (const item of items) op(item);
  const perPass: number[] = [];
  for (let p = 0; p < passes; p++) {
    const start = cpuMicros();
    for (const item of items) op(item);
    perPass.push((cpuMicros() - start) / items.length);
  }
  perPass.sort((a, b) => a - b);
  return at(perPass, 0.5);
}

/** Wall-clock and CPU milliseconds of each single check, one pass, sorted. */
function singleChecks<T>(items: readonly T[], op: (item: T) => unknown) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (const item of items) {
    const c = cpuMicros();
    const w = performance.now();
    op(item);
    wall.push(performance.now() - w);
    cpu.push((cpuMicros() - c) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wall, cpu };
}

export const suite: BenchSuite = {
  name: 'scam-speed: CPU time per check of the shipped scam checker on the dev inputs',
  async run() {
    const shipped = shippedCheckerOnDev();
    if (shipped === undefined) return [];
    const { checker, sets } = shipped;
    const check = (input: CheckInput) => checker.check(input);
    const figures: Figure[] = [];
    for (const [kind, unit] of [
      ['text', 'texts/s'],
      ['email', 'emails/s'],
      ['url', 'urls/s'],
    ] as const) {
      const inputs = sets
        .filter((s) => s.name.startsWith(`${kind}.`))
        .flatMap((s) => s.items.map((i) => i.input));
      const micros = cpuPerItem(inputs, check, PASSES[kind] ?? 1);
      const { wall, cpu } = singleChecks(inputs, check);
      figures.push(
        { name: `${kind}.count`, value: inputs.length, unit: 'items' },
        { name: `${kind}.cpu_per_check`, value: micros, unit: 'µs' },
        { name: `${kind}.throughput_per_cpu_s`, value: 1e6 / micros, unit },
        { name: `${kind}.check.p50`, value: at(wall, 0.5), unit: 'ms' },
        { name: `${kind}.check.p99`, value: at(wall, 0.99), unit: 'ms' },
        { name: `${kind}.check.max`, value: at(wall, 1), unit: 'ms' },
        { name: `${kind}.check.cpu_p99`, value: at(cpu, 0.99), unit: 'ms' },
      );
    }
    return figures;
  },
};
