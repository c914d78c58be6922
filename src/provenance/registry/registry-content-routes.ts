/**
 * Artifact bytes: PUT streams the request body into the blob store (hashed and
 * counted as it arrives, never buffered, refused past the declared size), GET
 * streams it back. Registered in their own encapsulated context so the
 * `application/octet-stream` pass-through parser applies to these routes only.
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import { type CallerDeps, callerOf, READ, WRITE } from './registry-caller.js';
import { ArtifactSchema, Id, problems, tags } from './registry-schemas.js';
import type { RegistryService } from './registry-service.js';

export function registerContentRoutes(
  app: App,
  deps: CallerDeps & { readonly registry: RegistryService },
): void {
  const { registry } = deps;
  void app.register(async (scope: FastifyInstance) => {
    const content = scope as unknown as App;
    // Hand the raw request stream to the handler: the service reads it chunk by chunk.
    content.addContentTypeParser('application/octet-stream', (_request, payload, done) =>
      done(null, payload),
    );

    content.put(
      '/api/models/artifacts/:id/content',
      {
        schema: {
          tags,
          summary:
            'Upload the artifact’s bytes (application/octet-stream); kept only if they match its SHA-256 and size',
          params: Type.Object({ id: Id }),
          response: { 200: ArtifactSchema, ...problems },
        },
      },
      async (request) => {
        const caller0 = await callerOf(deps, request, READ);
        const target = await registry.uploadTarget(caller0, request.params.id);
        const caller = await callerOf(deps, request, WRITE, {
          orgId: target.org_id,
          minRole: 'analyst',
        });
        const body = request.body as IncomingMessage | undefined;
        if (body === undefined || typeof body[Symbol.asyncIterator] !== 'function')
          return registry.upload(caller, target, emptyBody());
        return registry.upload(caller, target, body);
      },
    );

    content.get(
      '/api/models/artifacts/:id/content',
      {
        schema: {
          tags,
          summary: 'Download the artifact’s bytes (audited; watched for unusual access)',
          params: Type.Object({ id: Id }),
          response: {
            200: { content: { 'application/octet-stream': { schema: Type.String() } } },
            ...problems,
          },
        },
      },
      async (request, reply) => {
        const caller = await callerOf(deps, request, READ);
        const { artifact, stream } = await registry.download(caller, request.params.id);
        return (
          reply
            .header('content-type', 'application/octet-stream')
            .header('content-length', String(artifact.size))
            .header('content-disposition', `attachment; filename="${artifact.fileName}"`)
            .header(
              'repr-digest',
              `sha-256=:${Buffer.from(artifact.sha256, 'hex').toString('base64')}:`,
            )
            .header('x-artifact-sha256', artifact.sha256)
            // The schema documents bytes; Fastify pipes the stream (the type provider expects a string).
            .send(stream as unknown as string)
        );
      },
    );
  });
}

async function* emptyBody(): AsyncGenerator<Uint8Array> {}
