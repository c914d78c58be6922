/**
 * Brute force across instances: two Shieldwall instances (two accounts services,
 * each with its own Redis connection) share one set of limits, so an attacker
 * spreading password guesses over both gets no more than from one.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLimiter } from '../../platform/adapters/redis-limiter.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import { requireService } from '../../platform/test-support/services.js';
import { ATTEMPT_LIMITS } from './attempt-limits.js';
import { type Accounts, createAccounts, createOutboxMailer } from './index.js';
import {
  type AccountsFixture,
  accountsFixture,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

const redisUrl = await requireService('redis');

describe.skipIf(redisUrl === undefined)('brute-force limits shared through Redis', () => {
  let fx: AccountsFixture;
  const limiters: Limiter[] = [];
  const instances: Accounts[] = [];

  beforeAll(async () => {
    fx = await accountsFixture();
    const keyPrefix = `sw-test-${randomBytes(4).toString('hex')}:`;
    for (let i = 0; i < 2; i++) {
      const limiter = createRedisLimiter({ url: redisUrl as string, keyPrefix });
      limiters.push(limiter);
      instances.push(
        createAccounts({
          store: fx.store,
          bus: fx.bus,
          audit: fx.audit,
          limiter,
          directory: fx.access.directory,
          policy: fx.access.policy,
          now: fx.clock,
          logger: fx.logger,
          mailer: createOutboxMailer(fx.store, fx.logger, fx.clock),
        }),
      );
    }
  });
  afterAll(async () => {
    for (const l of limiters) await l.close();
    await fx?.close();
  });

  it('wrong passwords alternating between two instances hit one per-account limit', async () => {
    const u = await fx.signedIn('target@example.org');
    const limit = ATTEMPT_LIMITS.password.account.limit;
    const outcomes: string[] = [];
    for (let i = 0; i < limit + 2; i++) {
      const instance = instances[i % 2] as Accounts;
      // A new address every time: only the per-account limit can stop this.
      const ctx = { ...u.ctx, ip: `198.18.${i}.1` };
      outcomes.push(
        await instance
          .signIn({ email: 'target@example.org', password: `guess number ${i} x` }, ctx)
          .then(
            () => 'ok',
            (err: { code: string }) => err.code,
          ),
      );
    }
    expect(outcomes.slice(0, limit).every((o) => o === 'invalid_credentials')).toBe(true);
    expect(outcomes.slice(limit)).toEqual(['rate_limited', 'rate_limited']);
    // The right password is refused too while the limit lasts, on either instance.
    await expect(
      instances[0]?.signIn(
        { email: 'target@example.org', password: GOOD_PASSWORD },
        { ...u.ctx, ip: '198.18.200.1' },
      ),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });
});
