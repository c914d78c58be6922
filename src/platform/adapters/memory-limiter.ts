/**
 * The embedded limiter: GCRA and counters in a Map, exact because one process
 * runs every operation to completion before the next.
 *
 * GCRA keeps one "theoretical arrival time" (TAT) per key: each unit pushes it
 * `windowMs / limit` further; a call is allowed while the TAT stays within
 * `windowMs` of now. The TAT is kept as whole milliseconds plus a remainder in
 * 1/limit ms, so all arithmetic is on integers: with floating point, `limit`
 * calls at the same instant can sum to a hair over the window and refuse the
 * last one. The Redis adapter runs the same arithmetic in Lua.
 *
 * Memory is bounded: an entry expires when its TAT (or a counter's TTL) passes
 * and expired entries are swept as calls go by. At most `maxKeys` entries are
 * kept; when a new key arrives at the cap, the least recently used entry is
 * forgotten, so that key gets a fresh bucket (its limit restarts) or its counter
 * restarts at 0. A flood of distinct keys thus costs the flooder's oldest keys
 * their state, never unbounded memory; keep `maxKeys` well above the keys
 * active within one window.
 */
import { platformErrors } from '../errors.js';
import {
  assertConsume,
  assertIncrement,
  assertLimiterKey,
  assertTakes,
  type Limiter,
  type RateDecision,
  type RateRule,
} from '../ports/limiter.js';

export interface MemoryLimiterOptions {
  /** Clock in epoch ms (fractions are dropped). */
  readonly now?: () => number;
  /** Most rate and counter entries kept at once (default 100,000, roughly 20-30 MB). */
  readonly maxKeys?: number;
}

export interface MemoryLimiter extends Limiter {
  /** Entries held now (rate states plus counters), for metrics and tests. */
  size(): number;
}

type Entry =
  | { kind: 'rate'; tatMs: number; rem: number; limit: number; expiresAt: number }
  | { kind: 'count'; value: number; expiresAt: number };

function isPositiveInt(n: unknown): n is number {
  return Number.isSafeInteger(n) && (n as number) > 0;
}

/** floor(a / b) for non-negative safe integers, corrected where float division rounds up. */
function idiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q--;
  else if ((q + 1) * b <= a) q++;
  return q;
}

/**
 * One GCRA step. `tatMs`/`rem` is the stored TAT (whole ms + rem/limit ms), `now`
 * whole ms. Units below are 1/limit ms, so a unit of cost is exactly `windowMs`.
 */
function gcra(
  state: { tatMs: number; rem: number; limit: number } | undefined,
  now: number,
  rule: RateRule,
  cost: number,
) {
  const { limit: L, windowMs: W } = rule;
  let used = 0; // how far the TAT is ahead of now, in 1/L ms
  if (state !== undefined && state.tatMs >= now) {
    const rem = state.limit === L ? state.rem : idiv(state.rem * L, state.limit);
    used = Math.min(state.tatMs - now, W) * L + rem;
  }
  const full = W * L;
  if (cost > L || used + cost * W > full) {
    const retryAfterMs =
      cost > L ? Number.POSITIVE_INFINITY : idiv(used + cost * W - full + L - 1, L);
    const decision: RateDecision = {
      allowed: false,
      remaining: Math.max(0, idiv(full - used, W)),
      retryAfterMs,
      resetMs: idiv(used + L - 1, L),
    };
    return { decision, next: undefined };
  }
  const ahead = used + cost * W;
  const resetMs = idiv(ahead + L - 1, L);
  const decision: RateDecision = {
    allowed: true,
    remaining: idiv(full - ahead, W),
    retryAfterMs: 0,
    resetMs,
  };
  const whole = idiv(ahead, L);
  return {
    decision,
    next: { tatMs: now + whole, rem: ahead - whole * L, limit: L, expiresAt: now + resetMs },
  };
}

/**
 * @example
 * const limiter = createMemoryLimiter({});
 * const d = await limiter.consume(`ip:${ip}`, { limit: 60, windowMs: 60_000 });
 * if (!d.allowed) reply.header('retry-after', Math.ceil(d.retryAfterMs / 1000));
 */
export function createMemoryLimiter(options: MemoryLimiterOptions = {}): MemoryLimiter {
  const clock = options.now ?? Date.now;
  const maxKeys = options.maxKeys ?? 100_000;
  if (!isPositiveInt(maxKeys))
    throw platformErrors.create('config_invalid', {
      message: 'maxKeys must be a positive integer.',
    });
  const entries = new Map<string, Entry>();
  let cursor = entries.entries(); // see sweep()
  let closed = false;

  const now = () => {
    if (closed)
      throw platformErrors.create('limiter_unavailable', { message: 'The limiter is closed.' });
    return Math.floor(clock());
  };

  /** Read a live entry and mark it most recently used; sweep a couple of stale ones on the way. */
  function get(id: string, t: number): Entry | undefined {
    sweep(t, 2);
    const e = entries.get(id);
    if (e === undefined) return undefined;
    entries.delete(id);
    if (e.expiresAt <= t) return undefined;
    entries.set(id, e);
    return e;
  }

  function put(id: string, e: Entry, t: number): void {
    entries.delete(id);
    if (entries.size >= maxKeys) sweep(t, 64);
    while (entries.size >= maxKeys) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
    entries.set(id, e);
  }

  /**
   * Look at up to `budget` entries and drop the expired ones. A cursor carries on
   * where the last sweep stopped (Map iterators survive deletes and inserts), so
   * every entry is visited in turn: recency order is not expiry order, and a
   * long-lived entry in front must not hide expired ones behind it.
   */
  function sweep(t: number, budget: number): void {
    for (let seen = 0; seen < Math.min(budget, entries.size); seen++) {
      let step = cursor.next();
      if (step.done === true) {
        cursor = entries.entries();
        step = cursor.next();
        if (step.done === true) return;
      }
      const [id, e] = step.value;
      if (e.expiresAt <= t) entries.delete(id);
    }
  }

  return {
    async consume(key, rule, cost = 1) {
      assertConsume(key, rule, cost);
      const t = now();
      const id = `r:${key}`;
      const e = get(id, t);
      const { decision, next } = gcra(e?.kind === 'rate' ? e : undefined, t, rule, cost);
      if (next !== undefined) put(id, { kind: 'rate', ...next }, t);
      return decision;
    },
    async consumeAll(takes) {
      assertTakes(takes);
      const t = now();
      // Decide every take on a scratch copy of the states; write them only if all fit.
      const scratch = new Map<
        string,
        { tatMs: number; rem: number; limit: number; expiresAt: number }
      >();
      const decisions: RateDecision[] = [];
      let allowed = true;
      for (const take of takes) {
        const id = `r:${take.key}`;
        let state = scratch.get(id);
        if (state === undefined) {
          const e = get(id, t);
          if (e?.kind === 'rate') state = e;
        }
        const { decision, next } = gcra(state, t, take.rule, take.cost ?? 1);
        decisions.push(decision);
        if (next === undefined) allowed = false;
        else scratch.set(id, next);
      }
      if (allowed) for (const [id, next] of scratch) put(id, { kind: 'rate', ...next }, t);
      return { allowed, decisions };
    },
    async increment(key, ttlMs, by = 1) {
      assertIncrement(key, ttlMs, by);
      const t = now();
      const id = `c:${key}`;
      const e = get(id, t);
      const value = (e?.kind === 'count' ? e.value : 0) + by;
      put(
        id,
        { kind: 'count', value, expiresAt: e?.kind === 'count' ? e.expiresAt : t + ttlMs },
        t,
      );
      return value;
    },
    async count(key) {
      assertLimiterKey(key);
      const e = get(`c:${key}`, now());
      return e?.kind === 'count' ? e.value : 0;
    },
    async reset(key) {
      assertLimiterKey(key);
      now();
      entries.delete(`r:${key}`);
      entries.delete(`c:${key}`);
    },
    async ping() {
      now();
    },
    async close() {
      closed = true;
      entries.clear();
    },
    size: () => entries.size,
  };
}
