/**
 * CLI cold start for one scam check: `node dist/bin/shieldwall.js check "<text>"` (the bundled CLI) as a
 * person would run it, a fresh process each time (one warm-up run so the file
 * cache is warm, then 20 timed). Needs the built server (`npm run build:server`);
 * skipped with a line when dist/bin/shieldwall.js is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchSuite, Figure } from '../harness.js';

const repoRoot = join(import.meta.dirname, '../..');
const cli = join(repoRoot, 'dist/bin/shieldwall.js');
const TEXT =
  'USPS: Your package is on hold due to an unpaid shipping fee of $1.99. Pay now at https://usps-redelivery.top/pay to avoid return.';
const RUNS = 20;

/** Wall-clock milliseconds from spawn to exit; a check that finds a scam exits 1. */
function timeOneCheck(): Promise<number> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('SHIELDWALL_')) env[k] = v;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'check', TEXT], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 1) resolve(ms);
      else reject(new Error(`check exited ${code} (expected 1, a scam): ${stderr.trim()}`));
    });
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
}

export const suite: BenchSuite = {
  name: 'scam CLI: cold start of `shieldwall check` for one text',
  async run(): Promise<Figure[]> {
    if (!existsSync(cli)) {
      process.stderr.write(`skipped: ${cli} is missing (run npm run build:server first)\n`);
      return [];
    }
    await timeOneCheck();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push(await timeOneCheck());
    times.sort((a, b) => a - b);
    return [
      { name: 'cli.cold_start.p50', value: percentile(times, 0.5), unit: 'ms' },
      { name: 'cli.cold_start.p90', value: percentile(times, 0.9), unit: 'ms' },
    ];
  },
};
