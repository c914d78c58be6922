/**
 * Scale-out: two `shieldwall serve` processes on different ports sharing
 * PostgreSQL, NATS JetStream and Redis. A write on one is read on the other,
 * and an event published on one is received on the other.
 */
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, requireService } from '../src/platform/test-support/services.js';
import { runCli } from './support/run-cli.js';
import { type ServeProcess, startServeProcess, waitForOk } from './support/serve-process.js';
import { readSse } from './support/sse.js';

const pgUrl = await requireService('postgres');
const redisUrl = await requireService('redis');
const natsUrl = await requireService('nats');
const TAXII = 'application/taxii+json;version=2.1';
const available = pgUrl !== undefined && redisUrl !== undefined && natsUrl !== undefined;

describe.skipIf(!available)('two instances sharing PostgreSQL, NATS and Redis', () => {
  const suffix = randomBytes(4).toString('hex');
  let db: Awaited<ReturnType<typeof createTempDatabase>> | undefined;
  let env: Record<string, string>;
  let first: ServeProcess | undefined;
  let second: ServeProcess | undefined;

  beforeAll(async () => {
    db = await createTempDatabase(pgUrl as string, 'sw_test_scale');
    const keyFile = join(mkdtempSync(join(tmpdir(), 'sw-scale-key-')), 'audit.pem');
    writeFileSync(
      keyFile,
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }),
      { mode: 0o600 },
    );
    writeFileSync(`${keyFile}.secret`, randomBytes(32).toString('base64'), { mode: 0o600 });
    env = {
      SHIELDWALL_STORE: db.url,
      SHIELDWALL_BUS: natsUrl as string,
      SHIELDWALL_LIMITER: redisUrl as string,
      SHIELDWALL_NATS_STREAM: `SWTEST_${suffix}`,
      SHIELDWALL_AUDIT_KEY_FILE: keyFile,
      // Both instances seal and open stored secrets with one key.
      SHIELDWALL_SECRET_KEY_FILE: `${keyFile}.secret`,
      SHIELDWALL_LOG_LEVEL: 'warn',
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    const nc = await connect({ servers: new URL(natsUrl as string).host });
    await (await jetstreamManager(nc)).streams.delete(`SWTEST_${suffix}`).catch(() => false);
    await nc.close();
    await db?.drop();
  }, 60_000);

  it('carries writes and events from one instance to the other', async () => {
    second = await startServeProcess({
      ...env,
      SHIELDWALL_DATA: mkdtempSync(join(tmpdir(), 'sw-b-')),
    });
    await waitForOk(`${second.url}/readyz`);
    // Listen on the second instance before the first one exists.
    const events = readSse(`${second.url}/api/audit/stream`);
    await events.connected;

    first = await startServeProcess({
      ...env,
      SHIELDWALL_DATA: mkdtempSync(join(tmpdir(), 'sw-a-')),
    });
    await waitForOk(`${first.url}/readyz`);
    expect(first.url).not.toBe(second.url);

    // The first instance's start is an audit entry written through its own store
    // and announced on its own bus: the second instance must see both.
    // Other test files start servers on the same PostgreSQL and NATS at the same time, so the
    // stream may carry their entries too: read appended entries until the first instance's start.
    const firstPid = String(first.child.pid);
    const deadline = Date.now() + 10_000;
    let entry: { action: string; data: { pid?: number } } | undefined;
    while (entry === undefined || String(entry.data.pid) !== firstPid) {
      const event = await events.next((e) => e.event === 'appended', deadline - Date.now());
      const { index } = JSON.parse(event.data) as { index: number };
      const read = (await (await fetch(`${second.url}/api/audit/entries/${index}`)).json()) as {
        action: string;
        data: { pid?: number };
      };
      if (read.action === 'platform.server.started') entry = read;
    }
    expect(entry.action).toBe('platform.server.started');
    expect(String(entry.data.pid)).toBe(firstPid);
    events.close();

    // Both instances sign the same log with the same key, so their checkpoints agree.
    const [a, b] = await Promise.all(
      [first.url, second.url].map(async (u) => (await fetch(`${u}/api/audit/checkpoint`)).text()),
    );
    expect(a?.split('\n').slice(0, 3)).toEqual(b?.split('\n').slice(0, 3));
  }, 90_000);

  it('shares threat intelligence across instances: a TAXII POST on one reaches the live stream of the other', async () => {
    if (first === undefined || second === undefined) throw new Error('the instances did not start');
    const cliEnv = { ...env, SHIELDWALL_DATA: mkdtempSync(join(tmpdir(), 'sw-cli-')) };
    const org = await runCli(['admin', 'org', 'create', `Scale CERT ${suffix}`, '--tier', '2'], {
      env: cliEnv,
    });
    expect(org.code).toBe(0);
    const made = await runCli(
      ['--json', 'admin', 'key', 'create', '--org', `Scale CERT ${suffix}`],
      {
        env: cliEnv,
      },
    );
    expect(made.code).toBe(0);
    const { key } = JSON.parse(made.stdout) as { key: string };

    const stream = readSse(`${second.url}/api/intel/stream`);
    await stream.connected;
    const id = `indicator--${randomUUID()}`;
    const collections = (await (
      await fetch(`${first.url}/taxii2/default/collections/`, {
        headers: { accept: TAXII, authorization: `Bearer ${key}` },
      })
    ).json()) as { collections: { id: string; can_write: boolean }[] };
    const shared = collections.collections.find((c) => c.can_write);
    expect(shared).toBeDefined();
    const posted = await fetch(`${first.url}/taxii2/default/collections/${shared?.id}/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${key}` },
      body: JSON.stringify({
        objects: [
          {
            type: 'indicator',
            spec_version: '2.1',
            id,
            created: '2026-12-06T10:00:00.000Z',
            modified: '2026-12-06T10:00:00.000Z',
            pattern: "[domain-name:value = 'scale-out.example']",
            pattern_type: 'stix',
            valid_from: '2026-12-06T10:00:00Z',
            object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'],
          },
        ],
      }),
    });
    expect(posted.status).toBe(202);
    const event = await stream.next((e) => e.event === 'objects' && e.data.includes(id), 10_000);
    expect(JSON.parse(event.data)).toMatchObject({ collection: shared?.id });
    stream.close();
  }, 60_000);
});
