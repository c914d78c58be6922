/**
 * Risk scores that decay: each monitored, frictioned or blocked prompt adds
 * points to its subject's score; the score halves every half-life (7 days by
 * default). Policy thresholds turn a score into an automatic lever. Pure: the
 * caller passes the time.
 */

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
  /** Evidence items kept per subject (the newest). */
  readonly evidenceKept: number;
}

export const DEFAULT_RISK_POLICY: RiskPolicy = Object.freeze({
  halfLifeMs: 7 * 86_400_000,
  points: Object.freeze({ monitor: 1, friction: 3, block: 5 }),
  frictionAt: 20,
  restrictAtBlocks: 5,
  leverMs: 24 * 3_600_000,
  evidenceKept: 20,
});

export interface RiskEvidence {
  readonly requestId: string;
  readonly at: number;
  readonly decision: string;
  readonly risk: number;
  readonly categories: readonly string[];
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
  const evidence = [...d.evidence, e].slice(-policy.evidenceKept);
  return {
    score: d.score + pointsFor(e.decision, policy),
    blocks: d.blocks + (e.decision === 'block' ? 1 : 0),
    updatedAt: d.updatedAt,
    evidence,
  };
}

export type AutoLever =
  | { readonly kind: 'restrict'; readonly tier: number; readonly why: string }
  | { readonly kind: 'friction'; readonly why: string };

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
