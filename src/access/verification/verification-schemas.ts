import Type from 'typebox';
import { MAX_DOCUMENT_BASE64 } from './document-check.js';
import { EVIDENCE_KINDS, REQUEST_STATUSES } from './verification-tables.js';

/**
 * Request and response schemas of the verification API (they also feed the
 * OpenAPI document). Every string has a bound; the service checks content.
 * Responses list their fields, so the serializer drops anything else (a
 * reviewer-only field can never leak into an applicant's answer by accident).
 */
const oneOf = <T extends string>(values: readonly T[]) =>
  Type.Unsafe<T>(Type.String({ enum: [...values] }));
const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
const Time = Type.String({ description: 'ISO 8601 UTC' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description === undefined ? {} : { description }) });

export const RequestParams = Type.Object({ id: Uuid });
export const EvidenceParams = Type.Object({ id: Uuid, evidence_id: Uuid });

export const SubmitBody = Type.Object(
  {
    subject: Type.Union([
      Type.Object({ type: Type.Literal('org'), id: Uuid }, { additionalProperties: false }),
      Type.Object({ type: Type.Literal('user') }, { additionalProperties: false }),
    ]),
    tier: Type.Integer({ minimum: 1, maximum: 20 }),
    statement: Text(4000, 'Who you are and why you need this tier, in your own words'),
  },
  { additionalProperties: false },
);

export const DomainBody = Type.Object(
  { domain: Type.String({ minLength: 1, maxLength: 300 }) },
  { additionalProperties: false },
);

export const EmailBody = Type.Object(
  {
    domain: Type.String({ minLength: 1, maxLength: 300 }),
    address: Type.String({ minLength: 3, maxLength: 254 }),
  },
  { additionalProperties: false },
);

export const CodeBody = Type.Object(
  { code: Type.String({ minLength: 8, maxLength: 20, description: '8 digits, e.g. 1234-5678' }) },
  { additionalProperties: false },
);

export const DocumentBody = Type.Object(
  {
    file_name: Type.String({ minLength: 1, maxLength: 200 }),
    media_type: Type.String({ minLength: 1, maxLength: 100 }),
    content_base64: Type.String({
      minLength: 4,
      // A little over 5 MiB so an oversized file gets the 413 with its size, not a schema error.
      maxLength: MAX_DOCUMENT_BASE64 + 64,
      description: 'The file in standard base64; at most 5 MiB decoded',
    }),
  },
  { additionalProperties: false },
);

export const SponsorBody = Type.Object(
  {
    sponsor: Type.Object(
      { type: oneOf(['org', 'user'] as const), id: Type.String({ minLength: 1, maxLength: 200 }) },
      { additionalProperties: false },
    ),
    statement: Text(2000, 'What the sponsor says about you'),
  },
  { additionalProperties: false },
);

export const StatementBody = Type.Object(
  { statement: Text(4000) },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    reason: Text(2000, 'Shown to the applicant'),
    internal_note: Type.Optional(Type.String({ maxLength: 4000, description: 'Reviewers only' })),
  },
  { additionalProperties: false },
);

export const AppealDecisionBody = Type.Object(
  {
    decision: oneOf(['approve', 'deny'] as const),
    reason: Text(2000, 'Shown to the applicant'),
    internal_note: Type.Optional(Type.String({ maxLength: 4000, description: 'Reviewers only' })),
  },
  { additionalProperties: false },
);

const Subject = Type.Object({ type: oneOf(['org', 'user'] as const), id: Type.String() });

export const EvidenceSchema = Type.Object({
  id: Type.String(),
  kind: oneOf(EVIDENCE_KINDS),
  created_at: Time,
  satisfied: Type.Boolean(),
  dns: Type.Optional(
    Type.Object({
      domain: Type.String(),
      record: Type.Object({ name: Type.String(), type: Type.Literal('TXT'), value: Type.String() }),
      checked_at: Nullable(Time),
      result: Nullable(Type.String()),
      message: Nullable(Type.String()),
    }),
  ),
  email: Type.Optional(
    Type.Object({
      domain: Type.String(),
      address: Type.String(),
      code_expires_at: Nullable(Time),
      confirmed_at: Nullable(Time),
    }),
  ),
  document: Type.Optional(
    Type.Object({
      file_name: Type.String(),
      media_type: Type.String(),
      size_bytes: Type.Integer(),
      sha256: Type.String(),
    }),
  ),
  sponsor: Type.Optional(
    Type.Object({
      type: oneOf(['org', 'user'] as const),
      id: Type.String(),
      statement: Type.String(),
    }),
  ),
});

const Decided = {
  decision: oneOf(['approved', 'denied'] as const),
  reason: Type.String(),
  decided_at: Time,
};
const Appeal = {
  statement: Type.String(),
  created_at: Time,
  decision: Nullable(oneOf(['approved', 'denied'] as const)),
  reason: Nullable(Type.String()),
  decided_at: Nullable(Time),
};
const RequestBase = {
  id: Type.String(),
  subject: Subject,
  requested_tier: Type.Integer(),
  statement: Type.String(),
  status: oneOf(REQUEST_STATUSES),
  created_at: Time,
  updated_at: Time,
  granted_until: Nullable(Time),
  evidence: Type.Array(EvidenceSchema),
};

/** What the applicant sees: no reviewer identities, no internal notes. */
export const RequestSchema = Type.Object({
  ...RequestBase,
  decision: Nullable(Type.Object(Decided)),
  appeal: Nullable(Type.Object(Appeal)),
});

export const ReviewSchema = Type.Object({
  ...RequestBase,
  applicant_id: Type.String(),
  queued_at: Time,
  decision: Nullable(
    Type.Object({
      ...Decided,
      reviewer_id: Type.String(),
      internal_note: Nullable(Type.String()),
    }),
  ),
  appeal: Nullable(
    Type.Object({
      ...Appeal,
      denied_by: Type.String(),
      reviewer_id: Nullable(Type.String()),
      internal_note: Nullable(Type.String()),
    }),
  ),
});

export const DocumentContentSchema = Type.Object({
  file_name: Type.String(),
  media_type: Type.String(),
  sha256: Type.String(),
  content_base64: Type.String(),
});
