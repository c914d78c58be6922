/**
 * The detect module's tables: alerts raised by `detect watch` (the full alert as JSON, plus the
 * columns the API filters, pages and checks permissions on), and the anomaly baselines saved
 * periodically so a restart continues where it stopped instead of warming up again.
 */
import type { Migration } from '../../platform/ports/store.js';

export interface DetectAlertRow {
  id: string;
  /** Owning organization; null = server-wide, visible to operators only. */
  org: string | null;
  source: string;
  level: string;
  status: string;
  title: string;
  rule_id: string | null;
  host: string | null;
  count: number;
  first_seen: number;
  last_seen: number;
  created_at: number;
  updated_at: number;
  /** The alert JSON (status excepted: the column is the truth). */
  body: string;
  status_note: string | null;
  status_by: string | null;
  status_at: number | null;
}

export interface DetectAnomalyStateRow {
  /** Which watcher's baselines: `org:<id>` or `server`. */
  name: string;
  state: string;
  saved_at: number;
}

export interface DetectTables {
  detect_alert: DetectAlertRow;
  detect_anomaly_state: DetectAnomalyStateRow;
}

export const detectMigrations: readonly Migration[] = [
  {
    name: '20261210-10-detect-alerts',
    async up(db) {
      await db.schema
        .createTable('detect_alert')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('rule_id', 'text')
        .addColumn('host', 'text')
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addColumn('first_seen', 'bigint', (c) => c.notNull())
        .addColumn('last_seen', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status_note', 'text')
        .addColumn('status_by', 'text')
        .addColumn('status_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('detect_alert_org_created')
        .on('detect_alert')
        .columns(['org', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('detect_alert_created')
        .on('detect_alert')
        .columns(['created_at', 'id'])
        .execute();
      await db.schema
        .createTable('detect_anomaly_state')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('saved_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];
