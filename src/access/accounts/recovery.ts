/**
 * Recovering an account whose owner lost every second factor (phone, passkeys
 * and recovery codes), without opening a takeover path:
 *
 * 1. They ask by email; the link (30 minutes) proves they read the inbox.
 * 2. Opening it starts a waiting period (3 days). Nothing changes yet. The owner
 *    is mailed, their trusted contact is alerted, and every signed-in device
 *    shows it with a "Stop this" button: someone who only stole the inbox is
 *    found out before it matters.
 * 3. After the wait, a second mailed link sets a new password and removes the
 *    old second factors and passkeys, and signs out every session.
 *
 * Refused, like password reset, for advanced protection and for tiers whose
 * policy turns email recovery off: their owners recover through an operator.
 */
import { randomUUID } from 'node:crypto';
import type { SessionAuth } from '../access-http.js';
import type { AccessUserRow } from '../access-tables.js';
import { accessErrors } from '../errors.js';
import type { AccountCore } from './account-core.js';
import type { RequestContext } from './account-deps.js';
import { localeOf } from './account-language.js';
import { notices } from './account-notices.js';
import { takeAttempt } from './attempt-limits.js';
import { accountForEmailRequest, emailRecoveryRefusal } from './email-recovery.js';
import { accountErrors } from './errors.js';
import { mailMessages as m, mailTime } from './mail-messages.js';
import { boundedPassword, checkNewPassword, hashPassword } from './passwords.js';
import type { RecoveryTables } from './recovery-tables.js';
import { alertContact } from './trusted-contact.js';

/** How long a recovery waits before it may be completed. */
export const RECOVERY_WAIT_MS = 3 * 86_400_000;
const START_LINK_MS = 30 * 60_000;
/** The finishing link works for a week after the wait. */
const FINISH_WINDOW_MS = 7 * 86_400_000;
const when = (ms: number) => new Date(ms).toUTCString();
const whenEs = (ms: number) => mailTime('es', ms);

export interface RecoveryStatus {
  readonly id: string;
  readonly startedAt: number;
  readonly completesAt: number;
}

export function recoveryUseCases(core: AccountCore) {
  const { deps } = core;
  const db = () => deps.store.db<RecoveryTables>();

  const refusal = (user: AccessUserRow) => emailRecoveryRefusal(core, user);
  const open = (userId: string) =>
    db()
      .selectFrom('access_recovery')
      .selectAll()
      .where('user_id', '=', userId)
      .where('cancelled_at', 'is', null)
      .where('completed_at', 'is', null)
      .executeTakeFirst();

  return {
    /** Step 1: mail a link. The same answer whether or not the address has an account. */
    async startRecovery(emailInput: string, ctx: RequestContext): Promise<void> {
      const user = await accountForEmailRequest(
        core,
        emailInput,
        ctx,
        'access.account.recovery_requested',
        'account',
      );
      if (user === undefined) return;
      const { token } = await core.tokens.issue(user.id, 'recovery', START_LINK_MS);
      await core.audit({
        action: 'access.account.recovery_requested',
        userId: user.id,
        ctx,
        anonymous: true,
      });
      const locale = localeOf(user);
      await core.mail({
        to: user.email,
        subject: m.t(locale, 'recover.subject', { site: core.site.siteName }),
        text: m.t(locale, 'recover.text', {
          link: `${core.site.appUrl}/access/recover#token=${token}`,
          days: RECOVERY_WAIT_MS / 86_400_000,
        }),
      });
    },

    /** Step 2: the emailed link starts the waiting period; the finishing link comes by mail. */
    async confirmRecovery(token: string, ctx: RequestContext): Promise<{ completesAt: number }> {
      await takeAttempt(deps.limiter, 'token', { account: undefined, ip: ctx.ip });
      const row = await core.tokens.find(token, 'recovery');
      const user = row === undefined ? undefined : await core.user(row.user_id);
      if (
        row === undefined ||
        user === undefined ||
        user.disabled_at !== null ||
        !(await core.tokens.consume(row.id))
      )
        throw accountErrors.create('invalid_token');
      const existing = await open(user.id);
      if (existing !== undefined) return { completesAt: Number(existing.completes_at) };
      const now = deps.now();
      const completesAt = now + RECOVERY_WAIT_MS;
      await db()
        .insertInto('access_recovery')
        .values({
          id: randomUUID(),
          user_id: user.id,
          started_at: now,
          completes_at: completesAt,
          cancelled_at: null,
          completed_at: null,
        })
        .execute();
      const { token: finish } = await core.tokens.issue(
        user.id,
        'recovery_complete',
        RECOVERY_WAIT_MS + FINISH_WINDOW_MS,
      );
      await core.audit({
        action: 'access.account.recovery_started',
        userId: user.id,
        data: { completesAt: new Date(completesAt).toISOString() },
        ctx,
        anonymous: true,
      });
      const locale = localeOf(user);
      await core.mail({
        to: user.email,
        subject: m.t(locale, 'recovery_started.subject', { site: core.site.siteName }),
        text: m.t(locale, 'recovery_started.text', {
          when: mailTime(locale, completesAt),
          link: `${core.site.appUrl}/access/recover/finish#token=${finish}`,
          app: core.site.appUrl,
        }),
      });
      await alertContact(core, user.id, 'recovery_started', (to) =>
        m.t(to, 'alert.recovery_started', { when: mailTime(to, completesAt) }),
      );
      return { completesAt };
    },

    /** Step 3: after the wait, a new password; old second factors and passkeys go, every session ends. */
    async completeRecovery(token: string, newPassword: string, ctx: RequestContext): Promise<void> {
      boundedPassword(newPassword);
      await takeAttempt(deps.limiter, 'token', { account: undefined, ip: ctx.ip });
      const row = await core.tokens.find(token, 'recovery_complete');
      const user = row === undefined ? undefined : await core.user(row.user_id);
      if (row === undefined || user === undefined || user.disabled_at !== null)
        throw accountErrors.create('invalid_token');
      const pending = await open(user.id);
      if (pending === undefined)
        throw accountErrors.create('invalid_token', {
          message: 'This recovery was stopped or has already finished.',
          es: 'Esta recuperación se detuvo o ya terminó.',
        });
      const now = deps.now();
      if (now < Number(pending.completes_at))
        throw accessErrors.create('invalid_input', {
          message: `For your safety, recovery can be finished on ${when(Number(pending.completes_at))}, not before.`,
          es: `Por su seguridad, la recuperación se puede terminar a partir del ${whenEs(Number(pending.completes_at))}, no antes.`,
        });
      const why = await refusal(user);
      if (why !== undefined) throw accountErrors.create('email_recovery_disabled');
      const password = checkNewPassword(newPassword, {
        email: user.email,
        displayName: user.display_name,
      });
      if (!(await core.tokens.consume(row.id))) throw accountErrors.create('invalid_token');
      await core
        .db()
        .updateTable('access_user')
        .set({
          password_hash: await hashPassword(password),
          totp_secret: null,
          totp_enabled_at: null,
        })
        .where('id', '=', user.id)
        .execute();
      await core.secondFactor.clear(user.id);
      const passkeys = await core
        .db()
        .deleteFrom('access_passkey')
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      const ended = await core.sessions.revokeAll(user.id, 'recovery');
      await db()
        .updateTable('access_recovery')
        .set({ completed_at: now })
        .where('id', '=', pending.id)
        .execute();
      await core.audit({
        action: 'access.account.recovery_completed',
        userId: user.id,
        data: { sessionsEnded: ended, passkeysRemoved: Number(passkeys.numDeletedRows) },
        ctx,
      });
      await core.changed(user.id);
      await core.mail(
        notices.securityChange(
          core.site,
          localeOf(user),
          user.email,
          { key: 'change.recovered' },
          now,
        ),
      );
      await alertContact(core, user.id, 'security_change', (to) => m.t(to, 'alert.recovered'));
    },

    /** A recovery in progress, shown on every signed-in device. */
    async recoveryStatus(session: SessionAuth): Promise<RecoveryStatus | null> {
      const row = await open(session.userId);
      return row === undefined
        ? null
        : { id: row.id, startedAt: Number(row.started_at), completesAt: Number(row.completes_at) };
    },

    /** Stop a recovery from any signed-in device: the owner still has a way in. */
    async cancelRecovery(session: SessionAuth, ctx: RequestContext): Promise<void> {
      const row = await open(session.userId);
      if (row === undefined)
        throw accessErrors.create('not_found', {
          message: 'No recovery is in progress.',
          es: 'No hay ninguna recuperación en curso.',
        });
      await db()
        .updateTable('access_recovery')
        .set({ cancelled_at: deps.now() })
        .where('id', '=', row.id)
        .execute();
      await core.tokens.revokeAll(session.userId, 'recovery_complete');
      await core.tokens.revokeAll(session.userId, 'recovery');
      const user = await core.user(session.userId);
      await core.audit({
        action: 'access.account.recovery_cancelled',
        userId: session.userId,
        ctx,
      });
      if (user !== undefined)
        await core.mail(
          notices.securityChange(
            core.site,
            localeOf(user),
            user.email,
            { key: 'change.recovery_stopped' },
            deps.now(),
          ),
        );
    },
  };
}
