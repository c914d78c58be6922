/**
 * The per-tier safeguards policy, as data: thresholds on the risk score that
 * turn it into `allow | monitor | friction | block`, per trust tier 0..4, with
 * per-category overrides (tier 3 may do exploit development, so exploitation
 * risk is only monitored there), and the rule for screening responses
 * (working code for a misuse category delivered to a low tier is blocked).
 * Operators may supply their own policy; `validateSafeguardPolicy` checks it.
 */
import { type Decision, RISK_CATEGORIES, type RiskCategory } from './types.js';

/** Risk at or above which each decision applies (monitor <= friction <= block). */
export interface Thresholds {
  readonly monitor: number;
  readonly friction: number;
  readonly block: number;
}

export interface TierPolicy {
  readonly default: Thresholds;
  readonly categories: Readonly<Partial<Record<RiskCategory, Thresholds>>>;
  /** A response that is code and scores at or above this risk is blocked (2 = never). */
  readonly responseCodeBlock: number;
}

export interface SafeguardPolicy {
  /** Index = tier (0..4). */
  readonly tiers: readonly TierPolicy[];
}

const t = (monitor: number, friction: number, block: number): Thresholds => ({
  monitor,
  friction,
  block,
});
/** Never reached: the category is allowed at that tier (but still scored). */
const MONITOR_ONLY = t(0.5, 2, 2);

export const DEFAULT_SAFEGUARD_POLICY: SafeguardPolicy = Object.freeze({
  tiers: [
    // Tier 0: anyone. Any clear misuse gets friction; very clear misuse is blocked.
    { default: t(0.3, 0.5, 0.85), categories: {}, responseCodeBlock: 0.5 },
    // Tier 1: verified individual defenders.
    { default: t(0.3, 0.55, 0.9), categories: {}, responseCodeBlock: 0.55 },
    // Tier 2: verified organisations (malware analysis is their work).
    {
      default: t(0.35, 0.6, 0.92),
      categories: { malware_ransomware: t(0.4, 0.8, 0.97), defense_evasion: t(0.4, 0.75, 0.95) },
      responseCodeBlock: 0.7,
    },
    // Tier 3: vetted security teams: exploit development (ai.cyber.exploit-dev).
    {
      default: t(0.4, 0.8, 0.97),
      categories: {
        exploitation: MONITOR_ONLY,
        malware_ransomware: t(0.5, 0.92, 0.99),
        defense_evasion: t(0.5, 0.9, 0.99),
        credential_theft_phishing: t(0.5, 0.9, 0.99),
      },
      responseCodeBlock: 0.95,
    },
    // Tier 4: national CERTs and the like.
    {
      default: t(0.5, 0.9, 0.99),
      categories: {
        exploitation: MONITOR_ONLY,
        malware_ransomware: MONITOR_ONLY,
        defense_evasion: MONITOR_ONLY,
        credential_theft_phishing: t(0.5, 0.95, 2),
      },
      responseCodeBlock: 2,
    },
  ],
} satisfies SafeguardPolicy);

function checkThresholds(v: unknown, path: string): string | null {
  if (typeof v !== 'object' || v === null) return `${path} must be an object`;
  const o = v as Record<string, unknown>;
  for (const k of ['monitor', 'friction', 'block']) {
    const x = o[k];
    if (typeof x !== 'number' || !(x >= 0 && x <= 2))
      return `${path}.${k} must be a number in [0, 2]`;
  }
  const { monitor, friction, block } = o as unknown as Thresholds;
  if (!(monitor <= friction && friction <= block)) {
    return `${path} must have monitor <= friction <= block`;
  }
  return null;
}

/** Null when `v` is a usable policy (five tiers, ordered thresholds), else what is wrong. */
export function validateSafeguardPolicy(v: unknown): string | null {
  if (typeof v !== 'object' || v === null) return 'the policy must be an object';
  const tiers = (v as { tiers?: unknown }).tiers;
  if (!Array.isArray(tiers) || tiers.length !== 5)
    return 'tiers must list exactly five tiers (0..4)';
  for (let i = 0; i < tiers.length; i++) {
    const tier = tiers[i] as Record<string, unknown> | null;
    if (typeof tier !== 'object' || tier === null) return `tiers[${i}] must be an object`;
    const problem = checkThresholds(tier.default, `tiers[${i}].default`);
    if (problem !== null) return problem;
    const cats = tier.categories;
    if (typeof cats !== 'object' || cats === null)
      return `tiers[${i}].categories must be an object`;
    for (const [id, th] of Object.entries(cats)) {
      if (!(RISK_CATEGORIES as readonly string[]).includes(id))
        return `tiers[${i}]: unknown category ${id}`;
      const p = checkThresholds(th, `tiers[${i}].categories.${id}`);
      if (p !== null) return p;
    }
    const r = tier.responseCodeBlock;
    if (typeof r !== 'number' || !(r >= 0 && r <= 2))
      return `tiers[${i}].responseCodeBlock must be in [0, 2]`;
  }
  return null;
}

function level(risk: number, th: Thresholds): Decision {
  if (risk >= th.block) return 'block';
  if (risk >= th.friction) return 'friction';
  if (risk >= th.monitor) return 'monitor';
  return 'allow';
}

export interface PolicyInput {
  readonly tier: number;
  readonly risk: number;
  readonly topCategory: RiskCategory | null;
  readonly role: 'prompt' | 'response';
  readonly codeShaped: boolean;
}

/** The decision for one scored text under `policy`. Tiers outside 0..4 are clamped. */
export function decide(policy: SafeguardPolicy, input: PolicyInput): Decision {
  const index = Math.max(0, Math.min(policy.tiers.length - 1, Math.trunc(input.tier) || 0));
  const tier = policy.tiers[index] as TierPolicy;
  const th =
    (input.topCategory !== null ? tier.categories[input.topCategory] : undefined) ?? tier.default;
  const decision = level(input.risk, th);
  // A category this tier is allowed (friction never reached) may also receive code.
  const allowed = th.friction > 1;
  if (
    input.role === 'response' &&
    input.codeShaped &&
    !allowed &&
    input.risk >= tier.responseCodeBlock
  ) {
    return 'block';
  }
  return decision;
}
