/**
 * What the safeguards pages read and change on the server (/api/safeguards), each answer checked
 * for shape before the page uses it. The server decides who may see what: an owner gets only the
 * limits on their own account and the organizations they administer; the console's reads answer
 * operators only (403 otherwise, which the page turns into a sentence).
 */
import { apiGet, apiSend } from '../access/access-client.js';
import {
  arrayOf,
  bool,
  ignoreBody,
  nullable,
  num,
  type Of,
  object,
  oneOf,
  optional,
  parserOf,
  str,
} from '../access/shapes.js';

export const SAFEGUARDS = '/safeguards';
const API = '/api/safeguards';
export const DECISION_STREAM = `${API}/decisions/stream`;

/** The console's parts, each at `/safeguards/<part>`. */
export const CONSOLE_PARTS = ['decisions', 'risk', 'findings', 'levers', 'appeals'] as const;
export type ConsolePart = (typeof CONSOLE_PARTS)[number];
export const partPath = (part: ConsolePart) => `${SAFEGUARDS}/${part}`;

/** A lever as its owner sees it (the server's NoticeLever). */
export const OwnerLever = object({
  id: str,
  kind: oneOf('restrict', 'friction', 'revoke'),
  target: str,
  tier: nullable(num),
  mode: nullable(oneOf('limits', 'step-up')),
  reason: str,
  expiresAt: nullable(str),
  automatic: bool,
});
export type OwnerLever = Of<typeof OwnerLever>;

/** Names come with subjects in the console's answers (null: unknown, show the id). */
const name = optional(nullable(str));

const Appeal = object({
  id: str,
  lever_id: str,
  target: str,
  target_name: name,
  owner: str,
  owner_name: name,
  reason: str,
  created_at: str,
  status: oneOf('pending', 'granted', 'denied'),
  decided_at: nullable(str),
  decided_by: nullable(str),
  decided_by_name: name,
  decision_reason: nullable(str),
});
export type Appeal = Of<typeof Appeal>;

const MyLever = object({ lever: OwnerLever, owner: str, appeal: nullable(Appeal) });
export type MyLever = Of<typeof MyLever>;

const Notice = object({
  id: str,
  owner: str,
  kind: oneOf('lever.pulled', 'lever.lifted', 'appeal.granted', 'appeal.denied'),
  created_at: str,
  read_at: nullable(str),
  lever: OwnerLever,
  note: nullable(str),
});
export type Notice = Of<typeof Notice>;

/** A lever as operators see it (with its evidence). */
const Lever = object({
  id: str,
  kind: str,
  target: str,
  target_name: name,
  tier: nullable(num),
  mode: nullable(str),
  reason: str,
  actor: str,
  actor_name: name,
  created_at: nullable(str),
  expires_at: nullable(str),
  lifted_at: nullable(str),
  lifted_by: nullable(str),
  lifted_by_name: name,
  lift_reason: optional(nullable(str)),
  automatic: bool,
  evidence: arrayOf(str),
});
export type Lever = Of<typeof Lever>;

export const Decision = object({
  requestId: str,
  at: str,
  subject: nullable(str),
  name,
  keyId: nullable(str),
  tier: num,
  decision: str,
  risk: num,
  categories: arrayOf(str),
});
export type Decision = Of<typeof Decision>;

const RiskEvidence = object({
  requestId: str,
  at: num,
  decision: str,
  risk: num,
  categories: arrayOf(str),
});
const Risk = object({
  subject: str,
  name,
  score: num,
  blocks: num,
  evidence: arrayOf(RiskEvidence),
});
export type Risk = Of<typeof Risk>;

const Finding = object({
  id: str,
  run_at: str,
  kind: str,
  subject: str,
  name,
  summary: str,
  request_ids: arrayOf(str),
});
export type Finding = Of<typeof Finding>;

const CitedRequest = object({
  id: str,
  at: str,
  decision: str,
  risk: num,
  categories: arrayOf(str),
  model: str,
  status: num,
  prompt: nullable(str),
});
const Review = object({
  appeal: Appeal,
  lever: Lever,
  in_force: bool,
  risk: arrayOf(Risk),
  requests: arrayOf(CitedRequest),
});
export type Review = Of<typeof Review>;

export const fetchMyLevers = (signal?: AbortSignal) =>
  apiGet(`${API}/my/levers`, parserOf(arrayOf(MyLever)), signal);
export const fetchNotices = (signal?: AbortSignal) =>
  apiGet(`${API}/my/notices`, parserOf(arrayOf(Notice)), signal);
export const markNoticeRead = (id: string) =>
  apiSend(`${API}/my/notices/${encodeURIComponent(id)}/read`, undefined, ignoreBody);
export const appealLever = (leverId: string, reason: string) =>
  apiSend(`${API}/my/levers/${encodeURIComponent(leverId)}/appeal`, { reason }, parserOf(Appeal));

export const fetchDecisions = (signal?: AbortSignal) =>
  apiGet(`${API}/decisions?limit=100`, parserOf(arrayOf(Decision)), signal);
export const fetchRisk = (signal?: AbortSignal) =>
  apiGet(`${API}/risk?limit=50`, parserOf(arrayOf(Risk)), signal);
export const fetchFindings = (signal?: AbortSignal) =>
  apiGet(`${API}/findings?limit=100`, parserOf(arrayOf(Finding)), signal);
export const fetchLeverHistory = (signal?: AbortSignal) =>
  apiGet(`${API}/levers?history=true`, parserOf(arrayOf(Lever)), signal);
export const fetchAppeals = (status: Appeal['status'], signal?: AbortSignal) =>
  apiGet(`${API}/appeals?status=${status}`, parserOf(arrayOf(Review)), signal);
export const decideAppeal = (id: string, grant: boolean, reason: string) =>
  apiSend(`${API}/appeals/${encodeURIComponent(id)}/decision`, { grant, reason }, parserOf(Review));

/** Where an organization's notices are posted (the server's WebhookOut); the secret is never read back. */
const OrgWebhook = object({ url: str, created_at: str, paused_at: nullable(str) });
export type OrgWebhook = Of<typeof OrgWebhook>;
/** The answer to setting it: the signing secret (`whsec_…`), shown to the admin this once. */
const NewOrgWebhook = object({ url: str, created_at: str, secret: str });
/** A new address is never paused. */
export const freshWebhook = (answer: { url: string; created_at: string }): OrgWebhook => ({
  url: answer.url,
  created_at: answer.created_at,
  paused_at: null,
});
export type NewOrgWebhook = Of<typeof NewOrgWebhook>;

const webhookPath = (orgId: string) => `${API}/orgs/${encodeURIComponent(orgId)}/webhook`;

/** What GET …/webhook answers: the webhook, or nulls when none is set up. */
const OrgWebhookOrNone = object({
  url: nullable(str),
  created_at: nullable(str),
  paused_at: nullable(str),
});
/** The organization's webhook, or null when none is set up. */
export const fetchOrgWebhook = async (
  orgId: string,
  signal?: AbortSignal,
): Promise<OrgWebhook | null> => {
  const hook = await apiGet(webhookPath(orgId), parserOf(OrgWebhookOrNone), signal);
  return hook.url === null || hook.created_at === null
    ? null
    : { url: hook.url, created_at: hook.created_at, paused_at: hook.paused_at };
};
/** Set or replace the address; a new secret every time (the old one stops working). */
export const setOrgWebhook = (orgId: string, url: string) =>
  apiSend(webhookPath(orgId), { url }, parserOf(NewOrgWebhook), 'PUT');
export const removeOrgWebhook = (orgId: string) =>
  apiSend(webhookPath(orgId), undefined, ignoreBody, 'DELETE');
/** `last_error` of a notice not sent while the address is paused (owner-webhooks.ts PAUSED_ERROR). */
export const PAUSED_ERROR = 'not sent: deliveries to this address are paused after failing';
/** The longest address the server takes (appeal-routes.ts, the PUT body's maxLength). */
export const MAX_WEBHOOK_URL_CHARS = 2048;

/** The longest appeal the server takes (appeal-service.ts MAX_APPEAL_CHARS). */
export const MAX_APPEAL_CHARS = 2000;
/** The longest decision reason (lever-service.ts MAX_REASON_CHARS). */
export const MAX_REASON_CHARS = 500;

/** What the receiving system did with a test message, sent now (the server waits for its answer). */
const TestOutcome = object({ delivered: bool, status: nullable(num), error: nullable(str) });
export type TestOutcome = Of<typeof TestOutcome>;
export const testOrgWebhook = (orgId: string) =>
  apiSend(`${webhookPath(orgId)}/test`, {}, parserOf(TestOutcome));

/** One message to the organization's address (GET …/webhook/deliveries), newest first. */
const OrgDelivery = object({
  id: str,
  kind: str,
  status: oneOf('pending', 'delivered', 'failed'),
  attempts: num,
  last_error: nullable(str),
  created_at: str,
});
export type OrgDelivery = Of<typeof OrgDelivery>;
export const fetchOrgDeliveries = (orgId: string, signal?: AbortSignal) =>
  apiGet(
    `${webhookPath(orgId)}/deliveries`,
    parserOf(object({ deliveries: arrayOf(OrgDelivery) })),
    signal,
  ).then((answer) => answer.deliveries);
