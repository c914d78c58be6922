import type { Migration } from '../../platform/ports/store.js';

/**
 * Identity verification: how an organization or a person earns a trust tier.
 * Same conventions as the core access tables: epoch-ms `bigint` timestamps, 0/1
 * booleans, JSON as text, one migration list for SQLite and PostgreSQL.
 */

export const REQUEST_STATUSES = [
  'pending',
  'approved',
  'denied',
  'appealed',
  'appeal_approved',
  'appeal_denied',
  'withdrawn',
  'expired',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses a reviewer still has to act on. */
export const QUEUED_STATUSES: readonly RequestStatus[] = ['pending', 'appealed'];
/** Statuses whose grant is (or was) in force. */
export const GRANTED_STATUSES: readonly RequestStatus[] = ['approved', 'appeal_approved'];

export const EVIDENCE_KINDS = ['dns_txt', 'email_domain', 'document', 'sponsor'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Result of the last DNS check of a `dns_txt` evidence item. */
export type DnsCheckResult = 'passed' | 'not_found' | 'wrong_token' | 'timeout' | 'error';

export interface VerificationRequestRow {
  id: string;
  subject_type: 'org' | 'user';
  subject_id: string;
  requested_tier: number;
  /** The person who asked (a user id); for an org, an owner or admin when they asked. */
  applicant_id: string;
  statement: string;
  status: RequestStatus;
  /**
   * `<subject_type>:<subject_id>` while the request is pending or appealed, else
   * null. A unique index on it makes "one open request per subject" hold under
   * concurrency on both databases (NULLs never collide).
   */
  open_key: string | null;
  created_at: number;
  /** When it entered the reviewer queue (created, or appealed): the queue is oldest first. */
  queued_at: number;
  updated_at: number;
  /** The tier grant an approval made, and when that grant ends (null: never). */
  grant_id: string | null;
  granted_until: number | null;
  /** When the applicant was reminded to re-verify before `granted_until`. */
  reminded_at: number | null;
}

/**
 * One piece of evidence. A single table with a column group per kind keeps the
 * reviewer queue to one query; columns of other kinds are null.
 */
export interface VerificationEvidenceRow {
  id: string;
  request_id: string;
  kind: EvidenceKind;
  created_at: number;
  /** User id of whoever added it. */
  created_by: string;
  /** 1 once it proves something on its own: a passed DNS check, a confirmed mailbox, a qualified sponsor. */
  satisfied: number;

  /** dns_txt and email_domain: the claimed domain (ASCII / punycode, lowercase). */
  domain: string | null;
  /**
   * dns_txt: the challenge token, stored as it is. It only proves something when
   * it appears in the domain's DNS, which only whoever controls that DNS can
   * arrange, and once published anyone can read it, so a hash would protect
   * nothing; keeping it lets us show the applicant the record again.
   */
  dns_token: string | null;
  dns_checked_at: number | null;
  dns_result: DnsCheckResult | null;
  /** The plain-language outcome of the last check, as shown to the applicant. */
  dns_message: string | null;

  /** email_domain: the mailbox the code was sent to (lowercase domain part). */
  email_address: string | null;
  /** SHA-256 hex of the one-time code; null once used. */
  email_code_hash: string | null;
  email_code_expires_at: number | null;
  email_attempts: number | null;
  email_confirmed_at: number | null;

  /** document: metadata; the bytes are in access_verification_document. */
  file_name: string | null;
  media_type: string | null;
  size_bytes: number | null;
  sha256: string | null;

  /** sponsor: the vouching org or user and the statement given for them. */
  sponsor_type: 'org' | 'user' | null;
  sponsor_id: string | null;
  sponsor_statement: string | null;
}

/**
 * Document bytes, base64 text, apart from the metadata so lists never load them.
 * The Blob port (local directory / S3) does not exist yet; when it does, this
 * table becomes a pointer to the blob and a migration moves the bytes out. Until
 * then the 5 MiB × 5 documents bound keeps a request under ~35 MB of text.
 */
export interface VerificationDocumentRow {
  evidence_id: string;
  content_base64: string;
}

/** The first decision on a request (one per request). */
export interface VerificationDecisionRow {
  request_id: string;
  reviewer_id: string;
  decision: 'approved' | 'denied';
  /** Shown to the applicant. */
  reason: string;
  /** For reviewers only; never shown to the applicant. */
  internal_note: string | null;
  decided_at: number;
}

/** The one appeal of a denial, and its decision by a second reviewer. */
export interface VerificationAppealRow {
  request_id: string;
  statement: string;
  created_at: number;
  /** The reviewer who denied; the appeal's reviewer must differ (also a CHECK constraint). */
  denied_by: string;
  reviewer_id: string | null;
  decision: 'approved' | 'denied' | null;
  reason: string | null;
  internal_note: string | null;
  decided_at: number | null;
}

export interface VerificationTables {
  access_verification_request: VerificationRequestRow;
  access_verification_evidence: VerificationEvidenceRow;
  access_verification_document: VerificationDocumentRow;
  access_verification_decision: VerificationDecisionRow;
  access_verification_appeal: VerificationAppealRow;
}

export const verificationMigrations: readonly Migration[] = [
  {
    name: '20261205-03-access-verification',
    async up(db) {
      await db.schema
        .createTable('access_verification_request')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('subject_type', 'text', (c) => c.notNull())
        .addColumn('subject_id', 'text', (c) => c.notNull())
        .addColumn('requested_tier', 'integer', (c) => c.notNull())
        .addColumn('applicant_id', 'text', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('open_key', 'text', (c) => c.unique())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('queued_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('grant_id', 'text')
        .addColumn('granted_until', 'bigint')
        .addColumn('reminded_at', 'bigint')
        .execute();
      await db.schema
        .createIndex('access_verification_request_applicant')
        .on('access_verification_request')
        .column('applicant_id')
        .execute();
      await db.schema
        .createIndex('access_verification_request_subject')
        .on('access_verification_request')
        .columns(['subject_type', 'subject_id'])
        .execute();
      await db.schema
        .createIndex('access_verification_request_queue')
        .on('access_verification_request')
        .columns(['status', 'queued_at'])
        .execute();
      await db.schema
        .createTable('access_verification_evidence')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('request_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('satisfied', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('domain', 'text')
        .addColumn('dns_token', 'text')
        .addColumn('dns_checked_at', 'bigint')
        .addColumn('dns_result', 'text')
        .addColumn('dns_message', 'text')
        .addColumn('email_address', 'text')
        .addColumn('email_code_hash', 'text')
        .addColumn('email_code_expires_at', 'bigint')
        .addColumn('email_attempts', 'integer')
        .addColumn('email_confirmed_at', 'bigint')
        .addColumn('file_name', 'text')
        .addColumn('media_type', 'text')
        .addColumn('size_bytes', 'integer')
        .addColumn('sha256', 'text')
        .addColumn('sponsor_type', 'text')
        .addColumn('sponsor_id', 'text')
        .addColumn('sponsor_statement', 'text')
        .execute();
      await db.schema
        .createIndex('access_verification_evidence_request')
        .on('access_verification_evidence')
        .column('request_id')
        .execute();
      await db.schema
        .createTable('access_verification_document')
        .addColumn('evidence_id', 'text', (c) => c.primaryKey())
        .addColumn('content_base64', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('access_verification_decision')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('reviewer_id', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('internal_note', 'text')
        .addColumn('decided_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('access_verification_appeal')
        .addColumn('request_id', 'text', (c) => c.primaryKey())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('denied_by', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text')
        .addColumn('decision', 'text')
        .addColumn('reason', 'text')
        .addColumn('internal_note', 'text')
        .addColumn('decided_at', 'bigint')
        // The service refuses (and audits) a same-reviewer appeal; this keeps a bug from doing it anyway.
        .addCheckConstraint(
          'access_verification_appeal_second_reviewer',
          (await import('kysely')).sql`reviewer_id IS NULL OR reviewer_id <> denied_by`,
        )
        .execute();
    },
  },
];
