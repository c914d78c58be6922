/**
 * Platform figures, embedded defaults next to the scale-out adapters, each
 * measured through the composed platform exactly as the server uses it:
 * audit appends and verification, bus publish and delivery latency, limiter
 * decisions. Scale-out figures are skipped (with a line) when a server is down.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { modules } from '../../src/modules.js';
import { composePlatform, type Platform } from '../../src/platform/compose.js';
import { loadConfig } from '../../src/platform/config/load-config.js';
import { createLogger } from '../../src/platform/logger.js';
import {
  createTempDatabase,
  isListening,
  serviceUrl,
} from '../../src/platform/test-support/services.js';
import { type BenchSuite, type Figure, opsPerSecond } from '../harness.js';

async function platformWith(
  env: Record<string, string>,
): Promise<{ platform: Platform; dispose(): Promise<void> }> {
  const data = mkdtempSync(join(tmpdir(), 'sw-bench-'));
  const config = loadConfig({
    env: { SHIELDWALL_LOG_LEVEL: 'silent', ...env },
    overrides: { data },
  });
  const platform = await composePlatform(config, { logger: createLogger(config), modules });
  await platform.migrate();
  return {
    platform,
    async dispose() {
      await platform.close();
      rmSync(data, { recursive: true, force: true });
    },
  };
}

async function figuresFor(label: string, platform: Platform): Promise<Figure[]> {
  const figures: Figure[] = [];
  let i = 0;
  const append = () =>
    platform.audit.append({ actor: 'bench', action: 'bench.entry.appended', data: { i: i++ } });
  figures.push({
    name: `audit.append.${label}`,
    value: await opsPerSecond(append, 2000),
    unit: 'entries/s',
  });
  const started = performance.now();
  const report = await platform.audit.verify();
  const seconds = (performance.now() - started) / 1000;
  figures.push({
    name: `audit.verify.${label}`,
    value: report.treeSize / seconds,
    unit: 'entries/s',
  });

  const subject = 'bench.event.sent';
  figures.push({
    name: `bus.publish.${label}`,
    value: await opsPerSecond(() => platform.bus.publish(subject, { n: 1 }), 2000),
    unit: 'events/s',
  });
  const latencies: number[] = [];
  let resolveOne: (() => void) | undefined;
  const sub = await platform.bus.subscribe('bench.latency.*', (e) => {
    latencies.push(performance.now() - (e.data as { t: number }).t);
    resolveOne?.();
  });
  for (let n = 0; n < 300; n++) {
    const got = new Promise<void>((r) => {
      resolveOne = r;
    });
    await platform.bus.publish('bench.latency.ping', { t: performance.now() });
    await got;
  }
  await sub.unsubscribe();
  latencies.sort((a, b) => a - b);
  figures.push({
    name: `bus.latency_p50.${label}`,
    value: latencies[Math.floor(latencies.length / 2)] ?? 0,
    unit: 'ms',
  });

  const rule = { limit: 1_000_000, windowMs: 60_000 };
  let k = 0;
  figures.push({
    name: `limiter.consume.${label}`,
    value: await opsPerSecond(() => platform.limiter.consume(`bench:${k++ % 1000}`, rule), 2000),
    unit: 'decisions/s',
  });
  return figures;
}

export const suite: BenchSuite = {
  name: 'platform: audit log, bus, limiter (embedded vs scale-out adapters)',
  async run() {
    const embedded = await platformWith({});
    const figures = await figuresFor('embedded', embedded.platform);
    await embedded.dispose();

    const pgUrl = serviceUrl('postgres');
    const up = await Promise.all(
      [pgUrl, serviceUrl('nats'), serviceUrl('redis')].map((u) => isListening(u)),
    );
    if (up.includes(false)) {
      process.stderr.write(
        '# scale-out figures skipped: PostgreSQL, NATS or Redis is not answering\n',
      );
      return figures;
    }
    const suffix = randomBytes(4).toString('hex');
    const db = await createTempDatabase(pgUrl, 'sw_bench');
    const scaled = await platformWith({
      SHIELDWALL_STORE: db.url,
      SHIELDWALL_BUS: serviceUrl('nats'),
      SHIELDWALL_LIMITER: serviceUrl('redis'),
      SHIELDWALL_NATS_STREAM: `SWBENCH_${suffix}`,
    });
    try {
      figures.push(...(await figuresFor('scaleout', scaled.platform)));
    } finally {
      await scaled.dispose();
      await db.drop();
    }
    return figures;
  },
};
