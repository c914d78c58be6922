/**
 * Changing how an account is protected, from inside a signed-in session:
 * TOTP, recovery codes, advanced protection and the password. Everything that
 * weakens protection or replaces a secret needs a recent step-up; every change
 * is audited, mailed to the owner, and drops cached principals everywhere.
 */
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { SessionAuth } from '../access-http.js';
import { accessErrors } from '../errors.js';
import { type AccountCore, sessionRef } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { localeOf } from './account-language.js';
import { type Change, changeText, notices } from './account-notices.js';
import type { AccountUserRow } from './account-tables.js';
import { takeAttempt } from './attempt-limits.js';
import { accountErrors } from './errors.js';
import { boundedPassword, checkNewPassword, hashPassword } from './passwords.js';
import { alertContact } from './trusted-contact.js';

export interface AccountOverview {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly emailVerified: boolean;
  readonly hasPassword: boolean;
  readonly totpEnabled: boolean;
  readonly recoveryCodesLeft: number;
  readonly passkeys: number;
  readonly advancedProtection: boolean;
  /** The language of the account's mail. */
  readonly language: Locale;
}

export function securityUseCases(core: AccountCore) {
  const { deps } = core;

  const userOf = async (session: SessionAuth) => {
    const user = await core.user(session.userId);
    if (user === undefined || user.disabled_at !== null)
      throw accessErrors.create('unauthenticated');
    return user;
  };

  const passkeyCount = async (userId: string) => {
    const row = await core
      .db()
      .selectFrom('access_passkey')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  /** Audit, mail the owner, and drop cached principals. */
  const announce = async (
    user: AccountUserRow,
    action: string,
    change: Change,
    ctx: RequestContext,
    data?: Record<string, unknown>,
  ) => {
    await core.audit({ action, userId: user.id, ctx, ...(data === undefined ? {} : { data }) });
    await core.changed(user.id);
    await core.mail(
      notices.securityChange(core.site, localeOf(user), user.email, change, deps.now()),
    );
    await alertContact(core, user.id, 'security_change', (to) => changeText(to, change));
  };

  return {
    async overview(session: SessionAuth): Promise<AccountOverview> {
      const user = await userOf(session);
      return {
        userId: user.id,
        email: user.email,
        displayName: user.display_name,
        emailVerified: user.email_verified_at !== null,
        hasPassword: user.password_hash !== null,
        totpEnabled: user.totp_enabled_at !== null,
        recoveryCodesLeft: await core.secondFactor.recoveryCodesLeft(user.id),
        passkeys: await passkeyCount(user.id),
        advancedProtection: user.advanced_protection === 1,
        language: localeOf(user),
      };
    },

    /** Offer a TOTP secret (and its otpauth:// URI for a QR code); shown this once. */
    async beginTotp(session: SessionAuth): Promise<{ secret: string; uri: string }> {
      core.requireRecentAuth(session);
      const user = await userOf(session);
      if (user.totp_enabled_at !== null) throw accountErrors.create('totp_already_enabled');
      return core.secondFactor.beginEnrolment(user.id, user.email);
    },

    /** Turn TOTP on with a code from the app; answers the first set of recovery codes. */
    async confirmTotp(
      session: SessionAuth,
      code: string,
      ctx: RequestContext,
    ): Promise<{ recoveryCodes: string[] }> {
      const user = await userOf(session);
      if (user.totp_enabled_at !== null) throw accountErrors.create('totp_already_enabled');
      await takeAttempt(deps.limiter, 'code', { account: user.id, ip: ctx.ip });
      const secret = await core.secondFactor.confirmEnrolment(user.id, code);
      if (secret === undefined) throw accountErrors.create('no_totp_enrolment');
      if (secret === null) {
        await core.audit({
          action: 'access.account.totp_enabled',
          userId: user.id,
          outcome: 'denied',
          data: { reason: 'bad_code' },
          ctx,
        });
        throw accountErrors.create('invalid_code');
      }
      await core
        .db()
        .updateTable('access_user')
        .set({
          totp_secret: core.secondFactor.sealConfirmed(user.id, secret),
          totp_enabled_at: deps.now(),
        })
        .where('id', '=', user.id)
        .execute();
      const recoveryCodes = await core.secondFactor.regenerateRecoveryCodes(user.id);
      await announce(user, 'access.account.totp_enabled', { key: 'change.totp_on' }, ctx);
      return { recoveryCodes };
    },

    async disableTotp(session: SessionAuth, ctx: RequestContext): Promise<void> {
      core.requireRecentAuth(session);
      const user = await userOf(session);
      if (user.totp_enabled_at === null) throw accountErrors.create('totp_not_enabled');
      await core
        .db()
        .updateTable('access_user')
        .set({ totp_secret: null, totp_enabled_at: null })
        .where('id', '=', user.id)
        .execute();
      await core.secondFactor.clear(user.id);
      await announce(user, 'access.account.totp_disabled', { key: 'change.totp_off' }, ctx);
    },

    /** A new set of recovery codes; the old set stops working. */
    async regenerateRecoveryCodes(
      session: SessionAuth,
      ctx: RequestContext,
    ): Promise<{ recoveryCodes: string[] }> {
      core.requireRecentAuth(session);
      const user = await userOf(session);
      if (user.totp_enabled_at === null) throw accountErrors.create('totp_not_enabled');
      const recoveryCodes = await core.secondFactor.regenerateRecoveryCodes(user.id);
      await core.audit({
        action: 'access.account.recovery_codes_regenerated',
        userId: user.id,
        ctx,
      });
      await core.mail(
        notices.securityChange(
          core.site,
          localeOf(user),
          user.email,
          { key: 'change.recovery_codes_new' },
          deps.now(),
        ),
      );
      return { recoveryCodes };
    },

    /**
     * Advanced protection: passkeys only, no recovery by email, short sessions.
     * Turning it on needs a passkey already (or the person would be locked out).
     */
    async setAdvancedProtection(
      session: SessionAuth,
      enabled: boolean,
      ctx: RequestContext,
    ): Promise<void> {
      core.requireRecentAuth(session);
      const user = await userOf(session);
      if ((user.advanced_protection === 1) === enabled) return;
      if (enabled && (await passkeyCount(user.id)) === 0) {
        await core.audit({
          action: 'access.account.advanced_protection',
          userId: user.id,
          outcome: 'denied',
          data: { enabled, reason: 'no_passkey' },
          ctx,
        });
        throw accountErrors.create('passkey_missing');
      }
      await core
        .db()
        .updateTable('access_user')
        .set({ advanced_protection: enabled ? 1 : 0 })
        .where('id', '=', user.id)
        .execute();
      if (enabled) {
        // Existing sessions, open reset links and half-done sign-ins follow the new rules at once.
        const hours = deps.policy().advancedProtection.sessionHours;
        await core.sessions.capExpiry(user.id, deps.now() + hours * 3_600_000);
        await core.tokens.revokeAll(user.id, 'password_reset');
        await core.tokens.revokeAll(user.id, 'sign_in');
      }
      await announce(
        user,
        'access.account.advanced_protection',
        { key: enabled ? 'change.advanced_on' : 'change.advanced_off' },
        ctx,
        { enabled },
      );
    },

    /** Change the password (after a step-up); every other session is signed out. */
    async changePassword(
      session: SessionAuth,
      newPassword: string,
      ctx: RequestContext,
    ): Promise<{ otherSessionsEnded: number }> {
      core.requireRecentAuth(session);
      const user = await userOf(session);
      const password = checkNewPassword(boundedPassword(newPassword), {
        email: user.email,
        displayName: user.display_name,
      });
      await core
        .db()
        .updateTable('access_user')
        .set({ password_hash: await hashPassword(password) })
        .where('id', '=', user.id)
        .execute();
      const ended = await core.sessions.revokeAll(user.id, 'password_changed', session.sessionId);
      await core.tokens.revokeAll(user.id, 'password_reset');
      await announce(
        user,
        'access.account.password_changed',
        { key: 'change.password_changed' },
        ctx,
        { session: sessionRef(session.sessionId), otherSessionsEnded: ended },
      );
      return { otherSessionsEnded: ended };
    },
  };
}
