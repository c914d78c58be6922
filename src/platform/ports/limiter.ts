import { platformErrors } from '../errors.js';

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
  /**
   * Try to take `cost` units (default 1) for `key`; nothing is taken when refused.
   * A cost above `rule.limit` can never fit: it is refused with `retryAfterMs` = Infinity.
   * Bad keys, rules or costs throw `bad_request`; an unreachable backend `limiter_unavailable`.
   */
  consume(key: string, rule: RateRule, cost?: number): Promise<RateDecision>;

  /**
   * Several takes at once, all or nothing: when every take fits, all are taken;
   * when any does not, none is. Atomic like `consume` (one Lua script, one round
   * trip on Redis), so it stays exact across instances. Takes on the same key apply
   * in order, as successive `consume` calls would. At most MAX_TAKES takes; each is
   * checked as `consume` checks its arguments.
   */
  consumeAll(takes: readonly RateTake[]): Promise<RateDecisions>;

  /** Add `by` (default 1) to a counter that expires `ttlMs` after its first increment; returns the new value. */
  increment(key: string, ttlMs: number, by?: number): Promise<number>;

  /** Current counter value (0 when absent or expired). */
  count(key: string): Promise<number>;

  /** Forget a key (its rate state and its counter: the two never share a value). */
  reset(key: string): Promise<void>;

  /** Cheap round trip for readiness checks; throws `limiter_unavailable` when down. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export interface RateRule {
  /** Units allowed per window (also the burst size). Positive integer; limit × windowMs ≤ 2^52. */
  readonly limit: number;
  /** Window length in milliseconds. Positive integer. */
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  /** Units that could still be taken right now. */
  readonly remaining: number;
  /**
   * When refused: milliseconds until this cost would be allowed (for Retry-After), or
   * Infinity when the cost exceeds the limit. 0 when allowed.
   */
  readonly retryAfterMs: number;
  /** Milliseconds until the bucket is completely full again. */
  readonly resetMs: number;
}

/** One take of `consumeAll`: `cost` (default 1) units of `key` under `rule`. */
export interface RateTake {
  readonly key: string;
  readonly rule: RateRule;
  readonly cost?: number;
}

export interface RateDecisions {
  /** True when every take fitted and all were taken; false when none was taken. */
  readonly allowed: boolean;
  /**
   * Per take, in order. When refused, `allowed` says whether that take would have
   * fitted (nothing was taken): the first one false is the limit that refused.
   */
  readonly decisions: readonly RateDecision[];
}

/** Most takes in one `consumeAll`. */
export const MAX_TAKES = 16;

/** Longest limiter key accepted, in characters. */
export const MAX_LIMITER_KEY = 512;

function badRequest(message: string) {
  return platformErrors.create('bad_request', { message });
}

function isPositiveInt(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) > 0;
}

/*
 * Argument checks shared by every adapter, so they refuse exactly the same calls
 * (the contract suite checks that). The 2^52 bound keeps GCRA's integer arithmetic
 * exact in doubles, which is all Redis's Lua has.
 */

export function assertLimiterKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_LIMITER_KEY)
    throw badRequest(`A limiter key must be a string of 1 to ${MAX_LIMITER_KEY} characters.`);
}

export function assertConsume(key: unknown, rule: RateRule, cost: unknown): void {
  assertLimiterKey(key);
  const { limit, windowMs } = (rule ?? {}) as Partial<RateRule>;
  if (!isPositiveInt(limit) || !isPositiveInt(windowMs))
    throw badRequest('A rate rule needs a positive integer limit and windowMs.');
  if (limit * windowMs > 2 ** 52)
    throw badRequest('A rate rule with limit × windowMs above 2^52 is not supported.');
  if (!isPositiveInt(cost)) throw badRequest('The cost must be a positive integer.');
}

export function assertTakes(takes: unknown): asserts takes is readonly RateTake[] {
  if (!Array.isArray(takes) || takes.length === 0 || takes.length > MAX_TAKES)
    throw badRequest(`consumeAll takes 1 to ${MAX_TAKES} takes.`);
  for (const t of takes as RateTake[]) assertConsume(t?.key, t?.rule, t?.cost ?? 1);
}

export function assertIncrement(key: unknown, ttlMs: unknown, by: unknown): void {
  assertLimiterKey(key);
  if (!isPositiveInt(ttlMs)) throw badRequest('ttlMs must be a positive integer.');
  if (!Number.isSafeInteger(by)) throw badRequest('The increment must be an integer.');
}
