/**
 * The OpenAI-compatible HTTP surface: POST /v1/chat/completions, POST
 * /v1/responses, GET /v1/models. Registered in its own encapsulated context so
 * every error — ours, the access gate's, Fastify's — leaves in OpenAI's error
 * shape rather than the problem details the rest of the API uses.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { AccessGate, Principal } from '../access/index.js';
import { ShieldwallError } from '../platform/errors.js';
import type { App } from '../platform/http/app.js';
import type { Endpoint } from './engine/openai-payload.js';
import { gatewayErrors, openAiError } from './errors.js';
import type { Gateway } from './gateway-service.js';

export interface GatewayRouteDeps {
  readonly gateway: Gateway;
  readonly gate: AccessGate;
  readonly bodyLimit: number;
  /** Why a presented key was refused, to tell a revoked key from an unknown one. */
  readonly refusedKey?: (request: FastifyRequest) => Promise<'revoked' | 'invalid'>;
}

export async function registerGatewayRoutes(app: App, deps: GatewayRouteDeps): Promise<void> {
  await app.register(async (v1) => {
    v1.setErrorHandler((err, request, reply) => {
      const e = toGatewayError(err);
      if (e.status >= 500 && e.code !== 'upstream_unavailable')
        request.log.error({ err }, 'gateway request failed');
      else request.log.info({ code: e.code }, 'gateway request refused');
      const retry = e.details?.retryAfterSeconds;
      if (e.status === 429 && typeof retry === 'number') reply.header('retry-after', String(retry));
      const param = typeof e.details?.param === 'string' ? e.details.param : null;
      const body = openAiError(e, param);
      const link = e.details?.link;
      return reply
        .code(e.status)
        .type('application/json; charset=utf-8')
        .send(typeof link === 'string' ? { error: { ...body.error, link } } : body);
    });

    const principal = async (request: FastifyRequest): Promise<Principal> => {
      let p: Principal;
      try {
        p = await deps.gate.principal(request);
      } catch (err) {
        if (err instanceof ShieldwallError && err.code === 'unauthenticated') {
          const why = deps.refusedKey === undefined ? 'invalid' : await deps.refusedKey(request);
          throw gatewayErrors.create(why === 'revoked' ? 'key_revoked' : 'invalid_api_key');
        }
        throw err;
      }
      if (p.kind === 'anonymous')
        throw gatewayErrors.create('invalid_api_key', {
          message:
            'You did not send an API key. Send a Shieldwall key as Authorization: Bearer sw_live_…',
        });
      return p;
    };

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

/** Map anything thrown to a gateway error (OpenAI-shaped by the handler). */
function toGatewayError(err: unknown): ShieldwallError {
  if (err instanceof ShieldwallError) {
    if (err.code in gatewayErrors.table) return err;
    if (err.code === 'rate_limited')
      return gatewayErrors.create('rate_limited', {
        message: err.message,
        ...(err.details === undefined ? {} : { details: { ...err.details } }),
      });
    if (err.code === 'unauthenticated') return gatewayErrors.create('invalid_api_key');
    if (err.code === 'forbidden') return gatewayErrors.create('tier_insufficient');
    if (err.status === 503)
      return gatewayErrors.create('upstream_overloaded', { message: err.message });
    return new ShieldwallError(err.code, err.status, err.message);
  }
  const fe = err as Partial<FastifyError>;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return gatewayErrors.create('request_too_large');
  if (typeof fe.code === 'string' && fe.code.startsWith('FST_ERR_CTP_'))
    return gatewayErrors.create('invalid_request', {
      message: 'The request body must be JSON (Content-Type: application/json).',
    });
  return new ShieldwallError('internal_error', 500, 'Something went wrong on our side.');
}
