import type { Migration } from '../../platform/ports/store.js';

/**
 * `protect_checkup_snapshot`: one completed small-business checkup of an organization. The answers
 * are kept (the exports need them); the scores are stored too so the history reads without
 * re-scoring, and stay what the organization saw even if a later version re-weights questions.
 */
export interface CheckupSnapshotRow {
  id: string;
  org_id: string;
  created_at: number;
  /** Who saved it: `user:<id>`, `key:<id>` or `cli:<name>`. */
  created_by: string;
  /** The question set's CHECKUP_VERSION. */
  version: number;
  /** JSON object: question id → answer. */
  answers: string;
  overall: number;
  /** JSON object: area → score. */
  area_scores: string;
}

export interface CheckupTables {
  protect_checkup_snapshot: CheckupSnapshotRow;
}

export const checkupMigrations: readonly Migration[] = [
  {
    name: '20261208-30-protect-checkup',
    async up(db) {
      await db.schema
        .createTable('protect_checkup_snapshot')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('answers', 'text', (c) => c.notNull())
        .addColumn('overall', 'integer', (c) => c.notNull())
        .addColumn('area_scores', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('protect_checkup_snapshot_org')
        .on('protect_checkup_snapshot')
        .columns(['org_id', 'created_at'])
        .execute();
    },
  },
];
