import type { Migration } from '../../platform/ports/store.js';
import type { AccessTables, AccessUserRow } from '../access-tables.js';

/**
 * Tables of the accounts part: sessions, one-time tokens, TOTP state, recovery
 * codes, known devices and the mail outbox. Same conventions as the core tables
 * (epoch ms bigints, 0/1 booleans, JSON as text).
 *
 * Every bearer secret (session token, email token, recovery code) is stored as
 * SHA-256 hex: each carries at least 80 random bits, so a slow hash adds nothing,
 * and a copy of the database lets nobody sign in. The session's CSRF token is not
 * stored at all: it is HMAC-SHA-256 keyed with the session token (see
 * `csrfTokenOf`), so only someone holding the cookie can compute it.
 */
export interface AccountSessionRow {
  /** SHA-256 hex of the session token (the cookie value). */
  id: string;
  user_id: string;
  /** Name the person gave it, or one made from the user agent ("Firefox on Linux"). */
  device_name: string;
  /** User-Agent header, cut to 256 characters. */
  user_agent: string;
  ip: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  /** When the person last proved who they are in it (sign-in or step-up). */
  authenticated_at: number;
  revoked_at: number | null;
  /** Why it ended: `signed_out`, `revoked`, `password_changed`, `password_reset` … */
  revoke_reason: string | null;
}

export type AccountTokenPurpose =
  | 'verify_email'
  | 'password_reset'
  | 'sign_in'
  | 'recovery'
  | 'recovery_complete'
  | 'contact_stop';

/** A single-use emailed token, or the pending first step of a two-step sign-in. */
export interface AccountTokenRow {
  /** SHA-256 hex of the token. */
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  created_at: number;
  expires_at: number;
  used_at: number | null;
  /** Failed second-factor attempts against a pending sign-in. */
  attempts: number;
  /** JSON, never secret: the address a verification was for, the device name of a sign-in. */
  data: string;
}

/** TOTP state beside `access_user.totp_secret`: an enrolment not confirmed yet, and replay protection. */
export interface AccountTotpRow {
  user_id: string;
  /** Base32 seed offered at enrolment, until a code confirms it. */
  pending_secret: string | null;
  pending_created_at: number | null;
  /** Highest 30-second time step a code was accepted for; codes at or before it are refused. */
  last_step: number | null;
}

export interface AccountRecoveryCodeRow {
  /** SHA-256 hex of `<user id>:<normalised code>`. */
  code_hash: string;
  user_id: string;
  created_at: number;
  used_at: number | null;
}

/** A (browser, network) pair a user has signed in from; a new one triggers an alert mail. */
export interface AccountDeviceRow {
  user_id: string;
  /** SHA-256 hex of user agent and IP prefix (/24 for IPv4, /48 for IPv6). */
  device_key: string;
  /** Shown in alerts: "Firefox on Linux, network 203.0.113.0/24". */
  label: string;
  first_seen_at: number;
  last_seen_at: number;
}

/** Mail the default mailer queued; an operator's mail relay (or the console) sends it. */
export interface AccountMailOutboxRow {
  id: string;
  to_address: string;
  subject: string;
  body: string;
  created_at: number;
  sent_at: number | null;
}

/**
 * An account as the accounts part sees it: the core row plus the language its mail is written in
 * (`en`, `es`; null for accounts made before languages were stored, or by the CLI: English).
 */
export interface AccountUserRow extends AccessUserRow {
  locale: string | null;
}

export interface AccountTables extends AccessTables {
  access_user: AccountUserRow;
  access_session: AccountSessionRow;
  access_token: AccountTokenRow;
  access_totp: AccountTotpRow;
  access_recovery_code: AccountRecoveryCodeRow;
  access_device: AccountDeviceRow;
  access_mail_outbox: AccountMailOutboxRow;
}

export const accountMigrations: readonly Migration[] = [
  {
    name: '20261205-02-access-accounts',
    async up(db) {
      await db.schema
        .createTable('access_session')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('device_name', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('authenticated_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('revoke_reason', 'text')
        .execute();
      await db.schema
        .createIndex('access_session_user')
        .on('access_session')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('access_token')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      await db.schema
        .createIndex('access_token_user')
        .on('access_token')
        .columns(['user_id', 'purpose'])
        .execute();
      await db.schema
        .createTable('access_totp')
        .addColumn('user_id', 'text', (c) => c.primaryKey())
        .addColumn('pending_secret', 'text')
        .addColumn('pending_created_at', 'bigint')
        .addColumn('last_step', 'bigint')
        .execute();
      await db.schema
        .createTable('access_recovery_code')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('used_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('access_recovery_code_user')
        .on('access_recovery_code')
        .column('user_id')
        .execute();
      await db.schema
        .createTable('access_device')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('device_key', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('first_seen_at', 'bigint', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('access_device_pk', ['user_id', 'device_key'])
        .execute();
      await db.schema
        .createTable('access_mail_outbox')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('to_address', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('sent_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('access_mail_outbox_unsent')
        .on('access_mail_outbox')
        .columns(['sent_at', 'created_at'])
        .execute();
    },
  },
  {
    // Named after every earlier migration of every module: Kysely applies them in name order.
    name: '20261210-01-access-account-locale',
    async up(db) {
      await db.schema.alterTable('access_user').addColumn('locale', 'text').execute();
    },
  },
];
