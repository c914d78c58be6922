/**
 * How long one request-log flush holds the event loop on SQLite (the default
 * store: synchronous, fsync per commit), wall and CPU, for a burst of records:
 * written on the event loop through the store (`inline`, as with no data file),
 * and from the worker thread `serve` uses (`worker`: the CPU is the event loop's
 * share — making the rows and handing them over; the wall is until the worker's commit).
 *
 *   node --import tsx bench/gateway-log-flush.ts [RECORDS=250] [ROUNDS=20]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequestLog, type RequestRecord } from '../src/gateway/request-log.js';
import { modules } from '../src/modules.js';
import { composePlatform, DATA_FILES } from '../src/platform/compose.js';
import { loadConfig } from '../src/platform/config/load-config.js';
import { createLogger } from '../src/platform/logger.js';

const records = Number(process.argv[2] ?? 250);
const rounds = Number(process.argv[3] ?? 20);
const data = mkdtempSync(join(tmpdir(), 'sw-log-flush-'));
const config = loadConfig({ env: { SHIELDWALL_LOG_LEVEL: 'silent' }, overrides: { data } });
const platform = await composePlatform(config, { logger: createLogger(config), modules });
await platform.migrate();
const record = (i: number): RequestRecord => ({
  id: `r-${i}-${Math.random()}`,
  created_at: Date.now(),
  principal: 'org:o1',
  org_id: 'o1',
  key_id: 'k1',
  end_user: null,
  tier: 3,
  endpoint: 'chat',
  model: 'defender-small',
  upstream: 'default',
  status: 200,
  error_code: null,
  stream: 0,
  latency_ms: 3,
  prompt_tokens: 12,
  completion_tokens: 8,
  total_tokens: 20,
  decision: 'allow',
  risk: 0.01,
  categories: '[]',
  prompt: 'How do I rotate SSH host keys across a fleet safely?',
  response: 'Patch the server and rotate the credentials.',
  client_net: '127.0.0.0/24',
});
/** CPU ms of this process's main (event-loop) thread, from /proc schedstat (ns). */
const loopCpuMs = () =>
  Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? 0;
for (const mode of ['inline', 'worker'] as const) {
  const log = createRequestLog({
    store: platform.store,
    logger: platform.logger,
    now: Date.now,
    retentionDays: 30,
    flushEveryMs: 3_600_000,
    ...(mode === 'worker' ? { sqliteFile: join(data, DATA_FILES.store) } : {}),
  });
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < records; i++) log.record(record(i));
    // The main thread's own CPU (process.cpuUsage would add the worker's).
    const cpu = loopCpuMs();
    const t = performance.now();
    await log.flush();
    walls.push(performance.now() - t);
    cpus.push(loopCpuMs() - cpu);
  }
  const name = `gateway_log.flush_${records}.${mode}`;
  process.stdout.write(
    `${name}.wall_p50: ${med(walls).toFixed(2)} ms\n${name}.wall_max: ${Math.max(...walls).toFixed(2)} ms\n${name}.loop_cpu_p50: ${med(cpus).toFixed(2)} ms\n`,
  );
  await log.close();
}
await platform.close();
