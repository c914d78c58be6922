/**
 * The limiter port: rate limits and shared counters that are exact under
 * concurrency. In-memory for one process; Redis when many instances must share
 * the same limits.
 *
 * Rate limiting uses GCRA (the generic cell rate algorithm, as in redis-cell):
 * `limit` units per `windowMs`, with bursts up to `limit`, and a `cost` per call
 * (1 for a request, N for N tokens). It needs one stored value per key and is
 * exact: of any set of concurrent calls, exactly as many are allowed as fit.
 */
export interface Limiter {
  /** Try to take `cost` units (default 1) for `key`; nothing is taken when refused. */
  consume(key: string, rule: RateRule, cost?: number): Promise<RateDecision>;

  /** Add `by` (default 1) to a counter that expires `ttlMs` after its first increment; returns the new value. */
  increment(key: string, ttlMs: number, by?: number): Promise<number>;

  /** Current counter value (0 when absent or expired). */
  count(key: string): Promise<number>;

  /** Forget a key (rate state or counter). */
  reset(key: string): Promise<void>;

  /** Cheap round trip for readiness checks; throws `limiter_unavailable` when down. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export interface RateRule {
  /** Units allowed per window (also the burst size). Positive integer. */
  readonly limit: number;
  /** Window length in milliseconds. Positive integer. */
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Units that could still be taken right now. */
  readonly remaining: number;
  /** When refused: milliseconds until this cost would be allowed (for Retry-After). 0 when allowed. */
  readonly retryAfterMs: number;
  /** Milliseconds until the bucket is completely full again. */
  readonly resetMs: number;
}
