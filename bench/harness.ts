/**
 * A small benchmark harness: each figure is measured by running the operation
 * for a fixed time after a warm-up, and printed on its own line as
 * `name: value unit` (one line per figure, easy to grep and to diff).
 * Benchmarks never run in `npm test`.
 */
import { performance } from 'node:perf_hooks';

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface BenchSuite {
  readonly name: string;
  /** Runs the measurements and returns the figures; may skip (return []) with a printed reason. */
  run(): Promise<Figure[]>;
}

/** Operations per second of `op`, run sequentially for `durationMs` after `warmupMs`. */
export async function opsPerSecond(
  op: () => Promise<unknown> | unknown,
  durationMs = 2000,
  warmupMs = 300,
): Promise<number> {
  const until = async (ms: number) => {
    const end = performance.now() + ms;
    let n = 0;
    while (performance.now() < end) {
      await op();
      n += 1;
    }
    return n;
  };
  await until(warmupMs);
  const start = performance.now();
  const n = await until(durationMs);
  return n / ((performance.now() - start) / 1000);
}

/** Wall-clock milliseconds of one run of `fn`. */
export async function timeMs(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function formatFigure(f: Figure): string {
  // Counts (0 crashes, 91 items) print as integers; measurements keep three significant digits.
  const v =
    f.value >= 100 || Number.isInteger(f.value)
      ? Math.round(f.value).toString()
      : f.value.toPrecision(3);
  return `${f.name}: ${v} ${f.unit}`;
}
