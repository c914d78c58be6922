/**
 * The gateway's side of the levers (the plan's "restrict, add friction, revoke"): what the gateway
 * asks of whoever keeps the levers in force (the safeguards module, plugged in by wire-gateway.ts)
 * on every request, and what it tells them about each decision. The gateway only reads the
 * effect; deciding and keeping levers is the safeguards module's.
 */

/**
 * The levers in force (the safeguards module's lever cache, kept current from the
 * bus): consulted on every request in memory, O(1). `observe` hears each prompt
 * decision, for risk scores; it must not block (fire and forget).
 */
export interface LeverGuard {
  check(subject: {
    readonly orgId: string | null;
    readonly keyId: string | null;
    readonly userId: string | null;
    readonly endUser: string | null;
  }): LeverEffect;
  observe?(decision: ObservedDecision): void;
  /**
   * Resolves once the levers in force are loaded (at once after that), or after a short
   * bound: a server's first calls wait for them instead of being refused as `pending`.
   */
  ready?(): Promise<void>;
}

/** What the levers in force do to one request. */
export interface LeverEffect {
  readonly revoked: { readonly target: string; readonly reason: string } | null;
  readonly stepUp: { readonly target: string; readonly reason: string } | null;
  /** Restrict: the highest tier the caller keeps now, or null. */
  readonly maxTier: number | null;
  /** Friction: divide the tier's rate limits by this (1 = unchanged). */
  readonly limitDivisor: number;
  /** True until the levers in force are loaded (at start): refuse rather than guess. */
  readonly pending: boolean;
}

/** One prompt decision, as the lever guard hears it. */
export interface ObservedDecision {
  readonly requestId: string;
  readonly at: number;
  readonly orgId: string | null;
  readonly keyId: string | null;
  readonly userId: string | null;
  readonly endUser: string | null;
  readonly tier: number;
  readonly decision: string;
  readonly risk: number;
  readonly categories: readonly { readonly id: string; readonly score: number }[];
}

/** No lever in force. */
export const NO_EFFECT: LeverEffect = {
  revoked: null,
  stepUp: null,
  maxTier: null,
  limitDivisor: 1,
  pending: false,
};
