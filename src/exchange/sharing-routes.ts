/**
 * REST for sharing: sharing groups (`/api/intel/groups`), collections with an
 * owner, tiers and groups (`POST /api/intel/collections`), and a JSON read of
 * a collection's objects (`GET /api/intel/collections/:id/objects`) that goes
 * through the same `mayRead` as TAXII. An organization's admins (with
 * `intel.write`) manage its groups and collections; operators manage all.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { accessGate, type Principal } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Exchange } from './exchange-service.js';
import { MAX_PAGE } from './object-store.js';
import type { GroupActor, SharingGroup } from './sharing-groups.js';
import { exchangeErrors } from './taxii-errors.js';

const tags = ['exchange'];
const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
const OrgRef = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'organization id or name',
});
const GroupRef = Type.String({ minLength: 1, maxLength: 200, description: 'group id or name' });
const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
};
const GroupSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.String(), Type.Null()]),
  owner_org: Type.Union([Type.String(), Type.Null()]),
  members: Type.Array(Type.String()),
});
const groupOut = (g: SharingGroup) => ({
  id: g.id,
  name: g.name,
  description: g.description,
  owner_org: g.ownerOrg,
  members: [...g.members],
});

export function registerSharingRoutes(app: App, deps: { readonly exchange: Exchange }): void {
  const { exchange } = deps;
  const gate = accessGate(app);
  const actorOf = async (request: FastifyRequest): Promise<GroupActor> => {
    const p: Principal = await gate.principal(request);
    if (p.kind === 'anonymous') throw exchangeErrors.create('unauthenticated');
    return {
      kind: 'principal',
      principal: p,
      actor: p.kind === 'user' ? `user:${p.userId}` : `key:${p.keyId}`,
      requestId: String(request.id),
    };
  };

  app.get(
    '/api/intel/groups',
    {
      schema: {
        tags,
        summary: 'Sharing groups you manage or your organization belongs to',
        response: { 200: Type.Object({ groups: Type.Array(GroupSchema) }), ...problems },
      },
    },
    async (request) => ({
      groups: (await exchange.groups.list(await actorOf(request))).map(groupOut),
    }),
  );

  app.post(
    '/api/intel/groups',
    {
      schema: {
        tags,
        summary: 'Create a sharing group (owned by an organization you administer)',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 64 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            org: Type.Optional(OrgRef),
          },
          { additionalProperties: false },
        ),
        response: { 201: GroupSchema, ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body as { name: string; description?: string; org?: string };
      const g = await exchange.groups.create(await actorOf(request), {
        name: body.name,
        ...(body.description === undefined ? {} : { description: body.description }),
        ...(body.org === undefined ? {} : { ownerOrg: body.org }),
      });
      return reply.code(201).send(groupOut(g));
    },
  );

  const Member = Type.Object({ group: GroupRef, org: OrgRef });
  app.put(
    '/api/intel/groups/:group/members/:org',
    {
      schema: {
        tags,
        summary: 'Add an organization to a sharing group',
        params: Member,
        response: { 200: GroupSchema, ...problems },
      },
    },
    async (request) => {
      const { group, org } = request.params as { group: string; org: string };
      return groupOut(await exchange.groups.addMember(await actorOf(request), group, org));
    },
  );

  app.delete(
    '/api/intel/groups/:group/members/:org',
    {
      schema: {
        tags,
        summary: 'Remove an organization from a sharing group',
        params: Member,
        response: { 200: GroupSchema, ...problems },
      },
    },
    async (request) => {
      const { group, org } = request.params as { group: string; org: string };
      return groupOut(await exchange.groups.removeMember(await actorOf(request), group, org));
    },
  );

  app.post(
    '/api/intel/collections',
    {
      schema: {
        tags,
        summary: 'Create a collection owned by an organization you administer, shared with groups',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            org: OrgRef,
            read: Type.Optional(Type.String({ maxLength: 80 })),
            write: Type.Optional(Type.String({ maxLength: 80 })),
            groups: Type.Optional(
              Type.Array(
                Type.Object(
                  { group: GroupRef, write: Type.Boolean() },
                  { additionalProperties: false },
                ),
                { maxItems: 50 },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.String(),
            title: Type.String(),
            owner_org: Type.Union([Type.String(), Type.Null()]),
            read: Type.String(),
            write: Type.String(),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const b = request.body as {
        title: string;
        description?: string;
        org: string;
        read?: string;
        write?: string;
        groups?: { group: string; write: boolean }[];
      };
      const c = await exchange.createCollection(await actorOf(request), {
        title: b.title,
        ownerOrg: b.org,
        ...(b.description === undefined ? {} : { description: b.description }),
        ...(b.read === undefined ? {} : { readCapability: b.read }),
        ...(b.write === undefined ? {} : { writeCapability: b.write }),
        ...(b.groups === undefined ? {} : { groups: b.groups }),
      });
      return reply.code(201).send({
        id: c.id,
        title: c.title,
        owner_org: c.ownerOrg,
        read: c.readCapability,
        write: c.writeCapability,
      });
    },
  );

  const Share = Type.Object({ id: Uuid, group: GroupRef });
  app.put(
    '/api/intel/collections/:id/groups/:group',
    {
      schema: {
        tags,
        summary: 'Share a collection with a sharing group (members read; and add, with write)',
        params: Share,
        body: Type.Object({ write: Type.Boolean() }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { id, group } = request.params as { id: string; group: string };
      const { write } = request.body as { write: boolean };
      await exchange.shareCollection(await actorOf(request), id, group, write);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/intel/collections/:id/groups/:group',
    {
      schema: {
        tags,
        summary: 'Stop sharing a collection with a sharing group',
        params: Share,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { id, group } = request.params as { id: string; group: string };
      await exchange.shareCollection(await actorOf(request), id, group, null);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/intel/collections/:id/objects',
    {
      schema: {
        tags,
        summary:
          'The latest version of each object you may read in a collection, oldest added first',
        params: Type.Object({ id: Uuid }),
        querystring: Type.Object(
          {
            type: Type.Optional(Type.String({ pattern: '^[a-z][a-z0-9-]{0,249}$' })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE })),
            next: Type.Optional(Type.String({ pattern: '^[0-9]{1,20}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            objects: Type.Array(Type.Unknown()),
            more: Type.Boolean(),
            next: Type.Optional(Type.String()),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const q = request.query as { type?: string; limit?: number; next?: string };
      const page = await exchange.read(await gate.principal(request), id, {
        ...(q.type === undefined ? {} : { match: { type: [q.type] } }),
        ...(q.limit === undefined ? {} : { limit: q.limit }),
        ...(q.next === undefined ? {} : { next: q.next }),
      });
      return {
        objects: page.rows.map((r) => JSON.parse(r.json) as unknown),
        more: page.more,
        ...(page.next === undefined ? {} : { next: page.next }),
      };
    },
  );
}
