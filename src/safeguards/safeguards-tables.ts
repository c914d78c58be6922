import type { Migration } from '../platform/ports/store.js';

/** One lever: pulled by an operator or a policy threshold, in force until lifted or expired. */
export interface SafeguardsLeverRow {
  id: string;
  kind: string;
  target: string;
  tier: number | null;
  mode: string | null;
  reason: string;
  actor: string;
  created_at: number;
  expires_at: number | null;
  lifted_at: number | null;
  lifted_by: string | null;
  lift_reason: string | null;
  automatic: number;
  /** JSON array of request ids / notes behind it. */
  evidence: string;
}

/** A decaying risk score per subject (`org:…`, `user:…`, `key:…`, `enduser:…/…`). */
export interface SafeguardsRiskRow {
  subject: string;
  /** The score as of `updated_at`; it halves every half-life after that. */
  score: number;
  updated_at: number;
  /** Blocked requests counted in the current window (reset when the score decays to ~0). */
  blocks: number;
  /** JSON array of the newest evidence items ({ requestId, decision, risk, categories, at }). */
  evidence: string;
}

/** An owner's appeal against one lever: filed once, decided once by an operator. */
export interface SafeguardsAppealRow {
  id: string;
  /** One appeal per lever (unique). */
  lever_id: string;
  target: string;
  /** Whose the target is: `org:<id>` or `user:<id>`. */
  owner: string;
  /** The person who wrote it: `user:<id>`. */
  filed_by: string;
  reason: string;
  created_at: number;
  /** `pending`, `granted` (the lever was lifted) or `denied`. */
  status: string;
  decided_at: number | null;
  decided_by: string | null;
  decision_reason: string | null;
}

/**
 * What an owner is told (in-app, and by webhook when their organization set one up): a lever
 * pulled or lifted, an appeal decided. The row is also the webhook's outbox, so any process can
 * write it (the CLI pulling a lever) and the running servers deliver it.
 */
export interface SafeguardsNoticeRow {
  id: string;
  owner: string;
  /** `lever.pulled`, `lever.lifted`, `appeal.granted`, `appeal.denied`. */
  kind: string;
  lever_id: string;
  appeal_id: string | null;
  created_at: number;
  read_at: number | null;
  /** JSON: the lever as the owner may see it, and the decision's reason. */
  data: string;
  /** `none` (no webhook), `pending`, `delivered`, `failed`. */
  webhook_status: string;
  webhook_attempts: number;
  next_attempt_at: number | null;
  lease_until: number | null;
  last_error: string | null;
}

/** An organization's endpoint for safeguards notices (one per organization). */
export interface SafeguardsWebhookRow {
  org_id: string;
  url: string;
  /** Sealed `whsec_…` secret, bound to the organization's id. */
  secret: string;
  created_at: number;
  created_by: string;
  /** Notices in a row whose delivery failed after every retry; the address is paused at a limit. */
  failed_in_a_row: number;
  /** When deliveries were paused for failing (null: active). A good test message or a new address resumes them. */
  paused_at: number | null;
}

/** One finding of `shieldwall safeguards monitor`, kept for the console. */
export interface SafeguardsFindingRow {
  id: string;
  run_at: number;
  kind: string;
  subject: string;
  summary: string;
  /** JSON array of the request ids behind it. */
  request_ids: string;
}

export interface SafeguardsTables {
  safeguards_lever: SafeguardsLeverRow;
  safeguards_risk: SafeguardsRiskRow;
  safeguards_appeal: SafeguardsAppealRow;
  safeguards_notice: SafeguardsNoticeRow;
  safeguards_webhook: SafeguardsWebhookRow;
  safeguards_finding: SafeguardsFindingRow;
}

export const safeguardsMigrations: readonly Migration[] = [
  {
    name: '20261206-30-safeguards-levers',
    async up(db) {
      await db.schema
        .createTable('safeguards_lever')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('tier', 'integer')
        .addColumn('mode', 'text')
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('expires_at', 'bigint')
        .addColumn('lifted_at', 'bigint')
        .addColumn('lifted_by', 'text')
        .addColumn('lift_reason', 'text')
        .addColumn('automatic', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('safeguards_lever_target')
        .on('safeguards_lever')
        .columns(['target', 'lifted_at'])
        .execute();
      await db.schema
        .createIndex('safeguards_lever_active')
        .on('safeguards_lever')
        .columns(['lifted_at', 'expires_at'])
        .execute();
      await db.schema
        .createTable('safeguards_risk')
        .addColumn('subject', 'text', (c) => c.primaryKey())
        .addColumn('score', 'real', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('blocks', 'real', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .execute();
    },
  },
  {
    name: '20261214-30-safeguards-appeals',
    async up(db) {
      await db.schema
        .createTable('safeguards_appeal')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('lever_id', 'text', (c) => c.notNull().unique())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('filed_by', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'bigint')
        .addColumn('decided_by', 'text')
        .addColumn('decision_reason', 'text')
        .execute();
      await db.schema
        .createIndex('safeguards_appeal_status')
        .on('safeguards_appeal')
        .columns(['status', 'created_at'])
        .execute();
      await db.schema
        .createTable('safeguards_notice')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lever_id', 'text', (c) => c.notNull())
        .addColumn('appeal_id', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('webhook_status', 'text', (c) => c.notNull())
        .addColumn('webhook_attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('lease_until', 'bigint')
        .addColumn('last_error', 'text')
        .execute();
      await db.schema
        .createIndex('safeguards_notice_owner')
        .on('safeguards_notice')
        .columns(['owner', 'created_at'])
        .execute();
      await db.schema
        .createIndex('safeguards_notice_outbox')
        .on('safeguards_notice')
        .columns(['webhook_status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createTable('safeguards_webhook')
        .addColumn('org_id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('safeguards_finding')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('run_at', 'bigint', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('request_ids', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('safeguards_finding_time')
        .on('safeguards_finding')
        .columns(['run_at'])
        .execute();
    },
  },
  {
    // Named to sort after every migration already released (Kysely runs them in name order and
    // refuses one that sorts before those a database has run), not by today's date.
    name: '20261215-20-safeguards-webhook-pause',
    async up(db) {
      await db.schema
        .alterTable('safeguards_webhook')
        .addColumn('failed_in_a_row', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('safeguards_webhook').addColumn('paused_at', 'bigint').execute();
    },
  },
];
