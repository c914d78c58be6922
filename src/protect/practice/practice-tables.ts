import type { Migration } from '../../platform/ports/store.js';

/**
 * Organization practice exercises.
 *
 * `protect_exercise`: one exercise — which practice messages, to which organization, over which
 * period. `secret` derives each delivery's token (never leaves the server, never logged).
 *
 * `protect_exercise_delivery`: one practice message in one member's practice inbox, and what they
 * did with it. Looked up from outside by the SHA-256 of its token (`token_hash`).
 *
 * `protect_exercise_setting`: per organization, whether admins see each person's results
 * (off unless an admin turns it on).
 */
export interface ProtectExerciseRow {
  id: string;
  org_id: string;
  name: string;
  /** JSON array of practice sample ids. */
  sample_ids: string;
  starts_at: number;
  ends_at: number;
  created_at: number;
  created_by: string;
  ended_at: number | null;
  /** Hex, 32 random bytes. */
  secret: string;
}

export interface ProtectExerciseDeliveryRow {
  id: string;
  exercise_id: string;
  org_id: string;
  user_id: string;
  sample_id: string;
  token_hash: string;
  deliver_at: number;
  opened_at: number | null;
  reported_at: number | null;
  /** `inbox` (the button) or `api` (an external mail system's report button). */
  report_via: string | null;
  clicked_at: number | null;
}

export interface ProtectExerciseSettingRow {
  org_id: string;
  show_individuals: number;
  updated_at: number;
  updated_by: string;
}

export interface PracticeTables {
  protect_exercise: ProtectExerciseRow;
  protect_exercise_delivery: ProtectExerciseDeliveryRow;
  protect_exercise_setting: ProtectExerciseSettingRow;
}

export const practiceMigrations: readonly Migration[] = [
  {
    name: '20261206-01-protect-practice-exercises',
    async up(db) {
      await db.schema
        .createTable('protect_exercise')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('sample_ids', 'text', (c) => c.notNull())
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('secret', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('protect_exercise_org')
        .on('protect_exercise')
        .columns(['org_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('protect_exercise_delivery')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('exercise_id', 'text', (c) => c.notNull())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('sample_id', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('deliver_at', 'bigint', (c) => c.notNull())
        .addColumn('opened_at', 'bigint')
        .addColumn('reported_at', 'bigint')
        .addColumn('report_via', 'text')
        .addColumn('clicked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('protect_exercise_delivery_user')
        .on('protect_exercise_delivery')
        .columns(['user_id', 'deliver_at'])
        .execute();
      await db.schema
        .createIndex('protect_exercise_delivery_exercise')
        .on('protect_exercise_delivery')
        .column('exercise_id')
        .execute();
      await db.schema
        .createTable('protect_exercise_setting')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('show_individuals', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
    },
  },
];
