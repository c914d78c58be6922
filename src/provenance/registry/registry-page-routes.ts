/**
 * The routes behind an artifact's web page: everything about it in one read (signature,
 * scan, AI-BOM and attestation summaries), the attached documents (upload once, download),
 * and who accessed it and when (its organization's admins, and operators).
 *
 * Attaching needs what uploading needs (an analyst of the owning organization, in the key's
 * environment); reading needs what reading the artifact needs.
 */
import Type, { type Static } from 'typebox';
import { can } from '../../access/index.js';
import type { App } from '../../platform/http/app.js';
import type { ProblemSchema } from '../../platform/http/problem.js';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_BYTES } from './registry-attachments.js';
import { callerOf, FINDINGS, READ, WRITE } from './registry-caller.js';
import type { RegistryRouteDeps } from './registry-routes.js';
import {
  AccessEntrySchema,
  ArtifactSchema,
  AttachedSchema,
  DetailsSchema,
  Id,
  problems,
  tags,
} from './registry-schemas.js';

const FILE = { bom: 'ai-bom.cdx.json', attestation: 'training-attestation.sigstore.json' };

export function registerPageRoutes(app: App, deps: RegistryRouteDeps): void {
  const { registry, admin, gate } = deps;

  app.get(
    '/api/models/artifacts/:id/details',
    {
      schema: {
        tags,
        summary:
          'Everything an artifact’s page shows: signature and its transparency-log proof, scan verdict, AI-BOM and training attestation summaries',
        params: Type.Object({ id: Id }),
        response: { 200: DetailsSchema, ...problems },
      },
    },
    async (request) =>
      // The service's arrays are readonly; the schema's static type wants mutable ones.
      (await registry.details(
        await callerOf(deps, request, READ),
        request.params.id,
      )) as unknown as Static<typeof DetailsSchema>,
  );

  app.get(
    '/api/models/artifacts/:id/history',
    {
      schema: {
        tags,
        summary:
          'Who accessed the artifact and when, newest first, from the audit log (its organization’s admins, and operators)',
        params: Type.Object({ id: Id }),
        querystring: Type.Object({
          before: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: {
          200: Type.Object({
            artifact: ArtifactSchema,
            entries: Type.Array(AccessEntrySchema),
            next: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      // Operators hold the findings capability, not necessarily registry reading.
      const principal = await gate.principal(request);
      const operator = can(principal, FINDINGS).allowed;
      const caller = await callerOf(deps, request, operator ? FINDINGS : READ);
      const q = request.query;
      return registry.history(
        caller,
        request.params.id,
        {
          ...(q.before === undefined ? {} : { before: q.before }),
          ...(q.limit === undefined ? {} : { limit: q.limit }),
        },
        operator,
      );
    },
  );

  for (const kind of ATTACHMENT_KINDS) {
    app.get(
      `/api/models/artifacts/:id/${kind}`,
      {
        schema: {
          tags,
          summary:
            kind === 'bom'
              ? 'Download the attached AI-BOM (CycloneDX 1.6 JSON)'
              : 'Download the attached training attestation (Sigstore bundle)',
          params: Type.Object({ id: Id }),
          // 200: the stored JSON document exactly as accepted (its SHA-256 is in the audit log).
          response: { ...problems },
        },
      },
      async (request, reply) => {
        const caller = await callerOf(deps, request, READ);
        const a = await registry.attachment(caller, request.params.id, kind);
        return (
          reply
            .header('content-type', 'application/json; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="${a.artifact.name}-${a.artifact.version}.${FILE[kind]}"`,
            )
            .header('x-content-sha256', a.sha256)
            // Not serialized again: the schema lists only problems, the type provider expects one.
            .send(a.content as unknown as Static<typeof ProblemSchema>)
        );
      },
    );

    app.put(
      `/api/models/artifacts/:id/${kind}`,
      {
        bodyLimit: MAX_ATTACHMENT_BYTES + 64 * 1024,
        schema: {
          tags,
          summary:
            kind === 'bom'
              ? 'Attach a CycloneDX 1.6 ML-BOM (once; validated against the official schema)'
              : 'Attach a training attestation: SLSA v1 provenance signed with a registered key (once)',
          params: Type.Object({ id: Id }),
          body: Type.Record(Type.String(), Type.Unknown()),
          response: { 201: AttachedSchema, ...problems },
        },
      },
      async (request, reply) => {
        const caller0 = await callerOf(deps, request, READ);
        const target = await registry.attachTarget(caller0, request.params.id);
        const caller = await callerOf(deps, request, WRITE, {
          orgId: target.org_id,
          minRole: 'analyst',
        });
        const attached = await registry.attach(
          caller,
          target,
          kind,
          JSON.stringify(request.body),
          await admin.trustedKeys(target.org_id),
        );
        return reply.code(201).send(attached as unknown as Static<typeof AttachedSchema>);
      },
    );
  }
}
