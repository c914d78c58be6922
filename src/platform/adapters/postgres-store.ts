import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { platformErrors } from '../errors.js';
import type { Migration, MigrationReport, Store } from '../ports/store.js';
import { runMigrations } from './migration-provider.js';
import { createCopyInserter, withCopy } from './postgres-copy.js';

export interface PostgresStoreOptions {
  /** postgres://user:pass@host:port/db */
  readonly url: string;
  readonly migrations: readonly Migration[];
  readonly maxConnections?: number;
  /** How long to wait for a connection to open, in ms. */
  readonly connectTimeoutMs?: number;
  /** Statement timeout, so a runaway query cannot hold a connection forever. */
  readonly statementTimeoutMs?: number;
}

/** int8 (bigint) columns hold epoch milliseconds and counters: read them as JS numbers. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * PostgreSQL through a `pg` pool. `transaction(fn, { lock })` takes a
 * transaction-scoped advisory lock (`pg_advisory_xact_lock(hashtext(lock))`), so
 * the same serial section holds across every Shieldwall instance.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pool = withCopy(
    new pg.Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      statement_timeout: options.statementTimeoutMs ?? 30_000,
      types: typeParsers,
    }),
  );
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  const insertRows = createCopyInserter();

  const unavailable = (err: unknown) =>
    platformErrors.create('store_unavailable', {
      message: `PostgreSQL is not reachable: ${(err as Error).message || (err as { code?: string }).code || 'connection failed'}`,
      cause: err,
    });

  const closedError = () =>
    platformErrors.create('store_unavailable', { message: 'The database is closed.' });

  return {
    dialect: 'postgres',
    db<T>() {
      return db as unknown as Kysely<T>;
    },
    async transaction<T, R>(
      fn: (trx: Kysely<T>) => Promise<R>,
      opts?: { lock?: string },
    ): Promise<R> {
      if (closed) throw closedError();
      let began = false;
      try {
        return await db.transaction().execute(async (trx) => {
          began = true;
          if (opts?.lock !== undefined) await advisoryLock(trx, opts.lock);
          return fn(trx as unknown as Kysely<T>);
        });
      } catch (err) {
        // Failing to get a connection at all is an outage (503), not the caller's error.
        throw began ? err : unavailable(err);
      }
    },
    lock: (trx, name) => advisoryLock(trx as Kysely<unknown>, name),
    insertRows: (trx, table, columns, rows) =>
      insertRows(trx as Kysely<unknown>, table, columns, rows),
    isUniqueViolation(err) {
      return (err as { code?: unknown } | null)?.code === '23505';
    },
    async migrate(): Promise<MigrationReport> {
      if (closed) throw closedError();
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        throw unavailable(err);
      }
      return runMigrations(db, options.migrations, 'postgres');
    },
    async ping() {
      if (closed) throw closedError();
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        throw unavailable(err);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** A transaction-scoped advisory lock: released by COMMIT or ROLLBACK, never leaked. */
async function advisoryLock(trx: Kysely<unknown>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(trx);
}
