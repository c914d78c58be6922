/**
 * The lean path for POST /v1/chat/completions and /v1/responses: the same
 * service, checks and replies as the Fastify routes, without Fastify's
 * per-request machinery (request/reply objects, hook chains, helmet's header
 * building, a logger child per request, the content-type parser, the route
 * histogram lookup). Issue 6 measured that machinery as most of what a gateway
 * request cost beyond the screen and the sockets.
 *
 * It takes only the common case — a Bearer key, a JSON body, a server that is
 * migrated and not closing — and leaves every other request to Fastify, which
 * answers it as before. Authentication, levers, limits, the screen, the request
 * log and the audit of refusals all live in the service and the access gate,
 * which both paths call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { AccessGate } from '../access/index.js';
import type { Metrics } from '../platform/http/metrics.js';
import type { Logger } from '../platform/logger.js';
import { callerOf, type KeyRefusal } from './caller.js';
import { createCancel } from './cancel-signal.js';
import type { Endpoint } from './engine/openai-payload.js';
import type { Gateway, GatewayAnswer } from './gateway-service.js';
import { clientAddress, isJsonType, readJsonBody, requestIdOf } from './lean-request.js';
import { errorReply } from './openai-reply.js';

export interface LeanPathDeps {
  readonly gateway: Gateway;
  readonly gate: AccessGate;
  readonly refusedKey?: KeyRefusal;
  readonly bodyLimit: number;
  /** Take the caller's address from X-Forwarded-For (the server's trustProxy). */
  readonly trustProxy: boolean;
  /** The server's logger: a child with the request id is made only when a line is written. */
  readonly logger: Pick<Logger, 'child'>;
  readonly metrics: Pick<Metrics, 'httpRequests' | 'httpDuration'>;
  /** False while module APIs cannot be served (not migrated yet, closing): Fastify answers then. */
  readonly open: () => boolean;
}

export interface LeanPath {
  /** The endpoint when the lean path answers this request; undefined leaves it to Fastify. */
  claims(req: IncomingMessage): Endpoint | undefined;
  handle(req: IncomingMessage, res: ServerResponse, endpoint: Endpoint): void;
}

const ROUTE: Record<Endpoint, string> = {
  chat: '/v1/chat/completions',
  responses: '/v1/responses',
};

/**
 * The headers an API answer needs (none of the HTML-page ones): nothing here is
 * to be rendered, framed, sniffed, cached or read by another origin.
 */
const API_HEADERS = [
  'content-security-policy',
  "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy',
  'same-origin',
  'referrer-policy',
  'no-referrer',
  'x-content-type-options',
  'nosniff',
  'x-frame-options',
  'DENY',
] as const;

export function createLeanPath(deps: LeanPathDeps): LeanPath {
  const { httpRequests, httpDuration } = deps.metrics;

  const send = (res: ServerResponse, id: string, answer: GatewayAnswer) => {
    if (answer.kind === 'buffer') {
      res.writeHead(answer.status, [
        ...API_HEADERS,
        'cache-control',
        'no-store',
        'x-request-id',
        id,
        'content-type',
        answer.contentType,
        'content-length',
        String(answer.body.length),
      ]);
      res.end(answer.body);
      return;
    }
    res.writeHead(answer.status, [
      ...API_HEADERS,
      'cache-control',
      'no-cache',
      'x-accel-buffering',
      'no',
      'x-request-id',
      id,
      'content-type',
      answer.contentType,
    ]);
    // pipe with backpressure; a relay that breaks off destroys the response (the client sees it cut).
    pipeline(answer.stream, res, () => undefined);
  };

  const refuse = (res: ServerResponse, id: string, err: unknown, log: () => Logger) => {
    const e = errorReply(err);
    if (e.ours) log().error({ err }, 'gateway request failed');
    else log().info({ code: e.code }, 'gateway request refused');
    if (res.headersSent || res.destroyed) return;
    const headers: string[] = [
      ...API_HEADERS,
      'cache-control',
      'no-store',
      'x-request-id',
      id,
      'content-type',
      'application/json; charset=utf-8',
      'content-length',
      String(Buffer.byteLength(e.body)),
    ];
    if (e.retryAfter !== undefined) headers.push('retry-after', e.retryAfter);
    res.writeHead(e.status, headers);
    res.end(e.body);
  };

  async function serve(req: IncomingMessage, res: ServerResponse, endpoint: Endpoint) {
    const id = requestIdOf(req);
    let child: Logger | undefined;
    const log = () => {
      child ??= deps.logger.child({ reqId: id });
      return child;
    };
    const ip = clientAddress(req, deps.trustProxy);
    // What the access gate reads of a request (headers, ip, log); it keeps its result on it.
    const asked = {
      id,
      headers: req.headers,
      ip,
      get log() {
        return log();
      },
    } as unknown as FastifyRequest;
    const gone = createCancel();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    try {
      // The key first: nobody unauthenticated gets a body read and parsed.
      const principal = await callerOf(deps.gate, asked, deps.refusedKey);
      const body = await readJsonBody(req, deps.bodyLimit);
      const header = req.headers['x-shieldwall-end-user'];
      const answer = await deps.gateway.call({
        endpoint,
        body,
        principal,
        endUserHeader: typeof header === 'string' ? header : undefined,
        requestId: id,
        ...(ip === undefined ? {} : { clientIp: ip }),
        signal: gone,
      });
      if (res.destroyed) {
        if (answer.kind === 'stream') answer.stream.destroy();
        return;
      }
      send(res, id, answer);
    } catch (err) {
      refuse(res, id, err, log);
    }
  }

  return {
    claims(req) {
      if (req.method !== 'POST' || !deps.open()) return undefined;
      const url = req.url ?? '';
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const endpoint =
        path === ROUTE.chat ? 'chat' : path === ROUTE.responses ? 'responses' : undefined;
      if (endpoint === undefined) return undefined;
      const { authorization, 'content-type': type, 'content-encoding': encoding } = req.headers;
      if (authorization === undefined || !authorization.startsWith('Bearer ')) return undefined;
      if (!isJsonType(type)) return undefined;
      if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return undefined;
      return endpoint;
    },

    handle(req, res, endpoint) {
      const started = performance.now();
      // The same series the server's onResponse hook feeds for Fastify's routes.
      res.once('close', () => {
        const route = ROUTE[endpoint];
        httpRequests.inc({ method: 'POST', route, status: String(res.statusCode) });
        httpDuration.observe({ method: 'POST', route }, (performance.now() - started) / 1000);
      });
      serve(req, res, endpoint).catch(() => res.destroy());
    },
  };
}
