import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runLimiterContract } from '../ports/limiter.contract.js';
import type { RateDecision } from '../ports/limiter.js';
import { createMemoryLimiter } from './memory-limiter.js';

runLimiterContract('memory limiter', {
  async create() {
    const limiter = createMemoryLimiter();
    return { limiter, cleanup: () => limiter.close() };
  },
});

/** A limiter on a clock the test moves by hand. */
function manual(start = 1_700_000_000_123, maxKeys?: number) {
  const clock = { t: start };
  const limiter = createMemoryLimiter({ now: () => clock.t, ...(maxKeys ? { maxKeys } : {}) });
  return { clock, limiter };
}

const ruleArb = fc.record({
  limit: fc.integer({ min: 1, max: 50 }),
  windowMs: fc.integer({ min: 1, max: 5_000 }),
});
const stepsArb = fc.array(
  fc.record({ advance: fc.nat({ max: 400 }), cost: fc.integer({ min: 1, max: 60 }) }),
  { maxLength: 80 },
);

describe('memory limiter GCRA (properties, manual clock)', () => {
  it('never allows more than limit + elapsed × rate units', async () => {
    await fc.assert(
      fc.asyncProperty(ruleArb, stepsArb, async (rule, steps) => {
        const { clock, limiter } = manual();
        const t0 = clock.t;
        let taken = 0;
        for (const { advance, cost } of steps) {
          clock.t += advance;
          if ((await limiter.consume('k', rule, cost)).allowed) taken += cost;
          // taken ≤ limit + (t − t0) · limit / windowMs, in integers
          expect(taken * rule.windowMs).toBeLessThanOrEqual(
            rule.limit * rule.windowMs + (clock.t - t0) * rule.limit,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('allows a burst of exactly limit at one instant, for any rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        async (limit, windowMs) => {
          const { limiter } = manual();
          const rule = { limit, windowMs };
          let allowed = 0;
          for (let i = 0; i <= limit; i++)
            if ((await limiter.consume('k', rule)).allowed) allowed++;
          expect(allowed).toBe(limit);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is right about retryAfterMs and remaining after any history', async () => {
    await fc.assert(
      fc.asyncProperty(
        ruleArb,
        stepsArb,
        fc.integer({ min: 1, max: 50 }),
        async (rule, steps, want) => {
          const { clock, limiter } = manual();
          for (const { advance, cost } of steps) {
            clock.t += advance;
            await limiter.consume('k', rule, cost);
          }
          // A refused cost above the limit takes nothing: a free look at `remaining`.
          const look: RateDecision = await limiter.consume('k', rule, rule.limit + 1);
          const k = look.remaining;
          if (k < rule.limit) expect((await limiter.consume('k', rule, k + 1)).allowed).toBe(false);
          const cost = Math.min(want, rule.limit);
          const d = await limiter.consume('k', rule, cost);
          if (d.allowed) return;
          if (d.retryAfterMs > 0) {
            clock.t += d.retryAfterMs - 1;
            expect((await limiter.consume('k', rule, cost)).allowed).toBe(false);
            clock.t += 1;
          }
          expect((await limiter.consume('k', rule, cost)).allowed).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('memory limiter bounds', () => {
  it('forgets the least recently used key at maxKeys, and keeps memory at the cap', async () => {
    const { limiter } = manual(1_000, 100);
    const rule = { limit: 1, windowMs: 3_600_000 };
    await limiter.consume('cold', rule);
    await limiter.consume('hot', rule);
    for (let i = 0; i < 1_000; i++) {
      await limiter.consume(`flood-${i}`, rule);
      if (i % 50 === 0) await limiter.consume('hot', rule); // touched: stays recent
      expect(limiter.size()).toBeLessThanOrEqual(100);
    }
    expect((await limiter.consume('hot', rule)).allowed).toBe(false); // still limited
    expect((await limiter.consume('cold', rule)).allowed).toBe(true); // forgotten: fresh bucket
  });

  it('drops expired entries before evicting live ones', async () => {
    const { clock, limiter } = manual(1_000, 10);
    await limiter.consume('live', { limit: 1, windowMs: 3_600_000 });
    for (let i = 0; i < 9; i++) await limiter.increment(`short-${i}`, 50);
    clock.t += 100;
    for (let i = 0; i < 9; i++) await limiter.increment(`new-${i}`, 60_000);
    expect(limiter.size()).toBe(10);
    expect((await limiter.consume('live', { limit: 1, windowMs: 3_600_000 })).allowed).toBe(false);
  });

  it('sweeps expired entries as calls go by, without hitting the cap', async () => {
    const { clock, limiter } = manual();
    for (let i = 0; i < 200; i++) await limiter.consume(`k${i}`, { limit: 10, windowMs: 100 });
    expect(limiter.size()).toBe(200);
    clock.t += 1_000;
    for (let i = 0; i < 200; i++) await limiter.count('other');
    expect(limiter.size()).toBe(0);
  });
});
