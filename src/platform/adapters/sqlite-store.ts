import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { platformErrors } from '../errors.js';
import type { Migration, MigrationReport, Store } from '../ports/store.js';
import { runMigrations } from './migration-provider.js';

export interface SqliteStoreOptions {
  /** Database file, or ':memory:'. Parent directories are created. */
  readonly file: string;
  readonly migrations: readonly Migration[];
  /** How long a writer waits for another process's write lock, in ms. */
  readonly busyTimeoutMs?: number;
}

/**
 * The embedded store: one SQLite file in WAL mode through better-sqlite3.
 * Every transaction is `BEGIN IMMEDIATE`, so a read-modify-write never fails
 * half-way with SQLITE_BUSY when another process (the CLI, a second server)
 * writes the same file: it waits for the lock up front instead.
 * `synchronous=FULL` makes a committed transaction survive power loss and kill -9.
 */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  let raw: Database.Database;
  try {
    raw = new Database(options.file, { timeout: options.busyTimeoutMs ?? 10_000 });
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
  } catch (err) {
    throw platformErrors.create('store_unavailable', {
      message: `Cannot open the database file ${options.file}: ${(err as Error).message}`,
      cause: err,
    });
  }
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  let closed = false;

  return {
    dialect: 'sqlite',
    db<T>() {
      return db as unknown as Kysely<T>;
    },
    async transaction<T, R>(fn: (trx: Kysely<T>) => Promise<R>): Promise<R> {
      // The dialect has one connection guarded by a mutex, so holding it here
      // serialises this process's transactions; BEGIN IMMEDIATE serialises processes.
      return db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn as unknown as Kysely<T>);
          await sql`commit`.execute(conn);
          return result;
        } catch (err) {
          if (raw.inTransaction) await sql`rollback`.execute(conn);
          throw err;
        }
      });
    },
    isUniqueViolation(err) {
      const code = (err as { code?: unknown } | null)?.code;
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
    async migrate(): Promise<MigrationReport> {
      return runMigrations(db, options.migrations, 'sqlite');
    },
    async ping() {
      if (closed)
        throw platformErrors.create('store_unavailable', { message: 'The database is closed.' });
      await sql`select 1`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
