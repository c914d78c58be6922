/**
 * The limiter shared by many instances: Redis through ioredis.
 *
 * - GCRA is one Lua script, so read-decide-write is atomic on the server and
 *   exact under any concurrency. It reads the clock with Redis `TIME`, so
 *   instances with skewed clocks still agree. The arithmetic is the memory
 *   limiter's (whole ms + a remainder in 1/limit ms, integers only), and the key
 *   expires when its TAT passes.
 * - Counters: INCRBY, then a TTL only if the key has none, in one script — the
 *   effect of `PEXPIRE NX`, written as `PTTL == -1` so Redis 6 works too.
 * - Rate state and counters live under different keys (`…r:<key>`, `…c:<key>`).
 * - Failing fast: no offline queue (a call while disconnected fails at once rather
 *   than waiting), no resending a command that may have run (it could count twice),
 *   a connect and a command timeout. Until the first connection is ready, calls wait
 *   for it up to `connectTimeoutMs`. Reconnection continues in the background.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { platformErrors } from '../errors.js';
import {
  assertConsume,
  assertIncrement,
  assertLimiterKey,
  assertTakes,
  type Limiter,
  type RateDecision,
} from '../ports/limiter.js';

export interface RedisLimiterOptions {
  /** redis://[:password@]host:6379[/db] or rediss:// for TLS. */
  readonly url: string;
  /** Prepended to every key (default `shieldwall:limiter:`). */
  readonly keyPrefix?: string;
  readonly connectTimeoutMs?: number;
  /** A command not answered within this is failed (default 1 s). */
  readonly commandTimeoutMs?: number;
}

// Returns {allowed, remaining, retryAfterMs (-1 = never), resetMs}. Stored value: "tatMs:rem:limit".
const GCRA = `
local L, W, c = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function idiv(a, b)
  local q = math.floor(a / b)
  if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
  return q
end
local used = 0
local v = redis.call('GET', KEYS[1])
if v then
  local ms, rem, l = string.match(v, '^(%d+):(%d+):(%d+)$')
  ms, rem, l = tonumber(ms), tonumber(rem), tonumber(l)
  if ms and ms >= now then
    if l ~= L then rem = idiv(rem * L, l) end
    used = math.min(ms - now, W) * L + rem
  end
end
local full = W * L
if c > L or used + c * W > full then
  local retry = -1
  if c <= L then retry = idiv(used + c * W - full + L - 1, L) end
  return {0, math.max(0, idiv(full - used, W)), retry, idiv(used + L - 1, L)}
end
local ahead = used + c * W
local whole = idiv(ahead, L)
local reset = idiv(ahead + L - 1, L)
redis.call('SET', KEYS[1], string.format('%d:%d:%d', now + whole, ahead - whole * L, L), 'PX', math.max(reset, 1))
return {1, idiv(full - ahead, W), 0, reset}
`;

// consumeAll: GCRA over KEYS[i] with ARGV[3i-2..3i] = limit, window, cost, all or nothing.
// Returns {allowed, then per take: allowed, remaining, retryAfterMs (-1 = never), resetMs}.
const GCRA_ALL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function idiv(a, b)
  local q = math.floor(a / b)
  if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
  return q
end
local state, order, out, all = {}, {}, {0}, 1
for i = 1, #KEYS do
  local k = KEYS[i]
  local L, W, c = tonumber(ARGV[3 * i - 2]), tonumber(ARGV[3 * i - 1]), tonumber(ARGV[3 * i])
  local s = state[k]
  if s == nil then
    s = false
    local v = redis.call('GET', k)
    if v then
      local ms, rem, l = string.match(v, '^(%d+):(%d+):(%d+)$')
      if ms then s = {tonumber(ms), tonumber(rem), tonumber(l)} end
    end
    state[k] = s
  end
  local used = 0
  if s and s[1] >= now then
    local rem = s[2]
    if s[3] ~= L then rem = idiv(rem * L, s[3]) end
    used = math.min(s[1] - now, W) * L + rem
  end
  local full = W * L
  if c > L or used + c * W > full then
    local retry = -1
    if c <= L then retry = idiv(used + c * W - full + L - 1, L) end
    all = 0
    for _, x in ipairs({0, math.max(0, idiv(full - used, W)), retry, idiv(used + L - 1, L)}) do out[#out + 1] = x end
  else
    local ahead = used + c * W
    local whole = idiv(ahead, L)
    local reset = idiv(ahead + L - 1, L)
    if s == false or s[4] == nil then order[#order + 1] = k end
    state[k] = {now + whole, ahead - whole * L, L, reset}
    for _, x in ipairs({1, idiv(full - ahead, W), 0, reset}) do out[#out + 1] = x end
  end
end
if all == 1 then
  for _, k in ipairs(order) do
    local s = state[k]
    redis.call('SET', k, string.format('%d:%d:%d', s[1], s[2], s[3]), 'PX', math.max(s[4], 1))
  end
end
out[1] = all
return out
`;

const INCREMENT = `
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v
`;

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');
const SCRIPTS = {
  gcra: { src: GCRA, sha: sha1(GCRA) },
  gcraAll: { src: GCRA_ALL, sha: sha1(GCRA_ALL) },
  increment: { src: INCREMENT, sha: sha1(INCREMENT) },
};

/**
 * @example
 * const limiter = createRedisLimiter({ url: 'redis://cache:6379' });
 * const d = await limiter.consume(`key:${apiKeyId}`, { limit: 600, windowMs: 60_000 });
 */
export function createRedisLimiter(options: RedisLimiterOptions): Limiter {
  const prefix = options.keyPrefix ?? 'shieldwall:limiter:';
  const connectTimeout = options.connectTimeoutMs ?? 2_000;
  let host: string;
  try {
    host = new URL(options.url).host;
  } catch {
    throw platformErrors.create('config_invalid', { message: 'The Redis URL is not valid.' });
  }
  const redis = new Redis(options.url, {
    connectTimeout,
    commandTimeout: options.commandTimeoutMs ?? 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let lastError: Error | undefined;
  redis.on('error', (err: Error) => {
    lastError = err; // reported with the next failing call; ioredis keeps reconnecting
  });
  let closed: Promise<void> | undefined;
  let firstReady: Promise<void> | undefined;

  const unavailable = (err: unknown) =>
    platformErrors.create('limiter_unavailable', {
      message: `Redis at ${host} is not usable: ${(err as Error)?.message || 'no connection'}`,
      cause: err,
    });

  /** Wait for the first connection (bounded); afterwards fail at once while disconnected. */
  async function ready(): Promise<void> {
    if (closed)
      throw platformErrors.create('limiter_unavailable', { message: 'The limiter is closed.' });
    if (redis.status === 'ready') return;
    if (redis.status !== 'connecting' && redis.status !== 'connect' && redis.status !== 'wait')
      throw unavailable(lastError ?? new Error(`connection is ${redis.status}`));
    // One shared wait, so a burst of calls during connect adds one listener, not one each.
    firstReady ??= once(redis, 'ready', { signal: AbortSignal.timeout(connectTimeout) }).then(
      () => undefined,
      (err: unknown) => {
        firstReady = undefined;
        throw unavailable(lastError ?? err);
      },
    );
    await firstReady;
  }

  async function call<T>(work: () => Promise<T>): Promise<T> {
    await ready();
    try {
      return await work();
    } catch (err) {
      throw unavailable(err);
    }
  }

  async function script(
    s: { src: string; sha: string },
    key: string | readonly string[],
    args: Array<string | number>,
  ) {
    const keys = typeof key === 'string' ? [key] : key;
    try {
      return await redis.evalsha(s.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!String((err as Error).message).startsWith('NOSCRIPT')) throw err;
      return redis.eval(s.src, keys.length, ...keys, ...args); // first use on this server: EVAL caches it
    }
  }

  const decisionOf = (allowed: number, remaining: number, retry: number, resetMs: number) => ({
    allowed: allowed === 1,
    remaining,
    retryAfterMs: retry < 0 ? Number.POSITIVE_INFINITY : retry,
    resetMs,
  });

  return {
    async consume(key, rule, cost = 1) {
      assertConsume(key, rule, cost);
      const reply = await call(() =>
        script(SCRIPTS.gcra, `${prefix}r:${key}`, [rule.limit, rule.windowMs, cost]),
      );
      const [allowed, remaining, retry, resetMs] = reply as [number, number, number, number];
      const decision: RateDecision = {
        allowed: allowed === 1,
        remaining,
        retryAfterMs: retry < 0 ? Number.POSITIVE_INFINITY : retry,
        resetMs,
      };
      return decision;
    },
    async consumeAll(takes) {
      assertTakes(takes);
      // One script over every key (a single Redis, not a cluster: the keys may hash anywhere).
      const reply = (await call(() =>
        script(
          SCRIPTS.gcraAll,
          takes.map((t) => `${prefix}r:${t.key}`),
          takes.flatMap((t) => [t.rule.limit, t.rule.windowMs, t.cost ?? 1]),
        ),
      )) as number[];
      const decisions: RateDecision[] = takes.map((_, i) =>
        decisionOf(
          reply[1 + 4 * i] as number,
          reply[2 + 4 * i] as number,
          reply[3 + 4 * i] as number,
          reply[4 + 4 * i] as number,
        ),
      );
      return { allowed: reply[0] === 1, decisions };
    },
    async increment(key, ttlMs, by = 1) {
      assertIncrement(key, ttlMs, by);
      const value = await call(() => script(SCRIPTS.increment, `${prefix}c:${key}`, [by, ttlMs]));
      return Number(value);
    },
    async count(key) {
      assertLimiterKey(key);
      const value = await call(() => redis.get(`${prefix}c:${key}`));
      return value === null ? 0 : Number(value);
    },
    async reset(key) {
      assertLimiterKey(key);
      await call(() => redis.del(`${prefix}r:${key}`, `${prefix}c:${key}`));
    },
    async ping() {
      await call(() => redis.ping());
    },
    close() {
      closed ??= redis.quit().then(
        () => {},
        () => redis.disconnect(), // not connected: just stop reconnecting
      );
      return closed;
    },
  };
}
