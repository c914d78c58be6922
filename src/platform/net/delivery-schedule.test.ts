import { describe, expect, it } from 'vitest';
import { createMemoryLimiter } from '../adapters/memory-limiter.js';
import {
  pollDeliveries,
  RETRY_AFTER_S,
  retryAfter,
  TEST_MESSAGE_RULE,
  takeTestMessage,
  testsLimited,
} from './delivery-schedule.js';

describe('durable webhook delivery schedule', () => {
  it('retries a failed delivery with growing waits for about a day, then gives up', () => {
    const failed = { ok: false, error: 'HTTP 503' } as const;
    const waits = RETRY_AFTER_S.map((_, i) => retryAfter(i + 1, failed));
    expect(waits).toEqual([...RETRY_AFTER_S]);
    for (let i = 1; i < waits.length; i++)
      expect(waits[i] as number).toBeGreaterThan(waits[i - 1] as number);
    const day = RETRY_AFTER_S.reduce((a, b) => a + b, 0);
    expect(day).toBeGreaterThan(20 * 3600);
    expect(day).toBeLessThan(30 * 3600);
    expect(retryAfter(RETRY_AFTER_S.length + 1, failed)).toBeUndefined();
  });

  it('allows an organization a burst of test messages, then says how long to wait', async () => {
    const limiter = createMemoryLimiter();
    try {
      for (let i = 0; i < TEST_MESSAGE_RULE.limit; i++)
        expect(await takeTestMessage(limiter, 'x:webhook-test:org-1')).toBe(0);
      const wait = await takeTestMessage(limiter, 'x:webhook-test:org-1');
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(TEST_MESSAGE_RULE.windowMs / TEST_MESSAGE_RULE.limit / 1000);
      // Another organization is not held up by the first.
      expect(await takeTestMessage(limiter, 'x:webhook-test:org-2')).toBe(0);
      // Said in whole minutes, in both languages, with the seconds for Retry-After.
      expect(testsLimited(61)).toEqual({
        message: 'Too many test messages: wait 2 minute(s) before sending another.',
        es: 'Demasiados mensajes de prueba: espere 2 minuto(s) antes de enviar otro.',
        details: { retryAfterSeconds: 61 },
      });
    } finally {
      await limiter.close();
    }
  });

  it('gives up at once on a refused address: no retry would change it', () => {
    expect(retryAfter(1, { ok: false, error: 'internal address', refused: true })).toBeUndefined();
  });

  it('runs one round at a time, skips while not ready, reports a failed round and carries on', async () => {
    let ready = false;
    let rounds = 0;
    let inRound = 0;
    let overlap = false;
    const errors: string[] = [];
    let release: (() => void) | undefined;
    const poller = pollDeliveries(
      async () => {
        rounds++;
        inRound++;
        if (inRound > 1) overlap = true;
        if (rounds === 2) {
          inRound--;
          throw new Error('store down');
        }
        // The third round is slow: ticks meanwhile must not start another.
        if (rounds === 3) await new Promise<void>((r) => (release = r));
        inRound--;
      },
      { ready: () => ready, everyMs: 5, onError: (e) => errors.push(e.message) },
    );
    await new Promise((r) => setTimeout(r, 40));
    expect(rounds).toBe(0);
    ready = true;
    await expect.poll(() => rounds, { timeout: 2_000, interval: 5 }).toBe(3);
    await new Promise((r) => setTimeout(r, 40));
    expect(rounds).toBe(3); // still in the slow round
    const stopped = poller.stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false); // stop waits for the round in progress
    release?.();
    await stopped;
    expect(errors).toEqual(['store down']);
    expect(overlap).toBe(false);
    await new Promise((r) => setTimeout(r, 30));
    expect(rounds).toBe(3); // nothing after stop
  });
});
