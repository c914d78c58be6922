/**
 * A circuit breaker per upstream, as a pure state machine over a clock the
 * caller passes: after `threshold` failures in a row the circuit opens and the
 * upstream is skipped for `cooldownMs`; then one trial request is let through
 * (half-open). A success closes it, a failure opens it again.
 */

export interface BreakerOptions {
  /** Consecutive failures that open the circuit (default 5). */
  readonly threshold?: number;
  /** How long an open circuit stays open before one trial, ms (default 10 s). */
  readonly cooldownMs?: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  /** May a request go to this upstream now? In half-open, only one at a time. */
  allow(now: number): boolean;
  success(): void;
  failure(now: number): void;
  state(now: number): BreakerState;
}

/**
 * @example
 * const breaker = createCircuitBreaker({ threshold: 3, cooldownMs: 5000 });
 * if (breaker.allow(Date.now())) { ok ? breaker.success() : breaker.failure(Date.now()); }
 */
export function createCircuitBreaker(options: BreakerOptions = {}): CircuitBreaker {
  const threshold = options.threshold ?? 5;
  const cooldownMs = options.cooldownMs ?? 10_000;
  let failures = 0;
  let openedAt: number | null = null;
  let trialInFlight = false;
  const state = (now: number): BreakerState => {
    if (openedAt === null) return 'closed';
    return now - openedAt >= cooldownMs ? 'half-open' : 'open';
  };
  return {
    allow(now) {
      const s = state(now);
      if (s === 'closed') return true;
      if (s === 'open' || trialInFlight) return false;
      trialInFlight = true;
      return true;
    },
    success() {
      failures = 0;
      openedAt = null;
      trialInFlight = false;
    },
    failure(now) {
      failures++;
      trialInFlight = false;
      if (openedAt !== null || failures >= threshold) openedAt = now;
    },
    state,
  };
}
