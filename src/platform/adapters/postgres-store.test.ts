import { type AddressInfo, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import { runStoreContract } from '../ports/store.contract.js';
import type { Store } from '../ports/store.js';
import { createTempDatabase, requireService } from '../test-support/services.js';
import { createPostgresStore } from './postgres-store.js';

const url = await requireService('postgres');

describe.skipIf(url === undefined)('PostgreSQL store', () => {
  // This body runs even when skipped, so nothing here may touch `url` before beforeAll.
  const serverUrl = url ?? '';
  // A fresh database per test file, so parallel files and earlier runs cannot interfere.
  let testUrl = '';
  let dropDatabase = async () => {};

  beforeAll(async () => {
    const db = await createTempDatabase(serverUrl);
    testUrl = db.url;
    dropDatabase = db.drop;
  });

  afterAll(async () => {
    await dropDatabase();
  });

  runStoreContract('postgres', {
    async create(migrations) {
      const store = createPostgresStore({ url: testUrl, migrations });
      return { store, cleanup: () => store.close() };
    },
  });
});

describe('PostgreSQL store when the server is not there', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeAll(() => {
    process.on('unhandledRejection', onUnhandled);
  });
  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  async function expectUnavailableSoon(store: Store, withinMs: number, message: RegExp) {
    for (const call of [
      () => store.ping(),
      () => store.migrate(),
      () => store.transaction(async () => 1),
    ]) {
      const started = Date.now();
      const err = await call().catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(withinMs);
      expect(err).toBeInstanceOf(ShieldwallError);
      expect(err).toMatchObject({
        code: 'store_unavailable',
        message: expect.stringMatching(message),
      });
    }
    await store.close();
    await sleep(50); // give a stray rejection the chance to surface
    expect(unhandled).toEqual([]);
  }

  it('gives store_unavailable at once when nothing listens on the port', async () => {
    const store = createPostgresStore({
      url: 'postgres://postgres@127.0.0.1:1/none',
      migrations: [],
    });
    await expectUnavailableSoon(store, 2_000, /^PostgreSQL is not reachable: .*ECONNREFUSED/);
  });

  it('gives store_unavailable after the connect timeout when the server accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket)); // swallow every byte
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const store = createPostgresStore({
        url: `postgres://postgres@127.0.0.1:${port}/none`,
        migrations: [],
        connectTimeoutMs: 300,
      });
      await expectUnavailableSoon(store, 2_000, /^PostgreSQL is not reachable: .*timeout/i);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
