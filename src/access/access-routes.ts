/**
 * The access API under /api/access: who am I, the tier policy, organizations
 * and their members and invitations, API keys, intermediaries' vouches, and the
 * operator's levers. Thin: authorize through the gate, call the services, map.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { negotiateLocale } from '../platform/engine-kit/i18n/messages.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import { type AccessGate, STEP_UP_MS } from './access-http.js';
import {
  AcceptInvitationRequest,
  CreatedKey,
  CreateKeyRequest,
  CreateOrgRequest,
  GrantSchema,
  InviteRequest,
  KeyId,
  KeySchema,
  MemberSchema,
  MeResponse,
  OrgSchema,
  RevokeRequest,
  RotateRequest,
  SetRoleRequest,
  SetTierRequest,
  SetVouchCapRequest,
  TiersResponse,
  Uuid,
  VouchRequest,
} from './access-schemas.js';
import type { Access } from './access-service.js';
import type { ApiKeyInfo } from './api-keys.js';
import type { Actor, Org, TierGrant } from './directory.js';
import { can, type OrgRole, type Principal, parseDuration, tierAt } from './engine/index.js';
import { accessErrors } from './errors.js';
import type { Invitations } from './invitations.js';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
const tags = ['access'];
const OrgParams = Type.Object({ orgId: Uuid });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function registerAccessRoutes(
  app: App,
  deps: { access: Access; gate: AccessGate; invitations: Invitations },
): void {
  const { access, gate, invitations } = deps;
  const { directory, keys } = access;

  const actorOf = (p: Principal, request: FastifyRequest): Actor => ({
    id: p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'public',
    requestId: String(request.id),
  });
  const tierSummary = (level: number) => {
    const t = tierAt(access.policy(), level);
    return { level: t.level, id: t.id, name: t.name };
  };
  const orgOut = (o: Org, role?: OrgRole) => ({
    id: o.id,
    name: o.name,
    created_at: new Date(o.createdAt).toISOString(),
    tier: tierSummary(o.tier),
    tier_expires_at: iso(o.tierExpiresAt),
    vouch_cap: o.vouchCap,
    ...(role === undefined ? {} : { role }),
  });
  const keyOut = (k: ApiKeyInfo) => ({
    id: k.id,
    owner: `${k.ownerType}:${k.ownerId}`,
    name: k.name,
    scope: k.scope === null ? null : [...k.scope],
    created_at: new Date(k.createdAt).toISOString(),
    created_by: k.createdBy,
    expires_at: iso(k.expiresAt),
    revoked_at: iso(k.revokedAt),
    last_used_at: iso(k.lastUsedAt),
    rotated_from: k.rotatedFrom,
  });
  const grantOut = (g: TierGrant) => ({
    id: g.id,
    subject: `${g.subjectType}:${g.subjectId}`,
    tier: g.tier,
    granted_by: g.grantedBy,
    via_org: g.viaOrg,
    reason: g.reason,
    created_at: new Date(g.createdAt).toISOString(),
    expires_at: iso(g.expiresAt),
    revoked_at: iso(g.revokedAt),
  });
  const duration = (text: string | undefined): number | null | undefined => {
    if (text === undefined) return undefined;
    const ms = parseDuration(text);
    if (ms === undefined) throw accessErrors.create('invalid_duration');
    return ms;
  };
  /** A user acting for themselves (session or personal key). */
  const requireUser = async (request: FastifyRequest, capability = 'account.manage') => {
    const p = await gate.require(request, capability);
    if (p.kind === 'anonymous') throw accessErrors.create('unauthenticated');
    if (p.kind !== 'user')
      throw accessErrors.create('forbidden', {
        message: 'Only a person (not an organization key) can do this.',
      });
    return p;
  };
  /** Sessions that sign in long ago must confirm it is them before changing credentials or tiers. */
  const requireRecentAuth = async (request: FastifyRequest) => {
    const session = await gate.session(request);
    if (session !== null && access.now() - session.authenticatedAt > STEP_UP_MS)
      throw accessErrors.create('step_up_required');
  };
  /** The key, when the caller may manage it; someone else's key is 404. */
  const manageableKey = async (request: FastifyRequest, keyId: string) => {
    const p = await gate.require(request, 'account.manage');
    if (p.kind === 'anonymous') throw accessErrors.create('unauthenticated');
    const info = await keys.info(keyId);
    if (p.kind === 'user' && p.capabilities.has('access.admin')) return { p, info };
    // The same rule as every org resource: a member with too low a role gets 403, others 404.
    const decision =
      info.ownerType === 'org'
        ? can(p, 'account.manage', { orgId: info.ownerId, minRole: 'admin' })
        : can(p, 'account.manage', { userId: info.ownerId });
    if (decision.allowed) return { p, info };
    if (decision.reason === 'role')
      throw accessErrors.create('forbidden', {
        message: 'Your role in this organization does not allow this.',
      });
    throw accessErrors.create('not_found', { message: `There is no key ${keyId}.` });
  };

  app.get(
    '/api/access/me',
    {
      schema: {
        tags,
        summary: 'Who these credentials belong to: tier and capabilities',
        response: { 200: MeResponse, ...problems },
      },
    },
    async (request) => {
      const p = await gate.principal(request);
      if (p.kind === 'anonymous') throw accessErrors.create('unauthenticated');
      const capabilities = [...p.capabilities].sort();
      const keyPart =
        p.kind === 'org' || p.keyId !== undefined
          ? {
              key: {
                id: p.keyId as string,
                expires_at: iso((await keys.info(p.keyId as string)).expiresAt),
              },
            }
          : {};
      if (p.kind === 'org') {
        const org = await directory.getOrg(p.orgId);
        return {
          kind: 'org' as const,
          id: org.id,
          name: org.name,
          tier: tierSummary(p.tier),
          capabilities,
          orgs: [],
          via: 'key' as const,
          ...keyPart,
        };
      }
      const facts = await access.authenticator.userFacts(p.userId);
      if (facts === undefined) throw accessErrors.create('unauthenticated');
      const orgs = await Promise.all(
        [...p.orgs].map(async ([id, role]) => ({
          id,
          name: (await directory.getOrg(id)).name,
          role,
        })),
      );
      return {
        kind: 'user' as const,
        id: p.userId,
        name: facts.displayName,
        email: facts.email,
        tier: tierSummary(p.tier),
        earned_tier: tierSummary(facts.earnedTier),
        security: facts.security,
        capabilities,
        orgs,
        via: p.via,
        ...keyPart,
      };
    },
  );

  app.get(
    '/api/access/tiers',
    {
      schema: {
        tags,
        summary: 'The trust tiers in force: what each allows and requires',
        response: { 200: TiersResponse },
      },
    },
    async () => ({
      digest: access.policySource.digest(),
      source: access.policySource.origin === 'built-in' ? 'built-in' : 'file',
      tiers: access.policy().tiers.map((t) => ({
        level: t.level,
        id: t.id,
        name: t.name,
        description: t.description,
        security: t.security,
        session_hours: t.sessionHours,
        capabilities: [...t.capabilities].sort(),
        requests_per_minute: t.rateLimits.requestsPerMinute,
        tokens_per_day: t.rateLimits.tokensPerDay,
        models: [...t.models],
        grant_days: t.grantDays,
      })),
    }),
  );

  // Organizations and members.
  app.post(
    '/api/access/orgs',
    {
      schema: {
        tags,
        summary: 'Create an organization (you become its owner; tier 0 until verified)',
        body: CreateOrgRequest,
        response: { 201: OrgSchema, ...problems },
      },
    },
    async (request, reply) => {
      const p = await requireUser(request);
      const actor = actorOf(p, request);
      const org = await directory.createOrg({ name: request.body.name }, actor);
      await directory.addMember(org.id, p.userId, 'owner', actor);
      return reply.code(201).send(orgOut(org, 'owner'));
    },
  );

  app.get(
    '/api/access/orgs',
    {
      schema: {
        tags,
        summary: 'Organizations you belong to',
        response: { 200: Type.Array(OrgSchema), ...problems },
      },
    },
    async (request) => {
      const p = await gate.require(request, 'account.manage');
      if (p.kind === 'org') return [orgOut(await directory.getOrg(p.orgId))];
      if (p.kind !== 'user') return [];
      return Promise.all(
        [...p.orgs].map(async ([id, role]) => orgOut(await directory.getOrg(id), role)),
      );
    },
  );

  app.get(
    '/api/access/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'One of your organizations',
        params: OrgParams,
        response: { 200: OrgSchema, ...problems },
      },
    },
    async (request) => {
      const p = await gate.require(request, 'account.manage', { orgId: request.params.orgId });
      const role = p.kind === 'user' ? p.orgs.get(request.params.orgId) : undefined;
      return orgOut(await directory.getOrg(request.params.orgId), role);
    },
  );

  app.get(
    '/api/access/orgs/:orgId/members',
    {
      schema: {
        tags,
        summary: 'Members and their roles',
        params: OrgParams,
        response: { 200: Type.Array(MemberSchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, 'account.manage', { orgId: request.params.orgId });
      const rows = await directory.members(request.params.orgId);
      return rows.map((m) => ({
        user_id: m.userId,
        email: m.email,
        display_name: m.displayName,
        role: m.role,
        since: new Date(Number(m.createdAt)).toISOString(),
      }));
    },
  );

  app.put(
    '/api/access/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Change a member’s role (owners are made by owners)',
        params: Type.Object({ orgId: Uuid, userId: Uuid }),
        body: SetRoleRequest,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      const role = request.body.role;
      const p = await gate.require(request, 'account.manage', {
        orgId,
        minRole: role === 'owner' ? 'owner' : 'admin',
      });
      const current = (await directory.members(orgId)).find((m) => m.userId === userId);
      if (current === undefined)
        throw accessErrors.create('not_found', { message: 'That person is not a member.' });
      if (current.role === 'owner' && !(p.kind === 'user' && p.orgs.get(orgId) === 'owner'))
        throw accessErrors.create('forbidden', {
          message: 'Only an owner can change an owner’s role.',
        });
      await directory.addMember(orgId, userId, role, actorOf(p, request));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/access/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member (or leave)',
        params: Type.Object({ orgId: Uuid, userId: Uuid }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { orgId, userId } = request.params;
      const self = await gate.require(request, 'account.manage', { orgId });
      const leaving = self.kind === 'user' && self.userId === userId;
      const p = leaving
        ? self
        : await gate.require(request, 'account.manage', { orgId, minRole: 'admin' });
      const target = (await directory.members(orgId)).find((m) => m.userId === userId);
      if (
        target?.role === 'owner' &&
        !leaving &&
        !(p.kind === 'user' && p.orgs.get(orgId) === 'owner')
      )
        throw accessErrors.create('forbidden', { message: 'Only an owner can remove an owner.' });
      await directory.removeMember(orgId, userId, actorOf(p, request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/access/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email',
        params: OrgParams,
        body: InviteRequest,
        response: {
          201: Type.Object({ id: Type.String(), expires_at: Type.String() }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const p = await gate.require(request, 'account.manage', {
        orgId,
        minRole: request.body.role === 'owner' ? 'owner' : 'admin',
      });
      const inv = await invitations.invite(
        orgId,
        request.body.email,
        request.body.role,
        actorOf(p, request),
        {
          ...(request.body.language === undefined ? {} : { chosen: request.body.language }),
          requested: negotiateLocale(request.headers['accept-language']),
        },
      );
      // The token goes only to the invited address, never back to the inviter.
      return reply
        .code(201)
        .send({ id: inv.id, expires_at: new Date(inv.expiresAt).toISOString() });
    },
  );

  app.get(
    '/api/access/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations not yet accepted',
        params: OrgParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              email: Type.String(),
              role: Type.String(),
              created_at: Type.String(),
              expires_at: Type.String(),
            }),
          ),
          ...problems,
        },
      },
    },
    async (request) => {
      await gate.require(request, 'account.manage', {
        orgId: request.params.orgId,
        minRole: 'admin',
      });
      return (await invitations.pending(request.params.orgId)).map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        created_at: new Date(i.createdAt).toISOString(),
        expires_at: new Date(i.expiresAt).toISOString(),
      }));
    },
  );

  app.delete(
    '/api/access/orgs/:orgId/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Withdraw an invitation',
        params: Type.Object({ orgId: Uuid, invitationId: Uuid }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const p = await gate.require(request, 'account.manage', {
        orgId: request.params.orgId,
        minRole: 'admin',
      });
      await invitations.revoke(
        request.params.orgId,
        request.params.invitationId,
        actorOf(p, request),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/access/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation sent to your address',
        body: AcceptInvitationRequest,
        response: { 200: Type.Object({ org: Type.String(), role: Type.String() }), ...problems },
      },
    },
    async (request) => {
      const p = await requireUser(request);
      const facts = await access.authenticator.userFacts(p.userId);
      if (facts === undefined) throw accessErrors.create('unauthenticated');
      const done = await invitations.accept(
        request.body.token,
        { id: p.userId, email: facts.email },
        actorOf(p, request),
      );
      return { org: done.orgId, role: done.role };
    },
  );

  // API keys.
  app.get(
    '/api/access/keys',
    {
      schema: {
        tags,
        summary: 'Your keys, or an organization’s (admins)',
        querystring: Type.Object({ org: Type.Optional(Uuid) }),
        response: { 200: Type.Array(KeySchema), ...problems },
      },
    },
    async (request) => {
      const org = request.query.org;
      if (org !== undefined) {
        await gate.require(request, 'account.manage', { orgId: org, minRole: 'admin' });
        return (await keys.list({ type: 'org', id: org })).map(keyOut);
      }
      const p = await requireUser(request);
      return (await keys.list({ type: 'user', id: p.userId })).map(keyOut);
    },
  );

  app.post(
    '/api/access/keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (the whole key is in this answer only)',
        body: CreateKeyRequest,
        response: { 201: CreatedKey, ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const p =
        body.org === undefined
          ? await requireUser(request)
          : await gate.require(request, 'account.manage', { orgId: body.org, minRole: 'admin' });
      if (p.kind !== 'user')
        throw accessErrors.create('forbidden', {
          message: 'Keys are created by people, not by other keys.',
        });
      await requireRecentAuth(request);
      const created = await keys.create(
        {
          owner:
            body.org === undefined ? { type: 'user', id: p.userId } : { type: 'org', id: body.org },
          ...(body.name === undefined ? {} : { name: body.name }),
          ...(body.capabilities === undefined ? {} : { scope: body.capabilities }),
          ...(body.expires === undefined ? {} : { expiresInMs: duration(body.expires) }),
        },
        actorOf(p, request),
      );
      return reply.code(201).send({ ...keyOut(created.info), key: created.key });
    },
  );

  app.post(
    '/api/access/keys/:keyId/rotate',
    {
      schema: {
        tags,
        summary: 'Replace a key; the old one keeps working for the overlap (default 1 day)',
        params: Type.Object({ keyId: KeyId }),
        body: Type.Optional(RotateRequest),
        response: {
          201: Type.Intersect([CreatedKey, Type.Object({ old_key_expires_at: Type.String() })]),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { p } = await manageableKey(request, request.params.keyId);
      await requireRecentAuth(request);
      const overlap = duration(request.body?.overlap);
      const rotated = await keys.rotate(
        request.params.keyId,
        actorOf(p, request),
        overlap ?? undefined,
      );
      return reply.code(201).send({
        ...keyOut(rotated.info),
        key: rotated.key,
        old_key_expires_at: new Date(rotated.oldKeyExpiresAt).toISOString(),
      });
    },
  );

  app.delete(
    '/api/access/keys/:keyId',
    {
      schema: {
        tags,
        summary: 'Revoke a key at once, on every instance',
        params: Type.Object({ keyId: KeyId }),
        body: Type.Optional(RevokeRequest),
        response: { 200: KeySchema, ...problems },
      },
    },
    async (request) => {
      const { p } = await manageableKey(request, request.params.keyId);
      return keyOut(
        await keys.revoke(
          request.params.keyId,
          request.body?.reason ?? 'revoked by its owner',
          actorOf(p, request),
        ),
      );
    },
  );

  // Intermediaries.
  app.get(
    '/api/access/orgs/:orgId/vouches',
    {
      schema: {
        tags,
        summary: 'Tiers this intermediary has vouched organizations into',
        params: OrgParams,
        response: { 200: Type.Array(GrantSchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, 'account.manage', {
        orgId: request.params.orgId,
        minRole: 'admin',
      });
      return (await directory.vouchesBy(request.params.orgId)).map(grantOut);
    },
  );

  app.post(
    '/api/access/orgs/:orgId/vouches',
    {
      schema: {
        tags,
        summary: 'Vouch a member organization into a tier (up to this intermediary’s cap)',
        params: OrgParams,
        body: VouchRequest,
        response: { 201: GrantSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params;
      const p = await gate.require(request, 'access.vouch', { orgId, minRole: 'admin' });
      await requireRecentAuth(request);
      const member = await directory.getOrg(request.body.org);
      const grant = await directory.vouch(
        orgId,
        member.id,
        request.body.tier,
        request.body.reason,
        actorOf(p, request),
        duration(request.body.expires),
      );
      return reply.code(201).send(grantOut(grant));
    },
  );

  app.delete(
    '/api/access/orgs/:orgId/vouches/:grantId',
    {
      schema: {
        tags,
        summary: 'Withdraw a vouch',
        params: Type.Object({ orgId: Uuid, grantId: Uuid }),
        body: Type.Optional(RevokeRequest),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { orgId, grantId } = request.params;
      const p = await gate.require(request, 'account.manage', { orgId, minRole: 'admin' });
      await directory.revokeGrant(
        grantId,
        request.body?.reason ?? 'withdrawn by the intermediary',
        actorOf(p, request),
        orgId,
      );
      return reply.code(204).send(null);
    },
  );

  // The operator's levers (staff with access.admin).
  app.get(
    '/api/access/admin/orgs',
    {
      schema: {
        tags,
        summary: 'Every organization (operators)',
        response: { 200: Type.Array(OrgSchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, 'access.admin');
      return (await directory.listOrgs()).map((o) => orgOut(o));
    },
  );

  app.put(
    '/api/access/admin/orgs/:orgId/tier',
    {
      schema: {
        tags,
        summary: 'Set an organization’s tier, with a reason (operators)',
        params: OrgParams,
        body: SetTierRequest,
        response: { 200: GrantSchema, ...problems },
      },
    },
    async (request) => {
      const p = await gate.require(request, 'access.admin');
      await requireRecentAuth(request);
      const org = await directory.getOrg(request.params.orgId);
      const grant = await directory.setTier(
        { type: 'org', id: org.id },
        request.body.tier,
        request.body.reason,
        actorOf(p, request),
        {
          ...(request.body.expires === undefined
            ? {}
            : { expiresInMs: duration(request.body.expires) }),
        },
      );
      return grantOut(grant);
    },
  );

  app.put(
    '/api/access/admin/orgs/:orgId/vouch-cap',
    {
      schema: {
        tags,
        summary:
          'Make an organization an intermediary, with the highest tier it may vouch into (operators)',
        params: OrgParams,
        body: SetVouchCapRequest,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const p = await gate.require(request, 'access.admin');
      await requireRecentAuth(request);
      await directory.setVouchCap(
        request.params.orgId,
        request.body.cap,
        request.body.reason,
        actorOf(p, request),
      );
      return reply.code(204).send(null);
    },
  );
}
