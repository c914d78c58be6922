/**
 * REST for an organization's webhooks: `/api/intel/orgs/:orgId/webhooks`.
 * Only the organization's admins (or its own API key) manage them; the signing
 * secret is answered once, when the hook is made.
 */
import Type from 'typebox';
import { accessGate } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Webhook, Webhooks } from './webhooks.js';

const tags = ['exchange'];
const Uuid = Type.String({
  pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
const Params = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 100 }) });
const HookParams = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 100 }), id: Uuid });
const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const WebhookSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  types: Type.Union([Type.Array(Type.String()), Type.Null()]),
  collections: Type.Union([Type.Array(Type.String()), Type.Null()]),
  enabled: Type.Boolean(),
  created_at: Type.String(),
});
const CreateBody = Type.Object(
  {
    url: Type.String({
      minLength: 8,
      maxLength: 2048,
      description: 'https endpoint that receives signed POSTs',
    }),
    types: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z][a-z0-9-]{0,249}$' }), {
        minItems: 1,
        maxItems: 20,
      }),
    ),
    collections: Type.Optional(Type.Array(Uuid, { minItems: 1, maxItems: 20 })),
  },
  { additionalProperties: false },
);

const out = (w: Webhook) => ({
  id: w.id,
  url: w.url,
  types: w.types === null ? null : [...w.types],
  collections: w.collections === null ? null : [...w.collections],
  enabled: w.enabled,
  created_at: new Date(w.createdAt).toISOString(),
});

export function registerWebhookRoutes(app: App, deps: { readonly webhooks: Webhooks }): void {
  const gate = accessGate(app);
  const admin = async (request: Parameters<typeof gate.require>[0], orgId: string) => {
    const p = await gate.require(request, 'intel.read:clear', { orgId, minRole: 'admin' });
    return p.kind === 'user'
      ? `user:${p.userId}`
      : p.kind === 'org'
        ? `key:${p.keyId}`
        : 'anonymous';
  };

  app.post(
    '/api/intel/orgs/:orgId/webhooks',
    {
      schema: {
        tags,
        summary:
          'Register a webhook: signed POSTs (Standard Webhooks) when intelligence your organization may read is added; the secret is shown once',
        params: Params,
        body: CreateBody,
        response: {
          201: Type.Object({ webhook: WebhookSchema, secret: Type.String() }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params as { orgId: string };
      const actor = await admin(request, orgId);
      const body = request.body as { url: string; types?: string[]; collections?: string[] };
      const { webhook, secret } = await deps.webhooks.create({ orgId, ...body }, actor);
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ webhook: out(webhook), secret });
    },
  );

  app.get(
    '/api/intel/orgs/:orgId/webhooks',
    {
      schema: {
        tags,
        summary: "Your organization's webhooks",
        params: Params,
        response: { 200: Type.Object({ webhooks: Type.Array(WebhookSchema) }), ...problems },
      },
    },
    async (request) => {
      const { orgId } = request.params as { orgId: string };
      await admin(request, orgId);
      return { webhooks: (await deps.webhooks.list(orgId)).map(out) };
    },
  );

  app.delete(
    '/api/intel/orgs/:orgId/webhooks/:id',
    {
      schema: {
        tags,
        summary: 'Remove a webhook (pending deliveries are dropped)',
        params: HookParams,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const { orgId, id } = request.params as { orgId: string; id: string };
      await deps.webhooks.remove(orgId, id, await admin(request, orgId));
      return reply.code(204).send(null);
    },
  );

  app.patch(
    '/api/intel/orgs/:orgId/webhooks/:id',
    {
      schema: {
        tags,
        summary:
          'Turn a webhook on or off (one turned off after failing every retry is turned back on here; its failures are forgotten)',
        params: HookParams,
        body: Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: Type.Object({ webhook: WebhookSchema }), ...problems },
      },
    },
    async (request) => {
      const { orgId, id } = request.params as { orgId: string; id: string };
      const actor = await admin(request, orgId);
      const { enabled } = request.body as { enabled: boolean };
      return { webhook: out(await deps.webhooks.setEnabled(orgId, id, enabled, actor)) };
    },
  );

  app.post(
    '/api/intel/orgs/:orgId/webhooks/:id/test',
    {
      schema: {
        tags,
        summary:
          'Send a signed test message ("type": "webhook.test") to a webhook that is on; while one is waiting, the same one is answered',
        params: HookParams,
        response: {
          202: Type.Object({ delivery_id: Type.String() }),
          409: ProblemSchema,
          429: ProblemSchema,
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const { orgId, id } = request.params as { orgId: string; id: string };
      const actor = await admin(request, orgId);
      const { deliveryId } = await deps.webhooks.sendTest(orgId, id, actor);
      return reply.code(202).send({ delivery_id: deliveryId });
    },
  );

  app.get(
    '/api/intel/orgs/:orgId/webhooks/:id/deliveries',
    {
      schema: {
        tags,
        summary: 'The latest deliveries of a webhook, with attempts and errors',
        params: HookParams,
        response: {
          200: Type.Object({
            deliveries: Type.Array(
              Type.Object({
                id: Type.String(),
                type: Type.String({ description: '"intel.objects.added", or "webhook.test"' }),
                status: Type.String(),
                attempts: Type.Integer(),
                last_status: Type.Union([Type.Integer(), Type.Null()]),
                last_error: Type.Union([Type.String(), Type.Null()]),
                created_at: Type.String(),
                delivered_at: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { orgId, id } = request.params as { orgId: string; id: string };
      await admin(request, orgId);
      return {
        deliveries: (await deps.webhooks.deliveries(orgId, id)).map((d) => ({
          id: d.id,
          type: d.type,
          status: d.status,
          attempts: d.attempts,
          last_status: d.lastStatus,
          last_error: d.lastError,
          created_at: new Date(d.createdAt).toISOString(),
          delivered_at: d.deliveredAt === null ? null : new Date(d.deliveredAt).toISOString(),
        })),
      };
    },
  );
}
