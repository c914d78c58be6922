/**
 * Risk scores that decay: each monitored, frictioned or blocked prompt adds
 * points to its subject's score, and so does each finding about the subject
 * (the model registry's insider-threat findings, offline monitoring's findings);
 * the score halves every half-life (7 days by default). Policy thresholds turn a
 * score into an automatic lever, and a policy may name a lever a finding kind
 * pulls at once. Pure: the caller passes the time.
 */

/**
 * Finding kinds that feed risk scores, as `<source>.<kind>`: the provenance
 * registry's insider-threat signals (`provenance.insider.finding` on the bus) and
 * the jobs of `shieldwall safeguards monitor`.
 */
export const RISK_FINDING_KINDS = [
  'insider.volume',
  'insider.hour',
  'insider.network',
  'insider.bulk_restricted',
  'monitor.repeated_blocks',
  'monitor.key_many_networks',
  'monitor.concerted_prompts',
  'monitor.capability_after_upgrade',
  'monitor.split_task',
] as const;
export type RiskFindingKind = (typeof RISK_FINDING_KINDS)[number];

/**
 * A lever a finding kind may pull at once: `friction` (limits divided), `step-up`
 * (friction that refuses every call until the owner confirms), `restrict` (one
 * tier below the tier the finding saw; tier 0 when it does not say).
 */
export const FINDING_LEVERS = ['friction', 'step-up', 'restrict'] as const;
export type FindingLever = (typeof FINDING_LEVERS)[number];

export interface RiskPolicy {
  readonly halfLifeMs: number;
  /** Points a decision adds (allow adds none). */
  readonly points: { readonly monitor: number; readonly friction: number; readonly block: number };
  /** Score at or above which friction (lower limits) is pulled automatically. */
  readonly frictionAt: number;
  /** Decayed count of blocked prompts at or above which the tier is restricted automatically. */
  readonly restrictAtBlocks: number;
  /** How long an automatic lever lasts. */
  readonly leverMs: number;
  /** Decision evidence items kept per subject (the newest). */
  readonly evidenceKept: number;
  /** Points a finding adds, by kind (0: the finding is recorded as evidence only). */
  readonly findingPoints: Readonly<Record<RiskFindingKind, number>>;
  /** Finding kinds that pull a lever at once, whatever the score (none by default). */
  readonly findingLevers: Readonly<Partial<Record<RiskFindingKind, FindingLever>>>;
}

/**
 * Findings remembered per subject (the newest). Their ids make a redelivered or
 * re-read finding count once: a source raises at most a few per subject and day
 * (the registry one per account, kind and day; the monitor one per subject, kind
 * and day), so this covers weeks.
 */
export const FINDINGS_KEPT = 100;
/** Request ids a finding's evidence keeps (the audit entry has them all). */
export const FINDING_CITES_KEPT = 10;

export const DEFAULT_RISK_POLICY: RiskPolicy = Object.freeze({
  halfLifeMs: 7 * 86_400_000,
  points: Object.freeze({ monitor: 1, friction: 3, block: 5 }),
  frictionAt: 20,
  restrictAtBlocks: 5,
  leverMs: 24 * 3_600_000,
  evidenceKept: 20,
  // A bulk read of restricted models reaches the friction threshold on its own; an unusual
  // hour is weak on its own. Monitor findings about blocks the score already counted add little.
  findingPoints: Object.freeze({
    'insider.volume': 8,
    'insider.hour': 3,
    'insider.network': 5,
    'insider.bulk_restricted': 20,
    'monitor.repeated_blocks': 5,
    'monitor.key_many_networks': 20,
    'monitor.concerted_prompts': 10,
    'monitor.capability_after_upgrade': 10,
    'monitor.split_task': 10,
  }),
  findingLevers: Object.freeze({}),
});

export interface RiskEvidence {
  /** The gateway request, or for a finding the finding's id. */
  readonly requestId: string;
  readonly at: number;
  /** `monitor`, `friction` or `block`; `finding` for a finding. */
  readonly decision: string;
  /** The classifier's risk; for a finding the points it added. */
  readonly risk: number;
  /** Risk categories; for a finding its kind (`insider.bulk_restricted`). */
  readonly categories: readonly string[];
  /** Set for a finding: what it was and the request ids it cites (the first FINDING_CITES_KEPT). */
  readonly finding?: RiskFindingEvidence;
}

export interface RiskFindingEvidence {
  readonly kind: RiskFindingKind;
  readonly summary: string;
  readonly cites: readonly string[];
}

/** A finding about a subject, as the risk score takes it. */
export interface RiskFinding {
  /** Stable id: the same finding delivered or read twice has the same id. */
  readonly id: string;
  readonly kind: RiskFindingKind;
  /** When it happened (its points decay from then). */
  readonly at: number;
  /** One plain sentence. */
  readonly summary: string;
  /** Request ids behind it. */
  readonly cites: readonly string[];
}

export interface RiskState {
  readonly score: number;
  /** Decayed count of blocked prompts. */
  readonly blocks: number;
  readonly updatedAt: number;
  readonly evidence: readonly RiskEvidence[];
}

export const EMPTY_RISK: RiskState = Object.freeze({
  score: 0,
  blocks: 0,
  updatedAt: 0,
  evidence: Object.freeze([]) as readonly RiskEvidence[],
});

/** The factor a value keeps after `elapsedMs`. */
export function decayFactor(elapsedMs: number, halfLifeMs: number): number {
  return elapsedMs <= 0 ? 1 : 0.5 ** (elapsedMs / halfLifeMs);
}

/** The state as of `now` (scores decayed; evidence unchanged). */
export function riskAt(
  s: RiskState,
  now: number,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): RiskState {
  const f = decayFactor(now - s.updatedAt, policy.halfLifeMs);
  return { ...s, score: s.score * f, blocks: s.blocks * f, updatedAt: Math.max(now, s.updatedAt) };
}

/** Points for a decision (0 for allow or anything unknown). */
export function pointsFor(decision: string, policy: RiskPolicy = DEFAULT_RISK_POLICY): number {
  return decision === 'monitor' || decision === 'friction' || decision === 'block'
    ? policy.points[decision]
    : 0;
}

/**
 * Add one decision to a state.
 *
 * @example
 * const s = addDecision(EMPTY_RISK, { requestId: 'r1', at: now, decision: 'block', risk: 0.9, categories: ['malware'] });
 */
export function addDecision(
  s: RiskState,
  e: RiskEvidence,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): RiskState {
  const d = riskAt(s, e.at, policy);
  return {
    score: d.score + pointsFor(e.decision, policy),
    blocks: d.blocks + (e.decision === 'block' ? 1 : 0),
    updatedAt: d.updatedAt,
    evidence: keepNewest([...d.evidence, e], policy),
  };
}

/** The newest `evidenceKept` decisions and the newest FINDINGS_KEPT findings, in order. */
function keepNewest(all: readonly RiskEvidence[], policy: RiskPolicy): RiskEvidence[] {
  let decisions = all.filter((e) => e.finding === undefined).length - policy.evidenceKept;
  let findings = all.length - all.filter((e) => e.finding === undefined).length - FINDINGS_KEPT;
  return all.filter((e) => {
    if (e.finding === undefined) return decisions-- <= 0;
    return findings-- <= 0;
  });
}

/** True when the state already holds this finding (a redelivery, or a re-read window). */
export function hasFinding(s: RiskState, id: string): boolean {
  return s.evidence.some((e) => e.finding !== undefined && e.requestId === id);
}

/**
 * Add one finding to a state: its points, decayed from when it happened, and the
 * finding as evidence. The same finding id twice changes nothing (`added: false`).
 *
 * @example
 * const { state, added } = addFinding(s, { id: 'insider:f1', kind: 'insider.bulk_restricted', at, summary, cites: [] });
 */
export function addFinding(
  s: RiskState,
  f: RiskFinding,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): { readonly state: RiskState; readonly added: boolean; readonly points: number } {
  if (hasFinding(s, f.id)) return { state: s, added: false, points: 0 };
  const d = riskAt(s, f.at, policy);
  // A finding read late (a monitor window of last week) counts as if scored when it happened.
  const points = policy.findingPoints[f.kind] * decayFactor(d.updatedAt - f.at, policy.halfLifeMs);
  const e: RiskEvidence = {
    requestId: f.id,
    at: f.at,
    decision: 'finding',
    risk: Math.round(points * 1000) / 1000,
    categories: [f.kind],
    finding: {
      kind: f.kind,
      summary: f.summary.slice(0, 500),
      cites: f.cites.slice(0, FINDING_CITES_KEPT),
    },
  };
  return {
    state: {
      score: d.score + points,
      blocks: d.blocks,
      updatedAt: d.updatedAt,
      evidence: keepNewest([...d.evidence, e], policy),
    },
    added: true,
    points,
  };
}

export type AutoLever =
  | { readonly kind: 'restrict'; readonly tier: number; readonly why: string }
  | { readonly kind: 'friction'; readonly mode?: 'step-up'; readonly why: string };

/**
 * The automatic levers a state calls for: repeated blocks restrict the tier by
 * one (to no lower than 0); a high score adds friction. Already-pulled levers
 * are the caller's to skip.
 */
export function autoLevers(
  s: RiskState,
  currentTier: number,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): AutoLever[] {
  const out: AutoLever[] = [];
  // Hundredths: five blocks a few seconds apart count as five, not 4.99998.
  const blocks = Math.round(s.blocks * 100) / 100;
  const score = Math.round(s.score * 100) / 100;
  if (blocks >= policy.restrictAtBlocks && currentTier > 0)
    out.push({
      kind: 'restrict',
      tier: currentTier - 1,
      why: `automatic: ${s.blocks.toFixed(1)} recent blocked requests (threshold ${policy.restrictAtBlocks})`,
    });
  if (score >= policy.frictionAt)
    out.push({
      kind: 'friction',
      why: `automatic: risk score ${s.score.toFixed(1)} (threshold ${policy.frictionAt})`,
    });
  return out;
}

/**
 * The lever the policy names for a finding kind, pulled at once whatever the score
 * (none unless the operator names one). `tier` is the tier the finding's requests
 * were served at, or null when the finding does not say (then restrict goes to 0).
 */
export function findingLever(
  kind: RiskFindingKind,
  tier: number | null,
  policy: RiskPolicy = DEFAULT_RISK_POLICY,
): AutoLever | undefined {
  const lever = policy.findingLevers[kind];
  if (lever === undefined) return undefined;
  const why = `automatic: ${kind} finding (policy: ${lever})`;
  if (lever === 'restrict')
    return { kind: 'restrict', tier: tier === null ? 0 : Math.max(0, tier - 1), why };
  return lever === 'step-up'
    ? { kind: 'friction', mode: 'step-up', why }
    : { kind: 'friction', why };
}
