import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { platformErrors } from '../errors.js';
import type { Migration, MigrationReport, Store } from '../ports/store.js';
import { createRowInserter } from './insert-rows.js';
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
  const busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  const raw = openFile(options.file, busyTimeoutMs);
  const db = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: withStatementCache(raw) }),
  });
  const insertRows = createRowInserter(() => '?');
  let closed = false;

  /**
   * Run `fn` inside BEGIN IMMEDIATE on this instance's only connection. Kysely's
   * driver guards that connection with a mutex, so while we hold it no other
   * query of this instance can slip into (or see) the open transaction.
   */
  function immediate<R>(fn: (conn: Kysely<unknown>) => Promise<R>, foreignKeysOff = false) {
    if (closed) return Promise.reject(closedError());
    return db.connection().execute(async (conn) => {
      // The pragma is a no-op inside a transaction, so it is switched around it.
      if (foreignKeysOff) raw.pragma('foreign_keys = OFF');
      try {
        await beginImmediate(raw, busyTimeoutMs, options.file);
        try {
          const result = await fn(conn);
          raw.exec('commit');
          return result;
        } catch (err) {
          if (raw.inTransaction) raw.exec('rollback');
          throw err;
        }
      } finally {
        if (foreignKeysOff) raw.pragma('foreign_keys = ON');
      }
    });
  }

  return {
    dialect: 'sqlite',
    db<T>() {
      return db as unknown as Kysely<T>;
    },
    transaction<T, R>(fn: (trx: Kysely<T>) => Promise<R>): Promise<R> {
      // BEGIN IMMEDIATE takes the file's write lock, so every transaction is
      // already serial and the `lock` name needs no extra handling here.
      return immediate((conn) => fn(conn as unknown as Kysely<T>));
    },
    // Inside BEGIN IMMEDIATE this process already holds the file's write lock.
    lock: () => Promise.resolve(),
    insertRows: (trx, table, columns, rows) =>
      insertRows(trx as Kysely<unknown>, table, columns, rows),
    isUniqueViolation(err) {
      const code = (err as { code?: unknown } | null)?.code;
      return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
    },
    migrate(): Promise<MigrationReport> {
      // Kysely's migrator takes no lock and opens no transaction on SQLite. Running
      // it inside BEGIN IMMEDIATE makes a batch all-or-nothing and lets a second
      // process that starts at the same time find the work done instead of redoing it.
      // Foreign keys are off so a table rebuild (SQLite's only way to change a
      // column) does not cascade; SQLite's documented procedure checks them before commit.
      return immediate(async (conn) => {
        const report = await runMigrations(conn, options.migrations, 'sqlite');
        const violations = raw.pragma('foreign_key_check') as unknown[];
        if (violations.length > 0) {
          throw platformErrors.create('store_unavailable', {
            message: `Migrations would leave ${violations.length} rows violating foreign keys.`,
            details: { violations },
          });
        }
        return report;
      }, true);
    },
    async ping() {
      if (closed) throw closedError();
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        throw platformErrors.create('store_unavailable', { cause: err });
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/** Statements kept prepared; texts longer than this are prepared each time (they are rare). */
const CACHED_STATEMENTS = 256;
const CACHED_TEXT_CHARS = 100_000;

/**
 * Kysely's SQLite driver prepares every query afresh, and SQLite parsing a statement costs as much
 * as running a small one. The same texts recur (the query builder makes the same SQL for the same
 * query shape), so prepared statements are kept by text, least recently used dropped first.
 * Reusing one is safe: better-sqlite3 refuses any other query on a connection while a statement is
 * being iterated, so a kept statement is never handed out while it is still running.
 */
function withStatementCache(raw: Database.Database) {
  const statements = new Map<string, Database.Statement>();
  return {
    prepare(text: string): Database.Statement {
      const kept = statements.get(text);
      if (kept !== undefined) {
        statements.delete(text); // re-inserted: the map's order is least recently used first
        statements.set(text, kept);
        return kept;
      }
      const statement = raw.prepare(text);
      if (text.length <= CACHED_TEXT_CHARS) {
        if (statements.size >= CACHED_STATEMENTS)
          statements.delete(statements.keys().next().value as string);
        statements.set(text, statement);
      }
      return statement;
    },
    close(): void {
      statements.clear();
      raw.close();
    },
  };
}

function closedError() {
  return platformErrors.create('store_unavailable', { message: 'The database is closed.' });
}

/**
 * Pages the log may hold before a commit copies it back into the file (SQLite's default is 1,000,
 * ~4 MB). A bulk import rewrites the same index pages in every transaction; with ten times the
 * room a checkpoint copies each of them once instead of ten times: STIX ingest ×1.06–1.17
 * (`bench/exchange-ingest-ab.ts` and earlier same-process runs; 30,000 pages was ×0.93 again). The cost: a log
 * file of up to ~40 MB while the store is open, and a checkpoint every ~40 MB of writes that holds
 * its commit longer (it is deleted when the last connection closes).
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

function openFile(file: string, busyTimeoutMs: number): Database.Database {
  let raw: Database.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    raw = new Database(file, { timeout: busyTimeoutMs });
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    return raw;
  } catch (err) {
    raw?.close();
    throw platformErrors.create('store_unavailable', {
      message: `Cannot open the database file ${file}: ${(err as Error).message}`,
      cause: err,
    });
  }
}

/**
 * BEGIN IMMEDIATE, waiting for another writer without blocking the event loop.
 * better-sqlite3 is synchronous, so SQLite's own busy handler would freeze the
 * whole process while it waits; and when the lock holder is another store in
 * this same process, it could never release the lock, so the wait always ended
 * in SQLITE_BUSY. Instead: try without waiting, then sleep and retry.
 */
async function beginImmediate(
  raw: Database.Database,
  timeoutMs: number,
  file: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 32)) {
    if (tryBeginImmediate(raw, timeoutMs)) return;
    if (Date.now() >= deadline) {
      throw platformErrors.create('store_unavailable', {
        message: `The database file ${file} stayed locked by another writer for ${timeoutMs} ms.`,
      });
    }
    await sleep(wait * (0.5 + Math.random()));
  }
}

function tryBeginImmediate(raw: Database.Database, busyTimeoutMs: number): boolean {
  raw.pragma('busy_timeout = 0');
  try {
    raw.exec('begin immediate');
    return true;
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_BUSY')) return false;
    throw err;
  } finally {
    // Plain statements outside transaction() still wait in SQLite's busy handler.
    raw.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }
}
