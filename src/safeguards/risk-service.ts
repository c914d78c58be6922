/**
 * Risk scores per organization, user, key and end user, fed by the gateway's prompt
 * decisions (monitor, friction, block; allow costs nothing) and by findings (the
 * registry's insider-threat findings, offline monitoring's), stored decaying in
 * `safeguards_risk` with the evidence behind them, and the automatic levers that
 * policy thresholds call for (each audited with its evidence, each liftable).
 */
import type { Kysely } from 'kysely';
import type { ObservedDecision } from '../gateway/index.js';
import type { AuditLog } from '../platform/audit/index.js';
import type { Config } from '../platform/config/config-keys.js';
import { configMapEntries } from '../platform/config/config-keys.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import type { Lever } from './engine/lever-rules.js';
import {
  type AutoLever,
  addDecision,
  addFinding,
  autoLevers,
  DEFAULT_RISK_POLICY,
  EMPTY_RISK,
  type FindingLever,
  findingLever,
  pointsFor,
  type RiskEvidence,
  type RiskFinding,
  type RiskFindingKind,
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

/** What `recordFinding` did: nothing for a finding already counted. */
export interface FindingOutcome {
  readonly subject: string;
  readonly added: boolean;
  readonly points: number;
  readonly score: number;
  readonly levers: readonly Lever[];
}

/** Request ids an audit entry for a finding cites at most. */
const MAX_AUDIT_CITES = 50;

/**
 * The risk policy the operator configured (the `risk…` keys; the loader has checked
 * their bounds and names). Unset keys keep DEFAULT_RISK_POLICY.
 *
 * @example
 * createRiskService({ ..., policy: riskPolicyFromConfig(platform.config) });
 */
export function riskPolicyFromConfig(
  config: Pick<
    Config,
    | 'riskHalfLifeHours'
    | 'riskPointsMonitor'
    | 'riskPointsFriction'
    | 'riskPointsBlock'
    | 'riskFrictionAt'
    | 'riskRestrictAtBlocks'
    | 'riskLeverHours'
    | 'riskEvidenceKept'
    | 'riskFindingPoints'
    | 'riskFindingLevers'
  >,
): RiskPolicy {
  const d = DEFAULT_RISK_POLICY;
  const points: Record<string, number> = { ...d.findingPoints };
  for (const [kind, value] of configMapEntries(config.riskFindingPoints))
    points[kind] = Number(value);
  const levers: Record<string, FindingLever> = {};
  for (const [kind, lever] of configMapEntries(config.riskFindingLevers))
    if (lever !== 'none') levers[kind] = lever as FindingLever;
  return Object.freeze({
    halfLifeMs: config.riskHalfLifeHours * 3_600_000,
    points: Object.freeze({
      monitor: config.riskPointsMonitor,
      friction: config.riskPointsFriction,
      block: config.riskPointsBlock,
    }),
    frictionAt: config.riskFrictionAt,
    restrictAtBlocks: config.riskRestrictAtBlocks,
    leverMs: config.riskLeverHours * 3_600_000,
    evidenceKept: config.riskEvidenceKept,
    findingPoints: Object.freeze(points as Record<RiskFindingKind, number>),
    findingLevers: Object.freeze(levers as Partial<Record<RiskFindingKind, FindingLever>>),
  });
}

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

/**
 * What an automatic lever cites: each decision as `request:<id> <decision> <categories>`,
 * each finding as `finding:<id> <kind>` followed by what it cites; the newest
 * 50 (the lever keeps 50).
 */
function citesOf(evidence: readonly RiskEvidence[]): string[] {
  const out: string[] = [];
  for (const e of evidence) {
    if (e.finding === undefined)
      out.push(`request:${e.requestId} ${e.decision} ${e.categories.join(',') || '-'}`);
    else {
      out.push(`finding:${e.requestId} ${e.finding.kind}`);
      // Request ids are bare; other cites name what they are (`audit:12`, `artifact:…`).
      for (const id of e.finding.cites)
        out.push(`${id.includes(':') ? id : `request:${id}`} ${e.finding.kind}`);
    }
  }
  return out.slice(-50);
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
  /** Needed by `recordFinding`: each finding counted is audited. */
  readonly audit?: Pick<AuditLog, 'append'>;
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
    const { state, pulled } = await update<{ pulled: Lever[] }>(subject, async (before, trx) => {
      const next = addDecision(before, evidence, policy);
      // Under the same lock, so two instances scoring one subject pull each lever once.
      return { state: next, pulled: await pullAutomatic(trx, subject, next, d.tier) };
    });
    for (const l of pulled) await deps.levers?.published(l, { id: AUTOMATIC_ACTOR });
    return { subject, ...(state ?? EMPTY_RISK) };
  }

  async function pullAutomatic(
    trx: Kysely<SafeguardsTables>,
    subject: string,
    s: RiskState,
    tier: number,
    direct?: AutoLever,
  ): Promise<Lever[]> {
    if (deps.levers === undefined) return [];
    const cites = citesOf(s.evidence);
    const pulled: Lever[] = [];
    const wanted = autoLevers(s, tier, policy);
    // The policy's lever for the finding first: a score lever of the same kind is then skipped.
    if (direct !== undefined) wanted.unshift(direct);
    for (const a of wanted) {
      // Cheap in-memory pre-check first; the insert re-checks the table under the lock.
      if (deps.cache?.on(subject).some((l) => l.kind === a.kind || l.kind === 'revoke')) continue;
      const lever = await deps.levers.insertAutomatic(
        trx,
        {
          kind: a.kind,
          target: subject,
          reason: a.why,
          ...(a.kind === 'restrict' ? { tier: a.tier } : { mode: a.mode ?? ('limits' as const) }),
          forMs: policy.leverMs,
          evidence: cites,
        },
        { id: AUTOMATIC_ACTOR },
      );
      if (lever !== null) pulled.push(lever);
    }
    return pulled;
  }

  /** Read, change and write one subject's state under the risk lock; then pull what it calls for. */
  function update<T>(
    subject: string,
    change: (
      s: RiskState,
      trx: Kysely<SafeguardsTables>,
    ) => Promise<T & { state: RiskState | null }>,
  ): Promise<T & { state: RiskState | null }> {
    return deps.store.transaction<SafeguardsTables, T & { state: RiskState | null }>(
      async (trx) => {
        const row = await trx
          .selectFrom('safeguards_risk')
          .selectAll()
          .where('subject', '=', subject)
          .executeTakeFirst();
        const out = await change(row === undefined ? EMPTY_RISK : toState(row), trx);
        if (out.state === null) return out;
        const values = {
          score: out.state.score,
          blocks: out.state.blocks,
          updated_at: out.state.updatedAt,
          evidence: JSON.stringify(out.state.evidence),
        };
        await trx
          .insertInto('safeguards_risk')
          .values({ subject, ...values })
          .onConflict((oc) => oc.column('subject').doUpdateSet(values))
          .execute();
        return out;
      },
      { lock: 'safeguards-risk' },
    );
  }

  /**
   * Add a finding to a subject's score (`org:…`, `user:…`, `key:…`, `enduser:…/…`), once
   * per finding id, audited with the request ids it cites; then pull what the thresholds
   * (and the policy's lever for its kind) call for. `tier`: the tier its requests were
   * served at, when the finding says.
   */
  async function recordFinding(
    subject: string,
    f: RiskFinding,
    context: { readonly tier: number | null; readonly source: string },
  ): Promise<FindingOutcome> {
    if (deps.audit === undefined) throw new Error('recordFinding needs the audit log');
    const { state, added, points, pulled } = await update<{
      added: boolean;
      points: number;
      pulled: Lever[];
    }>(subject, async (before, trx) => {
      const r = addFinding(before, f, policy);
      if (!r.added) return { state: null, added: false, points: 0, pulled: [] };
      const direct = findingLever(f.kind, context.tier, policy);
      const pulled = await pullAutomatic(trx, subject, r.state, context.tier ?? 0, direct);
      return { state: r.state, added: true, points: r.points, pulled };
    });
    if (!added || state === null) return { subject, added: false, points: 0, score: 0, levers: [] };
    await deps.audit.append({
      actor: AUTOMATIC_ACTOR,
      action: 'safeguards.risk.finding',
      subject,
      outcome: 'success',
      data: {
        finding: f.id,
        kind: f.kind,
        source: context.source,
        summary: f.summary.slice(0, 500),
        points: Math.round(points * 1000) / 1000,
        score: Math.round(state.score * 1000) / 1000,
        requests: f.cites.slice(0, MAX_AUDIT_CITES),
        levers: pulled.map((l) => l.id),
      },
    });
    for (const l of pulled) await deps.levers?.published(l, { id: AUTOMATIC_ACTOR });
    return { subject, added: true, points, score: state.score, levers: pulled };
  }

  return {
    policy,
    record,
    recordFinding,

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
