/**
 * Forgotten passwords: a single-use link by email, valid 30 minutes. Refused for
 * accounts with advanced protection and for tiers whose policy turns email
 * recovery off (their owners recover through an operator, not an inbox). A reset
 * signs out every session and tells the owner by mail.
 */
import type { AccessUserRow } from '../access-tables.js';
import type { AccountCore } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { localeOf } from './account-language.js';
import { notices } from './account-notices.js';
import { takeAttempt } from './attempt-limits.js';
import { accountForEmailRequest, emailRecoveryRefusal } from './email-recovery.js';
import { accountErrors } from './errors.js';
import { boundedPassword, checkNewPassword, hashPassword } from './passwords.js';

const RESET_TTL_MS = 30 * 60_000;

export function passwordResetUseCases(core: AccountCore) {
  const { deps } = core;

  const refusal = (user: AccessUserRow) => emailRecoveryRefusal(core, user);

  return {
    /** Mail a reset link. Same answer whether or not the address has an account. */
    async requestPasswordReset(emailInput: string, ctx: RequestContext): Promise<void> {
      const user = await accountForEmailRequest(
        core,
        emailInput,
        ctx,
        'access.account.password_reset_requested',
        'password',
      );
      if (user === undefined) return;
      const { token } = await core.tokens.issue(user.id, 'password_reset', RESET_TTL_MS);
      await core.audit({
        action: 'access.account.password_reset_requested',
        userId: user.id,
        ctx,
        anonymous: true,
      });
      await core.mail(notices.resetLink(core.site, localeOf(user), user.email, token));
    },

    /** Set a new password with a reset link's token; signs out every session. */
    async completePasswordReset(
      token: string,
      newPassword: string,
      ctx: RequestContext,
    ): Promise<void> {
      boundedPassword(newPassword);
      await takeAttempt(deps.limiter, 'token', { account: undefined, ip: ctx.ip });
      const row = await core.tokens.find(token, 'password_reset');
      const user = row === undefined ? undefined : await core.user(row.user_id);
      if (row === undefined || user === undefined || user.disabled_at !== null)
        throw accountErrors.create('invalid_token');
      // The rules may have changed since the link was sent.
      const why = await refusal(user);
      if (why !== undefined) {
        await core.tokens.consume(row.id);
        await core.audit({
          action: 'access.account.password_reset',
          userId: user.id,
          outcome: 'denied',
          data: { reason: why },
          ctx,
        });
        throw accountErrors.create('email_recovery_disabled');
      }
      // A weak password does not use the link up: the person can try another.
      const password = checkNewPassword(newPassword, {
        email: user.email,
        displayName: user.display_name,
      });
      if (!(await core.tokens.consume(row.id))) throw accountErrors.create('invalid_token');
      const now = deps.now();
      // An address never confirmed before is confirmed now. If it was not, whoever
      // set up the account may not own the address (account pre-hijacking): their
      // second factor must not survive the real owner's reset.
      const unproven = user.email_verified_at === null;
      await core
        .db()
        .updateTable('access_user')
        .set({
          password_hash: await hashPassword(password),
          ...(unproven ? { email_verified_at: now, totp_secret: null, totp_enabled_at: null } : {}),
        })
        .where('id', '=', user.id)
        .execute();
      if (unproven) await core.secondFactor.clear(user.id);
      const ended = await core.sessions.revokeAll(user.id, 'password_reset');
      await core.tokens.revokeAll(user.id, 'password_reset');
      await core.tokens.revokeAll(user.id, 'sign_in');
      await core.audit({
        action: 'access.account.password_reset',
        userId: user.id,
        data: {
          sessionsEnded: ended,
          secondFactorCleared: unproven && user.totp_enabled_at !== null,
        },
        ctx,
      });
      await core.changed(user.id);
      await core.mail(
        notices.securityChange(
          core.site,
          localeOf(user),
          user.email,
          { key: 'change.password_reset', params: { ended } },
          now,
        ),
      );
    },
  };
}
