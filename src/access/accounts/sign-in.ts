/**
 * Getting in: sign-up, email verification, sign-in with a password and (when
 * on) a second factor, step-up re-authentication and sign-out. Every refusal
 * that matters is audited as `denied`; nothing secret is ever in the audit log.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_LOCALE } from '../../platform/engine-kit/i18n/messages.js';
import type { SessionAuth } from '../access-http.js';
import { type AccountCore, sessionRef } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { checkDisplayName, normaliseEmail } from './account-input.js';
import { localeOf } from './account-language.js';
import { notices } from './account-notices.js';
import type { AccountUserRow } from './account-tables.js';
import { takeAttempt } from './attempt-limits.js';
import { accountErrors } from './errors.js';
import { maskEmail } from './mailer.js';
import {
  boundedPassword,
  checkNewPassword,
  hashPassword,
  needsRehash,
  verifyDummyPassword,
  verifyPassword,
} from './passwords.js';
import { checkDeviceName, type StartedSession } from './sessions.js';
import { rememberDevice } from './sign-in-alerts.js';

const VERIFY_EMAIL_TTL_MS = 24 * 3_600_000;
/** Time to type the code after the password. */
const PENDING_SIGN_IN_TTL_MS = 5 * 60_000;
/** Wrong codes one pending sign-in may take before the password must be typed again. */
const PENDING_SIGN_IN_ATTEMPTS = 5;

export type SignInResult =
  | ({ readonly kind: 'signed_in'; readonly userId: string } & StartedSession)
  | {
      readonly kind: 'second_factor';
      readonly pendingToken: string;
      readonly expiresAt: number;
      readonly methods: readonly ('totp' | 'recovery_code')[];
    };

export interface SecondFactorInput {
  readonly code?: string;
  readonly recoveryCode?: string;
}

export function signInUseCases(core: AccountCore) {
  const { deps } = core;

  /** Start the session, remember the device, and mail an alert when the device is new. */
  const complete = async (
    user: AccountUserRow,
    ctx: RequestContext,
    method: string,
    deviceName?: string,
  ): Promise<SignInResult> => {
    const started = await core.sessions.start(user.id, ctx, deviceName);
    const newDevice = await rememberDevice(core, user, ctx);
    await core.audit({
      action: 'access.session.signed_in',
      userId: user.id,
      data: { method, session: sessionRef(started.sessionId), newDevice },
      ctx,
    });
    return { kind: 'signed_in', userId: user.id, ...started };
  };

  /** Check a second factor of a signed-in or half-signed-in user; audited either way. */
  const checkSecondFactor = async (
    user: AccountUserRow,
    input: SecondFactorInput,
    ctx: RequestContext,
    purpose: string,
  ): Promise<'totp' | 'recovery_code' | null> => {
    await takeAttempt(deps.limiter, 'code', { account: user.id, ip: ctx.ip });
    let method: 'totp' | 'recovery_code' | null = null;
    if (input.code !== undefined && user.totp_secret !== null) {
      if (await core.secondFactor.useTotp(user.id, user.totp_secret, input.code)) method = 'totp';
    } else if (input.recoveryCode !== undefined) {
      if (await core.secondFactor.useRecoveryCode(user.id, input.recoveryCode))
        method = 'recovery_code';
    }
    if (method === null) {
      await core.audit({
        action: 'access.account.second_factor',
        userId: user.id,
        outcome: 'denied',
        data: { purpose, reason: input.code === undefined ? 'bad_recovery_code' : 'bad_code' },
        ctx,
      });
      return null;
    }
    if (method === 'recovery_code') {
      const left = await core.secondFactor.recoveryCodesLeft(user.id);
      await core.audit({
        action: 'access.account.recovery_code_used',
        userId: user.id,
        data: { purpose, left },
        ctx,
      });
      await core.mail(
        notices.securityChange(
          core.site,
          localeOf(user),
          user.email,
          { key: 'change.recovery_code_used', params: { left } },
          deps.now(),
        ),
      );
    }
    return method;
  };

  return {
    /**
     * Create an account and mail a link to confirm the address. The answer is the
     * same whether or not the address already has an account (its owner gets a
     * mail instead), so sign-up does not tell anyone who is registered.
     */
    async signUp(
      input: { email: string; displayName: string; password: string },
      ctx: RequestContext,
    ): Promise<void> {
      const email = normaliseEmail(input.email);
      const displayName = checkDisplayName(input.displayName);
      const locale = ctx.locale ?? DEFAULT_LOCALE;
      boundedPassword(input.password);
      await takeAttempt(deps.limiter, 'signUp', { account: email, ip: ctx.ip });
      const password = checkNewPassword(input.password, { email, displayName });
      // Hash before looking, so both answers take the same time.
      const passwordHash = await hashPassword(password);
      const existing = await core.userByEmail(email);
      if (existing !== undefined) {
        deps.logger.info(`sign-up for an existing account ${maskEmail(email)}`);
        // The owner's language when they chose one, else the language this sign-up asked in.
        await core.mail(
          notices.alreadyRegistered(
            core.site,
            existing.locale === null ? locale : localeOf(existing),
            email,
          ),
        );
        return;
      }
      const id = randomUUID();
      try {
        await core
          .db()
          .insertInto('access_user')
          .values({
            id,
            email,
            display_name: displayName,
            created_at: deps.now(),
            email_verified_at: null,
            password_hash: passwordHash,
            totp_secret: null,
            totp_enabled_at: null,
            advanced_protection: 0,
            staff_roles: '[]',
            disabled_at: null,
            locale,
          })
          .execute();
      } catch (err) {
        // Two sign-ups for one address at once: the other won; same answer.
        if (deps.store.isUniqueViolation(err)) return;
        throw err;
      }
      await core.audit({ action: 'access.account.signed_up', userId: id, ctx, anonymous: true });
      const { token } = await core.tokens.issue(id, 'verify_email', VERIFY_EMAIL_TTL_MS, { email });
      await core.mail(notices.verifyEmail(core.site, locale, email, displayName, token));
    },

    /** Confirm an address with the token mailed to it. */
    async verifyEmail(token: string, ctx: RequestContext): Promise<void> {
      await takeAttempt(deps.limiter, 'token', { account: undefined, ip: ctx.ip });
      const row = await core.tokens.find(token, 'verify_email');
      const user = row === undefined ? undefined : await core.user(row.user_id);
      const email =
        row === undefined ? undefined : (JSON.parse(row.data) as { email?: string }).email;
      if (row === undefined || user === undefined || user.email !== email)
        throw accountErrors.create('invalid_token');
      if (!(await core.tokens.consume(row.id))) throw accountErrors.create('invalid_token');
      await core
        .db()
        .updateTable('access_user')
        .set({ email_verified_at: deps.now() })
        .where('id', '=', user.id)
        .where('email_verified_at', 'is', null)
        .execute();
      await core.audit({ action: 'access.account.email_verified', userId: user.id, ctx });
    },

    /**
     * Sign in with email and password. With a second factor on, the answer is a
     * short-lived pending token for `completeSignIn`, not a session.
     */
    async signIn(
      input: { email: string; password: string; deviceName?: string },
      ctx: RequestContext,
    ): Promise<SignInResult> {
      const email = normaliseEmail(input.email);
      const password = boundedPassword(input.password);
      const deviceName =
        input.deviceName === undefined ? undefined : checkDeviceName(input.deviceName);
      await takeAttempt(deps.limiter, 'password', { account: email, ip: ctx.ip });
      const user = await core.userByEmail(email);
      if (user === undefined || user.password_hash === null) {
        await verifyDummyPassword(password);
        deps.logger.info(`sign-in refused for ${maskEmail(email)}: no account with a password`);
        throw accountErrors.create('invalid_credentials');
      }
      const refuse = async (reason: string) =>
        core.audit({
          action: 'access.session.signed_in',
          userId: user.id,
          outcome: 'denied',
          data: { method: 'password', reason },
          ctx,
          anonymous: true,
        });
      if (!(await verifyPassword(user.password_hash, password))) {
        await refuse('bad_password');
        throw accountErrors.create('invalid_credentials');
      }
      // Only someone who knows the password learns the account is disabled or passkey-only.
      if (user.disabled_at !== null) {
        await refuse('disabled');
        throw accountErrors.create('invalid_credentials', {
          message: 'This account is disabled. Contact the people who run this server.',
        });
      }
      if (user.advanced_protection === 1) {
        await refuse('advanced_protection');
        throw accountErrors.create('passkey_required');
      }
      if (needsRehash(user.password_hash))
        await core
          .db()
          .updateTable('access_user')
          .set({ password_hash: await hashPassword(password) })
          .where('id', '=', user.id)
          .execute();
      if (user.totp_enabled_at === null) return complete(user, ctx, 'password', deviceName);
      const pending = await core.tokens.issue(user.id, 'sign_in', PENDING_SIGN_IN_TTL_MS, {
        ...(deviceName === undefined ? {} : { deviceName }),
      });
      return {
        kind: 'second_factor',
        pendingToken: pending.token,
        expiresAt: pending.expiresAt,
        methods: ['totp', 'recovery_code'],
      };
    },

    /** The second step of a two-step sign-in: a TOTP code or a recovery code. */
    async completeSignIn(
      pendingToken: string,
      input: SecondFactorInput,
      ctx: RequestContext,
    ): Promise<SignInResult> {
      const row = await core.tokens.find(pendingToken, 'sign_in');
      const user = row === undefined ? undefined : await core.user(row.user_id);
      if (row === undefined || user === undefined || user.disabled_at !== null)
        throw accountErrors.create('second_factor_expired');
      if (user.advanced_protection === 1) throw accountErrors.create('passkey_required');
      const method = await checkSecondFactor(user, input, ctx, 'sign_in');
      if (method === null) {
        await core.tokens.fail(row, PENDING_SIGN_IN_ATTEMPTS);
        throw accountErrors.create('invalid_code');
      }
      if (!(await core.tokens.consume(row.id))) throw accountErrors.create('second_factor_expired');
      const data = JSON.parse(row.data) as { deviceName?: string };
      return complete(user, ctx, `password+${method}`, data.deviceName);
    },

    /**
     * Prove it is you again inside a session (password, and the code when a
     * second factor is on), before a sensitive change.
     */
    async stepUp(
      session: SessionAuth,
      input: { password: string } & SecondFactorInput,
      ctx: RequestContext,
    ): Promise<{ authenticatedAt: number }> {
      const password = boundedPassword(input.password);
      await takeAttempt(deps.limiter, 'password', { account: session.userId, ip: ctx.ip });
      const user = await core.user(session.userId);
      if (user === undefined) throw accountErrors.create('invalid_credentials');
      if (user.advanced_protection === 1 || user.password_hash === null)
        throw accountErrors.create('passkey_required', {
          message: 'Confirm it is you with your passkey or security key.',
        });
      const refuse = async (reason: string) => {
        await core.audit({
          action: 'access.session.stepped_up',
          userId: user.id,
          outcome: 'denied',
          data: { reason, session: sessionRef(session.sessionId) },
          ctx,
        });
      };
      if (!(await verifyPassword(user.password_hash, password))) {
        await refuse('bad_password');
        throw accountErrors.create('reauth_failed');
      }
      if (user.totp_enabled_at !== null) {
        if (input.code === undefined && input.recoveryCode === undefined)
          throw accountErrors.create('code_required');
        if ((await checkSecondFactor(user, input, ctx, 'step_up')) === null)
          throw accountErrors.create('invalid_code');
      }
      const authenticatedAt = await core.sessions.markAuthenticated(session.sessionId);
      await core.audit({
        action: 'access.session.stepped_up',
        userId: user.id,
        data: { session: sessionRef(session.sessionId) },
        ctx,
      });
      return { authenticatedAt };
    },

    /**
     * Start a session for someone another method (a passkey) has already
     * verified: same session rules, sign-in alert and audit as a password sign-in.
     */
    async signInVerified(
      userId: string,
      method: string,
      ctx: RequestContext,
      deviceName?: string,
    ): Promise<SignInResult> {
      const user = await core.user(userId);
      if (user === undefined || user.disabled_at !== null)
        throw accountErrors.create('invalid_credentials');
      return complete(
        user,
        ctx,
        method,
        deviceName === undefined ? undefined : checkDeviceName(deviceName),
      );
    },

    /** Record a step-up another method (a passkey) has verified. */
    async recordStepUp(
      session: SessionAuth,
      method: string,
      ctx: RequestContext,
    ): Promise<{ authenticatedAt: number }> {
      const authenticatedAt = await core.sessions.markAuthenticated(session.sessionId);
      await core.audit({
        action: 'access.session.stepped_up',
        userId: session.userId,
        data: { method, session: sessionRef(session.sessionId) },
        ctx,
      });
      return { authenticatedAt };
    },

    async signOut(session: SessionAuth, ctx: RequestContext): Promise<void> {
      if (await core.sessions.revoke(session.userId, session.sessionId, 'signed_out'))
        await core.audit({
          action: 'access.session.signed_out',
          userId: session.userId,
          data: { session: sessionRef(session.sessionId) },
          ctx,
        });
    },
  };
}
