/**
 * The one contract every Limiter adapter must pass (STYLE habit 1). An adapter's
 * test file calls `runLimiterContract` with a factory that opens a fresh limiter
 * whose keys no other test sees (its own process, or its own Redis key prefix).
 *
 * Timing tests use short windows and real waits, with margins for a busy machine.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import type { Limiter, RateRule } from './limiter.js';

export interface LimiterHarness {
  readonly limiter: Limiter;
  cleanup(): Promise<void>;
}

export interface LimiterContractFactory {
  create(): Promise<LimiterHarness>;
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (err) {
    if (err instanceof ShieldwallError) return err.code;
    throw err;
  }
  return 'resolved';
}

const MINUTE: RateRule = { limit: 5, windowMs: 60_000 };

export function runLimiterContract(name: string, factory: LimiterContractFactory): void {
  describe(name, () => {
    let h: LimiterHarness;
    let limiter: Limiter;
    beforeEach(async () => {
      h = await factory.create();
      limiter = h.limiter;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('allows limit units, then refuses with a sensible retryAfterMs', async () => {
      const remaining: number[] = [];
      for (let i = 0; i < 5; i++) {
        const d = await limiter.consume('burst', MINUTE);
        expect(d.allowed).toBe(true);
        expect(d.retryAfterMs).toBe(0);
        remaining.push(d.remaining);
      }
      expect(remaining).toEqual([4, 3, 2, 1, 0]);
      const refused = await limiter.consume('burst', MINUTE);
      expect(refused.allowed).toBe(false);
      expect(refused.remaining).toBe(0);
      // One unit frees every 12 s; a few ms may have passed since the first call.
      expect(refused.retryAfterMs).toBeGreaterThan(11_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(12_000);
      expect(refused.resetMs).toBeGreaterThan(59_000);
      expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    });

    it('charges a cost above 1, and takes nothing when it refuses', async () => {
      const rule = { limit: 10, windowMs: 60_000 };
      expect(await limiter.consume('tokens', rule, 4)).toMatchObject({
        allowed: true,
        remaining: 6,
      });
      const tooMuch = await limiter.consume('tokens', rule, 7);
      expect(tooMuch).toMatchObject({ allowed: false, remaining: 6 });
      expect(tooMuch.retryAfterMs).toBeGreaterThan(5_000);
      expect(tooMuch.retryAfterMs).toBeLessThanOrEqual(6_000);
      expect(await limiter.consume('tokens', rule, 6)).toMatchObject({
        allowed: true,
        remaining: 0,
      });
      expect((await limiter.consume('tokens', rule, 1)).allowed).toBe(false);
    });

    it('refuses a cost above the limit for ever, without touching the bucket', async () => {
      const rule = { limit: 10, windowMs: 60_000 };
      const d = await limiter.consume('huge', rule, 11);
      expect(d).toMatchObject({ allowed: false, remaining: 10, resetMs: 0 });
      expect(d.retryAfterMs).toBe(Number.POSITIVE_INFINITY);
      expect(await limiter.consume('huge', rule, 10)).toMatchObject({
        allowed: true,
        remaining: 0,
      });
    });

    it('refills over time, one unit per windowMs / limit', async () => {
      const rule = { limit: 4, windowMs: 400 }; // a unit every 100 ms
      for (let i = 0; i < 4; i++)
        expect((await limiter.consume('refill', rule)).allowed).toBe(true);
      const refused = await limiter.consume('refill', rule);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(50);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(100);
      await sleep(refused.retryAfterMs + 15);
      expect((await limiter.consume('refill', rule)).allowed).toBe(true);
      expect((await limiter.consume('refill', rule)).allowed).toBe(false);
      await sleep(420);
      const full = await limiter.consume('refill', rule);
      expect(full).toMatchObject({ allowed: true, remaining: 3 });
    });

    it('reports remaining and resetMs as the bucket fills', async () => {
      const rule = { limit: 10, windowMs: 1_000 }; // 100 ms per unit
      const three = await limiter.consume('reset-ms', rule, 3);
      expect(three.remaining).toBe(7);
      expect(three.resetMs).toBeGreaterThan(250);
      expect(three.resetMs).toBeLessThanOrEqual(300);
      const all = await limiter.consume('reset-ms', rule, 7);
      expect(all.remaining).toBe(0);
      expect(all.resetMs).toBeGreaterThan(950);
      expect(all.resetMs).toBeLessThanOrEqual(1_000);
    });

    it('allows exactly limit of 200 concurrent calls', async () => {
      const rule = { limit: 37, windowMs: 60_000 };
      const decisions = await Promise.all(
        Array.from({ length: 200 }, () => limiter.consume('crowd', rule)),
      );
      expect(decisions.filter((d) => d.allowed)).toHaveLength(37);
      const remaining = decisions.filter((d) => d.allowed).map((d) => d.remaining);
      expect(remaining.sort((a, b) => a - b)).toEqual(Array.from({ length: 37 }, (_, i) => i));
    });

    it('consumeAll takes every take when all fit, and none when one does not', async () => {
      const rpm = { limit: 3, windowMs: 60_000 };
      const tpm = { limit: 100, windowMs: 60_000 };
      const both = (cost: number) =>
        limiter.consumeAll([
          { key: 'all-req', rule: rpm },
          { key: 'all-tok', rule: tpm, cost },
        ]);
      const first = await both(40);
      expect(first.allowed).toBe(true);
      expect(first.decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 60],
      ]);
      // 70 tokens do not fit: the request unit is not taken either, and the refusal says which.
      const refused = await both(70);
      expect(refused.allowed).toBe(false);
      expect(refused.decisions.map((d) => d.allowed)).toEqual([true, false]);
      expect(refused.decisions[1]?.retryAfterMs).toBeGreaterThan(5_000);
      expect((await limiter.consume('all-req', rpm, 2)).remaining).toBe(0);
      expect((await limiter.consume('all-tok', tpm, 60)).remaining).toBe(0);
      const none = await both(1);
      expect(none.allowed).toBe(false);
      expect(none.decisions.map((d) => d.allowed)).toEqual([false, false]);
      expect(none.decisions[1]?.retryAfterMs).toBeLessThanOrEqual(600);
    });

    it('consumeAll applies takes on one key in order, and a cost above a limit refuses all', async () => {
      const rule = { limit: 5, windowMs: 60_000 };
      const twice = await limiter.consumeAll([
        { key: 'same', rule, cost: 3 },
        { key: 'same', rule, cost: 2 },
      ]);
      expect(twice.decisions.map((d) => [d.allowed, d.remaining])).toEqual([
        [true, 2],
        [true, 0],
      ]);
      expect((await limiter.consume('same', rule)).allowed).toBe(false);
      const never = await limiter.consumeAll([
        { key: 'fresh', rule },
        { key: 'fresh-2', rule, cost: 6 },
      ]);
      expect(never.allowed).toBe(false);
      expect(never.decisions[1]?.retryAfterMs).toBe(Number.POSITIVE_INFINITY);
      expect((await limiter.consume('fresh', rule)).remaining).toBe(4);
    });

    it('consumeAll is exact under 200 concurrent calls', async () => {
      // Day-long windows: with a minute, the wide bucket earns a token back every 60 ms, so a slow
      // run (a loaded CI machine) counted one more remaining than the exact figure.
      const narrow = { limit: 23, windowMs: 86_400_000 };
      const wide = { limit: 1_000, windowMs: 86_400_000 };
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          limiter.consumeAll([
            { key: 'crowd-wide', rule: wide, cost: 2 },
            { key: i % 2 === 0 ? 'crowd-even' : 'crowd-odd', rule: narrow },
          ]),
        ),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(46);
      // Only the allowed calls took from the shared key: 1,000 - 46 × 2 left.
      expect((await limiter.consume('crowd-wide', wide, 1)).remaining).toBe(1_000 - 46 * 2 - 1);
    });

    it('counts 500 concurrent increments exactly', async () => {
      const values = await Promise.all(
        Array.from({ length: 500 }, () => limiter.increment('hits', 60_000)),
      );
      expect(values.sort((a, b) => a - b)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
      expect(await limiter.count('hits')).toBe(500);
      expect(await limiter.increment('hits', 60_000, 25)).toBe(525);
      expect(await limiter.increment('hits', 60_000, -5)).toBe(520);
    });

    it('expires a counter ttlMs after its first increment, not its last', async () => {
      expect(await limiter.count('ttl')).toBe(0);
      expect(await limiter.increment('ttl', 300)).toBe(1);
      await sleep(150);
      expect(await limiter.increment('ttl', 300)).toBe(2);
      await sleep(200);
      expect(await limiter.count('ttl')).toBe(0);
      expect(await limiter.increment('ttl', 300, 3)).toBe(3);
    });

    it('reset forgets the rate state and the counter of a key', async () => {
      for (let i = 0; i < 5; i++) await limiter.consume('forget', MINUTE);
      await limiter.increment('forget', 60_000, 9);
      expect((await limiter.consume('forget', MINUTE)).allowed).toBe(false);
      await limiter.reset('forget');
      expect(await limiter.consume('forget', MINUTE)).toMatchObject({
        allowed: true,
        remaining: 4,
      });
      expect(await limiter.count('forget')).toBe(0);
      await limiter.reset('never-seen');
    });

    it('keeps keys, and a key’s rate state and counter, independent', async () => {
      for (let i = 0; i < 5; i++) await limiter.consume('a', MINUTE);
      expect((await limiter.consume('a', MINUTE)).allowed).toBe(false);
      expect(await limiter.consume('b', MINUTE)).toMatchObject({ allowed: true, remaining: 4 });
      expect(await limiter.increment('a', 60_000)).toBe(1);
      expect(await limiter.count('b')).toBe(0);
      expect((await limiter.consume('a', MINUTE)).allowed).toBe(false);
    });

    it('refuses bad keys, rules, costs, TTLs and increments with bad_request', async () => {
      const bad = async (work: () => Promise<unknown>, what: string) =>
        expect(await codeOf(work), what).toBe('bad_request');
      for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5'])
        await bad(
          () => limiter.consume('k', { limit: limit as number, windowMs: 1_000 }),
          `limit ${limit}`,
        );
      for (const windowMs of [0, -1, 2.5, Number.NaN])
        await bad(() => limiter.consume('k', { limit: 5, windowMs }), `windowMs ${windowMs}`);
      await bad(() => limiter.consume('k', { limit: 2 ** 30, windowMs: 2 ** 30 }), 'too large');
      await bad(() => limiter.consume('k', undefined as unknown as RateRule), 'no rule');
      for (const cost of [0, -1, 1.5])
        await bad(() => limiter.consume('k', MINUTE, cost), `cost ${cost}`);
      for (const key of ['', 'x'.repeat(513), 7 as unknown as string]) {
        await bad(() => limiter.consume(key, MINUTE), `key ${String(key).slice(0, 8)}`);
        await bad(() => limiter.increment(key, 1_000), 'increment key');
        await bad(() => limiter.count(key), 'count key');
        await bad(() => limiter.reset(key), 'reset key');
      }
      for (const ttl of [0, -5, 1.5]) await bad(() => limiter.increment('k', ttl), `ttl ${ttl}`);
      await bad(() => limiter.increment('k', 1_000, 0.5), 'by 0.5');
      await bad(() => limiter.consumeAll([]), 'no takes');
      await bad(
        () => limiter.consumeAll(Array.from({ length: 17 }, () => ({ key: 'k', rule: MINUTE }))),
        '17 takes',
      );
      await bad(() => limiter.consumeAll([{ key: 'k', rule: MINUTE, cost: 0 }]), 'take cost 0');
      await bad(() => limiter.consumeAll([{ key: '', rule: MINUTE }]), 'take key');
      expect(await limiter.consume('k', MINUTE)).toMatchObject({ allowed: true, remaining: 4 });
    });

    it('answers ping, and refuses use once closed', async () => {
      await limiter.ping();
      await limiter.close();
      await limiter.close();
      expect(await codeOf(() => limiter.ping())).toBe('limiter_unavailable');
      expect(await codeOf(() => limiter.consume('k', MINUTE))).toBe('limiter_unavailable');
      expect(await codeOf(() => limiter.increment('k', 1_000))).toBe('limiter_unavailable');
    });
  });
}
