/**
 * Federation between two real Shieldwall servers over TAXII 2.1: B keeps a
 * copy of A's collection, incrementally, through an outage (a TCP proxy in
 * between is stopped) and a restart, with no gap and nothing twice; the
 * server's own background sync picks up what A adds.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Access, accessServices } from '../access/index.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { createExchange, DEFAULT_COLLECTION_ID, type Exchange } from './exchange-service.js';
import { createFederation } from './federation.js';

const TAXII = 'application/taxii+json;version=2.1';
const KEY_ENV = 'SHIELDWALL_TEST_FEDERATION_KEY';

/** A TCP proxy that can be cut and restored, on the same port: a network outage. */
async function outageProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const start = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
    });
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  };
  const stop = async () => {
    for (const s of sockets) s.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  };
  await start();
  return { url: () => `http://127.0.0.1:${port}`, start, stop };
}

describe('federation: one Shieldwall keeps a copy of another one’s collection', () => {
  let a: TestServer;
  let b: TestServer;
  let accessA: Access;
  let key: string;
  let proxy: Awaited<ReturnType<typeof outageProxy>>;
  let exchangeB: Exchange;

  beforeAll(async () => {
    a = await startTestServer();
    accessA = await accessServices(a.platform);
    const op = { id: 'test' };
    const org = await accessA.directory.createOrg({ name: 'Partner CERT', tier: 2 }, op);
    key = (await accessA.keys.create({ owner: { type: 'org', id: org.id } }, op)).key;
    process.env[KEY_ENV] = key;
    b = await startTestServer();
    proxy = await outageProxy(new URL(a.url));
    exchangeB = createExchange({
      store: b.platform.store,
      audit: b.platform.audit,
      bus: b.platform.bus,
      now: Date.now,
    });
  });
  afterAll(async () => {
    delete process.env[KEY_ENV];
    await proxy?.stop();
    await accessA?.close();
    await b?.close();
    await a?.close();
  });

  const indicator = (n: number, modified = '2026-12-05T10:00:00.000Z', id = randomUUID()) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${id}`,
    created: '2026-12-05T10:00:00.000Z',
    modified,
    name: `Shared indicator ${n}`,
    pattern: `[domain-name:value = 'bad-${n}.example']`,
    pattern_type: 'stix',
    valid_from: '2026-12-05T10:00:00Z',
    object_marking_refs: [TLP2_IDS.green],
  });

  const share = async (objects: unknown[]) => {
    const res = await fetch(
      `${a.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/objects/`,
      {
        method: 'POST',
        headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${key}` },
        body: JSON.stringify({ objects }),
      },
    );
    expect(res.status).toBe(202);
  };

  /** Every stored version in B's shared collection, as `id@modified`. */
  const copyInB = async () => {
    const page = await exchangeB.objects.query(DEFAULT_COLLECTION_ID, {
      limit: 1000,
      match: { version: ['all'] },
    });
    return page.rows.map((r) => `${r.id}@${(JSON.parse(r.json) as { modified: string }).modified}`);
  };

  const federationB = () =>
    createFederation({
      store: b.platform.store,
      exchange: exchangeB,
      audit: b.platform.audit,
      logger: b.platform.logger,
      secret: (name) => (name === KEY_ENV ? key : undefined),
      now: Date.now,
    });

  it('syncs incrementally, every version, and survives an outage and a restart without gaps or duplicates', async () => {
    const first = [indicator(1), indicator(2), indicator(3)];
    await share(first);
    const fed = federationB();
    const collectionUrl = `${proxy.url()}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/`;
    const sub = await fed.add(
      {
        url: collectionUrl,
        localCollection: DEFAULT_COLLECTION_ID,
        secretEnv: KEY_ENV,
        intervalSeconds: 3600,
      },
      'test',
    );
    expect(sub.auth).toBe('bearer');
    const [r1] = await fed.syncNow(sub.id);
    expect(r1).toMatchObject({ added: 3, refused: 0 });
    expect(r1?.error).toBeUndefined();

    // Two new objects and a new version of one already copied.
    const updated = {
      ...first[0],
      modified: '2026-12-06T09:00:00.000Z',
      name: 'Shared indicator 1 (updated)',
    };
    await share([indicator(4), indicator(5), updated]);
    const [r2] = await fed.syncNow(sub.id);
    expect(r2?.added).toBe(3);

    // The network between them fails: nothing is lost, the error is kept, the cursor stays.
    const before = (await fed.list())[0];
    await proxy.stop();
    await share([indicator(6), indicator(7)]);
    const [failed] = await fed.syncNow(sub.id);
    expect(failed?.error).toMatch(/cannot reach/);
    const during = (await fed.list())[0];
    expect(during?.cursor).toBe(before?.cursor);
    expect(during?.lastError).toMatch(/cannot reach/);
    expect(during?.failures).toBe(1);

    // The network is back, and B restarts (a new federation service over the same store).
    await proxy.start();
    const restarted = federationB();
    const [r3] = await restarted.syncNow(sub.id);
    expect(r3?.error).toBeUndefined();
    expect(r3?.added).toBe(2);
    const [r4] = await restarted.syncNow(sub.id);
    expect(r4?.added).toBe(0);

    const copy = await copyInB();
    expect(copy).toHaveLength(8); // 7 objects, one of them in two versions
    expect(new Set(copy).size).toBe(copy.length);
    expect(copy).toContain(`${updated.id}@2026-12-06T09:00:00.000Z`);
    expect((await restarted.list())[0]).toMatchObject({
      lastError: null,
      failures: 0,
      objectsSynced: 7 + 1,
    });
    await restarted.remove(sub.id, 'test');
    await fed.close();
    await restarted.close();
  });

  it('says clearly when the secret is missing or refused, and refuses bad subscriptions', async () => {
    const fed = federationB();
    const wrong = createFederation({
      store: b.platform.store,
      exchange: exchangeB,
      audit: b.platform.audit,
      logger: b.platform.logger,
      secret: () => 'sw_live_notakey_000000000000000000000000',
      now: Date.now,
    });
    const refusedSub = await wrong.add(
      {
        url: `${a.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/`,
        localCollection: DEFAULT_COLLECTION_ID,
        secretEnv: 'SHIELDWALL_TEST_WRONG_KEY',
      },
      'test',
    );
    const [refused] = await wrong.syncNow(refusedSub.id);
    expect(refused?.error).toMatch(/refused the credentials \(HTTP 401\)/);
    await wrong.remove(refusedSub.id, 'test');
    await wrong.close();
    const sub = await fed.add(
      {
        url: `${a.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/`,
        localCollection: DEFAULT_COLLECTION_ID,
        auth: 'bearer',
        secretEnv: 'SHIELDWALL_TEST_UNSET_KEY',
      },
      'test',
    );
    const [missing] = await fed.syncNow(sub.id);
    expect(missing?.error).toContain('SHIELDWALL_TEST_UNSET_KEY');
    await fed.remove(sub.id, 'test');
    await expect(
      fed.add(
        { url: 'ftp://example.com/collections/x/', localCollection: DEFAULT_COLLECTION_ID },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'bad_subscription' });
    await expect(
      fed.add(
        {
          url: 'https://user:pw@example.com/taxii2/r/collections/x/',
          localCollection: DEFAULT_COLLECTION_ID,
        },
        'test',
      ),
    ).rejects.toMatchObject({ code: 'bad_subscription' });
    await fed.close();
  });

  it('the running server syncs due subscriptions in the background', async () => {
    const fed = federationB();
    const sub = await fed.add(
      {
        url: `${a.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/`,
        localCollection: DEFAULT_COLLECTION_ID,
        secretEnv: KEY_ENV,
        intervalSeconds: 5,
      },
      'test',
    );
    const fresh = indicator(99);
    await share([fresh]);
    await vi.waitFor(
      async () => {
        expect(await copyInB()).toContain(`${fresh.id}@${fresh.modified}`);
      },
      { timeout: 15_000, interval: 250 },
    );
    const [state] = (await fed.list()).filter((s) => s.id === sub.id);
    expect(state?.lastSuccess).not.toBeNull();
    await fed.close();
  });
});
