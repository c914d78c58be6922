/**
 * Passkey ceremonies against @simplewebauthn/server's verification, with a
 * software authenticator that answers as a browser would: registration, sign-in,
 * and each way an attacker might try to get in.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessTables } from '../access-tables.js';
import { type AccessFixture, accessFixture } from '../test-support/access-fixture.js';
import { createPasskeys, type Passkeys, type RelyingParty } from './passkeys.js';
import { createSoftAuthenticator } from './test-support/soft-authenticator.js';

const rp: RelyingParty = {
  id: 'shieldwall.test',
  name: 'Shieldwall',
  origins: ['https://shieldwall.test'],
};
const actor = { id: 'test' };

describe('passkeys', () => {
  let fx: AccessFixture;
  let passkeys: Passkeys;
  const newUser = async (extra: Partial<AccessTables['access_user']> = {}) => {
    const id = randomUUID();
    await fx.store
      .db<AccessTables>()
      .insertInto('access_user')
      .values({
        id,
        email: `${id}@example.org`,
        display_name: 'Pat',
        created_at: 0,
        email_verified_at: null,
        password_hash: '$argon2id$placeholder',
        totp_secret: null,
        totp_enabled_at: null,
        advanced_protection: 0,
        staff_roles: '[]',
        disabled_at: null,
        ...extra,
      })
      .execute();
    return { id, email: `${id}@example.org`, displayName: 'Pat' };
  };
  const enrol = async (
    user: { id: string; email: string; displayName: string },
    auth = createSoftAuthenticator({ origin: rp.origins[0] as string }),
  ) => {
    const options = await passkeys.registrationOptions(rp, user);
    await passkeys.register(rp, user.id, auth.create(options), 'Laptop', actor);
    return auth;
  };

  beforeAll(async () => {
    fx = await accessFixture();
    passkeys = createPasskeys({
      store: fx.store,
      audit: fx.audit,
      directory: fx.access.directory,
      now: fx.clock,
    });
  });
  afterAll(async () => {
    await fx?.close();
  });

  it('registers a passkey and signs in with it; the account becomes MFA', async () => {
    const user = await newUser();
    expect((await fx.access.authenticator.userFacts(user.id))?.security).toBe('password');
    const auth = await enrol(user);
    expect(await passkeys.list(user.id)).toMatchObject([{ name: 'Laptop', lastUsedAt: null }]);
    const options = await passkeys.authenticationOptions(rp);
    const signedIn = await passkeys.authenticate(rp, auth.get(options), actor);
    expect(signedIn.userId).toBe(user.id);
    expect((await passkeys.list(user.id))[0]?.lastUsedAt).toBe(fx.clock());
    expect((await fx.access.authenticator.userFacts(user.id))?.security).toBe('mfa');
  });

  it('a challenge works once', async () => {
    const user = await newUser();
    const auth = await enrol(user);
    const options = await passkeys.authenticationOptions(rp);
    await passkeys.authenticate(rp, auth.get(options), actor);
    await expect(passkeys.authenticate(rp, auth.get(options), actor)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('refuses an expired challenge, another origin, a cloned authenticator and a response for registration', async () => {
    const user = await newUser();
    const auth = await enrol(user);
    const late = await passkeys.authenticationOptions(rp);
    fx.clock.advance(5 * 60_000 + 1);
    await expect(passkeys.authenticate(rp, auth.get(late), actor)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    const phished = await passkeys.authenticationOptions(rp);
    await expect(
      passkeys.authenticate(
        rp,
        auth.get(phished, 0, { origin: 'https://shieldwall-login.example' }),
        actor,
      ),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    const ok = await passkeys.authenticationOptions(rp);
    await passkeys.authenticate(rp, auth.get(ok, 0, { counter: 10 }), actor);
    const cloned = await passkeys.authenticationOptions(rp);
    await expect(
      passkeys.authenticate(rp, auth.get(cloned, 0, { counter: 5 }), actor),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    // A registration challenge cannot be spent on a sign-in.
    const reg = await passkeys.registrationOptions(rp, user);
    await expect(
      passkeys.authenticate(rp, auth.get({ challenge: reg.challenge, rpId: rp.id }), actor),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    const denied = (await fx.audit.entries({ limit: 1000 })).entries.filter(
      (e) => e.action === 'access.passkey.used' && e.outcome === 'denied',
    );
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses a registration without user verification, or for someone else’s challenge', async () => {
    const user = await newUser();
    const other = await newUser();
    const noUv = createSoftAuthenticator({
      origin: rp.origins[0] as string,
      userVerification: false,
    });
    const options = await passkeys.registrationOptions(rp, user);
    await expect(
      passkeys.register(rp, user.id, noUv.create(options), 'x', actor),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    const theirs = await passkeys.registrationOptions(rp, other);
    const auth = createSoftAuthenticator({ origin: rp.origins[0] as string });
    await expect(
      passkeys.register(rp, user.id, auth.create(theirs), 'x', actor),
    ).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(await passkeys.list(user.id)).toEqual([]);
  });

  it('keeps the last passkey of a passkey-only or advanced-protection account', async () => {
    const user = await newUser({ password_hash: null });
    await enrol(user);
    const [only] = await passkeys.list(user.id);
    await expect(passkeys.remove(user.id, only?.id as string, actor)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const second = await enrol(user);
    void second;
    await passkeys.remove(user.id, only?.id as string, actor);
    expect(await passkeys.list(user.id)).toHaveLength(1);
    // Someone else's passkey is not found.
    const stranger = await newUser();
    const [left] = await passkeys.list(user.id);
    await expect(passkeys.remove(stranger.id, left?.id as string, actor)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a passkey-only account is phishing-resistant and gets an org’s tier 2', async () => {
    const user = await newUser({ password_hash: null });
    const org = await fx.access.directory.createOrg(
      { name: `Passkey Org ${user.id}`, tier: 2 },
      actor,
    );
    await fx.access.directory.addMember(org.id, user.id, 'member', actor);
    expect((await fx.access.authenticator.userPrincipal(user.id))?.tier).toBe(0);
    await enrol(user);
    expect((await fx.access.authenticator.userFacts(user.id))?.security).toBe('phishing_resistant');
    const p = await fx.access.authenticator.userPrincipal(user.id);
    expect(p?.tier).toBe(2);
  });
});
