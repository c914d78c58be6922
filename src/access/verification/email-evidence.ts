/**
 * Control of a mailbox at the claimed domain: we mail a one-time code to an
 * address there and the applicant types it back. Codes are 8 digits, stored as
 * SHA-256, valid 24 hours, single-use, and 5 wrong tries end them.
 *
 * A plain hash of an 8-digit code could be brute-forced by someone who can read
 * the database; it does not matter here because the code is bound to one
 * evidence item, dies in 24 hours, and reading the database already shows
 * everything the code would unlock (that one "mailbox confirmed" flag).
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import { localeOfUser } from '../accounts/account-language.js';
import { mailMessages as m } from '../accounts/mail-messages.js';
import { accessErrors } from '../errors.js';
import { isAtOrUnder, isFreeMailDomain, normalizeDomain, parseMailbox } from './domain-name.js';
import { verificationErrors } from './errors.js';
import { type Context, evidenceView } from './verification-context.js';
import { blankEvidence, evidenceRow, openForEvidence } from './verification-evidence.js';
import type { EvidenceView, Person } from './verification-types.js';

export const EMAIL_CODE_TTL_MS = 24 * 3_600_000;
export const MAX_CODE_ATTEMPTS = 5;
/** Codes mailed per request a day, and per address a day (no mail-bombing a stranger). */
const SENDS_PER_REQUEST_PER_DAY = 5;
const SENDS_PER_ADDRESS_PER_DAY = 3;
const CODE = /^[0-9]{8}$/;

const hashCode = (evidenceId: string, code: string) =>
  createHash('sha256').update(`${evidenceId}:${code}`).digest();

export function createEmailUseCases(ctx: Context) {
  const { deps } = ctx;

  const consume = async (key: string, limit: number) =>
    (await deps.limiter.consume(key, { limit, windowMs: 86_400_000 })).allowed;

  return {
    /** Mail a code to `address`, which must be at `domain` (or a subdomain of it). */
    async sendEmailCode(
      person: Person,
      id: string,
      input: { domain: string; address: string },
    ): Promise<EvidenceView> {
      const domain = normalizeDomain(input.domain);
      if (domain === null) throw verificationErrors.create('invalid_domain');
      const mailbox = parseMailbox(input.address);
      if (mailbox === null) throw verificationErrors.create('invalid_email');
      if (!isAtOrUnder(mailbox.domain, domain))
        throw verificationErrors.create('email_not_at_domain', {
          message: `The address must be at ${domain} or one of its subdomains.`,
        });
      if (isFreeMailDomain(domain)) throw verificationErrors.create('free_mail_domain');
      const { row } = await openForEvidence(ctx, person, id, 'email_domain');
      const addressKey = mailbox.address.toLowerCase();
      if (
        !(await consume(`access:verification:email:${row.id}`, SENDS_PER_REQUEST_PER_DAY)) ||
        !(await consume(`access:verification:mailto:${addressKey}`, SENDS_PER_ADDRESS_PER_DAY))
      )
        throw await ctx.refuse(
          person,
          'email_sent',
          row.id,
          accessErrors.create('rate_limited', {
            message: 'Too many codes sent for this request or address today. Try again tomorrow.',
          }),
          { domain },
        );
      const now = deps.now();
      const e = blankEvidence(row.id, 'email_domain', person, now);
      const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
      e.domain = domain;
      e.email_address = mailbox.address;
      e.email_code_hash = hashCode(e.id, code).toString('hex');
      e.email_code_expires_at = now + EMAIL_CODE_TTL_MS;
      e.email_attempts = 0;
      await ctx.db().insertInto('access_verification_evidence').values(e).execute();
      try {
        // The mailbox may belong to anyone at the domain: written in the requester's language.
        const locale = await localeOfUser(deps.store, person.userId);
        await deps.mailer.send({
          to: mailbox.address,
          subject: m.t(locale, 'verification_code.subject'),
          text: mailText(locale, code, domain, deps.publicUrl, row.id),
        });
      } catch (err) {
        // No code reached anyone: leave no evidence that waits for one.
        await ctx.db().deleteFrom('access_verification_evidence').where('id', '=', e.id).execute();
        throw err;
      }
      // The address is personal data and the audit log is public: the domain only.
      await ctx.audit(person, 'email_sent', row.id, { evidence: e.id, domain });
      return evidenceView(e);
    },

    /** Confirm a mailbox with the code that was mailed to it. */
    async confirmEmailCode(
      person: Person,
      id: string,
      evidenceId: string,
      codeText: string,
    ): Promise<EvidenceView> {
      const code =
        typeof codeText === 'string' && codeText.length <= 40 ? codeText.replace(/[\s-]/g, '') : '';
      if (!CODE.test(code))
        throw accessErrors.create('invalid_input', { message: 'The code is 8 digits.' });
      const row = await ctx.visibleRow(id, person.userId);
      const e = await evidenceRow(ctx, row.id, evidenceId);
      if (e.kind !== 'email_domain') throw accessErrors.create('not_found');
      const now = deps.now();
      if (e.email_code_hash === null || Number(e.email_code_expires_at ?? 0) <= now)
        throw verificationErrors.create('code_expired');
      // Count the try before comparing, atomically, so parallel guesses cannot exceed the limit.
      const counted = await ctx
        .db()
        .updateTable('access_verification_evidence')
        .set((eb) => ({ email_attempts: eb('email_attempts', '+', 1) }))
        .where('id', '=', e.id)
        .where('email_code_hash', 'is not', null)
        .where('email_attempts', '<', MAX_CODE_ATTEMPTS)
        .executeTakeFirst();
      if (Number(counted.numUpdatedRows) !== 1)
        throw await ctx.refuse(
          person,
          'email_confirmed',
          row.id,
          verificationErrors.create('code_locked'),
          { evidence: e.id },
        );
      const expected = Buffer.from(e.email_code_hash, 'hex');
      if (!timingSafeEqual(expected, hashCode(e.id, code))) {
        const left = MAX_CODE_ATTEMPTS - (Number(e.email_attempts ?? 0) + 1);
        throw await ctx.refuse(
          person,
          'email_confirmed',
          row.id,
          verificationErrors.create(left > 0 ? 'code_wrong' : 'code_locked', {
            ...(left > 0
              ? { message: `That code is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.` }
              : {}),
          }),
          { evidence: e.id },
        );
      }
      // Single use: only the request that still finds the hash confirms.
      const used = await ctx
        .db()
        .updateTable('access_verification_evidence')
        .set({ email_code_hash: null, email_confirmed_at: now, satisfied: 1 })
        .where('id', '=', e.id)
        .where('email_code_hash', '=', e.email_code_hash)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) !== 1) throw verificationErrors.create('code_expired');
      await ctx.audit(person, 'email_confirmed', row.id, { evidence: e.id, domain: e.domain });
      return evidenceView({
        ...e,
        email_code_hash: null,
        email_confirmed_at: now,
        satisfied: 1,
      });
    },
  };
}

function mailText(
  locale: Locale,
  code: string,
  domain: string,
  publicUrl: string | undefined,
  id: string,
) {
  const where =
    publicUrl === undefined
      ? m.t(locale, 'verification_code.where_app')
      : m.t(locale, 'verification_code.where_link', {
          link: `${publicUrl.endsWith('/') ? publicUrl.slice(0, -1) : publicUrl}/access/verification/${id}`,
        });
  return m.t(locale, 'verification_code.text', {
    domain,
    code: `${code.slice(0, 4)}-${code.slice(4)}`,
    where,
  });
}
