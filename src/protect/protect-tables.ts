import type { Migration } from '../platform/ports/store.js';

/**
 * `protect_report`: what people reported with "report this". The message text
 * is kept only when the person chose to include it; the verdict summary and the
 * indicators are what the exchange module turns into shared intelligence.
 *
 * `protect_share`: a result shared with a trusted contact by link. It holds the
 * result only (verdict, reasons, next steps) — never the message — and expires.
 */
export interface ProtectReportRow {
  id: string;
  created_at: number;
  kind: string;
  verdict: string;
  score: number;
  category: string;
  /** JSON array of {type, value}. */
  indicators: string;
  /** JSON array of reason codes. */
  reason_codes: string;
  /** Only when the reporter opted in; else null. */
  content: string | null;
  /** Free text from the reporter (≤ 2,000 characters), or null. */
  comment: string | null;
}

export interface ProtectShareRow {
  /** SHA-256 of the share token (the token itself is only in the link). */
  token_hash: string;
  created_at: number;
  expires_at: number;
  /** JSON of the shared result. */
  result: string;
}

export interface ProtectTables {
  protect_report: ProtectReportRow;
  protect_share: ProtectShareRow;
}

export const protectMigrations: readonly Migration[] = [
  {
    name: '20261122-10-protect-reports-and-shares',
    async up(db) {
      await db.schema
        .createTable('protect_report')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('score', 'double precision', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('indicators', 'text', (c) => c.notNull())
        .addColumn('reason_codes', 'text', (c) => c.notNull())
        .addColumn('content', 'text')
        .addColumn('comment', 'text')
        .execute();
      await db.schema
        .createIndex('protect_report_created')
        .on('protect_report')
        .column('created_at')
        .execute();
      await db.schema
        .createTable('protect_share')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('result', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
