import type { Kysely } from 'kysely';

/**
 * The relational store port. Modules see the database only through Kysely, typed
 * with their own tables (`store.db<MyTables>()`), so the same queries run on the
 * embedded SQLite default and on PostgreSQL at scale. Adapters live in
 * `src/platform/adapters/` and are chosen only by `src/platform/compose.ts`.
 */
export interface Store {
  /** Which SQL dialect is behind the port; use it only where SQL truly differs. */
  readonly dialect: 'sqlite' | 'postgres';

  /** A Kysely handle typed with the caller's own tables. */
  db<T>(): Kysely<T>;

  /**
   * Run `fn` in one transaction. With `lock`, the transaction first takes an
   * exclusive lock of that name (SQLite: `BEGIN IMMEDIATE`, i.e. the whole file;
   * PostgreSQL: a transaction-scoped advisory lock), so read-modify-write
   * sequences such as appending to the audit log stay serial across processes.
   * Commits when `fn` resolves, rolls back when it throws.
   */
  transaction<T, R>(fn: (trx: Kysely<T>) => Promise<R>, options?: { lock?: string }): Promise<R>;

  /**
   * Take the named exclusive lock inside a transaction that is already open, held until it ends:
   * the same lock `transaction(fn, { lock })` takes, for a step that joins the caller's
   * transaction (e.g. an audit entry committed with the change it records, one commit for both).
   * SQLite: nothing to do, every transaction already holds the whole file. To keep lock order
   * acyclic, take such a lock last and never hold it while waiting for another.
   */
  lock<T>(trx: Kysely<T>, name: string): Promise<void>;

  /**
   * Insert many rows into one table within `trx`, each row its values in `columns` order. For bulk
   * writes (thousands of rows): the statement text is built once per table, columns and chunk
   * size and reused, instead of compiling every value through the query builder. Use the
   * builder for ordinary inserts; `table` and `columns` are code constants, never input.
   */
  insertRows<T>(
    trx: Kysely<T>,
    table: keyof T & string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void>;

  /** True when `err` is a unique-constraint violation (so services can answer `conflict`). */
  isUniqueViolation(err: unknown): boolean;

  /** Apply every pending migration (idempotent; safe when several processes start at once). */
  migrate(): Promise<MigrationReport>;

  /** Cheap round trip for readiness checks; throws `store_unavailable` when down. */
  ping(): Promise<void>;

  /** Close connections. In-flight work is awaited by the caller before this. */
  close(): Promise<void>;
}

export interface MigrationReport {
  /** Names applied by this call, in order. */
  readonly applied: readonly string[];
  /** Every migration known to the program, applied before or now. */
  readonly total: number;
}

/**
 * Portable column conventions, so one migration list serves both dialects:
 * timestamps are integer milliseconds since the epoch (`bigint` columns, read as
 * JS numbers), booleans are integers 0/1, JSON is `text` written with
 * JSON.stringify, binary hashes are lowercase hex `text`.
 */
export type PortableConventions = never;

/**
 * A schema migration. One list serves both dialects: write it with Kysely's
 * schema builder and branch on `dialect` only for types that truly differ.
 * Names sort globally: `YYYYMMDD-NN-module-what` (e.g. `20261122-01-platform-audit-log`).
 */
export interface Migration {
  readonly name: string;
  up(db: Kysely<unknown>, dialect: Store['dialect']): Promise<void>;
}
