import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import Type from 'typebox';
import type { Platform } from '../compose.js';
import { ShieldwallError } from '../errors.js';
import type { ShieldwallModule } from '../module.js';
import type { App } from './app.js';
import { createEventStreams } from './event-stream.js';
import { registerHealthRoutes } from './health-routes.js';
import { notReadyProblem, routeNotFoundProblem, sendProblem, toProblem } from './problem.js';

export interface ServerOptions {
  readonly platform: Platform;
  readonly modules: readonly ShieldwallModule[];
  /** Directory of the built web UI (dist/web); null to serve no UI. */
  readonly webRoot: string | null;
  readonly version: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
/** Paths that are APIs, never the web UI: unknown ones get a problem, not index.html. */
const API_PREFIXES = ['/api/', '/v1/', '/taxii2/', '/healthz', '/readyz', '/metrics'];

/**
 * Build the HTTP server: security headers, body limits, request ids, problem
 * details for every error, Prometheus metrics, the OpenAPI document generated
 * from route schemas, every module's routes, and the web UI with a history-API
 * fallback. Listening and shutdown are the caller's (see serve.ts).
 */
export async function buildServer(options: ServerOptions): Promise<App> {
  const { platform } = options;
  const { config, metrics } = platform;
  const app: App = Fastify({
    loggerInstance: platform.logger as FastifyBaseLogger,
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeoutMs,
    trustProxy: config.trustProxy,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    ajv: {
      customOptions: {
        allErrors: false,
        coerceTypes: true,
        removeAdditional: false,
        // `type: ["string", "number"]` (e.g. a batch item's id) is how a schema accepts either
        // without coercion turning one into the other; it is valid JSON Schema.
        allowUnionTypes: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (!isApiPath(request.url)) return;
    reply.header('cache-control', 'no-store');
    // Until migrations are applied (e.g. the database is still starting) module
    // APIs answer 503 with the reason instead of failing on missing tables.
    if (!platform.state.migrated && needsDatabase(request.url)) {
      return sendProblem(reply, notReadyProblem(request, platform.state.lastStartError));
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: request.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Shieldwall is often run on plain http://127.0.0.1; HSTS belongs on the TLS proxy in front.
    strictTransportSecurity: false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Shieldwall API',
        version: options.version,
        description:
          'Errors are RFC 9457 problem details (application/problem+json) with a stable `code`.',
      },
    },
  });

  app.setErrorHandler((err, request, reply) => {
    const problem = toProblem(err, request);
    // Rate limits say when to come back, whichever module refused.
    const retry = err instanceof ShieldwallError ? err.details?.retryAfterSeconds : undefined;
    if (problem.status === 429 && typeof retry === 'number' && !reply.hasHeader('retry-after'))
      reply.header('retry-after', String(retry));
    if (problem.status >= 500) request.log.error({ err }, 'request failed');
    else request.log.info({ code: problem.code, detail: problem.detail }, 'request rejected');
    return sendProblem(reply, problem);
  });

  const indexHtml = options.webRoot === null ? null : join(options.webRoot, 'index.html');
  const hasUi = indexHtml !== null && existsSync(indexHtml);
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      (request.headers.accept ?? '').includes('text/html');
    if (hasUi && wantsPage && !isApiPath(request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendProblem(reply, routeNotFoundProblem(request));
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get(
    '/api/modules',
    {
      schema: {
        tags: ['platform'],
        summary: 'The modules installed on this server (for the web navigation)',
        response: {
          200: Type.Array(
            Type.Object({ id: Type.String(), title: Type.String(), summary: Type.String() }),
          ),
        },
      },
    },
    async () =>
      options.modules
        .filter((m) => m.nav !== false)
        .map(({ id, title, summary }) => ({ id, title, summary })),
  );
  registerHealthRoutes(app, platform);
  const http = { eventStream: createEventStreams(app, platform.bus) };
  for (const module of options.modules) await module.routes?.(app, platform, http);

  if (hasUi && options.webRoot !== null) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      wildcard: false,
      index: ['index.html'],
      setHeaders(res, path) {
        // Vite names built assets by content hash, so they never change under the same name.
        res.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('Shieldwall is running. The web UI is not built: run `npm run build`.\n'),
    );
  }
  return app;
}

function needsDatabase(url: string): boolean {
  return !['/healthz', '/readyz', '/metrics', '/api/openapi.json', '/api/modules'].some(
    (p) => url === p || url.startsWith(`${p}?`),
  );
}

function isApiPath(url: string): boolean {
  return API_PREFIXES.some((p) => url.startsWith(p) || `${url}/` === p);
}
