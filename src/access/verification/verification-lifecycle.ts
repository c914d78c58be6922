/**
 * Verification does not last forever: a grant ends after its tier's `grant_days`,
 * the applicant is reminded beforehand to re-verify, and requests whose grant
 * ended are marked expired. A scheduler (or `shieldwall admin`) calls these.
 */
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import { localeOf } from '../accounts/account-language.js';
import type { AccountTables } from '../accounts/account-tables.js';
import { mailMessages as m, mailDay } from '../accounts/mail-messages.js';
import type { Context } from './verification-context.js';
import { GRANTED_STATUSES, QUEUED_STATUSES } from './verification-tables.js';
import type { ReverificationDue } from './verification-types.js';

const DAY = 86_400_000;
const BATCH = 500;

export function createLifecycleUseCases(ctx: Context) {
  const { deps } = ctx;

  const due = async (withinDays: number): Promise<ReverificationDue[]> => {
    if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > 365)
      throw new RangeError('withinDays must be an integer from 1 to 365');
    const now = deps.now();
    const rows = await ctx
      .db()
      .selectFrom('access_verification_request')
      .selectAll()
      .where('status', 'in', [...GRANTED_STATUSES])
      .where('reminded_at', 'is', null)
      .where('granted_until', 'is not', null)
      .where('granted_until', '>', now)
      .where('granted_until', '<=', now + withinDays * DAY)
      .orderBy('granted_until')
      .limit(BATCH)
      .execute();
    // Someone already re-verifying (an open request for the subject) needs no reminder.
    const open = new Set(
      (
        await ctx
          .db()
          .selectFrom('access_verification_request')
          .select('open_key')
          .where('status', 'in', [...QUEUED_STATUSES])
          .execute()
      ).map((r) => r.open_key),
    );
    return rows
      .filter((r) => !open.has(`${r.subject_type}:${r.subject_id}`))
      .map((r) => ({
        requestId: r.id,
        subject: { type: r.subject_type, id: r.subject_id },
        tier: r.requested_tier,
        applicantId: r.applicant_id,
        grantedUntil: new Date(Number(r.granted_until)).toISOString(),
      }));
  };

  /** Who to mail for a subject (the person, or the organization's owners and admins), each in their language. */
  const recipients = async (d: ReverificationDue): Promise<{ email: string; locale: Locale }[]> => {
    const users =
      d.subject.type === 'user'
        ? [d.subject.id]
        : (await deps.directory.members(d.subject.id))
            .filter((m) => m.role === 'owner' || m.role === 'admin')
            .map((m) => m.userId);
    if (users.length === 0) return [];
    const rows = await deps.store
      .db<AccountTables>()
      .selectFrom('access_user')
      .select(['email', 'locale'])
      .where('id', 'in', users)
      .where('disabled_at', 'is', null)
      .execute();
    return rows.map((r) => ({ email: r.email, locale: localeOf(r) }));
  };

  return {
    /** Mark approved requests whose grant has ended as expired; returns their ids. */
    async expireDue(now: number = deps.now()): Promise<string[]> {
      const rows = await ctx
        .db()
        .selectFrom('access_verification_request')
        .select(['id', 'subject_type', 'subject_id', 'requested_tier', 'status'])
        .where('status', 'in', [...GRANTED_STATUSES])
        .where('granted_until', 'is not', null)
        .where('granted_until', '<=', now)
        .limit(BATCH)
        .execute();
      const expired: string[] = [];
      for (const r of rows) {
        const res = await ctx
          .db()
          .updateTable('access_verification_request')
          .set({ status: 'expired', updated_at: now })
          .where('id', '=', r.id)
          .where('status', '=', r.status)
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) continue;
        expired.push(r.id);
        await ctx.audit('system', 'expired', r.id, {
          subject: `${r.subject_type}:${r.subject_id}`,
          tier: r.requested_tier,
        });
      }
      return expired;
    },

    /** Grants from verification that end within `withinDays` and whose holders were not reminded. */
    dueForReverification: due,

    /** Mail each holder of a grant ending soon, once; returns how many were reminded and failed. */
    async remindReverification(
      options: { withinDays?: number } = {},
    ): Promise<{ reminded: number; failed: number }> {
      let reminded = 0;
      let failed = 0;
      for (const d of await due(options.withinDays ?? 30)) {
        const to = await recipients(d);
        try {
          for (const { email, locale } of to)
            await deps.mailer.send({
              to: email,
              subject: m.t(locale, 'verification_reminder.subject'),
              text: reminderText(locale, d, deps.publicUrl),
            });
        } catch {
          // Not marked reminded, so the next run tries again. The error may hold an
          // address, and the audit log is public: it records only that mail failed.
          failed++;
          await ctx.audit(
            'system',
            'reminded',
            d.requestId,
            { subject: `${d.subject.type}:${d.subject.id}`, error: 'mail not sent' },
            'failure',
          );
          continue;
        }
        await ctx
          .db()
          .updateTable('access_verification_request')
          .set({ reminded_at: deps.now() })
          .where('id', '=', d.requestId)
          .execute();
        reminded++;
        await ctx.audit('system', 'reminded', d.requestId, {
          subject: `${d.subject.type}:${d.subject.id}`,
          recipients: to.length,
          grantedUntil: d.grantedUntil,
        });
      }
      return { reminded, failed };
    },
  };
}

function reminderText(locale: Locale, d: ReverificationDue, publicUrl: string | undefined): string {
  const where =
    publicUrl === undefined
      ? m.t(locale, 'verification_reminder.where_app')
      : m.t(locale, 'verification_reminder.where_link', {
          link: `${publicUrl.endsWith('/') ? publicUrl.slice(0, -1) : publicUrl}/access/verification`,
        });
  return m.t(locale, 'verification_reminder.text', {
    tier: d.tier,
    whose: m.t(
      locale,
      d.subject.type === 'org'
        ? 'verification_reminder.whose_org'
        : 'verification_reminder.whose_user',
    ),
    date: mailDay(locale, d.grantedUntil),
    where,
  });
}
