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

export interface SafeguardsTables {
  safeguards_lever: SafeguardsLeverRow;
  safeguards_risk: SafeguardsRiskRow;
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
];
