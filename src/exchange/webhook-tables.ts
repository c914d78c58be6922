/**
 * Webhooks: an organization's endpoints that are told, signed, when
 * intelligence it may read is added; and the delivery outbox that retries
 * them. Deliveries are rows, so a restart or another instance carries on.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../platform/ports/store.js';

export interface WebhookTable {
  id: string;
  org_id: string;
  url: string;
  /**
   * The signing secret (Standard Webhooks `whsec_…`, base64 key). Kept in the
   * database because every delivery must be signed with it; shown once to its owner.
   */
  secret: string;
  /** JSON arrays, or null for all. */
  types: string | null;
  collections: string | null;
  enabled: number;
  created_at: number;
  created_by: string;
  /** Deliveries that failed for good in a row; the hook is disabled past a limit. */
  failed_in_a_row: number;
}

export interface WebhookDeliveryTable {
  id: string;
  webhook_id: string;
  /** The JSON body, exactly as signed. */
  body: string;
  status: string;
  attempts: number;
  next_attempt_at: number;
  lease_until: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

export interface WebhookTables {
  exchange_webhooks: WebhookTable;
  exchange_webhook_deliveries: WebhookDeliveryTable;
}

export const webhookMigrations: readonly Migration[] = [
  {
    name: '20261206-12-exchange-webhooks',
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('exchange_webhooks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('types', 'text')
        .addColumn('collections', 'text')
        .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('failed_in_a_row', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('exchange_webhooks_org')
        .on('exchange_webhooks')
        .column('org_id')
        .execute();
      await db.schema
        .createTable('exchange_webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('webhook_id', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
        .addColumn('lease_until', 'bigint')
        .addColumn('last_status', 'integer')
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('exchange_webhook_deliveries_due')
        .on('exchange_webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('exchange_webhook_deliveries_hook')
        .on('exchange_webhook_deliveries')
        .columns(['webhook_id', 'created_at'])
        .execute();
    },
  },
];
