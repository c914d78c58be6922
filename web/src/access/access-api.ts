import { apiGet, apiSend } from './access-client.js';
import {
  arrayOf,
  ignoreBody,
  nullable,
  num,
  type Of,
  object,
  optional,
  parserOf,
  str,
} from './shapes.js';

/** /api/access: who am I, the tiers, organizations, members, invitations and API keys. */
const BASE = '/api/access';

const TierSummary = object({ level: num, id: str, name: str });
const Me = object({
  id: str,
  name: str,
  email: optional(str),
  tier: TierSummary,
  earned_tier: optional(TierSummary),
  security: optional(str),
  capabilities: arrayOf(str),
  orgs: arrayOf(object({ id: str, name: str, role: str })),
});
export type Me = Of<typeof Me>;
export const getMe = (signal?: AbortSignal) => apiGet(`${BASE}/me`, parserOf(Me), signal);

const Tier = object({ level: num, id: str, name: str, description: str, security: str });
export type Tier = Of<typeof Tier>;
export const getTiers = (signal?: AbortSignal) =>
  apiGet(`${BASE}/tiers`, parserOf(object({ tiers: arrayOf(Tier) })), signal).then((a) => a.tiers);

const Org = object({
  id: str,
  name: str,
  created_at: str,
  tier: TierSummary,
  tier_expires_at: nullable(str),
  role: optional(str),
});
export type Org = Of<typeof Org>;
export const listOrgs = (signal?: AbortSignal) =>
  apiGet(`${BASE}/orgs`, parserOf(arrayOf(Org)), signal);
export const getOrg = (id: string, signal?: AbortSignal) =>
  apiGet(`${BASE}/orgs/${id}`, parserOf(Org), signal);
export const createOrg = (name: string) => apiSend(`${BASE}/orgs`, { name }, parserOf(Org));

export const ROLES = ['owner', 'admin', 'analyst', 'member'] as const;
export type Role = (typeof ROLES)[number];

const Member = object({ user_id: str, email: str, display_name: str, role: str, since: str });
export type Member = Of<typeof Member>;
export const listMembers = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${BASE}/orgs/${orgId}/members`, parserOf(arrayOf(Member)), signal);
export const setMemberRole = (orgId: string, userId: string, role: Role) =>
  apiSend(`${BASE}/orgs/${orgId}/members/${userId}`, { role }, ignoreBody, 'PUT');
export const removeMember = (orgId: string, userId: string) =>
  apiSend(`${BASE}/orgs/${orgId}/members/${userId}`, undefined, ignoreBody, 'DELETE');

const Invitation = object({ id: str, email: str, role: str, expires_at: str });
export type Invitation = Of<typeof Invitation>;
export const listInvitations = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${BASE}/orgs/${orgId}/invitations`, parserOf(arrayOf(Invitation)), signal);
export const invite = (orgId: string, email: string, role: Role) =>
  apiSend(`${BASE}/orgs/${orgId}/invitations`, { email, role }, ignoreBody);
export const withdrawInvitation = (orgId: string, id: string) =>
  apiSend(`${BASE}/orgs/${orgId}/invitations/${id}`, undefined, ignoreBody, 'DELETE');
export const acceptInvitation = (token: string) =>
  apiSend(`${BASE}/invitations/accept`, { token }, parserOf(object({ org: str, role: str })));

const ApiKey = object({
  id: str,
  name: str,
  created_at: str,
  expires_at: nullable(str),
  revoked_at: nullable(str),
  last_used_at: nullable(str),
});
export type ApiKey = Of<typeof ApiKey>;
const NewKey = object({ id: str, name: str, key: str, expires_at: nullable(str) });
export type NewKey = Of<typeof NewKey>;

export const listOrgKeys = (orgId: string, signal?: AbortSignal) =>
  apiGet(`${BASE}/keys?org=${orgId}`, parserOf(arrayOf(ApiKey)), signal);
/** `expires` is a duration the server understands (30d, 52w) or "never". */
export const createOrgKey = (orgId: string, name: string, expires: string) =>
  apiSend(`${BASE}/keys`, { org: orgId, name, expires }, parserOf(NewKey));
export const rotateKey = (id: string) =>
  apiSend(
    `${BASE}/keys/${id}/rotate`,
    {},
    parserOf(object({ id: str, name: str, key: str, old_key_expires_at: str })),
  );
export const revokeKey = (id: string) => apiSend(`${BASE}/keys/${id}`, {}, ignoreBody, 'DELETE');
