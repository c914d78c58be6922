/**
 * Risk scores per organization, user and end user, fed by the gateway's prompt
 * decisions (monitor, friction, block; allow costs nothing), stored decaying in
 * `safeguards_risk` with the evidence behind them, and the automatic levers that
 * policy thresholds call for (each audited with its evidence, each liftable).
 */
import type { Kysely } from 'kysely';
import type { ObservedDecision } from '../gateway/index.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import type { Lever } from './engine/lever-rules.js';
import {
  addDecision,
  autoLevers,
  DEFAULT_RISK_POLICY,
  EMPTY_RISK,
  pointsFor,
  type RiskEvidence,
  type RiskPolicy,
  type RiskState,
  riskAt,
} from './engine/risk-score.js';
import type { LeverCache } from './lever-cache.js';
import type { LeverService } from './lever-service.js';
import type { SafeguardsRiskRow, SafeguardsTables } from './safeguards-tables.js';

/** The actor automatic levers are pulled by. */
export const AUTOMATIC_ACTOR = 'system:safeguards';
/** Decisions waiting to be scored; beyond this they are dropped with a warning. */
const MAX_PENDING = 1000;

export interface RiskEntry extends RiskState {
  readonly subject: string;
}

export type RiskService = ReturnType<typeof createRiskService>;

/**
 * Who a decision counts against: the end user when the caller named one (so a
 * platform's other end users are not punished), else the organization or the user.
 */
export function riskSubjectOf(d: {
  readonly orgId: string | null;
  readonly userId: string | null;
  readonly endUser: string | null;
}): string | null {
  const owner = d.orgId ?? d.userId;
  if (d.endUser !== null && owner !== null) return `enduser:${owner}/${d.endUser}`;
  if (d.orgId !== null) return `org:${d.orgId}`;
  if (d.userId !== null) return `user:${d.userId}`;
  return null;
}

function toState(r: SafeguardsRiskRow): RiskState {
  return {
    score: Number(r.score),
    blocks: Number(r.blocks),
    updatedAt: Number(r.updated_at),
    evidence: JSON.parse(r.evidence) as RiskEvidence[],
  };
}

export function createRiskService(deps: {
  readonly store: Store;
  readonly levers?: LeverService;
  readonly cache?: LeverCache;
  readonly logger: Pick<Logger, 'warn'>;
  readonly now: () => number;
  readonly policy?: RiskPolicy;
}) {
  const policy = deps.policy ?? DEFAULT_RISK_POLICY;
  const db = () => deps.store.db<SafeguardsTables>();
  let chain: Promise<void> = Promise.resolve();
  let pending = 0;

  /** Add one decision to its subject's score (one transaction), then pull what the thresholds call for. */
  async function record(d: ObservedDecision): Promise<RiskEntry | null> {
    const subject = riskSubjectOf(d);
    if (subject === null || pointsFor(d.decision, policy) === 0) return null;
    const evidence: RiskEvidence = {
      requestId: d.requestId,
      at: d.at,
      decision: d.decision,
      risk: Math.round(d.risk * 1000) / 1000,
      categories: d.categories.filter((c) => c.score > 0).map((c) => c.id),
    };
    const { state, pulled } = await deps.store.transaction<
      SafeguardsTables,
      { state: RiskState; pulled: Lever[] }
    >(
      async (trx) => {
        const row = await trx
          .selectFrom('safeguards_risk')
          .selectAll()
          .where('subject', '=', subject)
          .executeTakeFirst();
        const next = addDecision(row === undefined ? EMPTY_RISK : toState(row), evidence, policy);
        const values = {
          score: next.score,
          blocks: next.blocks,
          updated_at: next.updatedAt,
          evidence: JSON.stringify(next.evidence),
        };
        await trx
          .insertInto('safeguards_risk')
          .values({ subject, ...values })
          .onConflict((oc) => oc.column('subject').doUpdateSet(values))
          .execute();
        // Under the same lock, so two instances scoring one subject pull each lever once.
        return { state: next, pulled: await pullAutomatic(trx, subject, next, d.tier) };
      },
      { lock: 'safeguards-risk' },
    );
    for (const l of pulled) await deps.levers?.published(l, { id: AUTOMATIC_ACTOR });
    return { subject, ...state };
  }

  async function pullAutomatic(
    trx: Kysely<SafeguardsTables>,
    subject: string,
    s: RiskState,
    tier: number,
  ): Promise<Lever[]> {
    if (deps.levers === undefined) return [];
    const cites = s.evidence.map(
      (e) => `request:${e.requestId} ${e.decision} ${e.categories.join(',') || '-'}`,
    );
    const pulled: Lever[] = [];
    for (const a of autoLevers(s, tier, policy)) {
      // Cheap in-memory pre-check first; the insert re-checks the table under the lock.
      if (deps.cache?.on(subject).some((l) => l.kind === a.kind || l.kind === 'revoke')) continue;
      const lever = await deps.levers.insertAutomatic(
        trx,
        {
          kind: a.kind,
          target: subject,
          reason: a.why,
          ...(a.kind === 'restrict' ? { tier: a.tier } : { mode: 'limits' as const }),
          forMs: policy.leverMs,
          evidence: cites,
        },
        { id: AUTOMATIC_ACTOR },
      );
      if (lever !== null) pulled.push(lever);
    }
    return pulled;
  }

  return {
    record,

    /** Hear a gateway decision without holding the request (serialised, bounded). */
    observe(d: ObservedDecision): void {
      if (pointsFor(d.decision, policy) === 0) return;
      if (pending >= MAX_PENDING) {
        deps.logger.warn({ requestId: d.requestId }, 'risk scoring is behind; dropped a decision');
        return;
      }
      pending++;
      chain = chain
        .then(() => record(d))
        .then(
          () => undefined,
          (err: unknown) => deps.logger.warn({ err }, 'could not score a gateway decision'),
        )
        .finally(() => {
          pending--;
        });
    },

    /** Wait for the scoring queue to drain (tests, shutdown). */
    idle: (): Promise<void> => chain,

    /** One subject's score now, with its evidence. */
    async get(subject: string): Promise<RiskEntry> {
      const row = await db()
        .selectFrom('safeguards_risk')
        .selectAll()
        .where('subject', '=', subject)
        .executeTakeFirst();
      return {
        subject,
        ...riskAt(row === undefined ? EMPTY_RISK : toState(row), deps.now(), policy),
      };
    },

    /** Subjects by current (decayed) score, highest first. */
    async top(limit = 50): Promise<RiskEntry[]> {
      const rows = await db().selectFrom('safeguards_risk').selectAll().limit(10_000).execute();
      const now = deps.now();
      return rows
        .map((r) => ({ subject: r.subject, ...riskAt(toState(r), now, policy) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, Math.max(1, Math.min(1000, limit)));
    },
  };
}
