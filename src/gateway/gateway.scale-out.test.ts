/**
 * Two gateway instances sharing PostgreSQL, Redis and NATS: a key's requests per
 * minute are exact across both (the limiter is Redis), and a key revoked on one
 * instance is refused by the other within a second (the bus is NATS).
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices, DEFAULT_TIERS_YAML } from '../access/index.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import type { GatewayTables } from './gateway-tables.js';
import { type StubUpstream, startStubUpstream } from './test-support/stub-upstream.js';

const pgUrl = await requireService('postgres');
const redisUrl = await requireService('redis');
const natsUrl = await requireService('nats');
const available = pgUrl !== undefined && redisUrl !== undefined && natsUrl !== undefined;
const PER_MINUTE = 7;
const operator = { id: 'operator:scale-test' };

describe.skipIf(!available)('two gateway instances sharing PostgreSQL, Redis and NATS', () => {
  const suffix = randomBytes(4).toString('hex');
  let db: Awaited<ReturnType<typeof createTempDatabase>> | undefined;
  let stub: StubUpstream | undefined;
  let a: TestServer | undefined;
  let b: TestServer | undefined;

  beforeAll(async () => {
    db = await createTempDatabase(pgUrl as string, 'sw_test_gw_scale');
    stub = await startStubUpstream();
    const dir = mkdtempSync(join(tmpdir(), 'sw-gw-scale-'));
    const keyFile = join(dir, 'audit.pem');
    writeFileSync(
      keyFile,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
      { mode: 0o600 },
    );
    writeFileSync(`${keyFile}.secret`, randomBytes(32).toString('base64'), { mode: 0o600 });
    const tiers = join(dir, 'tiers.yaml');
    writeFileSync(
      tiers,
      DEFAULT_TIERS_YAML.replace(
        'requests_per_minute: 1200, tokens_per_day: 2000000',
        `requests_per_minute: ${PER_MINUTE}, tokens_per_day: 2000000`,
      ),
    );
    const env = {
      SHIELDWALL_STORE: db.url,
      SHIELDWALL_BUS: natsUrl as string,
      SHIELDWALL_LIMITER: redisUrl as string,
      SHIELDWALL_NATS_STREAM: `SWGW_${suffix}`,
      SHIELDWALL_AUDIT_KEY_FILE: keyFile,
      // Both instances seal and open stored secrets with one key.
      SHIELDWALL_SECRET_KEY_FILE: `${keyFile}.secret`,
      SHIELDWALL_TIERS_FILE: tiers,
      SHIELDWALL_UPSTREAM_URL: stub.url,
    };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await stub?.close();
    const nc = await connect({ servers: new URL(natsUrl as string).host });
    await (await jetstreamManager(nc)).streams.delete(`SWGW_${suffix}`).catch(() => false);
    await nc.close();
    await db?.drop();
  }, 60_000);

  const chat = (server: TestServer, key: string) =>
    fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'hello' }],
      }),
    });

  it('counts a key’s requests per minute exactly across both instances', async () => {
    const access = await accessServices((a as TestServer).platform);
    const org = await access.directory.createOrg(
      { name: `Scale Org ${suffix}`, tier: 2 },
      operator,
    );
    const { key } = await access.keys.create({ owner: { type: 'org', id: org.id } }, operator);
    await access.close();
    // Twice the limit, concurrently, spread over both instances.
    const statuses = await Promise.all(
      Array.from({ length: 2 * PER_MINUTE }, async (_, i) => {
        const res = await chat((i % 2 === 0 ? a : b) as TestServer, key);
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(PER_MINUTE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(PER_MINUTE);
    // Both instances recorded every answered request, with the upstream's usage, in the shared store.
    const db = (a as TestServer).platform.store.db<GatewayTables>();
    let rows: { status: number; total_tokens: number; upstream: string | null }[] = [];
    for (let i = 0; i < 100 && rows.length < PER_MINUTE; i++) {
      rows = await db
        .selectFrom('gateway_requests')
        .select(['status', 'total_tokens', 'upstream'])
        .where('org_id', '=', org.id)
        .execute();
      await sleep(50);
    }
    const answered = rows.filter((r) => r.status === 200);
    expect(answered).toHaveLength(PER_MINUTE);
    const words = (stub as StubUpstream).answer.split(' ').length;
    for (const r of answered)
      expect(r).toEqual({ status: 200, total_tokens: 12 + words, upstream: 'default' });
    // (The refused ones were refused by the access gate's own per-organization count, before the gateway.)
  });

  it('refuses on one instance, within a second, a key revoked on the other', async () => {
    const access = await accessServices((a as TestServer).platform);
    const org = await access.directory.createOrg(
      { name: `Revoke Org ${suffix}`, tier: 1 },
      operator,
    );
    const { key, info } = await access.keys.create(
      { owner: { type: 'org', id: org.id } },
      operator,
    );
    const first = await chat(b as TestServer, key);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    const started = Date.now();
    await access.keys.revoke(info.id, 'scale test', operator);
    await access.close();
    let status = 200;
    let code = '';
    while (Date.now() - started < 1000) {
      const res = await chat(b as TestServer, key);
      status = res.status;
      code = ((await res.json()) as { error?: { code?: string } }).error?.code ?? '';
      if (status === 401) break;
      await sleep(20);
    }
    expect([status, code]).toEqual([401, 'key_revoked']);
  });
});
