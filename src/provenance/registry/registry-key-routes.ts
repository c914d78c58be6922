/**
 * Taking trust back: an organization's signing keys listed and withdrawn, and an API
 * key's environment binding removed. Beside registry-routes.ts (which adds them) so
 * each file stays small. Withdrawing and unbinding need a signed-in person, like adding
 * and binding: a stolen API key must not be able to change what is trusted.
 */
import Type from 'typebox';
import { can } from '../../access/index.js';
import type { App } from '../../platform/http/app.js';
import { callerOf } from './registry-caller.js';
import { registryErrors } from './registry-errors.js';
import { READ, type RegistryRouteDeps, WRITE } from './registry-routes.js';
import { problems, tags } from './registry-schemas.js';

const OrgQuery = Type.Object(
  { orgId: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
/** A signing key's hint: the SHA-256 of its public key, lowercase hex. */
const Hint = Type.String({ pattern: '^[0-9a-f]{64}$' });

const SigningKeyState = Type.Object({
  hint: Type.String(),
  orgId: Type.String(),
  name: Type.String(),
  addedAt: Type.String(),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
});

export function registerKeyRoutes(app: App, deps: RegistryRouteDeps): void {
  const { admin } = deps;

  app.get(
    '/api/models/signing-keys',
    {
      schema: {
        tags,
        summary:
          "The organization's signing keys, newest first, withdrawn ones marked (its members)",
        querystring: OrgQuery,
        response: { 200: Type.Array(SigningKeyState), ...problems },
      },
    },
    async (request) => {
      const { orgId } = request.query;
      await callerOf(deps, request, READ, { orgId, minRole: 'member' });
      return admin.signingKeys(orgId);
    },
  );

  app.delete(
    '/api/models/signing-keys/:hint',
    {
      schema: {
        tags,
        summary:
          'Withdraw trust in a signing key (admins, signed in): pushes signed with it are refused from now on',
        params: Type.Object({ hint: Hint }),
        querystring: OrgQuery,
        response: {
          200: Type.Object({
            hint: Type.String(),
            orgId: Type.String(),
            signedArtifacts: Type.Integer(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { orgId } = request.query;
      const caller = await callerOf(deps, request, WRITE, { orgId, minRole: 'admin' });
      return admin.revokeSigningKey(caller, orgId, request.params.hint);
    },
  );

  app.delete(
    '/api/models/keys/:keyId/environment',
    {
      schema: {
        tags,
        summary:
          'Remove an API key’s environment binding: it then reaches no environment (its owner, or an admin of its organization, signed in)',
        params: Type.Object({ keyId: Type.String({ pattern: '^[A-Za-z0-9_]{1,64}$' }) }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const caller = await callerOf(deps, request, READ);
      const removed = await admin.unbindKey(
        caller,
        request.params.keyId,
        (orgId) => can(caller.principal, READ, { orgId, minRole: 'admin' }).allowed,
      );
      if (!removed)
        throw registryErrors.create('artifact_not_found', {
          message: 'That API key is not bound to an environment.',
          es: 'Esa clave de API no está vinculada a ningún entorno.',
        });
      return reply.code(204).send(null);
    },
  );
}
