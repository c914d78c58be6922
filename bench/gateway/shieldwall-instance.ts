/**
 * Shieldwall for the benchmark, in its own process: the real server (every
 * module, SQLite, memory limiter) with the gateway forwarding to the stub given
 * as argv[2], a tier policy whose top tier allows more requests than the bench
 * sends, and one tier-3 organization key. Safeguards are on (the shipped screen).
 * Prints `{"url", "key"}` on its first line and runs until stdin closes.
 *
 * Reads commands on stdin, one a line: `mark` starts a measurement window;
 * `stats` prints, as one JSON line, the process CPU time (process.cpuUsage),
 * event-loop delay (mean, p99, max) and utilisation, and garbage-collection
 * pauses (count, total, longest) since the last `mark`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { accessServices, DEFAULT_TIERS_YAML } from '../../src/access/index.js';
import { startTestServer } from '../../src/platform/test-support/test-server.js';

const upstream = process.argv[2];
if (upstream === undefined) throw new Error('usage: shieldwall-instance.ts UPSTREAM_URL');
// Limits far above what the bench sends, so it measures the work, not the refusals.
const tiers = join(mkdtempSync(join(tmpdir(), 'sw-bench-gw-')), 'bench-tiers.yaml');
writeFileSync(
  tiers,
  DEFAULT_TIERS_YAML.replace(
    'requests_per_minute: 3000, tokens_per_day: 10000000, tokens_per_minute: 400000',
    'requests_per_minute: 1000000, tokens_per_day: 1000000000000, tokens_per_minute: 1000000000',
  ),
);
const running = await startTestServer({
  env: {
    SHIELDWALL_LOG_LEVEL: 'silent',
    SHIELDWALL_UPSTREAM_URL: upstream,
    SHIELDWALL_TIERS_FILE: tiers,
  },
});
const access = await accessServices(running.platform);
const org = await access.directory.createOrg({ name: 'Bench Org', tier: 3 }, { id: 'bench' });
const { key } = await access.keys.create({ owner: { type: 'org', id: org.id } }, { id: 'bench' });
await access.close();

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
/** GC pauses since `mark`: a tail-latency suspect worth telling apart from the work itself. */
const gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.count += 1;
    gc.totalMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
let cpu = process.cpuUsage();
let elu = performance.eventLoopUtilization();
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line === 'mark') {
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
    delay.reset();
    Object.assign(gc, { count: 0, totalMs: 0, maxMs: 0 });
  } else if (line === 'stats') {
    const used = process.cpuUsage(cpu);
    process.stdout.write(
      `${JSON.stringify({
        cpuMs: (used.user + used.system) / 1000,
        loopDelayMeanMs: delay.mean / 1e6,
        loopDelayP99Ms: delay.percentile(99) / 1e6,
        loopDelayMaxMs: delay.max / 1e6,
        loopUtilisation: performance.eventLoopUtilization(elu).utilization,
        gcCount: gc.count,
        gcTotalMs: gc.totalMs,
        gcMaxMs: gc.maxMs,
      })}\n`,
    );
  }
});
commands.on('close', () => void running.close().then(() => process.exit(0)));
process.stdout.write(`${JSON.stringify({ url: running.url, key })}\n`);
