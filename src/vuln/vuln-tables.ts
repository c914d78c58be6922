/**
 * The advisory store: one row per OSV record (the validated record as JSON), one row per
 * (ecosystem, normalized package name) it affects for lookups, and a per-ecosystem count
 * that says which ecosystems a scan can vouch for.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../platform/ports/store.js';

export interface AdvisoryTable {
  id: string;
  modified: string;
  /** 1 when the record is withdrawn (kept, never matched). */
  withdrawn: number;
  /** The validated record (`OsvRecord`) as JSON. */
  record: string;
  imported_at: number;
}

export interface AffectedTable {
  ecosystem: string;
  name_key: string;
  advisory_id: string;
}

export interface EcosystemTable {
  ecosystem: string;
  advisories: number;
  updated_at: number;
}

export interface VulnTables {
  vuln_advisories: AdvisoryTable;
  vuln_affected: AffectedTable;
  vuln_ecosystems: EcosystemTable;
}

export const vulnMigrations: readonly Migration[] = [
  {
    name: '20261206-40-vuln-advisories',
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('vuln_advisories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('modified', 'text', (c) => c.notNull())
        .addColumn('withdrawn', 'integer', (c) => c.notNull())
        .addColumn('record', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('vuln_affected')
        .addColumn('ecosystem', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull())
        .addColumn('advisory_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('vuln_affected_pk', ['ecosystem', 'name_key', 'advisory_id'])
        .execute();
      await db.schema
        .createIndex('vuln_affected_advisory')
        .on('vuln_affected')
        .column('advisory_id')
        .execute();
      await db.schema
        .createTable('vuln_ecosystems')
        .addColumn('ecosystem', 'text', (c) => c.primaryKey())
        .addColumn('advisories', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];
