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

  it('bulk rows go by COPY: what COPY cannot carry is refused before anything is sent, and the connection is fine after', async () => {
    const store = createPostgresStore({ url: testUrl, migrations: [] });
    try {
      type Probe = { copy_probe: { a: string; b: number | null } };
      const db = store.db<Probe>();
      await db.schema.dropTable('copy_probe').ifExists().execute();
      await db.schema
        .createTable('copy_probe')
        .addColumn('a', 'text', (c) => c.primaryKey())
        .addColumn('b', 'bigint')
        .execute();
      const insert = (rows: unknown[][]) =>
        store.transaction<Probe, void>((trx) =>
          store.insertRows(trx, 'copy_probe', ['a', 'b'], rows),
        );
      await expect(
        insert([
          ['ok', 1],
          ['nul\u0000', 2],
        ]),
      ).rejects.toThrow(/NUL character/);
      await expect(insert([['obj', { n: 1 }]])).rejects.toThrow(/object value cannot be stored/);
      // A server-side refusal inside the COPY (a duplicate key) rolls the whole batch back.
      await expect(
        insert([
          ['dup', 1],
          ['dup', 2],
        ]),
      ).rejects.toMatchObject({ code: '23505' });
      await insert([
        ['\\N', null],
        ['tab\there', 9007199254740991],
        ['line\nbreak\r', -1],
      ]);
      const back = await db.selectFrom('copy_probe').selectAll().orderBy('a').execute();
      expect(back).toEqual([
        { a: '\\N', b: null },
        { a: 'line\nbreak\r', b: -1 },
        { a: 'tab\there', b: 9007199254740991 },
      ]);
    } finally {
      await store.close();
    }
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
