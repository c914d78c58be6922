/**
 * Federation: this instance subscribes to collections on other TAXII 2.1
 * servers and keeps a copy in sync, incrementally. Each page of the remote's
 * objects (every version, oldest `date_added` first) goes through the same
 * validation as any import, then the cursor moves to that page's
 * `X-TAXII-Date-Added-Last` — in the store, so a restart resumes there. An
 * outage leaves the cursor where it was and the next attempt (backing off)
 * fetches from it again; objects are stored by (id, modified), so what is
 * fetched twice is never stored twice. Several servers sharing one store take
 * turns through a lease on the subscription. Publishing our own collections
 * for others is the TAXII server itself.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import type { Exchange } from './exchange-service.js';
import type { FederationTable, FederationTables } from './federation-tables.js';
import { fetchObjectsPage, TaxiiClientError, type TaxiiCredentials } from './taxii-client.js';
import { exchangeErrors } from './taxii-errors.js';

/** Pages read in one sync before yielding to the next subscription (500 objects each). */
const MAX_PAGES_PER_RUN = 200;
/** Longest wait after repeated failures. */
const MAX_BACKOFF_MS = 60 * 60_000;
/** How long one instance holds a subscription while syncing it. */
const LEASE_MS = 5 * 60_000;
/** How often due subscriptions are looked for. */
const TICK_MS = 2_000;
/** Step back from the cursor, so objects sharing the last page's `date_added` are not skipped (re-fetched ones are deduplicated). */
const CURSOR_OVERLAP_MS = 1_000;

export interface Subscription {
  readonly id: string;
  readonly url: string;
  readonly localCollection: string;
  readonly auth: 'none' | 'bearer' | 'basic';
  readonly username: string | null;
  readonly secretEnv: string | null;
  readonly intervalSeconds: number;
  readonly cursor: string | null;
  readonly enabled: boolean;
  readonly objectsSynced: number;
  readonly lastAttempt: number | null;
  readonly lastSuccess: number | null;
  readonly lastError: string | null;
  readonly failures: number;
}

export interface SyncResult {
  readonly id: string;
  readonly pages: number;
  readonly fetched: number;
  readonly added: number;
  readonly refused: number;
  readonly cursor: string | null;
  readonly error?: string;
}

export interface NewSubscription {
  readonly url: string;
  readonly localCollection: string;
  readonly auth?: 'none' | 'bearer' | 'basic';
  readonly username?: string;
  readonly secretEnv?: string;
  readonly intervalSeconds?: number;
}

export type Federation = ReturnType<typeof createFederation>;

export function createFederation(deps: {
  readonly store: Store;
  readonly exchange: Exchange;
  readonly audit: AuditLog;
  readonly logger: Pick<Logger, 'info' | 'warn'>;
  /** Looks up the environment variable a subscription names for its secret. */
  readonly secret: (name: string) => string | undefined;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<FederationTables>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const stop = new AbortController();

  const credentials = (row: FederationTable): TaxiiCredentials => {
    const secret = row.secret_env === null ? undefined : deps.secret(row.secret_env);
    if (row.auth !== 'none' && secret === undefined)
      throw new TaxiiClientError(
        `the environment variable ${row.secret_env} holding the secret is not set`,
      );
    return {
      auth: row.auth as TaxiiCredentials['auth'],
      username: row.username ?? undefined,
      secret,
    };
  };

  /** Take the lease on a subscription; false when another instance holds it. */
  const claim = async (id: string): Promise<boolean> => {
    const now = deps.now();
    const result = await db()
      .updateTable('exchange_federation')
      .set({ lease_until: now + LEASE_MS, last_attempt: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  };

  const syncRow = async (row: FederationTable): Promise<SyncResult> => {
    let cursor = row.cursor;
    let pages = 0;
    let fetched = 0;
    let added = 0;
    let refused = 0;
    const actor = `federation:${row.id}`;
    try {
      const creds = credentials(row);
      let next: string | undefined;
      const addedAfter = cursor === null ? undefined : stepBack(cursor);
      for (; pages < MAX_PAGES_PER_RUN; ) {
        const page = await fetchObjectsPage(row.url, { addedAfter, next }, creds, stop.signal);
        pages += 1;
        fetched += page.objects.length;
        if (page.objects.length > 0) {
          const status = await deps.exchange.importAs(
            actor,
            row.local_collection,
            page.objects,
            `sync-${row.id}-${deps.now()}-${pages}`,
          );
          added += status.outcome.successes.filter((s) => s.message === undefined).length;
          refused += status.outcome.failures.length;
        }
        // Stored: the cursor may move past this page.
        if (page.dateAddedLast !== undefined && (cursor === null || page.dateAddedLast > cursor))
          cursor = page.dateAddedLast;
        await db()
          .updateTable('exchange_federation')
          .set({
            cursor,
            objects_synced: row.objects_synced + added,
            lease_until: deps.now() + LEASE_MS,
          })
          .where('id', '=', row.id)
          .execute();
        if (!page.more) break;
        next = page.next;
      }
      await db()
        .updateTable('exchange_federation')
        .set({ last_success: deps.now(), last_error: null, failures: 0, lease_until: null })
        .where('id', '=', row.id)
        .execute();
      if (added > 0 || refused > 0)
        deps.logger.info({ subscription: row.id, added, refused, pages }, 'federation sync');
      return { id: row.id, pages, fetched, added, refused, cursor };
    } catch (err) {
      const message =
        err instanceof TaxiiClientError ||
        (err as { code?: string }).code === 'collection_not_found'
          ? (err as Error).message
          : `sync failed: ${(err as Error).message}`;
      await db()
        .updateTable('exchange_federation')
        .set({
          last_error: message.slice(0, 500),
          failures: row.failures + 1,
          lease_until: null,
          objects_synced: row.objects_synced + added,
        })
        .where('id', '=', row.id)
        .execute();
      deps.logger.warn({ subscription: row.id, err: message }, 'federation sync failed');
      return { id: row.id, pages, fetched, added, refused, cursor, error: message };
    }
  };

  const due = (row: FederationTable, now: number): boolean => {
    if (row.enabled !== 1) return false;
    if (row.last_attempt === null) return true;
    const backoff =
      row.failures === 0
        ? row.interval_s * 1000
        : Math.min(MAX_BACKOFF_MS, row.interval_s * 1000 * 2 ** Math.min(row.failures, 12));
    return now - row.last_attempt >= backoff;
  };

  const tick = async () => {
    const rows = await db().selectFrom('exchange_federation').selectAll().execute();
    const now = deps.now();
    for (const row of rows) {
      if (stop.signal.aborted) return;
      if (!due(row, now) || !(await claim(row.id))) continue;
      await syncRow(row);
    }
  };

  return {
    /** Subscribe to a remote collection; audited. */
    async add(input: NewSubscription, actor: string): Promise<Subscription> {
      const url = checkUrl(input.url);
      const auth = input.auth ?? (input.secretEnv === undefined ? 'none' : 'bearer');
      if (auth !== 'none' && input.secretEnv === undefined)
        throw exchangeErrors.create('bad_subscription', {
          message:
            'A subscription with credentials needs the name of the environment variable that holds the secret.',
        });
      if (input.secretEnv !== undefined && !/^[A-Z_][A-Z0-9_]{0,127}$/.test(input.secretEnv))
        throw exchangeErrors.create('bad_subscription', {
          message: 'The secret must be named by an environment variable like PARTNER_TAXII_KEY.',
        });
      if (auth === 'basic' && (input.username === undefined || input.username.length > 256))
        throw exchangeErrors.create('bad_subscription', {
          message: 'HTTP Basic needs a user name.',
        });
      await deps.exchange.ensureDefault();
      if ((await deps.exchange.objects.collection(input.localCollection)) === undefined)
        throw exchangeErrors.create('collection_not_found');
      const interval = input.intervalSeconds ?? 60;
      if (!Number.isInteger(interval) || interval < 5 || interval > 86_400)
        throw exchangeErrors.create('bad_subscription', {
          message: 'The sync interval must be between 5 seconds and a day.',
        });
      const row: FederationTable = {
        id: randomUUID(),
        url,
        local_collection: input.localCollection,
        auth,
        username: input.username ?? null,
        secret_env: input.secretEnv ?? null,
        interval_s: interval,
        cursor: null,
        enabled: 1,
        objects_synced: 0,
        last_attempt: null,
        last_success: null,
        last_error: null,
        failures: 0,
        lease_until: null,
        created_at: deps.now(),
        created_by: actor,
      };
      try {
        await db().insertInto('exchange_federation').values(row).execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err)) throw exchangeErrors.create('subscription_exists');
        throw err;
      }
      await deps.audit.append({
        actor,
        action: 'exchange.sync.added',
        subject: `subscription:${row.id}`,
        data: { url, localCollection: input.localCollection, auth, intervalSeconds: interval },
      });
      return toSubscription(row);
    },

    async list(): Promise<Subscription[]> {
      const rows = await db()
        .selectFrom('exchange_federation')
        .selectAll()
        .orderBy('created_at')
        .execute();
      return rows.map(toSubscription);
    },

    async remove(id: string, actor: string): Promise<void> {
      const result = await db()
        .deleteFrom('exchange_federation')
        .where('id', '=', id)
        .executeTakeFirst();
      if (Number(result.numDeletedRows) !== 1)
        throw exchangeErrors.create('subscription_not_found');
      await deps.audit.append({
        actor,
        action: 'exchange.sync.removed',
        subject: `subscription:${id}`,
        data: {},
      });
    },

    /** Sync one subscription (or every one) now, whatever its schedule; waits for another instance's lease. */
    async syncNow(id?: string): Promise<SyncResult[]> {
      const rows = await db()
        .selectFrom('exchange_federation')
        .selectAll()
        .$if(id !== undefined, (q) => q.where('id', '=', id as string))
        .execute();
      if (id !== undefined && rows.length === 0)
        throw exchangeErrors.create('subscription_not_found');
      const results: SyncResult[] = [];
      for (const row of rows) {
        if (!(await claim(row.id))) {
          results.push({
            id: row.id,
            pages: 0,
            fetched: 0,
            added: 0,
            refused: 0,
            cursor: row.cursor,
            error: 'another server is syncing it now',
          });
          continue;
        }
        results.push(await syncRow(row));
      }
      return results;
    },

    /** Sync due subscriptions in the background until `close`. */
    start(ready: () => boolean = () => true): void {
      if (timer !== undefined) return;
      timer = setInterval(() => {
        if (running !== undefined || !ready()) return;
        running = tick()
          .catch((err: unknown) =>
            deps.logger.warn({ err: (err as Error).message }, 'federation tick failed'),
          )
          .finally(() => {
            running = undefined;
          });
      }, TICK_MS);
      timer.unref();
    },

    async close(): Promise<void> {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      stop.abort();
      await running;
    },
  };
}

/** Only http(s) collection URLs, without credentials in them (those go in the environment). */
function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw exchangeErrors.create('bad_subscription', {
      message: `${text.slice(0, 200)} is not a URL.`,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw exchangeErrors.create('bad_subscription', {
      message: 'Only http and https TAXII servers can be synced.',
    });
  if (url.username !== '' || url.password !== '')
    throw exchangeErrors.create('bad_subscription', {
      message: 'Put credentials in an environment variable (--key-env), not in the URL.',
    });
  if (!/\/collections\/[^/]+\/?$/.test(url.pathname))
    throw exchangeErrors.create('bad_subscription', {
      message: 'Give the remote collection URL, ending in /collections/<id>/.',
    });
  url.hash = '';
  url.search = '';
  return url.pathname.endsWith('/') ? url.href : `${url.href}/`;
}

/** The cursor moved back a little (RFC 3339 in, RFC 3339 out); unreadable cursors are used as they are. */
function stepBack(cursor: string): string {
  const ms = Date.parse(cursor);
  if (Number.isNaN(ms)) return cursor;
  return new Date(ms - CURSOR_OVERLAP_MS).toISOString();
}

function toSubscription(row: FederationTable): Subscription {
  return {
    id: row.id,
    url: row.url,
    localCollection: row.local_collection,
    auth: row.auth as Subscription['auth'],
    username: row.username,
    secretEnv: row.secret_env,
    intervalSeconds: Number(row.interval_s),
    cursor: row.cursor,
    enabled: row.enabled === 1,
    objectsSynced: Number(row.objects_synced),
    lastAttempt: row.last_attempt === null ? null : Number(row.last_attempt),
    lastSuccess: row.last_success === null ? null : Number(row.last_success),
    lastError: row.last_error,
    failures: Number(row.failures),
  };
}
