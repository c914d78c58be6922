/**
 * The model registry under /api/models. Thin: the access gate decides capabilities
 * (`model.registry.read`, `model.registry.write` for an organization's analysts,
 * grants and signing keys for its admins, findings for operators), the services do
 * the rest. Bytes move in registry-content-routes.ts; an artifact's page reads (details,
 * attachments, access history) are in registry-page-routes.ts.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { type AccessGate, can } from '../../access/index.js';
import type { App } from '../../platform/http/app.js';
import type { InsiderService } from './insider-service.js';
import { SIGNAL_KINDS } from './insider-signals.js';
import type { RegistryAdmin } from './registry-admin.js';
import { type CallerDeps, callerOf, FINDINGS, READ, WRITE } from './registry-caller.js';
import { registryErrors } from './registry-errors.js';
import { registerPageRoutes } from './registry-page-routes.js';
import {
  ArtifactSchema,
  BindBody,
  CreateArtifact,
  Environment,
  FindingSchema,
  GrantBody,
  GrantSchema,
  Id,
  InclusionProofSchema,
  problems,
  Sha256,
  SignatureSchema,
  SigningKeyBody,
  tags,
} from './registry-schemas.js';
import type { RegistryService } from './registry-service.js';

export { FINDINGS, READ, WRITE } from './registry-caller.js';

export interface RegistryRouteDeps extends CallerDeps {
  readonly gate: AccessGate;
  readonly registry: RegistryService;
  readonly admin: RegistryAdmin;
  readonly insider: InsiderService;
}

export function registerRegistryRoutes(app: App, deps: RegistryRouteDeps): void {
  registerArtifactRoutes(app, deps);
  registerGrantRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerPageRoutes(app, deps);
}

function registerArtifactRoutes(app: App, deps: RegistryRouteDeps): void {
  const { registry, admin } = deps;
  app.post(
    '/api/models/artifacts',
    {
      schema: {
        tags,
        summary:
          'Describe a new artifact version (name, version, environment, SHA-256, size, signature); upload its bytes next',
        body: CreateArtifact,
        response: {
          201: Type.Object({
            artifact: ArtifactSchema,
            signature: Type.Union([SignatureSchema, Type.Null()]),
            uploadUrl: Type.String(),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const caller = await callerOf(deps, request, WRITE, { orgId: b.orgId, minRole: 'analyst' });
      const created = await registry.create(caller, b, await admin.trustedKeys(b.orgId));
      return reply.code(201).send({
        ...created,
        uploadUrl: `/api/models/artifacts/${created.artifact.id}/content`,
      });
    },
  );

  app.get(
    '/api/models/artifacts',
    {
      schema: {
        tags,
        summary: 'Artifacts you can see (an API key: in its own environment only)',
        querystring: Type.Object({
          environment: Type.Optional(Environment),
          org: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: { 200: Type.Array(ArtifactSchema), ...problems },
      },
    },
    async (request) => {
      const caller = await callerOf(deps, request, READ);
      const q = request.query;
      return registry.list(caller, {
        ...(q.environment === undefined ? {} : { environment: q.environment }),
        ...(q.org === undefined ? {} : { orgId: q.org }),
        ...(q.limit === undefined ? {} : { limit: q.limit }),
      });
    },
  );

  app.get(
    '/api/models/artifacts/:id',
    {
      schema: {
        tags,
        summary: 'One artifact',
        params: Type.Object({ id: Id }),
        response: { 200: ArtifactSchema, ...problems },
      },
    },
    async (request) => registry.get(await callerOf(deps, request, READ), request.params.id),
  );

  app.get(
    '/api/models/artifacts/:id/signature',
    {
      schema: {
        tags,
        summary: 'The artifact’s signature bundle and the proof that it is in the transparency log',
        params: Type.Object({ id: Id }),
        response: {
          200: Type.Intersect([SignatureSchema, Type.Object({ bundle: Type.String() })]),
          ...problems,
        },
      },
    },
    async (request) => registry.signature(await callerOf(deps, request, READ), request.params.id),
  );

  app.get(
    '/api/models/log/:bundleSha256',
    {
      schema: {
        tags,
        summary:
          'For `shieldwall model verify --log`: the transparency-log entry of a signature bundle (by the SHA-256 of its bytes) and its inclusion proof',
        params: Type.Object({ bundleSha256: Sha256 }),
        response: {
          200: Type.Object({ canonical: Type.String(), proof: InclusionProofSchema }),
          ...problems,
        },
      },
    },
    async (request) => {
      // Public like the audit log's own proofs, but counted against the caller's rate limit.
      await deps.gate.principal(request);
      return registry.logEntryOf(request.params.bundleSha256);
    },
  );
}

function registerGrantRoutes(app: App, deps: RegistryRouteDeps): void {
  const { admin } = deps;
  /**
   * The artifact's org for the admin check; unknown ids answer 404 like foreign ones. The
   * capability is checked first, so callers without it learn nothing about which ids exist.
   */
  const orgOf = async (request: FastifyRequest, id: string) => {
    await deps.gate.require(request, WRITE);
    const org = await admin.artifactOrg(id);
    if (org === undefined) throw registryErrors.create('artifact_not_found');
    return org;
  };

  app.get(
    '/api/models/artifacts/:id/grants',
    {
      schema: {
        tags,
        summary: 'Who else may read this artifact (its organization’s admins)',
        params: Type.Object({ id: Id }),
        response: { 200: Type.Array(GrantSchema), ...problems },
      },
    },
    async (request) => {
      const orgId = await orgOf(request, request.params.id);
      await callerOf(deps, request, WRITE, { orgId, minRole: 'admin' });
      return admin.grants(request.params.id);
    },
  );

  app.post(
    '/api/models/artifacts/:id/grants',
    {
      schema: {
        tags,
        summary: 'Let another organization, a user or one API key read this artifact',
        params: Type.Object({ id: Id }),
        body: GrantBody,
        response: { 201: GrantSchema, ...problems },
      },
    },
    async (request, reply) => {
      const orgId = await orgOf(request, request.params.id);
      const caller = await callerOf(deps, request, WRITE, { orgId, minRole: 'admin' });
      return reply
        .code(201)
        .send(await admin.grant(caller, request.params.id, request.body.grantee));
    },
  );

  app.delete(
    '/api/models/artifacts/:id/grants/:grantId',
    {
      schema: {
        tags,
        summary: 'Revoke a grant',
        params: Type.Object({ id: Id, grantId: Id }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const orgId = await orgOf(request, request.params.id);
      const caller = await callerOf(deps, request, WRITE, { orgId, minRole: 'admin' });
      if (!(await admin.revokeGrant(caller, request.params.id, request.params.grantId)))
        throw registryErrors.create('artifact_not_found', {
          message: 'There is no such grant on this artifact.',
          es: 'No existe ese permiso en este artefacto.',
        });
      return reply.code(204).send(null);
    },
  );
}

function registerAdminRoutes(app: App, deps: RegistryRouteDeps): void {
  const { admin, insider } = deps;
  app.post(
    '/api/models/signing-keys',
    {
      schema: {
        tags,
        summary: 'Register a public key the organization signs artifacts with (admins, signed in)',
        body: SigningKeyBody,
        response: {
          201: Type.Object({
            hint: Type.String(),
            orgId: Type.String(),
            name: Type.String(),
            addedAt: Type.String(),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const caller = await callerOf(deps, request, WRITE, { orgId: b.orgId, minRole: 'admin' });
      return reply.code(201).send(await admin.addSigningKey(caller, b.orgId, b));
    },
  );

  app.put(
    '/api/models/keys/:keyId/environment',
    {
      schema: {
        tags,
        summary:
          'Bind an API key to one registry environment (its owner, or an admin of its organization, signed in)',
        params: Type.Object({ keyId: Type.String({ pattern: '^[A-Za-z0-9_]{1,64}$' }) }),
        body: BindBody,
        response: {
          200: Type.Object({ keyId: Type.String(), environment: Type.String() }),
          ...problems,
        },
      },
    },
    async (request) => {
      const caller = await callerOf(deps, request, READ);
      return admin.bindKey(
        caller,
        request.params.keyId,
        request.body.environment,
        (orgId) => can(caller.principal, READ, { orgId, minRole: 'admin' }).allowed,
      );
    },
  );

  app.get(
    '/api/models/findings',
    {
      schema: {
        tags,
        summary:
          'Insider-threat findings from registry downloads, newest first (operators), each with a plain explanation and a suggested lever',
        querystring: Type.Object({
          account: Type.Optional(Type.String({ pattern: '^(user|key):[A-Za-z0-9_.@-]{1,128}$' })),
          kind: Type.Optional(Type.Union(SIGNAL_KINDS.map((k) => Type.Literal(k)))),
          since: Type.Optional(Type.String({ format: 'date-time' })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: { 200: Type.Array(FindingSchema), ...problems },
      },
    },
    async (request) => {
      await deps.gate.require(request, FINDINGS);
      const q = request.query;
      return insider.list({
        ...(q.account === undefined ? {} : { account: q.account }),
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.since === undefined ? {} : { since: Date.parse(q.since) }),
        ...(q.limit === undefined ? {} : { limit: q.limit }),
      });
    },
  );
}
