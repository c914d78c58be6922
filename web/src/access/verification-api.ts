import { apiGet, apiSend } from './access-client.js';
import {
  arrayOf,
  bool,
  nullable,
  num,
  type Of,
  object,
  oneOf,
  optional,
  parserOf,
  str,
} from './shapes.js';

/** /api/access/verification: the applicant's requests and the reviewers' queue. */
const MINE = '/api/access/verification/requests';
const REVIEW = '/api/access/verification/review';

const Evidence = object({
  id: str,
  kind: str,
  satisfied: bool,
  dns: optional(
    object({
      domain: str,
      record: object({ name: str, type: str, value: str }),
      checked_at: nullable(str),
      result: nullable(str),
      message: nullable(str),
    }),
  ),
  email: optional(
    object({
      domain: str,
      address: str,
      code_expires_at: nullable(str),
      confirmed_at: nullable(str),
    }),
  ),
  document: optional(object({ file_name: str })),
  sponsor: optional(object({ type: str, id: str, statement: str })),
});
export type Evidence = Of<typeof Evidence>;

const Decision = object({ decision: oneOf('approved', 'denied'), reason: str, decided_at: str });
const Appeal = object({
  statement: str,
  created_at: str,
  decision: nullable(oneOf('approved', 'denied')),
  reason: nullable(str),
});
const RequestShape = {
  id: str,
  subject: object({ type: oneOf('org', 'user'), id: str }),
  requested_tier: num,
  statement: str,
  status: str,
  created_at: str,
  updated_at: str,
  granted_until: nullable(str),
  evidence: arrayOf(Evidence),
  decision: nullable(Decision),
  appeal: nullable(Appeal),
};
const VerificationRequest = object(RequestShape);
export type VerificationRequest = Of<typeof VerificationRequest>;
const ReviewItem = object({ ...RequestShape, applicant_id: str, queued_at: str });
export type ReviewItem = Of<typeof ReviewItem>;

const one = parserOf(VerificationRequest);
const evidence = parserOf(Evidence);

export const listRequests = (signal?: AbortSignal) =>
  apiGet(MINE, parserOf(object({ requests: arrayOf(VerificationRequest) })), signal).then(
    (a) => a.requests,
  );

/** Ask for `tier`, for yourself (`orgId` null) or an organization you administer. */
export const submitRequest = (orgId: string | null, tier: number, statement: string) =>
  apiSend(
    MINE,
    { subject: orgId === null ? { type: 'user' } : { type: 'org', id: orgId }, tier, statement },
    one,
  );

export const addDnsEvidence = (id: string, domain: string) =>
  apiSend(`${MINE}/${id}/evidence/dns`, { domain }, evidence);
export const checkDns = (id: string, evidenceId: string) =>
  apiSend(`${MINE}/${id}/evidence/${evidenceId}/check`, undefined, evidence);
export const sendEmailCode = (id: string, domain: string, address: string) =>
  apiSend(`${MINE}/${id}/evidence/email`, { domain, address }, evidence);
export const confirmEmailCode = (id: string, evidenceId: string, code: string) =>
  apiSend(`${MINE}/${id}/evidence/${evidenceId}/confirm`, { code: code.trim() }, evidence);
export const appeal = (id: string, statement: string) =>
  apiSend(`${MINE}/${id}/appeal`, { statement }, one);
export const withdraw = (id: string) => apiSend(`${MINE}/${id}/withdraw`, undefined, one);

const review = parserOf(ReviewItem);
export const reviewQueue = (signal?: AbortSignal) =>
  apiGet(`${REVIEW}/queue`, parserOf(object({ requests: arrayOf(ReviewItem) })), signal).then(
    (a) => a.requests,
  );
export const getReviewItem = (id: string, signal?: AbortSignal) =>
  apiGet(`${REVIEW}/requests/${id}`, review, signal);
/** Approve or deny; for an appealed request the same choice goes to the appeal decision. */
export const decide = (item: ReviewItem, choice: 'approve' | 'deny', reason: string) =>
  item.status === 'appealed'
    ? apiSend(`${REVIEW}/requests/${item.id}/appeal-decision`, { decision: choice, reason }, review)
    : apiSend(`${REVIEW}/requests/${item.id}/${choice}`, { reason }, review);
