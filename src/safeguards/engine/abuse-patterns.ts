/**
 * Known AI-abuse patterns (STIX attack-patterns with Shieldwall's AI-abuse extension, shared
 * through the exchange) as evidence for a classification. A hit raises risk the way a known-bad
 * indicator does and sets a floor on the decision by what the sharer recommends: `flag` → at
 * least monitor, `friction` or `block` → at least friction. A shared signature never blocks on
 * its own, not even through the risk it adds: someone else's data must not be able to refuse
 * every caller of this gateway; blocking stays the local model's and policy's call.
 */
import { INTEL_WEIGHT } from './intel-indicators.js';
import { decide, type SafeguardPolicy } from './safeguard-policy.js';
import { type Classification, DECISIONS, type Decision, type Reason } from './types.js';

export interface AbusePatternHit {
  /** The attack-pattern's STIX id. */
  readonly id: string;
  readonly name: string;
  /** What the sharer recommends. */
  readonly action: 'flag' | 'friction' | 'block';
  /** In plain words: where it was shared. */
  readonly source: string;
  /** 0..1 (default 0.6). */
  readonly confidence?: number;
}

export interface AbusePatternOptions {
  readonly tier: number;
  readonly role: 'prompt' | 'response';
  readonly policy: SafeguardPolicy;
}

/** The least decision a hit with `action` leads to. */
export function abuseFloor(action: AbusePatternHit['action']): Decision {
  return action === 'flag' ? 'monitor' : 'friction';
}

const rank = (d: Decision) => DECISIONS.indexOf(d);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** `classification` with the known AI-abuse patterns its text matches taken into account. */
export function enrichWithAbusePatterns(
  classification: Classification,
  hits: readonly AbusePatternHit[],
  options: AbusePatternOptions,
): Classification {
  if (hits.length === 0) return classification;
  const strongest = Math.max(...hits.map((h) => Math.min(1, Math.max(0, h.confidence ?? 0.6))));
  const push = INTEL_WEIGHT * strongest * (1 - classification.defensive);
  const risk = classification.risk + (1 - classification.risk) * push;
  const reDecided = decide(options.policy, {
    tier: options.tier,
    risk,
    topCategory: classification.categories[0]?.id ?? null,
    role: options.role,
    codeShaped: false,
  });
  const fromHits = Math.max(
    Math.min(rank(reDecided), rank('friction')),
    ...hits.map((h) => rank(abuseFloor(h.action))),
  );
  const decision = DECISIONS[
    Math.max(rank(classification.decision), fromHits)
  ] as Classification['decision'];
  const reasons: Reason[] = hits.slice(0, 5).map((h) => ({
    code: 'intel.abuse_pattern',
    message: `Matches a known way of misusing AI models that shared threat intelligence lists: "${clip(h.name, 120)}" (${h.source}; recommended: ${h.action}).`,
    evidence: h.id,
  }));
  return { ...classification, risk, decision, reasons: [...reasons, ...classification.reasons] };
}
