/**
 * Service views to the wire format of /api/access (snake_case, like the rest of
 * the access API). Written field by field so the applicant's answer is built
 * from the applicant's view only.
 */
import type {
  AppealView,
  DecisionView,
  EvidenceView,
  RequestView,
  ReviewView,
} from './verification-types.js';

export function evidenceOut(e: EvidenceView) {
  return {
    id: e.id,
    kind: e.kind,
    created_at: e.createdAt,
    satisfied: e.satisfied,
    ...(e.dns === undefined
      ? {}
      : {
          dns: {
            domain: e.dns.domain,
            record: e.dns.record,
            checked_at: e.dns.checkedAt,
            result: e.dns.result,
            message: e.dns.message,
          },
        }),
    ...(e.email === undefined
      ? {}
      : {
          email: {
            domain: e.email.domain,
            address: e.email.address,
            code_expires_at: e.email.codeExpiresAt,
            confirmed_at: e.email.confirmedAt,
          },
        }),
    ...(e.document === undefined
      ? {}
      : {
          document: {
            file_name: e.document.fileName,
            media_type: e.document.mediaType,
            size_bytes: e.document.sizeBytes,
            sha256: e.document.sha256,
          },
        }),
    ...(e.sponsor === undefined ? {} : { sponsor: { ...e.sponsor } }),
  };
}

function base(v: RequestView | ReviewView) {
  return {
    id: v.id,
    subject: { type: v.subject.type, id: v.subject.id },
    requested_tier: v.requestedTier,
    statement: v.statement,
    status: v.status,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
    granted_until: v.grantedUntil,
    evidence: v.evidence.map(evidenceOut),
  };
}

const decisionOut = (d: DecisionView) => ({
  decision: d.decision,
  reason: d.reason,
  decided_at: d.decidedAt,
});

const appealOut = (a: AppealView) => ({
  statement: a.statement,
  created_at: a.createdAt,
  decision: a.decision,
  reason: a.reason,
  decided_at: a.decidedAt,
});

export function requestOut(v: RequestView) {
  return {
    ...base(v),
    decision: v.decision === null ? null : decisionOut(v.decision),
    appeal: v.appeal === null ? null : appealOut(v.appeal),
  };
}

export function reviewOut(v: ReviewView) {
  return {
    ...base(v),
    applicant_id: v.applicantId,
    queued_at: v.queuedAt,
    decision:
      v.decision === null
        ? null
        : {
            ...decisionOut(v.decision),
            reviewer_id: v.decision.reviewerId,
            internal_note: v.decision.internalNote,
          },
    appeal:
      v.appeal === null
        ? null
        : {
            ...appealOut(v.appeal),
            denied_by: v.appeal.deniedBy,
            reviewer_id: v.appeal.reviewerId,
            internal_note: v.appeal.internalNote,
          },
  };
}
