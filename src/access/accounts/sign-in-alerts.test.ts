/**
 * Sign-in alerts: a new device (browser and network) or a known device at an
 * hour far from every earlier sign-in is mailed to the owner.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountsFixture,
  accountsFixture,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

describe('sign-in alerts', () => {
  let fx: AccountsFixture;
  beforeAll(async () => {
    fx = await accountsFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('a new browser or network is an alert; the same device is not', async () => {
    const u = await fx.signedIn('new-device@example.org');
    const count = async () =>
      (await fx.mailTo('new-device@example.org')).filter((m) => m.subject.startsWith('New sign-in'))
        .length;
    await fx.accounts.signIn({ email: 'new-device@example.org', password: GOOD_PASSWORD }, u.ctx);
    expect(await count()).toBe(0);
    await fx.accounts.signIn(
      { email: 'new-device@example.org', password: GOOD_PASSWORD },
      { ...u.ctx, ip: '203.0.113.50' },
    );
    expect(await count()).toBe(1);
  });

  it('a known device at an unusual hour is an alert, once there is a history', async () => {
    const day = 86_400_000;
    fx.clock.set(Date.UTC(2026, 11, 1, 12, 0, 0));
    const u = await fx.signedIn('lunchtime@example.org');
    const unusual = async () =>
      (await fx.mailTo('lunchtime@example.org')).filter((m) => m.subject.includes('unusual time'))
        .length;
    for (let i = 0; i < 8; i++) {
      fx.clock.advance(day);
      await fx.accounts.signIn({ email: 'lunchtime@example.org', password: GOOD_PASSWORD }, u.ctx);
    }
    // 14:00 is near noon: no alert. 03:00 is far from every earlier sign-in: an alert.
    fx.clock.advance(day + 2 * 3_600_000);
    await fx.accounts.signIn({ email: 'lunchtime@example.org', password: GOOD_PASSWORD }, u.ctx);
    expect(await unusual()).toBe(0);
    fx.clock.advance(13 * 3_600_000);
    await fx.accounts.signIn({ email: 'lunchtime@example.org', password: GOOD_PASSWORD }, u.ctx);
    expect(await unusual()).toBe(1);
    expect(await fx.auditText()).toContain('"reason":"unusual_hour"');
  });
});
