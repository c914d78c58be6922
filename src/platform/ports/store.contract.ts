/**
 * The one contract every Store adapter must pass (STYLE habit 1). An adapter's
 * test file calls `runStoreContract` with a factory that opens a new store
 * instance on its own throwaway test database.
 *
 * Every `create` call within one test must reach the SAME database: that is how
 * the suite shows migrations and locks hold across instances (as they must
 * across the server and CLI processes). The suite drops every table in that
 * database before each test, so never point it at data you want to keep.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import type { Migration, Store } from './store.js';

export interface StoreContractFactory {
  /** Open a new store instance on the test database (not migrated yet). */
  create(migrations: Migration[]): Promise<{ store: Store; cleanup(): Promise<void> }>;
}

/**
 * The tables the test migrations create, typed the way a module would type its own
 * (a type alias, not an interface: `withTables` needs an index-signature-compatible type).
 */
type Tables = {
  contract_note: {
    id: string;
    slug: string | null;
    body: string | null;
    created_at: number;
    is_done: number;
    meta: string | null;
  };
  contract_counter: { name: string; value: number };
  /** Each migration appends its own name here, so a double-applied one shows up twice. */
  contract_migration_run: { name: string };
};

/** A test migration that also appends its own name to `contract_migration_run`. */
function migration(name: string, up: (db: Kysely<unknown>) => Promise<void>): Migration {
  return {
    name,
    async up(db) {
      await up(db);
      await db.withTables<Tables>().insertInto('contract_migration_run').values({ name }).execute();
    },
  };
}

// Portable conventions from ports/store.ts: bigint epoch ms, 0/1 integers, JSON as text.
const notes = migration('20260101-01-contract-notes', async (db) => {
  await db.schema.createTable('contract_migration_run').addColumn('name', 'text').execute();
  await db.schema
    .createTable('contract_note')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.unique())
    .addColumn('body', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('is_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('meta', 'text')
    .execute();
  await db.schema
    .createIndex('contract_note_created')
    .on('contract_note')
    .column('created_at')
    .execute();
});

const counters = migration('20260101-02-contract-counters', async (db) => {
  await db.schema
    .createTable('contract_counter')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
});

/** Shipped "in a later release": applied on top of the two above. */
const later = migration('20260201-01-contract-note-tag', async (db) => {
  await db.schema.alterTable('contract_note').addColumn('tag', 'text').execute();
});

/** Does some real work, then fails: none of it may stay behind. */
const broken = migration('20260201-02-contract-broken', async (db) => {
  await db.schema.createTable('contract_half_done').addColumn('id', 'integer').execute();
  throw new Error('boom in migration');
});

const base = [notes, counters];

type Note = Tables['contract_note'];
const note = (id: string, extra: Partial<Note> = {}): Note => ({
  id,
  slug: null,
  body: null,
  created_at: 1_900_000_000_000,
  is_done: 0,
  meta: null,
  ...extra,
});

/** The rejection reason of `p`; fails the test when `p` resolves. */
async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

function expectUnavailable(err: unknown): void {
  expect(err).toBeInstanceOf(ShieldwallError);
  expect((err as ShieldwallError).code).toBe('store_unavailable');
}

export function runStoreContract(name: string, factory: StoreContractFactory): void {
  describe(`Store contract: ${name}`, () => {
    let cleanups: Array<() => Promise<void>> = [];

    async function open(migrations: Migration[] = base): Promise<Store> {
      const { store, cleanup } = await factory.create(migrations);
      cleanups.push(cleanup);
      return store;
    }

    async function migrated(migrations: Migration[] = base): Promise<Kysely<Tables>> {
      const store = await open(migrations);
      await store.migrate();
      return store.db<Tables>();
    }

    async function tableNames(store: Store): Promise<string[]> {
      const tables = await store.db().introspection.getTables({ withInternalKyselyTables: true });
      return tables.filter((t) => !t.isView).map((t) => t.name);
    }

    beforeEach(async () => {
      const store = await open([]);
      for (const table of await tableNames(store)) {
        await store.db().schema.dropTable(table).execute();
      }
    });

    afterEach(async () => {
      const pending = cleanups;
      cleanups = [];
      for (const cleanup of pending) await cleanup();
    });

    describe('migrate', () => {
      it('applies every migration in name order, then nothing on a second call', async () => {
        const store = await open([counters, notes]);
        expect(await store.migrate()).toEqual({ applied: [notes.name, counters.name], total: 2 });
        expect(await store.migrate()).toEqual({ applied: [], total: 2 });
        const runs = await store
          .db<Tables>()
          .selectFrom('contract_migration_run')
          .select('name')
          .execute();
        expect(runs.map((r) => r.name).sort()).toEqual([notes.name, counters.name]);
      });

      it('applies a migration added later alone, from a new instance', async () => {
        await migrated(base);
        const store = await open([...base, later]);
        expect(await store.migrate()).toEqual({ applied: [later.name], total: 3 });
        const db = store.db<Tables & { contract_note: { tag: string | null } }>();
        await db
          .insertInto('contract_note')
          .values({ ...note('n1'), tag: 'new' })
          .execute();
        const row = await db.selectFrom('contract_note').select('tag').executeTakeFirstOrThrow();
        expect(row.tag).toBe('new');
      });

      it('applies each migration once when two instances migrate at the same time', async () => {
        const [a, b] = [await open([...base, later]), await open([...base, later])];
        const [ra, rb] = await Promise.all([a.migrate(), b.migrate()]);
        expect([...ra.applied, ...rb.applied].sort()).toEqual([
          notes.name,
          counters.name,
          later.name,
        ]);
        const runs = await a
          .db<Tables>()
          .selectFrom('contract_migration_run')
          .select('name')
          .execute();
        expect(runs.map((r) => r.name).sort()).toEqual([notes.name, counters.name, later.name]);
      });

      it('is all-or-nothing: a migration that throws leaves no trace', async () => {
        const store = await open([...base, broken]);
        const err = await caught(store.migrate());
        expectUnavailable(err);
        expect((err as Error).message).toContain(broken.name);
        expect(await tableNames(store)).not.toContain('contract_half_done');
        // Nothing of the batch was recorded, so the fixed list applies from scratch.
        const fixed = await open(base);
        expect((await fixed.migrate()).applied).toEqual([notes.name, counters.name]);
      });

      it('refuses to run when the database holds a migration the program does not know', async () => {
        await migrated([...base, later]);
        // An older release started on a newer database: it must stop, not guess.
        const older = await open(base);
        const err = await caught(older.migrate());
        expectUnavailable(err);
        expect((err as Error).message).toContain(later.name);
      });

      it('rejects malformed and duplicate migration names before touching the schema', async () => {
        for (const bad of ['add-users', '2026-01-01-users', '20260101-1-x', '20260101-01-Users']) {
          const store = await open([{ name: bad, up: notes.up }]);
          await expect(store.migrate()).rejects.toThrow(/YYYYMMDD-NN/);
        }
        const twice = await open([notes, notes]);
        await expect(twice.migrate()).rejects.toThrow(/declared twice/);
        expect(await tableNames(twice)).not.toContain('contract_note');
      });
    });

    describe('queries', () => {
      it('round-trips unicode, 1 MB text, epoch-ms bigints as numbers, JSON text and null', async () => {
        const db = await migrated();
        const unicode = 'Grüße, 世界 🛡️ שלום e\u0301 \u200d\t"\'\\;--';
        const large = `${'0123456789abcdef'.repeat(65_536)}🛡️`;
        const rows = [
          note('unicode', { body: unicode, slug: 'ü-slug', meta: JSON.stringify({ k: [1, 'ü'] }) }),
          note('large', { body: large, created_at: 8_640_000_000_000_000, is_done: 1 }),
          note('nulls', { created_at: 0 }),
        ];
        await db.insertInto('contract_note').values(rows).execute();
        const back = await db.selectFrom('contract_note').selectAll().orderBy('id').execute();
        expect(back).toEqual([rows[1], rows[2], rows[0]]);
        expect(typeof back[0]?.created_at).toBe('number');
        expect(back[0]?.body?.length).toBe(large.length);
        expect(JSON.parse(back[2]?.meta ?? 'null')).toEqual({ k: [1, 'ü'] });
        const recent = await db
          .selectFrom('contract_note')
          .select('id')
          .where('created_at', '>', 1_800_000_000_000)
          .orderBy('created_at')
          .execute();
        expect(recent.map((r) => r.id)).toEqual(['unicode', 'large']);
      });

      it('updates and deletes exactly the matched rows', async () => {
        const db = await migrated();
        await db
          .insertInto('contract_note')
          .values([note('a'), note('b'), note('c')])
          .execute();
        const upd = await db
          .updateTable('contract_note')
          .set({ body: 'changed', is_done: 1 })
          .where('id', '=', 'b')
          .executeTakeFirst();
        expect(upd.numUpdatedRows).toBe(1n);
        const del = await db.deleteFrom('contract_note').where('id', '=', 'a').executeTakeFirst();
        expect(del.numDeletedRows).toBe(1n);
        const rest = await db
          .selectFrom('contract_note')
          .select(['id', 'body', 'is_done'])
          .orderBy('id')
          .execute();
        expect(rest).toEqual([
          { id: 'b', body: 'changed', is_done: 1 },
          { id: 'c', body: null, is_done: 0 },
        ]);
      });
    });

    describe('insertRows', () => {
      const columns = ['id', 'slug', 'body', 'created_at', 'is_done', 'meta'] as const;
      const asRow = (n: Note) => columns.map((c) => n[c]);

      it('stores every row of a bulk insert, in column order, across its chunks', async () => {
        const store = await open();
        await store.migrate();
        // 1,000 rows go as chunks of 256, 256, 256, 128, 64, 32 and 8.
        const rows = Array.from({ length: 1_000 }, (_, i) =>
          note(`n${String(i).padStart(4, '0')}`, {
            // Quotes, backslashes (also before N), tabs and line breaks survive either path.
            body: i % 3 === 0 ? null : `Grüße 🛡️ ${i} "'\\;--\t\\N\r\n,`,
            created_at: 1_900_000_000_000 + i,
            is_done: i % 2,
          }),
        );
        await store.transaction<Tables, void>((trx) =>
          store.insertRows(trx, 'contract_note', columns, rows.map(asRow)),
        );
        const back = await store
          .db<Tables>()
          .selectFrom('contract_note')
          .selectAll()
          .orderBy('id')
          .execute();
        expect(back).toEqual(rows);
        // The same shapes again (their statements are reused) and an empty list.
        const more = Array.from({ length: 300 }, (_, i) => note(`m${i}`));
        await store.transaction<Tables, void>(async (trx) => {
          await store.insertRows(trx, 'contract_note', columns, more.map(asRow));
          await store.insertRows(trx, 'contract_note', columns, []);
        });
        const count = await store
          .db<Tables>()
          .selectFrom('contract_note')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(count.n)).toBe(1_300);
      });

      it('is all-or-nothing with its transaction, and a duplicate key is a unique violation', async () => {
        const store = await open();
        await store.migrate();
        const err = await caught(
          store.transaction<Tables, void>((trx) =>
            store.insertRows(trx, 'contract_note', columns, [
              asRow(note('a')),
              asRow(note('b')),
              asRow(note('a')),
            ]),
          ),
        );
        expect(store.isUniqueViolation(err)).toBe(true);
        const left = await store.db<Tables>().selectFrom('contract_note').select('id').execute();
        expect(left).toEqual([]);
      });

      it('refuses names that are not plain identifiers and rows of the wrong width', async () => {
        const store = await open();
        await store.migrate();
        const bad = (table: string, cols: readonly string[], rows: unknown[][]) =>
          caught(
            store.transaction<Tables, void>((trx) =>
              store.insertRows(trx, table as 'contract_note', cols, rows),
            ),
          );
        expect(String(await bad('contract_note; drop table x', ['id'], [['a']]))).toMatch(
          /not a plain table/,
        );
        expect(String(await bad('contract_note', ['id" --'], [['a']]))).toMatch(/not a plain/);
        expect(String(await bad('contract_note', columns, [['a', null]]))).toMatch(
          /a row of 2 values for 6 columns/,
        );
      });
    });

    describe('transaction', () => {
      it('commits when fn resolves and returns its value', async () => {
        const store = await open();
        await store.migrate();
        const out = await store.transaction<Tables, string>(async (trx) => {
          await trx
            .insertInto('contract_note')
            .values([note('t1'), note('t2')])
            .execute();
          return 'done';
        });
        expect(out).toBe('done');
        const other = await open();
        const ids = await other
          .db<Tables>()
          .selectFrom('contract_note')
          .select('id')
          .orderBy('id')
          .execute();
        expect(ids.map((r) => r.id)).toEqual(['t1', 't2']);
      });

      it('rolls back every write when fn throws, rethrows that error, and stays usable', async () => {
        const store = await open();
        await store.migrate();
        const db = store.db<Tables>();
        await db
          .insertInto('contract_note')
          .values(note('kept', { body: 'before' }))
          .execute();
        const boom = new Error('boom');
        const err = await caught(
          store.transaction<Tables, void>(async (trx) => {
            await trx.insertInto('contract_note').values(note('gone')).execute();
            await trx
              .updateTable('contract_note')
              .set({ body: 'after' })
              .where('id', '=', 'kept')
              .execute();
            throw boom;
          }),
        );
        expect(err).toBe(boom);
        const rows = await db.selectFrom('contract_note').select(['id', 'body']).execute();
        expect(rows).toEqual([{ id: 'kept', body: 'before' }]);
        await store.transaction<Tables, void>(async (trx) => {
          await trx.insertInto('contract_note').values(note('next')).execute();
        });
        expect(await db.selectFrom('contract_note').select('id').execute()).toHaveLength(2);
      });

      it('keeps uncommitted writes invisible to another instance', async () => {
        const [a, b] = [await open(), await open()];
        await a.migrate();
        let seenFromB: unknown[] = ['not checked'];
        await a.transaction<Tables, void>(async (trx) => {
          await trx.insertInto('contract_note').values(note('pending')).execute();
          seenFromB = await b.db<Tables>().selectFrom('contract_note').select('id').execute();
        });
        expect(seenFromB).toEqual([]);
        expect(await b.db<Tables>().selectFrom('contract_note').select('id').execute()).toEqual([
          { id: 'pending' },
        ]);
      });

      /**
       * Run `n` read-modify-write increments of counter `name` at once over two instances, each
       * through `increment(store, bump, i)`; returns the final value and the most ever inside.
       */
      async function concurrentIncrements(
        name: string,
        increment: (
          store: Store,
          bump: (trx: Kysely<Tables>) => Promise<void>,
          i: number,
        ) => Promise<void>,
      ): Promise<{ value: number; maxInside: number }> {
        const [a, b] = [await open(), await open()];
        await a.migrate();
        await a.db<Tables>().insertInto('contract_counter').values({ name, value: 0 }).execute();
        let inside = 0;
        let maxInside = 0;
        const bump = async (trx: Kysely<Tables>) => {
          maxInside = Math.max(maxInside, ++inside);
          const row = await trx
            .selectFrom('contract_counter')
            .select('value')
            .where('name', '=', name)
            .executeTakeFirstOrThrow();
          await sleep(1); // widen the window a lost update would need
          await trx
            .updateTable('contract_counter')
            .set({ value: row.value + 1 })
            .where('name', '=', name)
            .execute();
          inside--;
        };
        await Promise.all(
          Array.from({ length: INCREMENTS }, (_, i) => increment(i % 2 === 0 ? a : b, bump, i)),
        );
        const row = await b
          .db<Tables>()
          .selectFrom('contract_counter')
          .select('value')
          .where('name', '=', name)
          .executeTakeFirstOrThrow();
        return { value: row.value, maxInside };
      }
      const INCREMENTS = 40;

      it('serialises locked read-modify-write across two instances: N increments end at N', async () => {
        const result = await concurrentIncrements('c', (store, bump) =>
          store.transaction<Tables, void>(bump, { lock: 'contract-counter' }),
        );
        expect(result).toEqual({ value: INCREMENTS, maxInside: 1 });
      });

      it('lock() inside an open transaction is the same lock as the option: mixed increments stay serial', async () => {
        // Half take the lock when opening, half join it later: one lock, so one at a time.
        const result = await concurrentIncrements('m', (store, bump, i) =>
          i % 4 < 2
            ? store.transaction<Tables, void>(async (trx) => {
                await store.lock(trx, 'contract-mixed');
                await bump(trx);
              })
            : store.transaction<Tables, void>(bump, { lock: 'contract-mixed' }),
        );
        expect(result).toEqual({ value: INCREMENTS, maxInside: 1 });
      });
    });

    describe('isUniqueViolation', () => {
      it('is true for a duplicate primary or unique key, also when it escapes a transaction', async () => {
        const store = await open();
        await store.migrate();
        const db = store.db<Tables>();
        await db
          .insertInto('contract_note')
          .values(note('dup', { slug: 's' }))
          .execute();
        const pk = await caught(db.insertInto('contract_note').values(note('dup')).execute());
        const unique = await caught(
          db
            .insertInto('contract_note')
            .values(note('x', { slug: 's' }))
            .execute(),
        );
        const inTrx = await caught(
          store.transaction<Tables, void>(async (trx) => {
            await trx.insertInto('contract_note').values(note('dup')).execute();
          }),
        );
        expect([pk, unique, inTrx].map((e) => store.isUniqueViolation(e))).toEqual([
          true,
          true,
          true,
        ]);
      });

      it('is false for other database errors and for non-database values', async () => {
        const store = await open();
        await store.migrate();
        const db = store.db<Tables>();
        const notNull = await caught(sql`insert into contract_note (id) values ('n')`.execute(db));
        const syntax = await caught(sql`selec 1`.execute(db));
        const noTable = await caught(sql`select * from contract_missing`.execute(db));
        for (const err of [
          notNull,
          syntax,
          noTable,
          new Error('duplicate key'),
          null,
          undefined,
          'x',
        ]) {
          expect(store.isUniqueViolation(err)).toBe(false);
        }
      });
    });

    describe('lifecycle', () => {
      it('pings while open; after close, ping/transaction/migrate give store_unavailable', async () => {
        const store = await open();
        await store.migrate();
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await store.close(); // idempotent
        expectUnavailable(await caught(store.ping()));
        expectUnavailable(await caught(store.transaction(async () => 1)));
        expectUnavailable(await caught(store.migrate()));
        const query = await caught(
          store.db<Tables>().selectFrom('contract_note').selectAll().execute(),
        );
        expect(query).toBeInstanceOf(Error);
        expect((query as Error).message).not.toBe('');
      });
    });
  });
}
