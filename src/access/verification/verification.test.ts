/**
 * Identity verification end to end on a real SQLite store (and once on
 * PostgreSQL): request, evidence (DNS against a real DNS server, mailbox codes,
 * documents, sponsors), review, appeal, expiry and re-verification reminders.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { EMAIL_CODE_TTL_MS } from './email-evidence.js';
import {
  type VerificationFixture,
  verificationFixture,
} from './test-support/verification-fixture.js';
import type { VerificationTables } from './verification-tables.js';

const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.7\n% a registration certificate\n').toString('base64');

function codeIn(text: string): string {
  const m = /code: ([0-9]{4})-([0-9]{4})/.exec(text);
  if (m === null) throw new Error('no code in the mail');
  return `${m[1]}${m[2]}`;
}

function suite(name: string, open: () => Promise<VerificationFixture>) {
  describe(name, () => {
    let t: VerificationFixture;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => {
      await t?.close();
    });

    const actions = async () =>
      (await t.fx.audit.entries({ limit: 1000 })).entries.map((e) => ({
        action: e.action,
        outcome: e.outcome,
        subject: e.subject,
        data: e.data,
      }));

    /** An applicant who owns an org with a pending tier-2 request, and a reviewer. */
    const orgRequest = async (tier = 2) => {
      const applicant = await t.addUser();
      const orgId = await t.addOrg(applicant, 'owner');
      const reviewer = await t.addUser({ staff: ['verifier'] });
      const req = await t.verification.submit(
        { userId: applicant },
        { subject: { type: 'org', id: orgId }, tier, statement: 'We run the water utility.' },
      );
      return { applicant: { userId: applicant }, orgId, reviewer: { userId: reviewer }, req };
    };

    const publishDns = async (applicant: { userId: string }, id: string, domain: string) => {
      const ev = await t.verification.addDnsChallenge(applicant, id, domain);
      const record = ev.dns?.record;
      if (record === undefined) throw new Error('no record');
      t.dns.txt.set(record.name, [record.value]);
      return t.verification.checkDns(applicant, id, ev.id);
    };

    it('an org proves its domain by DNS and is approved into the tier it asked for', async () => {
      const { applicant, orgId, reviewer, req } = await orgRequest();
      expect(req).toMatchObject({ status: 'pending', requestedTier: 2, evidence: [] });
      // One open request per subject.
      await expect(
        t.verification.submit(applicant, {
          subject: { type: 'org', id: orgId },
          tier: 3,
          statement: 'again',
        }),
      ).rejects.toMatchObject({ code: 'request_open', status: 409 });

      const ev = await t.verification.addDnsChallenge(applicant, req.id, 'Water-Utility.Example');
      expect(ev.dns?.record).toMatchObject({
        name: '_shieldwall-challenge.water-utility.example',
        type: 'TXT',
      });
      expect(ev.dns?.record.value).toMatch(/^shieldwall-verification=[A-Za-z0-9_-]{43}$/);
      // Asking again for the same domain gives the same record.
      expect(
        (await t.verification.addDnsChallenge(applicant, req.id, 'water-utility.example')).id,
      ).toBe(ev.id);
      const before = await t.verification.checkDns(applicant, req.id, ev.id);
      expect(before).toMatchObject({ satisfied: false, dns: { result: 'not_found' } });
      t.dns.txt.set(ev.dns?.record.name ?? '', [ev.dns?.record.value ?? '']);
      const after = await t.verification.checkDns(applicant, req.id, ev.id);
      expect(after).toMatchObject({ satisfied: true, dns: { result: 'passed' } });

      const queue = await t.verification.review.queue(reviewer);
      const item = queue.find((q) => q.id === req.id);
      expect(item?.evidence[0]).toMatchObject({ kind: 'dns_txt', satisfied: true });

      const done = await t.verification.review.approve(reviewer, req.id, {
        reason: 'Domain confirmed.',
        internalNote: 'Called their listed number too.',
      });
      expect(done.status).toBe('approved');
      expect(done.grantedUntil).toBe(new Date(t.fx.clock() + 365 * DAY).toISOString());
      const org = await t.fx.access.directory.getOrg(orgId);
      expect(org).toMatchObject({ tier: 2, tierExpiresAt: t.fx.clock() + 365 * DAY });
      const grants = await t.fx.store
        .db<{ access_tier_grant: { subject_id: string; source: string | null } }>()
        .selectFrom('access_tier_grant')
        .select('source')
        .where('subject_id', '=', orgId)
        .execute();
      expect(grants).toEqual([{ source: `verification:${req.id}` }]);

      // The applicant reads the reason, never the internal note or who decided.
      const mine = await t.verification.get(applicant, req.id);
      expect(mine.decision).toEqual({
        decision: 'approved',
        reason: 'Domain confirmed.',
        decidedAt: expect.any(String),
      });
      expect(JSON.stringify(mine)).not.toContain('listed number');
      expect(JSON.stringify(mine)).not.toContain(reviewer.userId);

      const log = await actions();
      const mineLog = log.filter((e) => e.subject === `verification:${req.id}`);
      expect(mineLog.map((e) => e.action)).toEqual([
        'access.verification.requested',
        'access.verification.evidence_added',
        'access.verification.dns_checked',
        'access.verification.dns_checked',
        'access.verification.approved',
      ]);
      expect(log).toContainEqual(
        expect.objectContaining({
          action: 'access.tier.granted',
          data: expect.objectContaining({ source: `verification:${req.id}` }),
        }),
      );
      // Internal notes and statements never reach the public log.
      expect(JSON.stringify(log)).not.toContain('listed number');
      expect(JSON.stringify(log)).not.toContain('water utility');
    });

    it('an org is not approved without a satisfied proof (refusal audited)', async () => {
      const { applicant, reviewer, req } = await orgRequest();
      await t.verification.addDocument(applicant, req.id, {
        fileName: 'certificate.pdf',
        mediaType: 'application/pdf',
        contentBase64: PDF,
      });
      await expect(
        t.verification.review.approve(reviewer, req.id, { reason: 'ok' }),
      ).rejects.toMatchObject({ code: 'evidence_required' });
      expect(await actions()).toContainEqual(
        expect.objectContaining({
          action: 'access.verification.approved',
          outcome: 'denied',
          subject: `verification:${req.id}`,
        }),
      );
      expect((await t.verification.get(applicant, req.id)).status).toBe('pending');
    });

    it('a mailbox at the domain confirms with a single-use, expiring, attempt-limited code', async () => {
      const { applicant, req } = await orgRequest();
      await expect(
        t.verification.sendEmailCode(applicant, req.id, {
          domain: 'acme.example',
          address: 'it@acme-example.test',
        }),
      ).rejects.toMatchObject({ code: 'email_not_at_domain' });
      await expect(
        t.verification.sendEmailCode(applicant, req.id, {
          domain: 'gmail.com',
          address: 'me@gmail.com',
        }),
      ).rejects.toMatchObject({ code: 'free_mail_domain' });

      const sent = t.mailer.sent.length;
      const ev = await t.verification.sendEmailCode(applicant, req.id, {
        domain: 'acme.example',
        address: 'security@mail.acme.example',
      });
      const mail = t.mailer.sent[sent];
      expect(mail?.to).toBe('security@mail.acme.example');
      const code = codeIn(mail?.text ?? '');
      const stored = await t.fx.store
        .db<VerificationTables>()
        .selectFrom('access_verification_evidence')
        .selectAll()
        .where('id', '=', ev.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(stored)).not.toContain(code);

      const wrong = code === '00000000' ? '11111111' : '00000000';
      await expect(
        t.verification.confirmEmailCode(applicant, req.id, ev.id, wrong),
      ).rejects.toMatchObject({ code: 'code_wrong', message: expect.stringContaining('4 tries') });
      const ok = await t.verification.confirmEmailCode(
        applicant,
        req.id,
        ev.id,
        `${code.slice(0, 4)}-${code.slice(4)}`,
      );
      expect(ok).toMatchObject({ satisfied: true, email: { domain: 'acme.example' } });
      await expect(
        t.verification.confirmEmailCode(applicant, req.id, ev.id, code),
      ).rejects.toMatchObject({ code: 'code_expired' });

      // Five wrong tries end a code, even the right one after them.
      const ev2 = await t.verification.sendEmailCode(applicant, req.id, {
        domain: 'acme.example',
        address: 'it@acme.example',
      });
      const code2 = codeIn(t.mailer.sent.at(-1)?.text ?? '');
      const wrong2 = code2 === '00000000' ? '11111111' : '00000000';
      for (let i = 0; i < 4; i++)
        await expect(
          t.verification.confirmEmailCode(applicant, req.id, ev2.id, wrong2),
        ).rejects.toMatchObject({ code: 'code_wrong' });
      await expect(
        t.verification.confirmEmailCode(applicant, req.id, ev2.id, wrong2),
      ).rejects.toMatchObject({ code: 'code_locked' });
      await expect(
        t.verification.confirmEmailCode(applicant, req.id, ev2.id, code2),
      ).rejects.toMatchObject({ code: 'code_locked' });

      // And a code expires after 24 hours.
      const ev3 = await t.verification.sendEmailCode(applicant, req.id, {
        domain: 'acme.example',
        address: 'noc@acme.example',
      });
      const code3 = codeIn(t.mailer.sent.at(-1)?.text ?? '');
      t.fx.clock.advance(EMAIL_CODE_TTL_MS);
      await expect(
        t.verification.confirmEmailCode(applicant, req.id, ev3.id, code3),
      ).rejects.toMatchObject({ code: 'code_expired' });
    });

    it('a mail that cannot be sent leaves no evidence behind', async () => {
      const { applicant, req } = await orgRequest();
      t.mailer.failNext = true;
      await expect(
        t.verification.sendEmailCode(applicant, req.id, {
          domain: 'down.example',
          address: 'a@down.example',
        }),
      ).rejects.toThrow(/mail server down/);
      expect((await t.verification.get(applicant, req.id)).evidence).toEqual([]);
    });

    it('a denial is appealed once and decided by a second reviewer, never the first', async () => {
      const { applicant, orgId, reviewer, req } = await orgRequest();
      const second = { userId: await t.addUser({ staff: ['verifier'] }) };
      await publishDns(applicant, req.id, 'appeal.example');
      const denied = await t.verification.review.deny(reviewer, req.id, {
        reason: 'Tell us more about your critical services.',
        internalNote: 'looks thin',
      });
      expect(denied.status).toBe('denied');
      // A new request could be made now; this one is appealed instead.
      const appealed = await t.verification.appeal(
        applicant,
        req.id,
        'We serve 40,000 households.',
      );
      expect(appealed).toMatchObject({ status: 'appealed', appeal: { decision: null } });
      await expect(t.verification.appeal(applicant, req.id, 'again')).rejects.toMatchObject({
        code: 'appeal_used',
      });

      // The first reviewer no longer sees it in the queue, and cannot decide it.
      expect((await t.verification.review.queue(reviewer)).map((q) => q.id)).not.toContain(req.id);
      await expect(
        t.verification.review.decideAppeal(reviewer, req.id, {
          decision: 'approve',
          reason: 'fine',
        }),
      ).rejects.toMatchObject({ code: 'same_reviewer', status: 403 });
      expect(await actions()).toContainEqual(
        expect.objectContaining({
          action: 'access.verification.appeal_approved',
          outcome: 'denied',
          subject: `verification:${req.id}`,
          data: expect.objectContaining({ refused: 'same_reviewer' }),
        }),
      );

      expect((await t.verification.review.queue(second)).map((q) => q.id)).toContain(req.id);
      const decided = await t.verification.review.decideAppeal(second, req.id, {
        decision: 'approve',
        reason: 'The household numbers settle it.',
      });
      expect(decided).toMatchObject({
        status: 'appeal_approved',
        appeal: { decision: 'approved', reviewerId: second.userId, deniedBy: reviewer.userId },
      });
      expect((await t.fx.access.directory.getOrg(orgId)).tier).toBe(2);
      const mine = await t.verification.get(applicant, req.id);
      expect(mine.appeal).toMatchObject({
        decision: 'approved',
        reason: 'The household numbers settle it.',
      });
      expect(JSON.stringify(mine)).not.toContain('looks thin');
    });

    it('the database itself refuses an appeal decided by the reviewer who denied', async () => {
      const { applicant, reviewer, req } = await orgRequest();
      await t.verification.review.deny(reviewer, req.id, { reason: 'no' });
      await t.verification.appeal(applicant, req.id, 'please');
      await expect(
        t.fx.store
          .db<VerificationTables>()
          .updateTable('access_verification_appeal')
          .set({ reviewer_id: reviewer.userId })
          .where('request_id', '=', req.id)
          .execute(),
      ).rejects.toThrow();
    });

    it('a reviewer never reviews their own request or their organization’s (audited)', async () => {
      const reviewer = { userId: await t.addUser({ staff: ['verifier'] }) };
      const own = await t.verification.submit(reviewer, {
        subject: { type: 'user' },
        tier: 1,
        statement: 'I am a solo developer.',
      });
      await expect(
        t.verification.review.approve(reviewer, own.id, { reason: 'me' }),
      ).rejects.toMatchObject({ code: 'own_request', status: 403 });
      await expect(t.verification.review.get(reviewer, own.id)).rejects.toMatchObject({
        code: 'own_request',
      });

      const colleague = await t.addUser();
      const orgId = await t.addOrg(colleague, 'owner');
      await t.fx.access.directory.addMember(orgId, reviewer.userId, 'member', {
        id: 'operator:test',
      });
      const theirs = await t.verification.submit(
        { userId: colleague },
        { subject: { type: 'org', id: orgId }, tier: 2, statement: 'Our org.' },
      );
      await expect(
        t.verification.review.deny(reviewer, theirs.id, { reason: 'no' }),
      ).rejects.toMatchObject({ code: 'own_request' });
      const queue = (await t.verification.review.queue(reviewer)).map((q) => q.id);
      expect(queue).not.toContain(own.id);
      expect(queue).not.toContain(theirs.id);
      const refusals = (await actions()).filter(
        (e) => e.outcome === 'denied' && e.data?.refused === 'own_request',
      );
      expect(refusals.map((e) => e.subject)).toEqual(
        expect.arrayContaining([`verification:${own.id}`, `verification:${theirs.id}`]),
      );
      // Another reviewer approves the individual: no evidence is required for a person.
      const other = { userId: await t.addUser({ staff: ['verifier'] }) };
      const approved = await t.verification.review.approve(other, own.id, {
        reason: 'Checked your public work.',
      });
      expect(approved.status).toBe('approved');
      expect((await t.fx.access.directory.tierOf('user', reviewer.userId)).tier).toBe(1);
    });

    it('other people’s requests are not found; members below admin do not see the org’s', async () => {
      const { req, orgId } = await orgRequest();
      const stranger = { userId: await t.addUser() };
      await expect(t.verification.get(stranger, req.id)).rejects.toMatchObject({
        code: 'not_found',
        status: 404,
      });
      await expect(
        t.verification.addDnsChallenge(stranger, req.id, 'x.example'),
      ).rejects.toMatchObject({ code: 'not_found' });
      const member = { userId: await t.addUser() };
      await t.fx.access.directory.addMember(orgId, member.userId, 'analyst', {
        id: 'operator:test',
      });
      await expect(t.verification.get(member, req.id)).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await t.verification.listMine(member)).toEqual([]);
      // A plain member cannot ask for the org either (and it is audited).
      await expect(
        t.verification.submit(member, {
          subject: { type: 'org', id: orgId },
          tier: 2,
          statement: 'me too',
        }),
      ).rejects.toMatchObject({ code: 'not_found' });
    });

    it('documents: bounded in size and number; an oversized one stores nothing', async () => {
      const { applicant, reviewer, req } = await orgRequest();
      const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
      big.write('%PDF-');
      await expect(
        t.verification.addDocument(applicant, req.id, {
          fileName: 'big.pdf',
          mediaType: 'application/pdf',
          contentBase64: big.toString('base64'),
        }),
      ).rejects.toMatchObject({ code: 'document_too_large', status: 413 });
      await expect(
        t.verification.addDocument(applicant, req.id, {
          fileName: 'fake.pdf',
          mediaType: 'application/pdf',
          contentBase64: Buffer.from('MZ not a pdf').toString('base64'),
        }),
      ).rejects.toMatchObject({ code: 'document_invalid' });
      const count = async () =>
        (
          await t.fx.store
            .db<VerificationTables>()
            .selectFrom('access_verification_evidence')
            .select('id')
            .where('request_id', '=', req.id)
            .execute()
        ).length;
      expect(await count()).toBe(0);
      for (let i = 0; i < 5; i++)
        await t.verification.addDocument(applicant, req.id, {
          fileName: `letter-${i}.pdf`,
          mediaType: 'application/pdf',
          contentBase64: PDF,
        });
      await expect(
        t.verification.addDocument(applicant, req.id, {
          fileName: 'sixth.pdf',
          mediaType: 'application/pdf',
          contentBase64: PDF,
        }),
      ).rejects.toMatchObject({ code: 'too_much_evidence' });
      const view = await t.verification.review.get(reviewer, req.id);
      const first = view.evidence[0];
      expect(first?.document).toMatchObject({
        mediaType: 'application/pdf',
        sizeBytes: Buffer.from(PDF, 'base64').length,
      });
      const doc = await t.verification.review.document(reviewer, req.id, first?.id ?? '');
      expect(doc.contentBase64).toBe(PDF);
    });

    it('a sponsor holding the tier satisfies; one of the subject’s own members does not', async () => {
      const { applicant, orgId, reviewer, req } = await orgRequest();
      const sponsorOwner = { userId: await t.addUser({ staff: ['verifier'] }) };
      const sponsorOrg = await t.addOrg(sponsorOwner.userId, 'owner', 3);
      const own = await t.verification.addSponsor(applicant, req.id, {
        sponsor: { type: 'user', id: applicant.userId },
        statement: 'Me.',
      });
      expect(own.satisfied).toBe(false);
      const good = await t.verification.addSponsor(applicant, req.id, {
        sponsor: { type: 'org', id: sponsorOrg },
        statement: 'They are our regional water authority.',
      });
      expect(good).toMatchObject({ satisfied: true, sponsor: { type: 'org', id: sponsorOrg } });
      // Someone from the sponsoring organization cannot decide the request it vouched for.
      await expect(
        t.verification.review.approve(sponsorOwner, req.id, { reason: 'We vouch.' }),
      ).rejects.toMatchObject({ code: 'own_request' });
      await t.verification.review.approve(reviewer, req.id, { reason: 'Sponsored.' });
      expect((await t.fx.access.directory.getOrg(orgId)).tier).toBe(2);
    });

    it('withdraw; then a new request for the same subject is possible', async () => {
      const { applicant, orgId, req } = await orgRequest();
      expect((await t.verification.withdraw(applicant, req.id)).status).toBe('withdrawn');
      await expect(t.verification.withdraw(applicant, req.id)).rejects.toMatchObject({
        code: 'wrong_status',
      });
      t.fx.clock.advance(1000);
      const again = await t.verification.submit(applicant, {
        subject: { type: 'org', id: orgId },
        tier: 2,
        statement: 'Second try.',
      });
      expect(again.status).toBe('pending');
      expect((await t.verification.listMine(applicant)).map((r) => r.id)).toEqual([
        again.id,
        req.id,
      ]);
    });

    it('refuses bad input plainly', async () => {
      const applicant = { userId: await t.addUser() };
      await expect(
        t.verification.submit(applicant, { subject: { type: 'user' }, tier: 9, statement: 'x' }),
      ).rejects.toMatchObject({ code: 'invalid_tier' });
      await expect(
        t.verification.submit(applicant, { subject: { type: 'user' }, tier: 0, statement: 'x' }),
      ).rejects.toMatchObject({ code: 'invalid_tier' });
      await expect(
        t.verification.submit(applicant, { subject: { type: 'user' }, tier: 1, statement: '  ' }),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      const req = await t.verification.submit(applicant, {
        subject: { type: 'user' },
        tier: 1,
        statement: 'ok',
      });
      for (const bad of ['192.0.2.1', 'localhost', 'https://x.example/'])
        await expect(t.verification.addDnsChallenge(applicant, req.id, bad)).rejects.toMatchObject({
          code: 'invalid_domain',
        });
    });

    it('grants expire; holders are reminded once before, and requests are marked expired after', async () => {
      const { applicant, reviewer, req } = await orgRequest(3);
      await publishDns(applicant, req.id, 'expiry.example');
      await t.verification.review.approve(reviewer, req.id, { reason: 'ok' });
      // Tier 3 lasts 180 days.
      t.fx.clock.advance(170 * DAY);
      const due = await t.verification.dueForReverification(30);
      expect(due.map((d) => d.requestId)).toContain(req.id);
      const before = t.mailer.sent.length;
      const first = await t.verification.remindReverification({ withinDays: 30 });
      expect(first.reminded).toBeGreaterThanOrEqual(1);
      const reminders = t.mailer.sent.slice(before);
      expect(reminders.map((m) => m.subject)).toContain('Your Shieldwall verification ends soon');
      expect((await t.verification.dueForReverification(30)).map((d) => d.requestId)).not.toContain(
        req.id,
      );
      expect(await t.verification.expireDue()).not.toContain(req.id);
      t.fx.clock.advance(11 * DAY);
      expect(await t.verification.expireDue()).toContain(req.id);
      expect((await t.verification.get(applicant, req.id)).status).toBe('expired');
      expect(await actions()).toContainEqual(
        expect.objectContaining({ action: 'access.verification.expired', outcome: 'success' }),
      );
    });
  });
}

suite('verification (SQLite)', () => verificationFixture());

const pgUrl = await requireService('postgres');
describe.skipIf(pgUrl === undefined)('on PostgreSQL', () => {
  let tempDb: Awaited<ReturnType<typeof createTempDatabase>> | undefined;
  afterAll(async () => {
    await tempDb?.drop();
  });
  suite('verification (PostgreSQL)', async () => {
    tempDb = await createTempDatabase(pgUrl as string);
    return verificationFixture({ postgresUrl: tempDb.url });
  });
});
