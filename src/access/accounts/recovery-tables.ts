import type { Migration } from '../../platform/ports/store.js';

/**
 * `access_recovery`: someone who lost every second factor (phone, passkeys and
 * recovery codes) asked to remove them by email. Nothing changes until the
 * waiting period is over; every signed-in device sees it and can stop it.
 *
 * `access_trusted_contact`: a family member or carer a person names to receive
 * the alerts they choose. The contact has no access to the account.
 */
export interface AccessRecoveryRow {
  id: string;
  user_id: string;
  started_at: number;
  /** When it may be completed (started_at + the waiting period). */
  completes_at: number;
  cancelled_at: number | null;
  completed_at: number | null;
}

export interface AccessTrustedContactRow {
  user_id: string;
  name: string;
  /** Lowercased. */
  email: string;
  /** JSON array of alert kinds the person chose (see CONTACT_ALERTS). */
  alerts: string;
  created_at: number;
}

export interface RecoveryTables {
  access_recovery: AccessRecoveryRow;
  access_trusted_contact: AccessTrustedContactRow;
}

export const recoveryMigrations: readonly Migration[] = [
  {
    name: '20261205-05-access-recovery-and-contacts',
    async up(db) {
      await db.schema
        .createTable('access_recovery')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('completes_at', 'bigint', (c) => c.notNull())
        .addColumn('cancelled_at', 'bigint')
        .addColumn('completed_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('access_recovery_user')
        .on('access_recovery')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('access_trusted_contact')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('alerts', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  },
];
