import type { Migration } from '../ports/store.js';

/**
 * The audit log's two tables. Hashes are lowercase hex text and sizes are bigint,
 * per the store's portable conventions, so one migration serves SQLite and PostgreSQL.
 *
 * `audit_entry`: one row per entry, append-only. `content` is the canonical record
 * (the leaf data); `tree_size`/`root_hash`/`signature` are the signed tree head of
 * the log right after this entry (tree_size is always idx + 1).
 *
 * `audit_node`: every perfect subtree hash, written once when completed (level 0
 * are the leaves). With them an inclusion or consistency proof, and the frontier
 * an append needs, are O(log n) primary-key lookups instead of a rehash.
 */
export interface AuditEntryRow {
  idx: number;
  content: string;
  leaf_hash: string;
  tree_size: number;
  root_hash: string;
  signature: string;
}

export interface AuditNodeRow {
  level: number;
  idx: number;
  hash: string;
}

export interface AuditTables {
  audit_entry: AuditEntryRow;
  audit_node: AuditNodeRow;
}

/**
 * Schema migrations for the audit log.
 *
 * @example
 * const store = createSqliteStore({ file, migrations: [...auditMigrations, ...moduleMigrations] });
 * await store.migrate();
 */
export const auditMigrations: readonly Migration[] = [
  {
    name: '20261122-01-platform-audit-log',
    async up(db) {
      await db.schema
        .createTable('audit_entry')
        .addColumn('idx', 'bigint', (c) => c.primaryKey())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('leaf_hash', 'text', (c) => c.notNull())
        .addColumn('tree_size', 'bigint', (c) => c.notNull())
        .addColumn('root_hash', 'text', (c) => c.notNull())
        .addColumn('signature', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_node')
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('idx', 'bigint', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_node_pk', ['level', 'idx'])
        .execute();
    },
  },
];
