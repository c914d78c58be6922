/**
 * Writes the request records off the hot path: handlers push a record and go
 * on; a timer inserts what has gathered in one multi-row INSERT (every 250 ms or
 * every 200 records). Content is redacted here, in the background, too. A purge
 * clears prompt and answer text past the retention period (metadata stays).
 *
 * On the embedded SQLite store the INSERT runs in a worker thread
 * (request-log-writer.ts): better-sqlite3 is synchronous, and a batch written on
 * the event loop held every request in flight for its insert and fsync. With
 * PostgreSQL the write already leaves the process and goes through the store.
 */
import type { Kysely } from 'kysely';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import { redactSecrets } from './engine/redact.js';
import type { GatewayRequestRow, GatewayTables } from './gateway-tables.js';
import { createSqliteRowWriter, type RowWriter } from './request-log-writer.js';

/** What a handler hands over; `prompt`/`response` are raw and redacted before storage. */
export type RequestRecord = Omit<GatewayRequestRow, 'content_expires_at'>;

export interface RequestLog {
  record(r: RequestRecord): void;
  /** Write what is queued now (tests, shutdown). */
  flush(): Promise<void>;
  /** Clear content older than the retention period; returns rows cleared. */
  purge(): Promise<number>;
  close(): Promise<void>;
}

const BATCH = 200;
/** Records held while the database is slow; beyond this the oldest are dropped (and counted). */
const MAX_QUEUED = 20_000;
/** Longest prompt or answer text stored. */
const MAX_CONTENT = 64 * 1024;

export function createRequestLog(deps: {
  readonly store: Store;
  readonly logger: Pick<Logger, 'warn'>;
  readonly now: () => number;
  /** Days prompt and answer text are kept; 0 = never stored. */
  readonly retentionDays: number;
  readonly flushEveryMs?: number;
  readonly purgeEveryMs?: number;
  /**
   * The store's SQLite file, when the store is SQLite on a file: rows are then
   * written from a worker thread with its own connection, off the event loop.
   */
  readonly sqliteFile?: string;
  /** The writer to use instead of making one for `sqliteFile` (tests). */
  readonly writer?: RowWriter;
}): RequestLog {
  const db = (): Kysely<GatewayTables> => deps.store.db<GatewayTables>();
  let writer: RowWriter | undefined =
    deps.writer ??
    (deps.sqliteFile === undefined || deps.store.dialect !== 'sqlite'
      ? undefined
      : createSqliteRowWriter(deps.sqliteFile));
  let queue: RequestRecord[] = [];
  let dropped = 0;
  let writing: Promise<void> = Promise.resolve();
  const keepMs = deps.retentionDays * 86_400_000;

  const toRow = (r: RequestRecord): GatewayRequestRow => {
    const keep = deps.retentionDays > 0;
    const clip = (s: string | null) =>
      s === null || !keep ? null : redactSecrets(s.slice(0, MAX_CONTENT));
    return {
      ...r,
      prompt: clip(r.prompt),
      response: clip(r.response),
      content_expires_at: keep ? r.created_at + keepMs : null,
    };
  };

  const write = async () => {
    while (queue.length > 0) {
      const batch = queue.slice(0, BATCH);
      queue = queue.slice(BATCH);
      try {
        const rows = batch.map(toRow);
        if (writer?.stopped() === true) {
          // The thread died (it should not): keep recording, on the event loop as before.
          deps.logger.warn({}, 'the request-log writer thread stopped; writing on the event loop');
          writer = undefined;
        }
        if (writer === undefined) await db().insertInto('gateway_requests').values(rows).execute();
        else await writer.write(rows);
      } catch (err) {
        if (transient(err)) {
          // The write lock stayed taken past the busy timeout: the batch goes back to the front
          // and the next flush tries again, rather than losing the records (the queue stays bounded).
          queue = batch.concat(queue);
          while (queue.length > MAX_QUEUED) {
            queue.pop();
            dropped++;
          }
          deps.logger.warn(
            { err, records: batch.length },
            'gateway request records wait: database busy',
          );
          break;
        }
        deps.logger.warn({ err, records: batch.length }, 'could not write gateway request records');
      }
    }
    if (dropped > 0) {
      deps.logger.warn({ dropped }, 'gateway request records dropped: the database is too slow');
      dropped = 0;
    }
  };
  const flush = () => {
    writing = writing.then(write);
    return writing;
  };
  const flushTimer = setInterval(() => void flush(), deps.flushEveryMs ?? 250);
  flushTimer.unref();

  const purge = async () => {
    const result = await db()
      .updateTable('gateway_requests')
      .set({ prompt: null, response: null, content_expires_at: null })
      .where('content_expires_at', '<=', deps.now())
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  };
  const purgeTimer = setInterval(
    () =>
      void purge().catch((err: unknown) =>
        deps.logger.warn({ err }, 'could not purge expired gateway request content'),
      ),
    deps.purgeEveryMs ?? 3_600_000,
  );
  purgeTimer.unref();
  // And once soon after start, so a server restarted more often than hourly still purges.
  const firstPurge = setTimeout(
    () => void purge().catch(() => undefined),
    Math.min(60_000, deps.purgeEveryMs ?? 60_000),
  );
  firstPurge.unref();

  return {
    record(r) {
      queue.push(r);
      if (queue.length > MAX_QUEUED) {
        queue.shift();
        dropped++;
      }
      if (queue.length >= BATCH) void flush();
    },
    flush,
    purge,
    async close() {
      clearInterval(flushTimer);
      clearInterval(purgeTimer);
      clearTimeout(firstPurge);
      await flush();
      await writer?.close();
    },
  };
}

/** SQLite's "busy" and "locked" (another connection holds the lock): worth trying again later. */
function transient(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
  );
}
