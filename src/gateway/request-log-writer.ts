/**
 * The request log's writer on the embedded store: a worker thread with its own
 * SQLite connection to the store's file. better-sqlite3 is synchronous, so a
 * batch written on the event loop held every request for its whole insert and
 * fsync (15-30 ms for 200 rows, most of the gateway's p99 in issue 6); here the
 * event loop only hands the rows over. The worker's connection keeps
 * `synchronous = FULL` like the store's: nothing is traded for the speed.
 *
 * The worker is plain JavaScript evaluated from a string (as src/provenance/hash-pool.ts),
 * so it runs the same under tsx, vitest and the built `dist/`; it loads better-sqlite3
 * from the path resolved here. It waits for SQLite's write lock in SQLite's busy
 * handler — a wait that blocks only the worker.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { GatewayRequestRow } from './gateway-tables.js';

/** Every column of `gateway_requests`, in the order the worker binds them. */
export const REQUEST_COLUMNS = [
  'id',
  'created_at',
  'principal',
  'org_id',
  'key_id',
  'end_user',
  'tier',
  'endpoint',
  'model',
  'upstream',
  'status',
  'error_code',
  'stream',
  'latency_ms',
  'prompt_tokens',
  'completion_tokens',
  'total_tokens',
  'decision',
  'risk',
  'categories',
  'prompt',
  'response',
  'content_expires_at',
  'client_net',
] as const satisfies readonly (keyof GatewayRequestRow)[];

// A compile-time check that no column of the row type is missing from the list above.
type Missing = Exclude<keyof GatewayRequestRow, (typeof REQUEST_COLUMNS)[number]>;
const allColumns: [Missing] extends [never] ? true : Missing = true;
void allColumns;

/**
 * The write-ahead log size (pages) past which a commit on this connection checkpoints: the same as
 * the store's own connection (platform/adapters/sqlite-store.ts, WAL_AUTOCHECKPOINT_PAGES). The
 * setting is per connection; left at SQLite's default of 1,000, this thread ran a checkpoint after
 * most of its commits whenever the store's larger log was past 1,000 pages, so its batches, and the
 * records the monitoring jobs and tests wait for, came later.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

export interface RowWriter {
  /** Insert the rows in one transaction; rejects with the worker's error. */
  write(rows: readonly GatewayRequestRow[]): Promise<void>;
  /** True once the thread has stopped or failed: nothing more can be written through it. */
  stopped(): boolean;
  /** Finish what was handed over, close the connection, stop the thread. */
  close(): Promise<void>;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs });
db.pragma('synchronous = FULL');
db.pragma('wal_autocheckpoint = ' + workerData.autocheckpointPages);
const cols = workerData.columns;
let insertMany;
function prepare() {
  // Lazily: the server may start the gateway before its migrations have made the table.
  if (insertMany) return insertMany;
  const insert = db.prepare('insert into gateway_requests (' + cols.join(', ') + ') values (' + cols.map(() => '?').join(', ') + ')');
  insertMany = db.transaction((rows) => { for (const r of rows) insert.run(r); });
  return insertMany;
}
parentPort.on('message', (m) => {
  if (m.close) { db.close(); parentPort.postMessage({ id: m.id, ok: true }); return; }
  try { prepare().immediate(m.rows); parentPort.postMessage({ id: m.id, ok: true }); }
  catch (e) { parentPort.postMessage({ id: m.id, ok: false, message: String(e && e.message), code: e && e.code }); }
});
`;

/**
 * @example
 * const writer = createSqliteRowWriter(join(config.data, DATA_FILES.store));
 * await writer.write(rows);
 */
export function createSqliteRowWriter(file: string, busyTimeoutMs = 10_000): RowWriter {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      driver,
      file,
      busyTimeoutMs,
      autocheckpointPages: WAL_AUTOCHECKPOINT_PAGES,
      columns: REQUEST_COLUMNS,
    },
  });
  // The log's flush timer is unref'd; the thread must not keep the process alive either.
  worker.unref();
  const waiting = new Map<number, { resolve(): void; reject(e: Error): void }>();
  let nextId = 0;
  let broken: Error | undefined;
  let closed: Promise<void> | undefined;

  const failAll = (err: Error) => {
    broken ??= err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('message', (m: { id: number; ok: boolean; message?: string; code?: string }) => {
    const w = waiting.get(m.id);
    waiting.delete(m.id);
    if (w === undefined) return;
    if (m.ok) w.resolve();
    else w.reject(Object.assign(new Error(m.message ?? 'write failed'), { code: m.code }));
  });
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the request-log writer thread stopped')));

  const send = (msg: { rows?: unknown[][]; close?: true }) =>
    new Promise<void>((resolve, reject) => {
      if (broken !== undefined) return reject(broken);
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...msg });
    });

  return {
    write(rows) {
      if (closed !== undefined)
        return Promise.reject(new Error('the request-log writer is closed'));
      return send({ rows: rows.map((r) => REQUEST_COLUMNS.map((c) => r[c] ?? null)) });
    },
    stopped: () => broken !== undefined,
    close() {
      closed ??= send({ close: true })
        .catch(() => undefined)
        .then(() => worker.terminate())
        .then(() => undefined);
      return closed;
    },
  };
}
