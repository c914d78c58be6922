import { type AddressInfo, createServer, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import { runStoreContract } from '../ports/store.contract.js';
import type { Store } from '../ports/store.js';
import { createTempDatabase, requireService } from '../test-support/services.js';
import { encodeCopyText } from './postgres-copy.js';
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
      // Values far larger than the encoder's first guess (its buffer grows), in several scripts,
      // with backslashes, raw control characters and surrogate pairs: read back exactly.
      const long = (n: number) =>
        `{"d":"${'Ünïcødé \\\\ 中文 \u0001\u000b 🛡️ '.repeat(n)}\\n"}\t${n}`;
      const big = Array.from({ length: 40 }, (_, n) => [`big ${n}`, n] as [string, number]).map(
        ([a, n]) => [`${a} ${long(n * 37)}`, n],
      );
      await insert(big);
      const bigBack = await db
        .selectFrom('copy_probe')
        .selectAll()
        .where('a', 'like', 'big %')
        .orderBy('b')
        .execute();
      expect(bigBack.map((r) => [r.a, r.b])).toEqual(big);
    } finally {
      await store.close();
    }
  });

  it('a COPY the server refuses, before or during the copy, fails alone: its transaction rolls back and the connection goes on', async () => {
    // One connection, so every statement below runs on the connection that saw the failures.
    const store = createPostgresStore({ url: testUrl, migrations: [], maxConnections: 1 });
    try {
      type Probe = { copy_probe_2: { a: string; b: number | null } };
      const db = store.db<Probe>();
      await db.schema.dropTable('copy_probe_2').ifExists().execute();
      await db.schema
        .createTable('copy_probe_2')
        .addColumn('a', 'text', (c) => c.primaryKey())
        .addColumn('b', 'bigint')
        .execute();
      const insert = (table: string, rows: unknown[][]) =>
        store.transaction<Probe, void>(async (trx) => {
          await store.insertRows(trx, 'copy_probe_2', ['a', 'b'], [['before', 0]]);
          await store.insertRows(trx, table as 'copy_probe_2', ['a', 'b'], rows);
        });
      // Before the copy starts: no such table.
      const many = Array.from({ length: 5000 }, (_, n) => [`row ${n}`, n]);
      await expect(insert('copy_probe_missing', many)).rejects.toMatchObject({ code: '42P01' });
      // During it: a value bigint cannot read, far into the data.
      await expect(
        insert('copy_probe_2', [...many, ['bad', 'not a number'], ['after', 1]]),
      ).rejects.toMatchObject({ code: '22P02' });
      // Each failure rolled its whole transaction back, and the connection is in step.
      expect(await db.selectFrom('copy_probe_2').selectAll().execute()).toEqual([]);
      await insert('copy_probe_2', many);
      const { count } = await db
        .selectFrom('copy_probe_2')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      expect(Number(count)).toBe(5001);
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

describe('COPY text encoding', () => {
  it('writes each row as COPY reads it, escaping only what COPY reads specially', () => {
    const rows = [
      ['plain', 1, null, true, 12n],
      ['back\\slash \\N', -2.5, undefined, false, 0],
      ['tab\tnew\nline\rcr \u0001 é 🛡️', 0, '', 'x', 'y'],
    ];
    expect(encodeCopyText(rows, 5).toString('utf8')).toBe(
      'plain\t1\t\\N\tt\t12\n' +
        'back\\\\slash \\\\N\t-2.5\t\\N\tf\t0\n' +
        'tab\\tnew\\nline\\rcr \u0001 é 🛡️\t0\t\tx\ty\n',
    );
    // A row far larger than the first guess: the buffer grows and keeps what was written.
    const wide = '🛡️\\'.repeat(5000);
    const out = encodeCopyText(
      [
        ['a', 1],
        [wide, 2],
        ['z', 3],
      ],
      2,
    ).toString('utf8');
    expect(out).toBe(`a\t1\n${wide.replaceAll('\\', '\\\\')}\t2\nz\t3\n`);
  });

  it('refuses a NUL character or a value COPY cannot carry', () => {
    expect(() => encodeCopyText([['ok'], ['a\u0000b']], 1)).toThrow(/NUL character/);
    expect(() => encodeCopyText([['a\\\u0000']], 1)).toThrow(/NUL character/);
    expect(() => encodeCopyText([[{ n: 1 }]], 1)).toThrow(/object value cannot be stored/);
    expect(() => encodeCopyText([[Symbol('s')]], 1)).toThrow(/symbol value cannot be stored/);
  });
});
