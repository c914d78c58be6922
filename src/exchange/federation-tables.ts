/**
 * Federation subscriptions: collections on other TAXII 2.1 servers this
 * instance keeps a copy of. The cursor is the remote's own `date_added` of the
 * last object stored, so a restart or an outage resumes where it stopped.
 * Secrets are never stored: a subscription names the environment variable
 * that holds its API key or password.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../platform/ports/store.js';

export interface FederationTable {
  id: string;
  /** The remote collection's URL: `https://host/taxii2/<api-root>/collections/<id>/`. */
  url: string;
  /** The local collection the objects go into. */
  local_collection: string;
  /** `none`, `bearer` (API key) or `basic` (user + password). */
  auth: string;
  username: string | null;
  /** Name of the environment variable holding the key or password. */
  secret_env: string | null;
  interval_s: number;
  /** The remote's X-TAXII-Date-Added-Last of the last stored page (RFC 3339, as sent). */
  cursor: string | null;
  enabled: number;
  objects_synced: number;
  last_attempt: number | null;
  last_success: number | null;
  last_error: string | null;
  /** Failures in a row (for backoff). */
  failures: number;
  /** Until when one instance holds the subscription (several servers share one store). */
  lease_until: number | null;
  created_at: number;
  created_by: string;
}

export interface FederationTables {
  exchange_federation: FederationTable;
}

export const federationMigrations: readonly Migration[] = [
  {
    name: '20261206-10-exchange-federation',
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('exchange_federation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('local_collection', 'text', (c) => c.notNull())
        .addColumn('auth', 'text', (c) => c.notNull())
        .addColumn('username', 'text')
        .addColumn('secret_env', 'text')
        .addColumn('interval_s', 'integer', (c) => c.notNull())
        .addColumn('cursor', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('objects_synced', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_attempt', 'bigint')
        .addColumn('last_success', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('lease_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('exchange_federation_url')
        .on('exchange_federation')
        .columns(['url', 'local_collection'])
        .unique()
        .execute();
    },
  },
];
