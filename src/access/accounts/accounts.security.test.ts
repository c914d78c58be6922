/**
 * What an attacker tries: wrong and replayed secrets, brute force, stale
 * tokens and sessions, skipping the step-up, and secrets leaking into the logs
 * or the public audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountTables } from './account-tables.js';
import { ATTEMPT_LIMITS } from './attempt-limits.js';
import {
  type AccountsFixture,
  accountsFixture,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

describe('accounts security', () => {
  let fx: AccountsFixture;
  /** Every secret seen in the tests; none may appear in a log line or the audit log. */
  const secrets: string[] = [GOOD_PASSWORD];
  beforeAll(async () => {
    fx = await accountsFixture();
  });
  afterAll(() => fx.close());
  const db = () => fx.store.db<AccountTables>();
  const sessionCount = async (userId: string) =>
    (await db().selectFrom('access_session').select('id').where('user_id', '=', userId).execute())
      .length;

  const withTotp = async (email: string) => {
    const u = await fx.signedIn(email);
    const { secret } = await fx.accounts.beginTotp(u.session);
    const code = await fx.totpCode(secret);
    const { recoveryCodes } = await fx.accounts.confirmTotp(u.session, code, u.ctx);
    secrets.push(u.token, u.csrfToken, secret, code, ...recoveryCodes);
    fx.clock.advance(30_000);
    return { ...u, secret, recoveryCodes };
  };

  it('refuses a wrong password, audits it as denied, and starts no session', async () => {
    const u = await fx.signedIn('wrong@example.org');
    secrets.push(u.token, u.csrfToken);
    const before = await sessionCount(u.userId);
    await expect(
      fx.accounts.signIn({ email: 'wrong@example.org', password: 'not the password 1' }, u.ctx),
    ).rejects.toMatchObject({ code: 'invalid_credentials', status: 401 });
    secrets.push('not the password 1');
    expect(await sessionCount(u.userId)).toBe(before);
    expect(await fx.auditText()).toMatch(
      new RegExp(
        `"action":"access.session.signed_in","actor":"user:${u.userId}".*"outcome":"denied"`,
      ),
    );
  });

  it('answers an unknown address like a wrong password, after the same argon2 work', async () => {
    const started = performance.now();
    await expect(
      fx.accounts.signIn({ email: 'nobody@example.org', password: 'some guess phrase' }, fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    // One argon2id verification at m = 19 MiB, t = 2 takes well over 5 ms anywhere.
    expect(performance.now() - started).toBeGreaterThan(5);
    expect(fx.logText()).toContain('n***y@e***e.org');
    expect(fx.logText()).not.toContain('nobody@example.org');
  });

  it('refuses a wrong TOTP code, a replayed one and a stale one, and changes nothing', async () => {
    const u = await withTotp('replay@example.org');
    const step1 = await fx.accounts.signIn(
      { email: 'replay@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (step1.kind !== 'second_factor') throw new Error('expected a second step');
    secrets.push(step1.pendingToken);
    const before = await sessionCount(u.userId);
    await expect(
      fx.accounts.completeSignIn(step1.pendingToken, { code: '123456' }, u.ctx),
    ).rejects.toMatchObject({ code: 'invalid_code' });
    await expect(
      fx.accounts.completeSignIn(
        step1.pendingToken,
        { code: await fx.totpCode(u.secret, -3) },
        u.ctx,
      ),
    ).rejects.toMatchObject({ code: 'invalid_code' });
    expect(await sessionCount(u.userId)).toBe(before);

    const code = await fx.totpCode(u.secret);
    secrets.push(code);
    await fx.accounts.completeSignIn(step1.pendingToken, { code }, u.ctx);
    // The same code again, within its window, in a new sign-in and in a step-up.
    const again = await fx.accounts.signIn(
      { email: 'replay@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (again.kind !== 'second_factor') throw new Error('expected a second step');
    secrets.push(again.pendingToken);
    await expect(
      fx.accounts.completeSignIn(again.pendingToken, { code }, u.ctx),
    ).rejects.toMatchObject({
      code: 'invalid_code',
    });
    await expect(
      fx.accounts.stepUp(u.session, { password: GOOD_PASSWORD, code }, u.ctx),
    ).rejects.toMatchObject({ code: 'invalid_code' });
    // The pending token itself is single-use once it succeeded.
    await expect(
      fx.accounts.completeSignIn(
        step1.pendingToken,
        { code: await fx.totpCode(u.secret, 1) },
        u.ctx,
      ),
    ).rejects.toMatchObject({ code: 'second_factor_expired' });
  });

  it('lets a recovery code work once only', async () => {
    const u = await withTotp('recovery@example.org');
    const code = u.recoveryCodes[3] as string;
    const s1 = await fx.accounts.signIn(
      { email: 'recovery@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (s1.kind !== 'second_factor') throw new Error('expected a second step');
    await fx.accounts.completeSignIn(s1.pendingToken, { recoveryCode: code }, u.ctx);
    const s2 = await fx.accounts.signIn(
      { email: 'recovery@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (s2.kind !== 'second_factor') throw new Error('expected a second step');
    secrets.push(s1.pendingToken, s2.pendingToken);
    await expect(
      fx.accounts.completeSignIn(s2.pendingToken, { recoveryCode: code }, u.ctx),
    ).rejects.toMatchObject({ code: 'invalid_code' });
  });

  it('stops password guessing with 429 per account, even from many addresses, and with the right password', async () => {
    const u = await fx.signedIn('brute@example.org');
    secrets.push(u.token, u.csrfToken);
    const limit = ATTEMPT_LIMITS.password.account.limit;
    for (let i = 0; i < limit - 1; i++)
      await expect(
        fx.accounts.signIn({ email: 'brute@example.org', password: `guess number ${i}` }, fx.ctx()),
      ).rejects.toMatchObject({ code: 'invalid_credentials' });
    const refused = await fx.accounts
      .signIn({ email: 'brute@example.org', password: GOOD_PASSWORD }, fx.ctx())
      .catch((err: unknown) => err);
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(
      (refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds,
    ).toBeGreaterThan(0);
  });

  it('stops guessing from one address across accounts', async () => {
    const ctx = fx.ctx();
    const limit = ATTEMPT_LIMITS.password.ip.limit;
    let last: unknown;
    for (let i = 0; i <= limit; i++)
      last = await fx.accounts
        .signIn({ email: `spray${i}@example.org`, password: 'spray password 1' }, ctx)
        .catch((err: unknown) => err);
    expect(last).toMatchObject({ code: 'rate_limited' });
  });

  it('stops code guessing with 429, and ends a pending sign-in after 5 wrong codes', async () => {
    const u = await withTotp('codes@example.org');
    const signIn = async () => {
      const s = await fx.accounts.signIn(
        { email: 'codes@example.org', password: GOOD_PASSWORD },
        fx.ctx(),
      );
      if (s.kind !== 'second_factor') throw new Error('expected a second step');
      secrets.push(s.pendingToken);
      return s.pendingToken;
    };
    const guess = (pending: string, code: string) =>
      fx.accounts
        .completeSignIn(pending, { code }, fx.ctx())
        .then(() => 'signed_in')
        .catch((err: unknown) => (err as { code: string }).code);
    const first = await signIn();
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) outcomes.push(await guess(first, String(100000 + i)));
    // Five wrong codes used the pending sign-in up: the password is needed again.
    outcomes.push(await guess(first, '999999'));
    const pending = await signIn();
    // Confirming TOTP took one code attempt of the account's hourly allowance.
    for (let i = 5; i < ATTEMPT_LIMITS.code.account.limit; i++)
      outcomes.push(await guess(pending, String(100000 + i)));
    expect(outcomes).toEqual([
      ...Array(5).fill('invalid_code'),
      'second_factor_expired',
      ...Array(ATTEMPT_LIMITS.code.account.limit - 6).fill('invalid_code'),
      'rate_limited',
    ]);
    // Even the right code is refused now.
    await expect(
      fx.accounts.completeSignIn(pending, { code: await fx.totpCode(u.secret) }, fx.ctx()),
    ).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('makes reset links single-use and expire after 30 minutes', async () => {
    const u = await fx.signedIn('expiry@example.org');
    secrets.push(u.token, u.csrfToken);
    await fx.accounts.requestPasswordReset('expiry@example.org', fx.ctx());
    const token = await fx.tokenFrom('expiry@example.org', '/access/reset');
    secrets.push(token);
    fx.clock.advance(31 * 60_000);
    await expect(
      fx.accounts.completePasswordReset(token, 'too late a phrase 1', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_token' });
    expect(await fx.accounts.resolveSession(u.token)).not.toBeNull();
    await expect(
      fx.accounts.completePasswordReset('A'.repeat(43), 'forged token phrase', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_token' });
  });

  it('refuses reset by email under advanced protection, even with a link sent before', async () => {
    const u = await fx.signedIn('ap@example.org');
    secrets.push(u.token, u.csrfToken);
    await fx.accounts.requestPasswordReset('ap@example.org', fx.ctx());
    const early = await fx.tokenFrom('ap@example.org', '/access/reset');
    secrets.push(early);
    await db()
      .insertInto('access_passkey')
      .values({
        id: 'pk-ap',
        user_id: u.userId,
        public_key: 'AAAA',
        counter: 0,
        transports: '[]',
        name: 'Key',
        backed_up: 0,
        created_at: fx.clock(),
        last_used_at: null,
      })
      .execute();
    await fx.accounts.setAdvancedProtection(
      { ...u.session, authenticatedAt: fx.clock() },
      true,
      u.ctx,
    );
    await expect(
      fx.accounts.completePasswordReset(early, 'sneaky new phrase 5', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_token' });
    await fx.accounts.requestPasswordReset('ap@example.org', fx.ctx());
    const mail = await fx.mailTo('ap@example.org');
    expect(mail.at(-1)?.body).toMatch(/advanced protection is on/);
    expect(mail.at(-1)?.body).not.toMatch(/#token=/);
  });

  it('ends sessions at their expiry and when revoked', async () => {
    const u = await fx.signedIn('expire@example.org');
    secrets.push(u.token, u.csrfToken);
    const s = await fx.accounts.resolveSession(u.token);
    expect(s).not.toBeNull();
    fx.clock.set((s?.expiresAt as number) + 1);
    expect(await fx.accounts.resolveSession(u.token)).toBeNull();
    const v = await fx.signedIn('revoke@example.org');
    secrets.push(v.token, v.csrfToken);
    await fx.accounts.revokeSession(v.session, v.sessionId, v.ctx);
    expect(await fx.accounts.resolveSession(v.token)).toBeNull();
    expect(await fx.accounts.resolveSession('not-a-token')).toBeNull();
  });

  it('needs a recent step-up to weaken protection or replace secrets', async () => {
    const u = await withTotp('stepup@example.org');
    const stale = { ...u.session, authenticatedAt: fx.clock() - 11 * 60_000 };
    for (const attempt of [
      () => fx.accounts.disableTotp(stale, u.ctx),
      () => fx.accounts.changePassword(stale, 'new and different 8', u.ctx),
      () => fx.accounts.regenerateRecoveryCodes(stale, u.ctx),
      () => fx.accounts.setAdvancedProtection(stale, true, u.ctx),
    ])
      await expect(attempt()).rejects.toMatchObject({ code: 'step_up_required', status: 401 });
    expect((await fx.accounts.overview(u.session)).totpEnabled).toBe(true);
    // A step-up with the password alone is not enough when TOTP is on.
    await expect(
      fx.accounts.stepUp(u.session, { password: GOOD_PASSWORD }, u.ctx),
    ).rejects.toMatchObject({ code: 'code_required' });
    await expect(
      fx.accounts.stepUp(u.session, { password: 'wrong phrase here', code: '000000' }, u.ctx),
    ).rejects.toMatchObject({ code: 'reauth_failed' });
    expect(() => fx.accounts.requireRecentAuth(stale, 60_000)).toThrow(/confirm it is you/);
  });

  it('never writes a password, token, code or TOTP seed to the logs or the audit log', async () => {
    const log = fx.logText();
    const audit = await fx.auditText();
    expect(log.length).toBeGreaterThan(100);
    expect(audit.length).toBeGreaterThan(100);
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) {
      expect(log).not.toContain(secret);
      expect(audit).not.toContain(secret);
    }
    // Nor the argon2 hashes or the stored token hashes.
    expect(audit).not.toMatch(/argon2id/);
    const sessions = await db().selectFrom('access_session').select('id').execute();
    for (const { id } of sessions) expect(audit).not.toContain(id);
  });
});
