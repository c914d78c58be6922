/**
 * Recovering an account that lost every second factor: a waiting period every
 * signed-in device sees and can stop; and the trusted contact who is alerted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_WAIT_MS } from './recovery.js';
import {
  type AccountsFixture,
  accountsFixture,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

describe('account recovery with a waiting period', () => {
  let fx: AccountsFixture;
  beforeAll(async () => {
    fx = await accountsFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  const withTotp = async (email: string) => {
    const u = await fx.signedIn(email);
    const { secret } = await fx.accounts.beginTotp(u.session);
    await fx.accounts.confirmTotp(u.session, await fx.totpCode(secret), u.ctx);
    fx.clock.advance(30_000);
    return u;
  };

  it('starts by mail, waits, shows on signed-in devices, then replaces the password and second factors', async () => {
    const u = await withTotp('lost@example.org');
    await fx.accounts.setTrustedContact(
      { ...u.session, authenticatedAt: fx.clock() },
      { name: 'Sam', email: 'sam@example.org', alerts: ['recovery_started', 'security_change'] },
      u.ctx,
    );
    await fx.accounts.startRecovery('lost@example.org', fx.ctx());
    const start = await fx.tokenFrom('lost@example.org', '/access/recover');
    const { completesAt } = await fx.accounts.confirmRecovery(start, fx.ctx());
    expect(completesAt).toBe(fx.clock() + RECOVERY_WAIT_MS);
    // The owner's other device sees it; the contact was told.
    expect(await fx.accounts.recoveryStatus(u.session)).toMatchObject({ completesAt });
    expect((await fx.mailTo('sam@example.org')).at(-1)?.body).toContain(
      'Someone started recovering the account',
    );
    const finish = await fx.tokenFrom('lost@example.org', '/access/recover/finish');
    // Not before the wait is over, and the link is not used up by trying.
    await expect(
      fx.accounts.completeRecovery(finish, 'a brand new phrase 77', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await fx.accounts.overview(u.session)).totpEnabled).toBe(true);
    fx.clock.advance(RECOVERY_WAIT_MS);
    await fx.accounts.completeRecovery(finish, 'a brand new phrase 77', fx.ctx());
    // Every session ended; the old password and TOTP are gone; the new password signs in without a code.
    expect(await fx.accounts.resolveSession(u.token)).toBeNull();
    await expect(
      fx.accounts.signIn({ email: 'lost@example.org', password: GOOD_PASSWORD }, fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    const again = await fx.accounts.signIn(
      { email: 'lost@example.org', password: 'a brand new phrase 77' },
      fx.ctx(),
    );
    expect(again.kind).toBe('signed_in');
    await expect(
      fx.accounts.completeRecovery(finish, 'another phrase 78 x', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_token' });
    const audit = await fx.auditText();
    expect(audit).toContain('access.account.recovery_started');
    expect(audit).toContain('access.account.recovery_completed');
    expect(audit).not.toContain(finish);
  });

  it('any signed-in device can stop it, and the finishing link then does nothing', async () => {
    const u = await withTotp('stolen-inbox@example.org');
    await fx.accounts.startRecovery('stolen-inbox@example.org', fx.ctx());
    await fx.accounts.confirmRecovery(
      await fx.tokenFrom('stolen-inbox@example.org', '/access/recover'),
      fx.ctx(),
    );
    const finish = await fx.tokenFrom('stolen-inbox@example.org', '/access/recover/finish');
    await fx.accounts.cancelRecovery(u.session, u.ctx);
    expect(await fx.accounts.recoveryStatus(u.session)).toBeNull();
    fx.clock.advance(RECOVERY_WAIT_MS);
    await expect(
      fx.accounts.completeRecovery(finish, 'attacker phrase 99 z', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_token' });
    expect((await fx.accounts.overview(u.session)).totpEnabled).toBe(true);
  });

  it('is refused for advanced protection (no link is sent)', async () => {
    const u = await fx.signedIn('ap-recover@example.org');
    await fx.store
      .db<{ access_user: { advanced_protection: number; id: string } }>()
      .updateTable('access_user')
      .set({ advanced_protection: 1 })
      .where('id', '=', u.userId)
      .execute();
    await fx.accounts.startRecovery('ap-recover@example.org', fx.ctx());
    const mail = await fx.mailTo('ap-recover@example.org');
    expect(mail.at(-1)?.body).toContain('advanced protection is on');
    expect(mail.some((m) => m.body.includes('/access/recover#token='))).toBe(false);
  });

  it('an unknown address gets the same answer and no mail', async () => {
    await expect(
      fx.accounts.startRecovery('nobody@example.org', fx.ctx()),
    ).resolves.toBeUndefined();
    expect(await fx.mailTo('nobody@example.org')).toEqual([]);
  });
});

describe('trusted contact', () => {
  let fx: AccountsFixture;
  beforeAll(async () => {
    fx = await accountsFixture();
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('is told they were named, gets only the alerts chosen, and can stop them', async () => {
    const u = await fx.signedIn('gran@example.org');
    const contact = await fx.accounts.setTrustedContact(
      u.session,
      { name: 'Kim', email: 'kim@example.org', alerts: ['new_sign_in'] },
      u.ctx,
    );
    expect(contact.alerts).toEqual(['new_sign_in']);
    expect((await fx.mailTo('kim@example.org'))[0]?.body).toContain(
      'You cannot see or use their account',
    );
    // A sign-in from a new browser: the owner and the contact hear of it.
    await fx.accounts.signIn(
      { email: 'gran@example.org', password: GOOD_PASSWORD },
      fx.ctx('Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/604.1'),
    );
    expect((await fx.mailTo('kim@example.org')).at(-1)?.body).toContain(
      'A sign-in from a device not used before',
    );
    // A security change was not chosen: no mail for it.
    const before = (await fx.mailTo('kim@example.org')).length;
    const { secret } = await fx.accounts.beginTotp(u.session);
    await fx.accounts.confirmTotp(u.session, await fx.totpCode(secret), u.ctx);
    expect(await fx.mailTo('kim@example.org')).toHaveLength(before);
    // The contact stops the alerts with their link; the owner is told.
    await fx.accounts.stopContactAlerts(
      await fx.tokenFrom('kim@example.org', '/access/trusted-contact/stop'),
      fx.ctx(),
    );
    expect(await fx.accounts.trustedContact(u.session)).toBeNull();
    expect((await fx.mailTo('gran@example.org')).at(-1)?.subject).toBe(
      'Your trusted contact stopped their alerts',
    );
  });

  it('needs a recent step-up, another address, and known alert kinds', async () => {
    const u = await fx.signedIn('careful@example.org');
    const stale = { ...u.session, authenticatedAt: fx.clock() - 11 * 60_000 };
    await expect(
      fx.accounts.setTrustedContact(
        stale,
        { name: 'X', email: 'x@example.org', alerts: [] },
        u.ctx,
      ),
    ).rejects.toMatchObject({ code: 'step_up_required' });
    await expect(
      fx.accounts.setTrustedContact(
        u.session,
        { name: 'Me', email: 'careful@example.org', alerts: [] },
        u.ctx,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      fx.accounts.setTrustedContact(
        u.session,
        { name: 'X', email: 'x@example.org', alerts: ['read_my_mail'] },
        u.ctx,
      ),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await fx.accounts.trustedContact(u.session)).toBeNull();
  });
});
