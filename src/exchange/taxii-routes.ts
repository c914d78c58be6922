/**
 * TAXII 2.1 (OASIS, 2021) under /taxii2/: discovery, the API root, collections,
 * objects (GET with added_after, limit/next and match[id|type|version|spec_version];
 * POST answering with a status resource), one object, its versions, the
 * manifest, delete, and status. Content type application/taxii+json;version=2.1
 * both ways (406 and 415 otherwise); errors are TAXII error messages; clients
 * authenticate with an API key as Bearer, or as the password of HTTP Basic.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { accessGate, type Principal } from '../access/index.js';
import { ShieldwallError } from '../platform/errors.js';
import type { App } from '../platform/http/app.js';
import type { Exchange, StatusResource } from './exchange-service.js';
import type { ExchangeObjectRow } from './exchange-tables.js';
import { MAX_PAGE, type Match, type Page, type Query, STIX_MEDIA_TYPE } from './object-store.js';
import { fromMicros, toMicros } from './stix-time.js';
import { exchangeErrors } from './taxii-errors.js';
import { acceptsTaxii, isTaxiiContent, TAXII_MEDIA_TYPE } from './taxii-media.js';

export const API_ROOT = 'default';
/** Largest envelope a client may POST, in bytes (also announced as max_content_length). */
export const MAX_CONTENT_LENGTH = 10 * 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const STIX_ID = /^[a-z][a-z0-9-]{0,248}--[0-9a-fA-F-]{36}$/;

type Q = Record<string, string | undefined>;

export function registerTaxiiRoutes(app: App, deps: { readonly exchange: Exchange }): void {
  const { exchange } = deps;
  const gate = accessGate(app);
  const actorOf = (p: Principal) =>
    p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'anonymous';

  // One encapsulated context: TAXII's own error format, media types and parser.
  void app.register(
    async (taxii: FastifyInstance) => {
      taxii.addContentTypeParser(
        'application/taxii+json',
        { parseAs: 'string', bodyLimit: MAX_CONTENT_LENGTH },
        (_req, body, done) => {
          try {
            done(null, JSON.parse(body as string));
          } catch {
            done(
              exchangeErrors.create('bad_envelope', { message: 'The body is not valid JSON.' }),
              undefined,
            );
          }
        },
      );
      taxii.addHook('onRequest', async (request) => {
        if (!acceptsTaxii(request.headers.accept)) throw exchangeErrors.create('not_acceptable');
        if (request.method === 'POST' && !isTaxiiContent(request.headers['content-type']))
          throw exchangeErrors.create('unsupported_media_type');
      });
      taxii.setErrorHandler((err, request, reply) => sendError(err, request, reply));
      taxii.setNotFoundHandler((request, reply) =>
        sendError(
          exchangeErrors.create('collection_not_found', {
            message: `There is nothing at ${request.url.split('?')[0]}.`,
          }),
          request,
          reply,
        ),
      );

      // A Buffer, so Fastify sends the media type exactly as TAXII spells it (a string body gets it rewritten).
      const send = (reply: FastifyReply, status: number, body: unknown) =>
        reply
          .code(status)
          .header('content-type', TAXII_MEDIA_TYPE)
          .send(Buffer.from(JSON.stringify(body)));
      const collectionOf = async (request: FastifyRequest, id: string) => {
        if (!UUID.test(id)) throw exchangeErrors.create('collection_not_found');
        return exchange.collection(await gate.principal(request), id);
      };
      const dateHeaders = (reply: FastifyReply, page: Page) => {
        const first = page.rows[0];
        const last = page.rows.at(-1);
        if (first !== undefined && last !== undefined) {
          reply.header('X-TAXII-Date-Added-First', fromMicros(first.date_added));
          reply.header('X-TAXII-Date-Added-Last', fromMicros(last.date_added));
        }
      };

      taxii.get('/', { schema: { hide: true } }, async (request, reply) =>
        send(reply, 200, {
          title: 'Shieldwall TAXII 2.1',
          description: 'Threat intelligence shared between defenders on this Shieldwall server.',
          default: `${baseUrl(request)}/taxii2/${API_ROOT}/`,
          api_roots: [`${baseUrl(request)}/taxii2/${API_ROOT}/`],
        }),
      );

      taxii.get(`/${API_ROOT}/`, { schema: { hide: true } }, async (_request, reply) =>
        send(reply, 200, {
          title: 'Shieldwall',
          description: 'The default API root.',
          versions: [TAXII_MEDIA_TYPE],
          max_content_length: MAX_CONTENT_LENGTH,
        }),
      );

      taxii.get(
        `/${API_ROOT}/status/:statusId/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const { statusId } = request.params as { statusId: string };
          if (!UUID.test(statusId)) throw exchangeErrors.create('status_not_found');
          const p = await gate.principal(request);
          const s = await exchange.status(actorOf(p), statusId);
          return send(reply, 200, statusOut(s));
        },
      );

      taxii.get(`/${API_ROOT}/collections/`, { schema: { hide: true } }, async (request, reply) => {
        const list = await exchange.collections(await gate.principal(request));
        return send(reply, 200, list.length === 0 ? {} : { collections: list.map(collectionOut) });
      });

      taxii.get(
        `/${API_ROOT}/collections/:id/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const a = await collectionOf(request, (request.params as { id: string }).id);
          return send(reply, 200, collectionOut(a));
        },
      );

      taxii.get(
        `/${API_ROOT}/collections/:id/objects/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const { id } = request.params as { id: string };
          await collectionOf(request, id);
          const page = await exchange.read(
            await gate.principal(request),
            id,
            queryOf(request.query as Q, true),
          );
          dateHeaders(reply, page);
          return send(
            reply,
            200,
            envelope(
              page,
              page.rows.map((r) => JSON.parse(r.json) as unknown),
            ),
          );
        },
      );

      taxii.post(
        `/${API_ROOT}/collections/:id/objects/`,
        { schema: { hide: true }, bodyLimit: MAX_CONTENT_LENGTH },
        async (request, reply) => {
          const { id } = request.params as { id: string };
          const body = request.body as { objects?: unknown } | null;
          if (typeof body !== 'object' || body === null || !Array.isArray(body.objects))
            throw exchangeErrors.create('bad_envelope');
          const p = await gate.principal(request);
          const s = await exchange.add(p, id, body.objects, actorOf(p), String(request.id));
          return send(reply, 202, statusOut(s));
        },
      );

      const oneObject = async (request: FastifyRequest, extra: Match) => {
        const { id, objectId } = request.params as { id: string; objectId: string };
        if (!STIX_ID.test(objectId)) throw exchangeErrors.create('object_not_found');
        await collectionOf(request, id);
        const q = queryOf(request.query as Q, false);
        const page = await exchange.read(await gate.principal(request), id, {
          ...q,
          match: { ...q.match, ...extra, id: [objectId] },
        });
        if (page.rows.length === 0 && q.next === undefined)
          throw exchangeErrors.create('object_not_found');
        return page;
      };

      taxii.get(
        `/${API_ROOT}/collections/:id/objects/:objectId/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const page = await oneObject(request, {});
          dateHeaders(reply, page);
          return send(
            reply,
            200,
            envelope(
              page,
              page.rows.map((r) => JSON.parse(r.json) as unknown),
            ),
          );
        },
      );

      taxii.delete(
        `/${API_ROOT}/collections/:id/objects/:objectId/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const { id, objectId } = request.params as { id: string; objectId: string };
          if (!STIX_ID.test(objectId)) throw exchangeErrors.create('object_not_found');
          const p = await gate.principal(request);
          const q = queryOf(request.query as Q, false);
          await exchange.delete(p, id, objectId, actorOf(p), String(request.id), q.match?.version);
          return reply.code(200).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.alloc(0));
        },
      );

      taxii.get(
        `/${API_ROOT}/collections/:id/objects/:objectId/versions/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const page = await oneObject(request, { version: ['all'] });
          dateHeaders(reply, page);
          return send(reply, 200, {
            more: page.more,
            ...(page.next === undefined ? {} : { next: page.next }),
            versions: page.rows.map((r) => versionOut(r)),
          });
        },
      );

      taxii.get(
        `/${API_ROOT}/collections/:id/manifest/`,
        { schema: { hide: true } },
        async (request, reply) => {
          const { id } = request.params as { id: string };
          await collectionOf(request, id);
          const page = await exchange.read(
            await gate.principal(request),
            id,
            queryOf(request.query as Q, true),
          );
          dateHeaders(reply, page);
          return send(
            reply,
            200,
            envelope(
              page,
              undefined,
              page.rows.map((r) => ({
                id: r.id,
                date_added: fromMicros(r.date_added),
                version: versionOut(r),
                media_type: STIX_MEDIA_TYPE,
              })),
            ),
          );
        },
      );
    },
    { prefix: '/taxii2' },
  );
}

/** A TAXII status resource (§4.3.1). Everything completes at once here, so nothing is pending. */
function statusOut(s: StatusResource) {
  const { successes, failures } = s.outcome;
  return {
    id: s.id,
    status: s.status,
    request_timestamp: s.requestTimestamp,
    total_count: successes.length + failures.length,
    success_count: successes.length,
    successes: successes.map((x) => ({
      id: x.id,
      version: x.version,
      ...(x.message === undefined ? {} : { message: x.message }),
    })),
    failure_count: failures.length,
    failures: failures.map((x) => ({
      id: x.id,
      ...(x.version === undefined ? {} : { version: x.version }),
      message: x.message,
    })),
    pending_count: 0,
    pendings: [],
  };
}

function collectionOut(a: {
  collection: {
    id: string;
    title: string;
    description: string | null;
    mediaTypes: readonly string[];
  };
  canRead: boolean;
  canWrite: boolean;
}) {
  return {
    id: a.collection.id,
    title: a.collection.title,
    ...(a.collection.description === null ? {} : { description: a.collection.description }),
    can_read: a.canRead,
    can_write: a.canWrite,
    media_types: [...a.collection.mediaTypes],
  };
}

function envelope(page: Page, objects?: unknown[], manifest?: unknown[]) {
  // A page whose rows were all hidden from this reader still says where to go on.
  if (page.rows.length === 0)
    return page.more ? { more: true, ...(page.next === undefined ? {} : { next: page.next }) } : {};
  return {
    more: page.more,
    ...(page.next === undefined ? {} : { next: page.next }),
    ...(objects === undefined ? {} : { objects }),
    ...(manifest === undefined ? {} : { objects: manifest }),
  };
}

/** The version as the object states it (the stored one is normalized to microseconds for sorting). */
function versionOut(r: ExchangeObjectRow): string {
  const o = JSON.parse(r.json) as { modified?: string; created?: string };
  return o.modified ?? o.created ?? fromMicros(r.date_added);
}

/** TAXII's query parameters, checked. `match[id]` and `match[type]` only where the spec allows them. */
function queryOf(q: Q, collectionWide: boolean): Query {
  const list = (v: string | undefined, max = 100) => {
    if (v === undefined) return undefined;
    const items = v
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    if (items.length === 0 || items.length > max || items.some((s) => s.length > 300))
      throw exchangeErrors.create('bad_filter', {
        message: 'A match filter is empty or too long.',
      });
    return items;
  };
  let addedAfter: number | undefined;
  if (q.added_after !== undefined) {
    addedAfter = toMicros(q.added_after);
    if (addedAfter === undefined)
      throw exchangeErrors.create('bad_filter', {
        message: 'added_after must be a timestamp like 2026-12-05T10:00:00.000Z.',
      });
  }
  let limit: number | undefined;
  if (q.limit !== undefined) {
    if (!/^[1-9][0-9]{0,6}$/.test(q.limit))
      throw exchangeErrors.create('bad_filter', {
        message: 'limit must be a positive whole number.',
      });
    limit = Math.min(Number(q.limit), MAX_PAGE);
  }
  if (q.next !== undefined && !/^[0-9]{1,20}$/.test(q.next))
    throw exchangeErrors.create('bad_filter', { message: 'next is not one this server gave out.' });
  const version = list(q['match[version]']);
  for (const v of version ?? [])
    if (v !== 'first' && v !== 'last' && v !== 'all' && toMicros(v) === undefined)
      throw exchangeErrors.create('bad_filter', {
        message: 'match[version] is first, last, all or timestamps.',
      });
  const match: Match = {
    ...(collectionWide && q['match[id]'] !== undefined ? { id: list(q['match[id]']) } : {}),
    ...(collectionWide && q['match[type]'] !== undefined ? { type: list(q['match[type]']) } : {}),
    ...(version === undefined ? {} : { version }),
    ...(q['match[spec_version]'] === undefined
      ? {}
      : { specVersion: list(q['match[spec_version]']) }),
  };
  return {
    match,
    ...(addedAfter === undefined ? {} : { addedAfter }),
    ...(limit === undefined ? {} : { limit }),
    ...(q.next === undefined ? {} : { next: q.next }),
  };
}

function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** A TAXII error message (§3.6.1), for ours and for Fastify's own errors alike. */
function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let title = 'Internal error';
  let description = 'Something went wrong on our side. Quote the request id if you report it.';
  if (err instanceof ShieldwallError) {
    status = err.status;
    title = err.code;
    description = err.message;
  } else {
    const fe = err as { statusCode?: number; code?: string; message?: string };
    if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
      status = fe.statusCode;
      title =
        fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'body_too_large' : (fe.code ?? 'bad_request');
      description =
        fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `The body is larger than ${MAX_CONTENT_LENGTH} bytes.`
          : (fe.message ?? 'Bad request.');
    }
  }
  if (status >= 500) request.log.error({ err }, 'TAXII request failed');
  if (status === 401) reply.header('www-authenticate', 'Basic realm="Shieldwall TAXII", Bearer');
  if (
    status === 429 &&
    err instanceof ShieldwallError &&
    typeof err.details?.retryAfterSeconds === 'number'
  )
    reply.header('retry-after', String(err.details.retryAfterSeconds));
  return reply
    .code(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .send(
      Buffer.from(
        JSON.stringify({
          title,
          description,
          http_status: String(status),
          error_id: String(request.id),
        }),
      ),
    );
}
