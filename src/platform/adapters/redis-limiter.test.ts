import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import { runLimiterContract } from '../ports/limiter.contract.js';
import type { Limiter } from '../ports/limiter.js';
import { requireService } from '../test-support/services.js';
import { createRedisLimiter } from './redis-limiter.js';

const url = await requireService('redis');

/** Delete every key under `prefix` (SCAN, never KEYS, so a shared server is not blocked). */
async function deletePrefix(prefix: string): Promise<void> {
  const redis = new Redis(url as string);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

const uniquePrefix = () => `sw-test:${randomBytes(5).toString('hex')}:`;

async function errorOf(work: () => Promise<unknown>): Promise<ShieldwallError> {
  try {
    await work();
  } catch (err) {
    if (err instanceof ShieldwallError) return err;
    throw err;
  }
  throw new Error('expected a ShieldwallError');
}

describe.skipIf(url === undefined)('Redis limiter', () => {
  runLimiterContract('contract', {
    async create() {
      const keyPrefix = uniquePrefix();
      const limiter = createRedisLimiter({ url: url as string, keyPrefix });
      return {
        limiter,
        cleanup: async () => {
          await limiter.close();
          await deletePrefix(keyPrefix);
        },
      };
    },
  });

  describe('shared between instances', () => {
    const opened: Limiter[] = [];
    const prefixes: string[] = [];
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((l) => l.close()));
      for (const p of prefixes.splice(0)) await deletePrefix(p);
    });
    const open = (keyPrefix: string) => {
      const limiter = createRedisLimiter({ url: url as string, keyPrefix });
      opened.push(limiter);
      return limiter;
    };

    it('is exact across instances on separate connections', async () => {
      const keyPrefix = uniquePrefix();
      prefixes.push(keyPrefix);
      const [a, b, c] = [open(keyPrefix), open(keyPrefix), open(keyPrefix)];
      const rule = { limit: 37, windowMs: 60_000 };
      const decisions = await Promise.all(
        Array.from({ length: 300 }, (_, i) => [a, b, c][i % 3]?.consume('shared', rule)),
      );
      expect(decisions.filter((d) => d?.allowed)).toHaveLength(37);
      const counts = await Promise.all(
        Array.from({ length: 300 }, (_, i) => [a, b, c][i % 3]?.increment('shared', 60_000)),
      );
      expect(Math.max(...counts.map(Number))).toBe(300);
    });

    it('keeps its keys under the prefix, with a TTL on each', async () => {
      const keyPrefix = uniquePrefix();
      prefixes.push(keyPrefix);
      const limiter = open(keyPrefix);
      await limiter.consume('user:1', { limit: 10, windowMs: 10_000 });
      await limiter.increment('user:1', 5_000);
      const redis = new Redis(url as string);
      try {
        const keys = (await redis.keys(`${keyPrefix}*`)).sort();
        expect(keys).toEqual([`${keyPrefix}c:user:1`, `${keyPrefix}r:user:1`]);
        for (const key of keys) {
          const ttl = await redis.pttl(key);
          expect(ttl).toBeGreaterThan(0);
          expect(ttl).toBeLessThanOrEqual(5_000);
        }
      } finally {
        redis.disconnect();
      }
    });
  });
});

describe('Redis limiter outages', () => {
  const servers: Server[] = [];
  afterEach(() => {
    for (const s of servers.splice(0)) s.close();
  });

  it('fails fast with limiter_unavailable when nothing listens, without leaking the password', async () => {
    const limiter = createRedisLimiter({
      url: 'redis://:s3cret@127.0.0.1:1',
      connectTimeoutMs: 500,
    });
    try {
      const t0 = Date.now();
      const err = await errorOf(() => limiter.consume('k', { limit: 1, windowMs: 1_000 }));
      expect(err.code).toBe('limiter_unavailable');
      expect(err.message).toContain('127.0.0.1:1');
      expect(err.message).not.toContain('s3cret');
      expect(Date.now() - t0).toBeLessThan(1_500);
      expect((await errorOf(() => limiter.ping())).code).toBe('limiter_unavailable');
    } finally {
      await limiter.close();
    }
  });

  it('does not hang on a server that accepts connections but never answers', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((s) => void sockets.push(s));
    servers.push(silent);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const limiter = createRedisLimiter({
      url: `redis://127.0.0.1:${port}`,
      connectTimeoutMs: 400,
      commandTimeoutMs: 300,
    });
    try {
      const t0 = Date.now();
      expect((await errorOf(() => limiter.increment('k', 1_000))).code).toBe('limiter_unavailable');
      expect(Date.now() - t0).toBeLessThan(1_500);
    } finally {
      await limiter.close();
      for (const s of sockets) s.destroy();
    }
  });

  it('refuses an unparsable URL with config_invalid', () => {
    expect(() => createRedisLimiter({ url: 'not a url' })).toThrow(ShieldwallError);
  });
});
