/**
 * Alerts and anomaly baselines in the platform store (SQLite or PostgreSQL, same queries). The
 * status column is the truth for an alert's status: a watcher updating an alert's count never
 * overwrites what a person set through the API.
 */
import type { Store } from '../../platform/ports/store.js';
import type { Level } from '../engine/sigma/index.js';
import { detectErrors } from '../errors.js';
import type { AlertStatus, WatchAlert } from './watch-alert.js';
import type { DetectAlertRow, DetectTables } from './watch-tables.js';

export interface AlertQuery {
  /** Organizations whose alerts the caller may see. */
  readonly orgs: readonly string[];
  /** May the caller see server-wide alerts (org null)? */
  readonly serverWide: boolean;
  readonly status?: AlertStatus;
  readonly level?: Level;
  readonly limit: number;
  /** Opaque cursor from a previous page's `next`. */
  readonly before?: string;
}

export interface AlertPage {
  readonly alerts: WatchAlert[];
  readonly next: string | null;
}

export interface StatusChange {
  readonly previous: AlertStatus;
  readonly alert: WatchAlert;
}

const ms = (iso: string) => Date.parse(iso);

function rowOf(a: WatchAlert, now: number): DetectAlertRow {
  return {
    id: a.id,
    org: a.org,
    source: a.source,
    level: a.level,
    status: a.status,
    title: a.title.slice(0, 500),
    rule_id: a.rule?.id ?? null,
    host: a.host,
    count: a.count,
    first_seen: ms(a.firstSeen),
    last_seen: ms(a.lastSeen),
    created_at: ms(a.createdAt),
    updated_at: now,
    body: JSON.stringify(a),
    status_note: null,
    status_by: null,
    status_at: null,
  };
}

function alertOf(row: Pick<DetectAlertRow, 'body' | 'status'>): WatchAlert {
  return { ...(JSON.parse(row.body) as WatchAlert), status: row.status as AlertStatus };
}

const encodeCursor = (createdAt: number, id: string) =>
  Buffer.from(`${createdAt}.${id}`, 'utf8').toString('base64url');

function decodeCursor(text: string): { createdAt: number; id: string } {
  const plain = text.length > 200 ? '' : Buffer.from(text, 'base64url').toString('utf8');
  const dot = plain.indexOf('.');
  const createdAt = Number(plain.slice(0, dot));
  const id = plain.slice(dot + 1);
  if (dot <= 0 || !Number.isSafeInteger(createdAt) || id === '' || id.length > 64)
    throw detectErrors.create('cursor_invalid');
  return { createdAt, id };
}

export function createAlertStore(store: Store, now: () => number = Date.now) {
  const db = () => store.db<DetectTables>();
  return {
    async insert(alert: WatchAlert): Promise<void> {
      await db().insertInto('detect_alert').values(rowOf(alert, now())).execute();
    },

    /** Saves a merged alert (count, times, events); returns it with the stored status. */
    async update(alert: WatchAlert): Promise<WatchAlert> {
      const row = rowOf(alert, now());
      const result = await db()
        .updateTable('detect_alert')
        .set({
          level: row.level,
          count: row.count,
          first_seen: row.first_seen,
          last_seen: row.last_seen,
          updated_at: row.updated_at,
          body: row.body,
        })
        .where('id', '=', alert.id)
        .executeTakeFirst();
      const updated =
        Number(result.numUpdatedRows) === 0
          ? undefined
          : await db()
              .selectFrom('detect_alert')
              .select('status')
              .where('id', '=', alert.id)
              .executeTakeFirst();
      if (updated === undefined) {
        // Not there (deleted by hand, or the insert failed): store it as it is now.
        await this.insert(alert);
        return alert;
      }
      return { ...alert, status: updated.status as AlertStatus };
    },

    async get(id: string): Promise<WatchAlert | undefined> {
      const row = await db()
        .selectFrom('detect_alert')
        .select(['body', 'status'])
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : alertOf(row);
    },

    async list(q: AlertQuery): Promise<AlertPage> {
      if (q.orgs.length === 0 && !q.serverWide) return { alerts: [], next: null };
      let query = db()
        .selectFrom('detect_alert')
        .select(['id', 'created_at', 'body', 'status'])
        .where((eb) =>
          eb.or([
            ...(q.orgs.length > 0 ? [eb('org', 'in', [...q.orgs])] : []),
            ...(q.serverWide ? [eb('org', 'is', null)] : []),
          ]),
        );
      if (q.status !== undefined) query = query.where('status', '=', q.status);
      if (q.level !== undefined) query = query.where('level', '=', q.level);
      if (q.before !== undefined) {
        const c = decodeCursor(q.before);
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', c.createdAt),
            eb.and([eb('created_at', '=', c.createdAt), eb('id', '<', c.id)]),
          ]),
        );
      }
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const page = rows.slice(0, q.limit);
      const last = page.at(-1);
      return {
        alerts: page.map(alertOf),
        next:
          rows.length > q.limit && last !== undefined
            ? encodeCursor(Number(last.created_at), last.id)
            : null,
      };
    },

    /** Sets the status; undefined when there is no such alert. */
    async setStatus(
      id: string,
      status: AlertStatus,
      change: { readonly note: string | null; readonly by: string },
    ): Promise<StatusChange | undefined> {
      return store.transaction<DetectTables, StatusChange | undefined>(async (trx) => {
        const row = await trx
          .selectFrom('detect_alert')
          .select(['body', 'status'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (row === undefined) return undefined;
        await trx
          .updateTable('detect_alert')
          .set({ status, status_note: change.note, status_by: change.by, status_at: now() })
          .where('id', '=', id)
          .execute();
        return { previous: row.status as AlertStatus, alert: alertOf({ ...row, status }) };
      });
    },

    async loadAnomalyState(name: string): Promise<unknown> {
      const row = await db()
        .selectFrom('detect_anomaly_state')
        .select('state')
        .where('name', '=', name)
        .executeTakeFirst();
      return row === undefined ? undefined : (JSON.parse(row.state) as unknown);
    },

    async saveAnomalyState(name: string, state: unknown): Promise<void> {
      const text = JSON.stringify(state);
      const at = now();
      await db()
        .insertInto('detect_anomaly_state')
        .values({ name, state: text, saved_at: at })
        .onConflict((oc) => oc.column('name').doUpdateSet({ state: text, saved_at: at }))
        .execute();
    },
  };
}

export type AlertStore = ReturnType<typeof createAlertStore>;
