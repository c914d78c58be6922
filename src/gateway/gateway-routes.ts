/**
 * The OpenAI-compatible HTTP surface on Fastify: POST /v1/chat/completions,
 * POST /v1/responses, GET /v1/models. Registered in its own encapsulated context
 * so every error — ours, the access gate's, Fastify's — leaves in OpenAI's error
 * shape rather than the problem details the rest of the API uses.
 *
 * The two POST routes are usually answered by the lean path (lean-path.ts)
 * before Fastify sees them; these routes answer what it leaves (a session
 * cookie instead of a key, another content type, `app.inject`, start-up and
 * shutdown) with the same service and the same replies.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessGate } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import { callerOf, type KeyRefusal } from './caller.js';
import type { Endpoint } from './engine/openai-payload.js';
import type { Gateway } from './gateway-service.js';
import { errorReply } from './openai-reply.js';

export interface GatewayRouteDeps {
  readonly gateway: Gateway;
  readonly gate: AccessGate;
  readonly bodyLimit: number;
  /** Why a presented key was refused, to tell a revoked key from an unknown one. */
  readonly refusedKey?: KeyRefusal;
}

export async function registerGatewayRoutes(app: App, deps: GatewayRouteDeps): Promise<void> {
  await app.register(async (v1) => {
    v1.setErrorHandler((err, request, reply) => {
      const e = errorReply(err);
      if (e.ours) request.log.error({ err }, 'gateway request failed');
      else request.log.info({ code: e.code }, 'gateway request refused');
      if (e.retryAfter !== undefined) reply.header('retry-after', e.retryAfter);
      return reply.code(e.status).type('application/json; charset=utf-8').send(e.body);
    });

    const principal = (request: FastifyRequest) => callerOf(deps.gate, request, deps.refusedKey);

    const handle = (endpoint: Endpoint) => async (request: FastifyRequest, reply: FastifyReply) => {
      const who = await principal(request);
      const aborted = new AbortController();
      reply.raw.on('close', () => {
        if (!reply.raw.writableFinished) aborted.abort();
      });
      const header = request.headers['x-shieldwall-end-user'];
      const answer = await deps.gateway.call({
        endpoint,
        body: request.body,
        principal: who,
        endUserHeader: typeof header === 'string' ? header : undefined,
        requestId: String(request.id),
        clientIp: request.ip,
        signal: aborted.signal,
      });
      reply.code(answer.status).header('content-type', answer.contentType);
      if (answer.kind === 'buffer') return reply.send(answer.body);
      return reply
        .header('cache-control', 'no-cache')
        .header('x-accel-buffering', 'no')
        .send(answer.stream);
    };

    const options = { bodyLimit: deps.bodyLimit, schema: { hide: true } };
    v1.post('/v1/chat/completions', options, handle('chat'));
    v1.post('/v1/responses', options, handle('responses'));
    v1.get('/v1/models', { schema: { hide: true } }, async (request) =>
      deps.gateway.models(await principal(request)),
    );
  });
}
