import type { Migration } from '../../platform/ports/store.js';

/**
 * WebAuthn challenges: one row per ceremony, single-use, short-lived. Kept in
 * the store (not in memory) so a ceremony started on one instance can finish on
 * another behind a load balancer.
 */
export interface WebauthnChallengeRow {
  /** The challenge itself, base64url (random, 32 bytes). */
  challenge: string;
  purpose: 'register' | 'authenticate';
  /** The signed-in user for a registration; null for a sign-in (usernameless). */
  user_id: string | null;
  created_at: number;
  expires_at: number;
}

export interface PasskeyTables {
  access_webauthn_challenge: WebauthnChallengeRow;
}

export const passkeyMigrations: readonly Migration[] = [
  {
    name: '20261205-04-access-passkeys',
    async up(db) {
      await db.schema
        .createTable('access_webauthn_challenge')
        .addColumn('challenge', 'text', (c) => c.primaryKey())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('access_webauthn_challenge_expiry')
        .on('access_webauthn_challenge')
        .column('expires_at')
        .execute();
    },
  },
];
