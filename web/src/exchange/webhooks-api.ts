/**
 * An organization's intelligence webhooks (`/api/intel/orgs/:orgId/webhooks`,
 * src/exchange/webhook-routes.ts), each answer checked for shape before the page uses it. Only
 * the organization's admins may call them (the server checks `minRole: 'admin'`); the signing
 * secret is in the answer to adding one and never again.
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
  parserOf,
  str,
} from '../access/shapes.js';

const IntelWebhook = object({
  id: str,
  url: str,
  /** null: every type the organization may read. */
  types: nullable(arrayOf(str)),
  /** null: every collection the organization may read. */
  collections: nullable(arrayOf(str)),
  /** false once deliveries kept failing after every retry. */
  enabled: bool,
  created_at: str,
});
export type IntelWebhook = Of<typeof IntelWebhook>;

const NewIntelWebhook = object({ webhook: IntelWebhook, secret: str });
export type NewIntelWebhook = Of<typeof NewIntelWebhook>;

const Delivery = object({
  id: str,
  /** `webhook.test` for a test message an admin sent; otherwise new intelligence. */
  type: str,
  status: oneOf('pending', 'delivered', 'failed'),
  attempts: num,
  last_status: nullable(num),
  last_error: nullable(str),
  created_at: str,
  delivered_at: nullable(str),
});
export type Delivery = Of<typeof Delivery>;

const hooksPath = (orgId: string) => `/api/intel/orgs/${encodeURIComponent(orgId)}/webhooks`;
const hookPath = (orgId: string, id: string) => `${hooksPath(orgId)}/${encodeURIComponent(id)}`;

export const fetchIntelWebhooks = (orgId: string, signal?: AbortSignal) =>
  apiGet(hooksPath(orgId), parserOf(object({ webhooks: arrayOf(IntelWebhook) })), signal).then(
    (answer) => answer.webhooks,
  );

/** Add one; `types` and `collections` left out (not empty) mean "everything it may read". */
export const addIntelWebhook = (
  orgId: string,
  hook: {
    readonly url: string;
    readonly types?: readonly string[];
    readonly collections?: readonly string[];
  },
) => apiSend(hooksPath(orgId), hook, parserOf(NewIntelWebhook));

export const removeIntelWebhook = (orgId: string, id: string) =>
  apiSend(hookPath(orgId, id), undefined, ignoreBody, 'DELETE');

/** Turn a webhook on (after it was turned off for failing) or off; the webhook as it is now. */
export const setIntelWebhookEnabled = (orgId: string, id: string, enabled: boolean) =>
  apiSend(
    hookPath(orgId, id),
    { enabled },
    parserOf(object({ webhook: IntelWebhook })),
    'PATCH',
  ).then((answer) => answer.webhook);

/** Queue a signed test message to a webhook that is on (while one waits, the same one). */
export const sendIntelWebhookTest = (orgId: string, id: string) =>
  apiSend(`${hookPath(orgId, id)}/test`, {}, parserOf(object({ delivery_id: str })));

/** The latest deliveries, newest first (the server keeps at most 50 in the answer). */
export const fetchDeliveries = (orgId: string, id: string, signal?: AbortSignal) =>
  apiGet(
    `${hookPath(orgId, id)}/deliveries`,
    parserOf(object({ deliveries: arrayOf(Delivery) })),
    signal,
  ).then((answer) => answer.deliveries);

/** The longest address the server takes (webhook-routes.ts, the body's maxLength). */
export const MAX_HOOK_URL_CHARS = 2048;
/** At most this many types, and as many collections, per webhook (the body's maxItems). */
export const MAX_HOOK_LIMITS = 20;
/** Webhooks one organization may have (webhooks.ts MAX_HOOKS_PER_ORG). */
export const MAX_HOOKS_PER_ORG = 20;

/** The kinds of intelligence offered as limits: the common ones, in the order people need them. */
export const HOOK_TYPES = [
  'indicator',
  'sighting',
  'malware',
  'vulnerability',
  'attack-pattern',
  'report',
] as const;
