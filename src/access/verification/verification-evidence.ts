/**
 * Evidence an applicant adds to a request: a DNS TXT record, a document, a
 * sponsor. (Mailbox-at-the-domain evidence lives in email-evidence.ts.)
 */
import { randomUUID } from 'node:crypto';
import type { AccessTables } from '../access-tables.js';
import { accessErrors } from '../errors.js';
import { checkDnsChallenge, newChallengeToken } from './dns-check.js';
import { checkDocument, type DocumentInput, MAX_DOCUMENTS } from './document-check.js';
import { normalizeDomain } from './domain-name.js';
import { verificationErrors } from './errors.js';
import { type Context, checkText, evidenceView } from './verification-context.js';
import type {
  VerificationEvidenceRow,
  VerificationRequestRow,
  VerificationTables,
} from './verification-tables.js';
import type { EvidenceView, Person, SubjectRef } from './verification-types.js';

/** Evidence items of all kinds one request may hold. */
export const MAX_EVIDENCE = 20;
const MAX_SPONSOR_STATEMENT = 2000;
/** DNS checks one request may run an hour: DNS changes take minutes, not seconds. */
export const DNS_CHECKS_PER_HOUR = 10;

/** An evidence row with every kind's columns empty, to fill in for one kind. */
export function blankEvidence(
  requestId: string,
  kind: VerificationEvidenceRow['kind'],
  person: Person,
  now: number,
): VerificationEvidenceRow {
  return {
    id: randomUUID(),
    request_id: requestId,
    kind,
    created_at: now,
    created_by: person.userId,
    satisfied: 0,
    domain: null,
    dns_token: null,
    dns_checked_at: null,
    dns_result: null,
    dns_message: null,
    email_address: null,
    email_code_hash: null,
    email_code_expires_at: null,
    email_attempts: null,
    email_confirmed_at: null,
    file_name: null,
    media_type: null,
    size_bytes: null,
    sha256: null,
    sponsor_type: null,
    sponsor_id: null,
    sponsor_statement: null,
  };
}

/** A visible request that still takes evidence (pending, or denied / appealed for the appeal). */
export async function openForEvidence(
  ctx: Context,
  person: Person,
  id: string,
  kind: VerificationEvidenceRow['kind'],
): Promise<{ row: VerificationRequestRow; evidence: VerificationEvidenceRow[] }> {
  const row = await ctx.visibleRow(id, person.userId);
  if (!['pending', 'denied', 'appealed'].includes(row.status))
    throw verificationErrors.create('wrong_status', {
      message: `Evidence cannot be added to a request that is ${row.status}.`,
    });
  const evidence = (await ctx.evidenceOf([row.id])).get(row.id) ?? [];
  if (evidence.length >= MAX_EVIDENCE)
    throw verificationErrors.create('too_much_evidence', {
      message: `A request holds at most ${MAX_EVIDENCE} pieces of evidence.`,
    });
  if (kind === 'document' && evidence.filter((e) => e.kind === 'document').length >= MAX_DOCUMENTS)
    throw verificationErrors.create('too_much_evidence', {
      message: `A request holds at most ${MAX_DOCUMENTS} documents.`,
    });
  return { row, evidence };
}

export function createEvidenceUseCases(ctx: Context) {
  const { deps } = ctx;

  const insert = async (person: Person, e: VerificationEvidenceRow, data: object) => {
    await ctx.db().insertInto('access_verification_evidence').values(e).execute();
    await ctx.audit(person, 'evidence_added', e.request_id, {
      kind: e.kind,
      evidence: e.id,
      ...data,
    });
    return evidenceView(e);
  };

  return {
    /** Start a DNS TXT challenge for a domain; the view holds the record to publish. */
    async addDnsChallenge(person: Person, id: string, domainText: string): Promise<EvidenceView> {
      const domain = normalizeDomain(domainText);
      if (domain === null) throw verificationErrors.create('invalid_domain');
      const { row, evidence } = await openForEvidence(ctx, person, id, 'dns_txt');
      // Asking twice for the same domain gives the same record, not a second token to confuse.
      const same = evidence.find((e) => e.kind === 'dns_txt' && e.domain === domain);
      if (same !== undefined) return evidenceView(same);
      const e = blankEvidence(row.id, 'dns_txt', person, deps.now());
      e.domain = domain;
      e.dns_token = newChallengeToken();
      return insert(person, e, { domain });
    },

    /** Look the TXT record up now; rate-limited per request. */
    async checkDns(person: Person, id: string, evidenceId: string): Promise<EvidenceView> {
      const row = await ctx.visibleRow(id, person.userId);
      const e = await evidenceRow(ctx, row.id, evidenceId);
      if (e.kind !== 'dns_txt' || e.domain === null || e.dns_token === null)
        throw verificationErrors.create('dns_not_applicable');
      if (!['pending', 'denied', 'appealed'].includes(row.status))
        throw verificationErrors.create('wrong_status', {
          message: `A request that is ${row.status} is not being reviewed.`,
        });
      const limit = await deps.limiter.consume(`access:verification:dns:${row.id}`, {
        limit: DNS_CHECKS_PER_HOUR,
        windowMs: 3_600_000,
      });
      if (!limit.allowed)
        throw await ctx.refuse(
          person,
          'dns_checked',
          row.id,
          accessErrors.create('rate_limited', {
            message: `DNS can be checked ${DNS_CHECKS_PER_HOUR} times an hour per request. Try again in ${Math.ceil(limit.retryAfterMs / 60_000)} minutes.`,
          }),
          { domain: e.domain },
        );
      const outcome = await checkDnsChallenge(e.domain, e.dns_token, {
        ...(deps.resolverServers === undefined ? {} : { servers: deps.resolverServers }),
        ...(deps.dnsDeadlineMs === undefined ? {} : { deadlineMs: deps.dnsDeadlineMs }),
      });
      // The latest look-up is what counts: a record taken down after a pass no longer satisfies.
      const update = {
        dns_checked_at: deps.now(),
        dns_result: outcome.result,
        dns_message: outcome.message,
        satisfied: outcome.result === 'passed' ? 1 : 0,
      };
      await ctx
        .db()
        .updateTable('access_verification_evidence')
        .set(update)
        .where('id', '=', e.id)
        .execute();
      await ctx.audit(person, 'dns_checked', row.id, {
        evidence: e.id,
        domain: e.domain,
        result: outcome.result,
      });
      return evidenceView({ ...e, ...update });
    },

    /** Attach a document (bytes stored in the database until the Blob port exists). */
    async addDocument(person: Person, id: string, input: DocumentInput): Promise<EvidenceView> {
      // Validate (and refuse oversize) before touching the request, so nothing is stored.
      const doc = checkDocument(input);
      const { row } = await openForEvidence(ctx, person, id, 'document');
      const e = blankEvidence(row.id, 'document', person, deps.now());
      e.file_name = doc.fileName;
      e.media_type = doc.mediaType;
      e.size_bytes = doc.sizeBytes;
      e.sha256 = doc.sha256;
      await deps.store.transaction<VerificationTables, void>(async (trx) => {
        await trx.insertInto('access_verification_evidence').values(e).execute();
        await trx
          .insertInto('access_verification_document')
          .values({ evidence_id: e.id, content_base64: doc.contentBase64 })
          .execute();
      });
      // File names can be personal; the public audit log gets the hash and size only.
      await ctx.audit(person, 'evidence_added', row.id, {
        kind: 'document',
        evidence: e.id,
        mediaType: doc.mediaType,
        sizeBytes: doc.sizeBytes,
        sha256: doc.sha256,
      });
      return evidenceView(e);
    },

    /**
     * Name a sponsor: an organization or person that vouches for the subject. It
     * counts as satisfied when the sponsor holds at least the tier asked for and
     * is not the subject (or one of its members); the reviewer confirms the
     * statement with the sponsor.
     */
    async addSponsor(
      person: Person,
      id: string,
      input: { sponsor: SubjectRef; statement: string },
    ): Promise<EvidenceView> {
      const statement = checkText(
        input.statement,
        "The sponsor's statement",
        MAX_SPONSOR_STATEMENT,
      );
      const { row } = await openForEvidence(ctx, person, id, 'sponsor');
      const sponsor = await resolveSponsor(ctx, input.sponsor);
      const e = blankEvidence(row.id, 'sponsor', person, deps.now());
      e.sponsor_type = sponsor.type;
      e.sponsor_id = sponsor.id;
      e.sponsor_statement = statement;
      e.satisfied = (await sponsorQualifies(ctx, row, sponsor)) ? 1 : 0;
      return insert(person, e, {
        sponsor: `${sponsor.type}:${sponsor.id}`,
        qualifies: e.satisfied,
      });
    },
  };
}

export async function evidenceRow(ctx: Context, requestId: string, evidenceId: string) {
  const e = await ctx
    .db()
    .selectFrom('access_verification_evidence')
    .selectAll()
    .where('id', '=', evidenceId)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
  if (e === undefined)
    throw accessErrors.create('not_found', { message: 'There is no such evidence.' });
  return e;
}

async function resolveSponsor(ctx: Context, ref: SubjectRef): Promise<SubjectRef> {
  const missing = () =>
    accessErrors.create('invalid_input', { message: 'There is no such sponsor.' });
  if (ref.type === 'org') {
    try {
      return { type: 'org', id: (await ctx.deps.directory.getOrg(ref.id)).id };
    } catch (err) {
      if (accessErrors.is(err, 'not_found')) throw missing();
      throw err;
    }
  }
  const user = await ctx.deps.store
    .db<AccessTables>()
    .selectFrom('access_user')
    .select('id')
    .where('id', '=', ref.id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (user === undefined) throw missing();
  return { type: 'user', id: user.id };
}

/** A sponsor vouches from outside: never the subject, the applicant, or one of the subject's members. */
export async function sponsorQualifies(
  ctx: Context,
  row: VerificationRequestRow,
  sponsor: SubjectRef,
): Promise<boolean> {
  if (sponsor.type === row.subject_type && sponsor.id === row.subject_id) return false;
  if (sponsor.type === 'user') {
    if (sponsor.id === row.applicant_id) return false;
    if (
      row.subject_type === 'org' &&
      (await ctx.deps.directory.orgsOf(sponsor.id)).has(row.subject_id)
    )
      return false;
  }
  // A person's own organization may vouch for them: that is what employers do.
  const { tier } = await ctx.deps.directory.tierOf(sponsor.type, sponsor.id);
  return tier >= row.requested_tier;
}
