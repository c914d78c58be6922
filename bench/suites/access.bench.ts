/**
 * Access figures: the authorization check for an API key on the hot path (key
 * lookup + tier + capability, from the in-process cache), and how long a
 * revocation made by one instance takes to be refused by another — embedded
 * (two platforms on one data directory, as two processes would be: SQLite and
 * the journalled local bus) and scale-out (PostgreSQL + NATS).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { type Access, accessForPlatform } from '../../src/access/access-service.js';
import { can } from '../../src/access/engine/index.js';
import { modules } from '../../src/modules.js';
import { composePlatform, type Platform } from '../../src/platform/compose.js';
import { loadConfig } from '../../src/platform/config/load-config.js';
import { createLogger } from '../../src/platform/logger.js';
import {
  createTempDatabase,
  isListening,
  serviceUrl,
} from '../../src/platform/test-support/services.js';
import type { BenchSuite, Figure } from '../harness.js';

const KEYS = 1000;
const SAMPLES = 300_000;
const REVOCATIONS = 20;
const operator = { id: 'bench:access' };

async function instance(
  env: Record<string, string>,
  data: string,
): Promise<{ platform: Platform; access: Access }> {
  const config = loadConfig({
    env: { SHIELDWALL_LOG_LEVEL: 'silent', ...env },
    overrides: { data },
  });
  const platform = await composePlatform(config, { logger: createLogger(config), modules });
  await platform.migrate();
  const access = accessForPlatform(platform);
  await access.start();
  return { platform, access };
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** p50/p99 of `authenticateKeyCached` + `can` over many keys, in microseconds. */
async function hotPath(a: Access, label: string): Promise<Figure[]> {
  const orgs = await Promise.all(
    [1, 2, 3].map((t) =>
      a.directory.createOrg(
        { name: `Bench ${label} ${t} ${randomBytes(3).toString('hex')}`, tier: t },
        operator,
      ),
    ),
  );
  const keys: string[] = [];
  for (let i = 0; i < KEYS; i++)
    keys.push(
      (
        await a.keys.create(
          { owner: { type: 'org', id: (orgs[i % 3] as { id: string }).id } },
          operator,
        )
      ).key,
    );
  for (const k of keys) await a.authenticator.authenticateKey(k); // fill the cache as traffic would
  const times = new Float64Array(SAMPLES);
  let allowed = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const key = keys[i % KEYS] as string;
    const t0 = performance.now();
    const p = a.authenticator.authenticateKeyCached(key);
    if (p && can(p, 'intel.read:green').allowed) allowed++;
    times[i] = performance.now() - t0;
  }
  if (allowed !== SAMPLES)
    throw new Error(
      `only ${allowed} of ${SAMPLES} checks allowed: the bench is not measuring the hot path`,
    );
  times.sort();
  return [
    { name: `access.authorize_p50.${label}`, value: quantile(times, 0.5) * 1000, unit: 'µs' },
    { name: `access.authorize_p99.${label}`, value: quantile(times, 0.99) * 1000, unit: 'µs' },
  ];
}

/** Milliseconds from a revocation on `a` until `b` refuses the key (max and p50 of several). */
async function revocation(a: Access, b: Access, label: string): Promise<Figure[]> {
  const org = await a.directory.createOrg(
    { name: `Revoke ${label} ${randomBytes(3).toString('hex')}`, tier: 2 },
    operator,
  );
  const delays: number[] = [];
  for (let i = 0; i < REVOCATIONS; i++) {
    const { key, info } = await a.keys.create({ owner: { type: 'org', id: org.id } }, operator);
    if ((await b.authenticator.authenticateKey(key)) === null)
      throw new Error('instance b does not accept a fresh key');
    await sleep(50 + Math.random() * 200); // revocations arrive at any point of the poll cycle
    const started = performance.now();
    await a.keys.revoke(info.id, 'bench', operator);
    while ((await b.authenticator.authenticateKey(key)) !== null) {
      if (performance.now() - started > 10_000)
        throw new Error('revocation did not arrive within 10 s');
      await sleep(1);
    }
    delays.push(performance.now() - started);
  }
  delays.sort((x, y) => x - y);
  return [
    {
      name: `access.revocation_p50.${label}`,
      value: delays[Math.floor(delays.length / 2)] ?? 0,
      unit: 'ms',
    },
    { name: `access.revocation_max.${label}`, value: delays.at(-1) ?? 0, unit: 'ms' },
  ];
}

export const suite: BenchSuite = {
  name: 'access: API-key authorization on the hot path, revocation across instances',
  async run() {
    const figures: Figure[] = [];
    const data = mkdtempSync(join(tmpdir(), 'sw-bench-access-'));
    const a = await instance({}, data);
    const b = await instance({}, data);
    try {
      figures.push(...(await hotPath(b.access, 'embedded')));
      figures.push(...(await revocation(a.access, b.access, 'embedded')));
    } finally {
      for (const x of [a, b]) {
        await x.access.close();
        await x.platform.close();
      }
      rmSync(data, { recursive: true, force: true });
    }

    const pgUrl = serviceUrl('postgres');
    const natsUrl = serviceUrl('nats');
    if (
      (
        await Promise.all([pgUrl, natsUrl, serviceUrl('redis')].map((u) => isListening(u)))
      ).includes(false)
    ) {
      process.stderr.write(
        '# scale-out figures skipped: PostgreSQL, NATS or Redis is not answering\n',
      );
      return figures;
    }
    const stream = `SWBENCH_ACCESS_${randomBytes(4).toString('hex')}`;
    const db = await createTempDatabase(pgUrl, 'sw_bench');
    const env = {
      SHIELDWALL_STORE: db.url,
      SHIELDWALL_BUS: natsUrl,
      SHIELDWALL_LIMITER: serviceUrl('redis'),
      SHIELDWALL_NATS_STREAM: stream,
    };
    const dirs = [
      mkdtempSync(join(tmpdir(), 'sw-bench-a-')),
      mkdtempSync(join(tmpdir(), 'sw-bench-b-')),
    ];
    const sa = await instance(env, dirs[0] as string);
    const sb = await instance(env, dirs[1] as string);
    try {
      figures.push(...(await hotPath(sb.access, 'scaleout')));
      figures.push(...(await revocation(sa.access, sb.access, 'scaleout')));
    } finally {
      for (const x of [sa, sb]) {
        await x.access.close();
        await x.platform.close();
      }
      await db.drop();
      const nc = await connect({ servers: natsUrl });
      await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
      await nc.close();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    }
    return figures;
  },
};
