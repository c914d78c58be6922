import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import { runStoreContract } from '../ports/store.contract.js';
import type { Migration, Store } from '../ports/store.js';
import { createSqliteStore, type SqliteStoreOptions } from './sqlite-store.js';

// A file, not ':memory:': each better-sqlite3 connection to ':memory:' gets its own
// private database, so two store instances could never share one (see the test below).
const dir = mkdtempSync(join(tmpdir(), 'sw-sqlite-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('sqlite', {
  async create(migrations) {
    const store = createSqliteStore({ file: join(dir, 'contract.db'), migrations });
    return { store, cleanup: () => store.close() };
  },
});

describe('SQLite store specifics', () => {
  let opened: Store[] = [];
  let fileNo = 0;
  const open = (options: Partial<SqliteStoreOptions> = {}) => {
    const store = createSqliteStore({
      file: join(dir, `specific-${fileNo}.db`),
      migrations: [],
      ...options,
    });
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    for (const store of opened) await store.close();
    opened = [];
    fileNo++;
  });

  const counter: Migration = {
    name: '20260101-01-test-counter',
    async up(db) {
      await db.schema
        .createTable('counter')
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into counter (value) values (0)`.execute(db);
    },
  };
  type Counter = { counter: { value: number } };

  it('runs in WAL mode with synchronous=FULL, foreign keys on and room for bulk writes in the log', async () => {
    const db = open().db();
    const pragma = async (name: string) =>
      (await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db)).rows[0]?.[
        name
      ];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('wal_autocheckpoint')).toBe(10_000);
  });

  it('takes the write lock at BEGIN (IMMEDIATE), even in a transaction that only reads', async () => {
    const file = join(dir, `specific-${fileNo}.db`);
    const store = open({ migrations: [counter] });
    await store.migrate();
    const outsider = new Database(file, { timeout: 0 });
    try {
      await store.transaction<Counter, void>(async (trx) => {
        await trx.selectFrom('counter').selectAll().execute();
        // A deferred BEGIN would hold no lock yet, and this would succeed.
        expect(() => outsider.exec('begin immediate')).toThrow(/database is locked/);
      });
      outsider.exec('begin immediate; rollback');
    } finally {
      outsider.close();
    }
  });

  it('serialises locked read-modify-write from two instances on one file without SQLITE_BUSY', async () => {
    const [a, b] = [open({ migrations: [counter] }), open({ busyTimeoutMs: 5_000 })];
    await a.migrate();
    const increment = (store: Store) =>
      store.transaction<Counter, void>(
        async (trx) => {
          const { value } = await trx
            .selectFrom('counter')
            .select('value')
            .executeTakeFirstOrThrow();
          await sleep(0);
          await trx
            .updateTable('counter')
            .set({ value: value + 1 })
            .execute();
        },
        { lock: 'counter' },
      );
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) => increment(i % 2 === 0 ? a : b)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const row = await b
      .db<Counter>()
      .selectFrom('counter')
      .select('value')
      .executeTakeFirstOrThrow();
    expect(row.value).toBe(200);
  });

  it('waits for another writer without blocking the event loop, then gives store_unavailable', async () => {
    const [a, b] = [open({ migrations: [counter] }), open({ busyTimeoutMs: 300 })];
    await a.migrate();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holder = a.transaction(async () => held);
    await sleep(20); // let `a` take the lock
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const started = Date.now();
    const err = await b.transaction(async () => 'never').catch((e: unknown) => e);
    clearInterval(timer);
    release();
    await holder;
    expect(err).toBeInstanceOf(ShieldwallError);
    expect((err as ShieldwallError).code).toBe('store_unavailable');
    expect((err as Error).message).toMatch(/locked by another writer for 300 ms/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(ticks).toBeGreaterThan(10); // a blocking busy handler would allow none
    await expect(b.transaction(async () => 'now')).resolves.toBe('now');
  });

  it("gives each ':memory:' instance its own database, so instances cannot share one", async () => {
    const a = open({ file: ':memory:', migrations: [counter] });
    const b = open({ file: ':memory:', migrations: [counter] });
    await a.migrate();
    expect((await b.migrate()).applied).toEqual([counter.name]);
  });

  it('gives store_unavailable when the file cannot be opened', () => {
    const notAFile = join(dir, 'a-directory');
    mkdirSync(notAFile);
    expect(() => createSqliteStore({ file: notAFile, migrations: [] })).toThrow(
      expect.objectContaining({ code: 'store_unavailable' }),
    );
  });

  describe('migrations and foreign keys', () => {
    const parentChild: Migration = {
      name: '20260101-01-test-parent-child',
      async up(db) {
        await db.schema
          .createTable('parent')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .execute();
        await db.schema
          .createTable('child')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('parent_id', 'integer', (c) =>
            c.notNull().references('parent.id').onDelete('cascade'),
          )
          .execute();
      },
    };
    // SQLite cannot change a column in place; the documented way is to rebuild the table.
    const rebuildParent: Migration = {
      name: '20260101-02-test-rebuild-parent',
      async up(db) {
        await db.schema
          .createTable('parent_new')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('label', 'text', (c) => c.notNull().defaultTo('none'))
          .execute();
        await sql`insert into parent_new (id) select id from parent`.execute(db);
        await db.schema.dropTable('parent').execute();
        await db.schema.alterTable('parent_new').renameTo('parent').execute();
      },
    };
    const orphan: Migration = {
      name: '20260101-03-test-orphan',
      async up(db) {
        await sql`insert into child (id, parent_id) values (99, 12345)`.execute(db);
      },
    };
    const seed = async (db: Kysely<unknown>) => {
      await sql`insert into parent (id) values (1), (2)`.execute(db);
      await sql`insert into child (id, parent_id) values (10, 1), (20, 2)`.execute(db);
    };
    const childIds = async (store: Store) =>
      (await sql<{ id: number }>`select id from child order by id`.execute(store.db())).rows.map(
        (r) => r.id,
      );

    it('rebuilds a parent table without cascading deletes into its children', async () => {
      const first = open({ migrations: [parentChild] });
      await first.migrate();
      await seed(first.db());
      const second = open({ migrations: [parentChild, rebuildParent] });
      expect((await second.migrate()).applied).toEqual([rebuildParent.name]);
      expect(await childIds(second)).toEqual([10, 20]);
      // Enforcement is back on after the migration.
      await expect(
        sql`delete from parent where id = 1`.execute(second.db()),
      ).resolves.toBeDefined();
      expect(await childIds(second)).toEqual([20]);
    });

    it('rejects and rolls back a migration batch that leaves a foreign key dangling', async () => {
      const store = open({ migrations: [parentChild, orphan] });
      const err = await store.migrate().catch((e: unknown) => e);
      expect(err).toMatchObject({
        code: 'store_unavailable',
        message: expect.stringMatching(/foreign keys/),
      });
      const tables = await store.db().introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('child');
    });
  });
});
