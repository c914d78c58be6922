/**
 * The accounts service's main flows, on SQLite and (when it answers) PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import type { AccountTables } from './account-tables.js';
import {
  type AccountsFixture,
  accountsFixture,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

const pgUrl = await requireService('postgres');
const HOUR = 3_600_000;

const stores: [string, (() => Promise<{ url: string; drop(): Promise<void> }>) | null][] = [
  ['SQLite', null],
];
if (pgUrl !== undefined) stores.push(['PostgreSQL', () => createTempDatabase(pgUrl)]);

describe.each(stores)('accounts on %s', (_name, makeDb) => {
  let fx: AccountsFixture;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const db = makeDb === null ? undefined : await makeDb();
    drop = db?.drop;
    fx = await accountsFixture(db === undefined ? {} : { postgresUrl: db.url });
  });
  afterAll(async () => {
    await fx.close();
    await drop?.();
  });
  const db = () => fx.store.db<AccountTables>();

  it('signs up, verifies the address, signs in, lists, renames and ends sessions', async () => {
    const ctx = fx.ctx();
    await fx.accounts.signUp(
      { email: ' Ada@Example.org ', displayName: 'Ada', password: GOOD_PASSWORD },
      ctx,
    );
    const user = await db()
      .selectFrom('access_user')
      .selectAll()
      .where('email', '=', 'ada@example.org')
      .executeTakeFirstOrThrow();
    expect(user.email_verified_at).toBeNull();
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    await fx.accounts.verifyEmail(
      await fx.tokenFrom('ada@example.org', '/access/verify-email'),
      ctx,
    );
    const verified = await fx.accounts.overview({
      userId: user.id,
      sessionId: 'x',
      authenticatedAt: fx.clock(),
    });
    expect(verified.emailVerified).toBe(true);

    const first = await fx.accounts.signIn(
      { email: 'ADA@example.org', password: GOOD_PASSWORD },
      ctx,
    );
    if (first.kind !== 'signed_in') throw new Error('expected a session');
    // Tier 0 of the default policy: 720-hour sessions.
    expect(first.expiresAt).toBe(fx.clock() + 720 * HOUR);
    const second = await fx.accounts.signIn(
      { email: 'ada@example.org', password: GOOD_PASSWORD, deviceName: 'Phone' },
      fx.ctx('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1'),
    );
    if (second.kind !== 'signed_in') throw new Error('expected a session');
    const resolved = await fx.accounts.resolveSession(first.token);
    expect(resolved?.userId).toBe(user.id);
    const me = { userId: user.id, sessionId: first.sessionId, authenticatedAt: fx.clock() };
    const listed = await fx.accounts.listSessions(me);
    expect(listed.map((s) => [s.deviceName, s.current])).toEqual(
      expect.arrayContaining([
        ['Firefox on Linux', true],
        ['Phone', false],
      ]),
    );
    await fx.accounts.renameSession(me, second.sessionId, 'Work phone');
    expect((await fx.accounts.listSessions(me)).find((s) => !s.current)?.deviceName).toBe(
      'Work phone',
    );
    expect(await fx.accounts.revokeOtherSessions(me, ctx)).toBe(1);
    expect(await fx.accounts.resolveSession(second.token)).toBeNull();
    await fx.accounts.signOut(me, ctx);
    expect(await fx.accounts.resolveSession(first.token)).toBeNull();
  });

  it('answers a sign-up for a taken address the same way, and tells its owner instead', async () => {
    const owner = await fx.signedIn('taken@example.org');
    await fx.accounts.signUp(
      { email: 'taken@example.org', displayName: 'Someone else', password: 'other long phrase 7' },
      fx.ctx(),
    );
    const mail = await fx.mailTo('taken@example.org');
    expect(mail.at(-1)?.subject).toMatch(/tried to create/);
    const rows = await db()
      .selectFrom('access_user')
      .select('id')
      .where('email', '=', 'taken@example.org')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([owner.userId]);
  });

  it('still accepts an authenticator seed stored before sealing, and seals it on first use', async () => {
    const u = await fx.signedIn('legacy-totp@example.org');
    const { secret } = await fx.accounts.beginTotp(u.session);
    await fx.accounts.confirmTotp(u.session, await fx.totpCode(secret), u.ctx);
    const users = () =>
      fx.store.db<AccountTables>().selectFrom('access_user').select('totp_secret');
    // As an older version stored it: the seed in the clear.
    await fx.store
      .db<AccountTables>()
      .updateTable('access_user')
      .set({ totp_secret: secret })
      .where('id', '=', u.session.userId)
      .execute();
    fx.clock.advance(60_000);
    const step1 = await fx.accounts.signIn(
      { email: 'legacy-totp@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (step1.kind !== 'second_factor') throw new Error('expected a second step');
    const done = await fx.accounts.completeSignIn(
      step1.pendingToken,
      { code: await fx.totpCode(secret) },
      u.ctx,
    );
    expect(done.kind).toBe('signed_in');
    const row = await users().where('id', '=', u.session.userId).executeTakeFirstOrThrow();
    expect(row.totp_secret).toMatch(/^sw1\./);
  });

  it('turns TOTP on, signs in in two steps (code or recovery code), and turns it off after a step-up', async () => {
    const u = await fx.signedIn('totp@example.org');
    const { secret, uri } = await fx.accounts.beginTotp(u.session);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Shieldwall:totp%40example\.org\?/);
    await expect(fx.accounts.confirmTotp(u.session, '000000', u.ctx)).rejects.toMatchObject({
      code: 'invalid_code',
    });
    const { recoveryCodes } = await fx.accounts.confirmTotp(
      u.session,
      await fx.totpCode(secret),
      u.ctx,
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    // The seed is sealed at rest: neither the confirmed nor any pending copy holds it in the clear.
    const stored = await fx.store
      .db<AccountTables>()
      .selectFrom('access_user')
      .select('totp_secret')
      .where('id', '=', u.session.userId)
      .executeTakeFirstOrThrow();
    expect(stored.totp_secret).toMatch(/^sw1\./);
    expect(stored.totp_secret).not.toContain(secret);

    fx.clock.advance(60_000);
    const step1 = await fx.accounts.signIn(
      { email: 'totp@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (step1.kind !== 'second_factor') throw new Error('expected a second step');
    expect(await fx.accounts.resolveSession(step1.pendingToken)).toBeNull();
    const done = await fx.accounts.completeSignIn(
      step1.pendingToken,
      { code: await fx.totpCode(secret) },
      u.ctx,
    );
    expect(done.kind).toBe('signed_in');

    const step1b = await fx.accounts.signIn(
      { email: 'totp@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (step1b.kind !== 'second_factor') throw new Error('expected a second step');
    const viaCode = await fx.accounts.completeSignIn(
      step1b.pendingToken,
      { recoveryCode: (recoveryCodes[0] as string).toUpperCase() },
      u.ctx,
    );
    expect(viaCode.kind).toBe('signed_in');
    expect((await fx.accounts.overview(u.session)).recoveryCodesLeft).toBe(9);

    // Regenerating revokes the old set.
    const fresh = await fx.accounts.regenerateRecoveryCodes(u.session, u.ctx);
    const step1c = await fx.accounts.signIn(
      { email: 'totp@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (step1c.kind !== 'second_factor') throw new Error('expected a second step');
    await expect(
      fx.accounts.completeSignIn(
        step1c.pendingToken,
        { recoveryCode: recoveryCodes[1] as string },
        u.ctx,
      ),
    ).rejects.toMatchObject({ code: 'invalid_code' });
    await fx.accounts.completeSignIn(
      step1c.pendingToken,
      { recoveryCode: fresh.recoveryCodes[1] as string },
      u.ctx,
    );

    fx.clock.advance(11 * 60_000);
    await expect(fx.accounts.disableTotp(u.session, u.ctx)).rejects.toMatchObject({
      code: 'step_up_required',
    });
    fx.clock.advance(30_000);
    const { authenticatedAt } = await fx.accounts.stepUp(
      u.session,
      { password: GOOD_PASSWORD, code: await fx.totpCode(secret) },
      u.ctx,
    );
    await fx.accounts.disableTotp({ ...u.session, authenticatedAt }, u.ctx);
    expect((await fx.accounts.overview(u.session)).totpEnabled).toBe(false);
    const plain = await fx.accounts.signIn(
      { email: 'totp@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    expect(plain.kind).toBe('signed_in');
  });

  it('changes the password after a step-up and signs out the other sessions', async () => {
    const u = await fx.signedIn('change@example.org');
    const other = await fx.accounts.signIn(
      { email: 'change@example.org', password: GOOD_PASSWORD },
      fx.ctx(),
    );
    if (other.kind !== 'signed_in') throw new Error('expected a session');
    fx.clock.advance(11 * 60_000);
    await expect(
      fx.accounts.changePassword(u.session, 'a brand new phrase 9', u.ctx),
    ).rejects.toMatchObject({ code: 'step_up_required' });
    const { authenticatedAt } = await fx.accounts.stepUp(
      u.session,
      { password: GOOD_PASSWORD },
      u.ctx,
    );
    const result = await fx.accounts.changePassword(
      { ...u.session, authenticatedAt },
      'a brand new phrase 9',
      u.ctx,
    );
    expect(result.otherSessionsEnded).toBe(1);
    expect(await fx.accounts.resolveSession(other.token)).toBeNull();
    expect(await fx.accounts.resolveSession(u.token)).not.toBeNull();
    await expect(
      fx.accounts.signIn({ email: 'change@example.org', password: GOOD_PASSWORD }, u.ctx),
    ).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(
      (
        await fx.accounts.signIn(
          { email: 'change@example.org', password: 'a brand new phrase 9' },
          u.ctx,
        )
      ).kind,
    ).toBe('signed_in');
    expect((await fx.mailTo('change@example.org')).at(-1)?.body).toMatch(/password was changed/);
  });

  it('resets a forgotten password by email, once, and signs out everywhere', async () => {
    const u = await fx.signedIn('reset@example.org');
    await fx.accounts.requestPasswordReset('reset@example.org', fx.ctx());
    const token = await fx.tokenFrom('reset@example.org', '/access/reset');
    await expect(
      fx.accounts.completePasswordReset(token, 'password1', fx.ctx()),
    ).rejects.toMatchObject({ code: 'weak_password' });
    await fx.accounts.completePasswordReset(token, 'reset to a new phrase 3', fx.ctx());
    expect(await fx.accounts.resolveSession(u.token)).toBeNull();
    await expect(
      fx.accounts.completePasswordReset(token, 'again a new phrase 4', fx.ctx()),
    ).rejects.toMatchObject({ code: 'invalid_token' });
    expect(
      (
        await fx.accounts.signIn(
          { email: 'reset@example.org', password: 'reset to a new phrase 3' },
          fx.ctx(),
        )
      ).kind,
    ).toBe('signed_in');
    const bodies = (await fx.mailTo('reset@example.org')).map((m) => m.body);
    expect(bodies.some((b) => /all 1 signed-in sessions were signed out/.test(b))).toBe(true);
  });

  it('mails an alert for a sign-in from a new browser or network, not the first one', async () => {
    const u = await fx.signedIn('alert@example.org');
    const before = (await fx.mailTo('alert@example.org')).length;
    await fx.accounts.signIn({ email: 'alert@example.org', password: GOOD_PASSWORD }, u.ctx);
    expect((await fx.mailTo('alert@example.org')).length).toBe(before);
    await fx.accounts.signIn(
      { email: 'alert@example.org', password: GOOD_PASSWORD },
      { ip: '203.0.113.9', userAgent: 'curl/8.0' },
    );
    const mail = await fx.mailTo('alert@example.org');
    expect(mail.at(-1)?.subject).toMatch(/New sign-in/);
    expect(mail.at(-1)?.body).toContain('curl, network 203.0.113.0/24');
    expect(await fx.auditText()).toContain('access.account.sign_in_alert');
  });

  it('gives sessions the tier’s hours and advanced protection’s when shorter', async () => {
    const u = await fx.signedIn('tiered@example.org');
    const org = await fx.access.directory.createOrg(
      { name: `Water ${u.userId.slice(0, 8)}`, tier: 2, reason: 'test' },
      { id: 'operator:test' },
    );
    await fx.access.directory.addMember(org.id, u.userId, 'member', { id: 'operator:test' });
    const tiered = await fx.accounts.signIn(
      { email: 'tiered@example.org', password: GOOD_PASSWORD },
      u.ctx,
    );
    if (tiered.kind !== 'signed_in') throw new Error('expected a session');
    expect(tiered.expiresAt).toBe(fx.clock() + 72 * HOUR);
    // Tier 2 turns email recovery off.
    await fx.accounts.requestPasswordReset('tiered@example.org', fx.ctx());
    expect((await fx.mailTo('tiered@example.org')).at(-1)?.body).toMatch(
      /cannot be recovered by email/,
    );

    await expect(fx.accounts.setAdvancedProtection(u.session, true, u.ctx)).rejects.toMatchObject({
      code: 'passkey_missing',
    });
    await db()
      .insertInto('access_passkey')
      .values({
        id: `pk-${u.userId}`,
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
    await fx.accounts.setAdvancedProtection(u.session, true, u.ctx);
    const capped = await fx.accounts.resolveSession(tiered.token);
    expect(capped?.expiresAt).toBe(fx.clock() + 12 * HOUR);
    await expect(
      fx.accounts.signIn({ email: 'tiered@example.org', password: GOOD_PASSWORD }, u.ctx),
    ).rejects.toMatchObject({ code: 'passkey_required' });
    expect(await fx.auditText()).toMatch(/"reason":"advanced_protection"/);
    // A passkey sign-in (verified by the passkeys part) gets advanced protection's short session.
    const viaPasskey = await fx.accounts.signInVerified(u.userId, 'passkey', u.ctx);
    if (viaPasskey.kind !== 'signed_in') throw new Error('expected a session');
    expect(viaPasskey.expiresAt).toBe(fx.clock() + 12 * HOUR);
    const { authenticatedAt } = await fx.accounts.recordStepUp(
      { userId: u.userId, sessionId: viaPasskey.sessionId, authenticatedAt: 0 },
      'passkey',
      u.ctx,
    );
    expect(authenticatedAt).toBe(fx.clock());
  });
});
