import type { Migration } from '../platform/ports/store.js';

/**
 * The access module's core tables. Timestamps are epoch milliseconds, booleans
 * 0/1, JSON is text (see the Store port's portable conventions).
 *
 * Secrets are never stored in a form that can be used: passwords as argon2id
 * hashes, API key secrets and tokens as SHA-256 (they carry ~190 random bits, so
 * a slow hash adds nothing), and nothing secret is ever returned after creation.
 */
export interface AccessUserRow {
  id: string;
  /** Lowercased; unique. */
  email: string;
  display_name: string;
  created_at: number;
  email_verified_at: number | null;
  /** argon2id PHC string, or null for passkey-only accounts. */
  password_hash: string | null;
  /** Base32 TOTP seed once confirmed (never returned by any API). */
  totp_secret: string | null;
  totp_enabled_at: number | null;
  /** "Advanced protection": passkeys only, no email recovery, short sessions. */
  advanced_protection: number;
  /** JSON array of staff role names (see the tier policy's `staff`). */
  staff_roles: string;
  disabled_at: number | null;
}

export interface AccessOrgRow {
  id: string;
  /** Unique, as typed (compared case-insensitively through `name_key`). */
  name: string;
  name_key: string;
  created_at: number;
  created_by: string;
  /** When the org is a trusted intermediary: the highest tier it may vouch members into. */
  vouch_cap: number | null;
}

export interface AccessMemberRow {
  org_id: string;
  user_id: string;
  role: string;
  created_at: number;
}

/**
 * Tier grants, one row per decision. A subject's tier is the highest tier among
 * its grants that are neither revoked nor expired (0 when there are none).
 */
export interface AccessTierGrantRow {
  id: string;
  subject_type: 'org' | 'user';
  subject_id: string;
  tier: number;
  /** Who decided: `operator:cli`, `user:<id>`, `org:<id>` for an intermediary's vouch. */
  granted_by: string;
  /** The intermediary organization that vouched, when it was a vouch. */
  via_org: string | null;
  /** `verification:<id>` when a verification decision made it. */
  source: string | null;
  reason: string;
  created_at: number;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface AccessApiKeyRow {
  /** Public id `sw_live_<12 base62>`: in lists, logs and the audit log. */
  id: string;
  owner_type: 'org' | 'user';
  owner_id: string;
  name: string;
  /** SHA-256 hex of the secret part. */
  secret_hash: string;
  /** JSON array of capabilities the key is limited to, or null for its owner's whole tier. */
  scope: string | null;
  created_at: number;
  created_by: string;
  expires_at: number | null;
  revoked_at: number | null;
  revoked_by: string | null;
  last_used_at: number | null;
  /** The key this one replaces (rotation); that key expires after the overlap. */
  rotated_from: string | null;
}

/** A passkey (WebAuthn credential) of a user. */
export interface AccessPasskeyRow {
  /** Credential id, base64url. */
  id: string;
  user_id: string;
  /** COSE public key, base64url. */
  public_key: string;
  counter: number;
  /** JSON array of transports the authenticator reported. */
  transports: string;
  /** Name the person gave it ("Laptop", "YubiKey"). */
  name: string;
  /** Whether it is backed up (synced passkey) or bound to one device. */
  backed_up: number;
  created_at: number;
  last_used_at: number | null;
}

/** An invitation to join an organization; only the token's hash is kept. */
export interface AccessInvitationRow {
  id: string;
  org_id: string;
  /** Lowercased address the invitation was sent to; only that account may accept it. */
  email: string;
  role: string;
  token_hash: string;
  created_at: number;
  created_by: string;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
}

export interface AccessTables {
  access_invitation: AccessInvitationRow;
  access_passkey: AccessPasskeyRow;
  access_user: AccessUserRow;
  access_org: AccessOrgRow;
  access_member: AccessMemberRow;
  access_tier_grant: AccessTierGrantRow;
  access_api_key: AccessApiKeyRow;
}

export const accessCoreMigrations: readonly Migration[] = [
  {
    name: '20261205-01-access-core',
    async up(db) {
      await db.schema
        .createTable('access_user')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('email_verified_at', 'bigint')
        .addColumn('password_hash', 'text')
        .addColumn('totp_secret', 'text')
        .addColumn('totp_enabled_at', 'bigint')
        .addColumn('advanced_protection', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('staff_roles', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('disabled_at', 'bigint')
        .execute();
      await db.schema
        .createTable('access_passkey')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('public_key', 'text', (c) => c.notNull())
        .addColumn('counter', 'bigint', (c) => c.notNull())
        .addColumn('transports', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('backed_up', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('access_passkey_user')
        .on('access_passkey')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('access_org')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('name_key', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('vouch_cap', 'integer')
        .execute();
      await db.schema
        .createTable('access_member')
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('access_member_pk', ['org_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('access_member_user')
        .on('access_member')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('access_invitation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('accepted_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('access_invitation_org')
        .on('access_invitation')
        .column('org_id')
        .execute();
      await db.schema
        .createTable('access_tier_grant')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('tier', 'integer', (c) => c.notNull())
        .addColumn('granted_by', 'text', (c) => c.notNull())
        .addColumn('via_org', 'text')
        .addColumn('source', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addColumn('revoked_by', 'text')
        .addColumn('revoke_reason', 'text')
        .execute();
      await db.schema
        .createIndex('access_tier_grant_subject')
        .on('access_tier_grant')
        .columns(['subject_type', 'subject_id'])
        .execute();
      await db.schema
        .createIndex('access_tier_grant_via')
        .on('access_tier_grant')
        .column('via_org')
        .execute();
      await db.schema
        .createTable('access_api_key')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_type', 'text', (c) => c.notNull())
        .addColumn('owner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('scope', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .addColumn('revoked_by', 'text')
        .addColumn('last_used_at', 'bigint')
        .addColumn('rotated_from', 'text')
        .execute();
      await db.schema
        .createIndex('access_api_key_owner')
        .on('access_api_key')
        .columns(['owner_type', 'owner_id'])
        .execute();
    },
  },
];
