/**
 * What the analysts' console reads (JSON, not TAXII): the collections the
 * caller may use, a search over objects, one object with every version, where
 * it came from, its sightings and its score, and — for operators — the
 * federation subscriptions. Everything passes the same sharing decision as
 * TAXII; an object the caller may not read is answered 404, as if absent.
 */
import Type from 'typebox';
import { accessGate } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Store } from '../platform/ports/store.js';
import { type Exchange, viewerOf } from './exchange-service.js';
import type { ExchangeObjectRow } from './exchange-tables.js';
import type { Federation } from './federation.js';
import { objectVersions, searchObjects, sightingsOf } from './object-search.js';
import type { Sightings } from './sightings.js';
import { exchangeErrors } from './taxii-errors.js';

const tags = ['exchange'];
const problems = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const StixId = Type.String({
  pattern: '^[a-z][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$',
});
const Row = Type.Object({
  id: Type.String(),
  type: Type.String(),
  version: Type.String(),
  collection: Type.String(),
  tlp: Type.Union([Type.String(), Type.Null()]),
  source_org: Type.Union([Type.String(), Type.Null()]),
  added_by: Type.String(),
  date_added: Type.String(),
  object: Type.Record(Type.String(), Type.Unknown()),
});
const rowOut = (r: ExchangeObjectRow) => ({
  id: r.id,
  type: r.type,
  version: r.version,
  collection: r.collection_id,
  tlp: r.tlp,
  source_org: r.source_org,
  added_by: r.added_by,
  date_added: new Date(Math.floor(Number(r.date_added) / 1000)).toISOString(),
  object: JSON.parse(r.json) as Record<string, unknown>,
});

/** Which decay model fits an indicator, from the kind of value its pattern names. */
function kindOf(pattern: unknown): 'url' | 'domain' | 'ip' | 'email' | 'hash' | 'other' {
  const p = typeof pattern === 'string' ? pattern : '';
  if (p.includes('url:value')) return 'url';
  if (p.includes('domain-name:value')) return 'domain';
  if (/ipv[46]-addr:value/.test(p)) return 'ip';
  if (p.includes('email-addr:value')) return 'email';
  if (p.includes('file:hashes')) return 'hash';
  return 'other';
}

export function registerConsoleRoutes(
  app: App,
  deps: {
    readonly store: Store;
    readonly exchange: Exchange;
    readonly sightings: Sightings;
    readonly federation: Federation;
  },
): void {
  const gate = accessGate(app);
  const reader = async (request: Parameters<typeof gate.principal>[0]) => {
    const viewer = viewerOf(await gate.principal(request));
    return { viewer, readable: await deps.exchange.collectionsFor(viewer) };
  };

  app.get(
    '/api/intel/collections',
    {
      schema: {
        tags,
        summary: 'The collections on this server, with whether you may read and add to each',
        response: {
          200: Type.Object({
            collections: Type.Array(
              Type.Object({
                id: Type.String(),
                title: Type.String(),
                description: Type.Union([Type.String(), Type.Null()]),
                owner_org: Type.Union([Type.String(), Type.Null()]),
                can_read: Type.Boolean(),
                can_write: Type.Boolean(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { readable } = await reader(request);
      return {
        collections: readable
          // Another organization's private collection is not even named.
          .filter((a) => a.canRead || a.canWrite || a.collection.ownerOrg === null)
          .map((a) => ({
            id: a.collection.id,
            title: a.collection.title,
            description: a.collection.description,
            owner_org: a.collection.ownerOrg,
            can_read: a.canRead,
            can_write: a.canWrite,
          })),
      };
    },
  );

  app.get(
    '/api/intel/search',
    {
      schema: {
        tags,
        summary:
          'Objects you may read whose text contains q (a domain, a hash, a name, an id), newest first',
        querystring: Type.Object(
          {
            q: Type.String({ minLength: 3, maxLength: 200 }),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ results: Type.Array(Row) }), ...problems },
      },
    },
    async (request) => {
      const q = request.query as { q: string; limit?: number };
      const { viewer, readable } = await reader(request);
      const rows = await searchObjects(deps.store, viewer, readable, q.q, q.limit ?? 25);
      return { results: rows.map(rowOut) };
    },
  );

  app.get(
    '/api/intel/objects/:id',
    {
      schema: {
        tags,
        summary:
          'One object: every version you may read, where it came from, its sightings and (indicators) its score over time',
        params: Type.Object({ id: StixId }),
        response: {
          200: Type.Object({
            versions: Type.Array(Row),
            sightings: Type.Array(Row),
            score: Type.Union([
              Type.Object({
                sightings: Type.Integer(),
                sources: Type.Integer(),
                first_seen: Type.String(),
                last_seen: Type.String(),
                base: Type.Number(),
                score: Type.Number(),
                expires_at: Type.String(),
                expired: Type.Boolean(),
                published_at: Type.Union([Type.String(), Type.Null()]),
              }),
              Type.Null(),
            ]),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { viewer, readable } = await reader(request);
      const versions = await objectVersions(deps.store, viewer, readable, id);
      if (versions.length === 0) throw exchangeErrors.create('object_not_found');
      const latest = JSON.parse((versions.at(-1) as ExchangeObjectRow).json) as Record<
        string,
        unknown
      >;
      const isIndicator = id.startsWith('indicator--');
      const sightings = isIndicator ? await sightingsOf(deps.store, viewer, readable, id) : [];
      const score = isIndicator
        ? await deps.sightings.scoreOf(
            id,
            typeof latest.confidence === 'number' ? latest.confidence : undefined,
            kindOf(latest.pattern),
          )
        : undefined;
      const iso = (ms: number) => new Date(ms).toISOString();
      return {
        versions: versions.map(rowOut),
        sightings: sightings.map(rowOut),
        score:
          score === undefined
            ? null
            : {
                sightings: score.sightings,
                sources: score.sources,
                first_seen: iso(score.firstSeen),
                last_seen: iso(score.lastSeen),
                base: score.base,
                score: Math.round(score.score * 10) / 10,
                expires_at: iso(score.expiresAt),
                expired: score.expired,
                published_at: score.publishedAt === null ? null : iso(score.publishedAt),
              },
      };
    },
  );

  app.get(
    '/api/intel/sync',
    {
      schema: {
        tags,
        summary:
          'Federation: the remote collections this server keeps a copy of, and how each sync went (operators)',
        response: {
          200: Type.Object({
            subscriptions: Type.Array(
              Type.Object({
                id: Type.String(),
                url: Type.String(),
                local_collection: Type.String(),
                interval_seconds: Type.Integer(),
                objects_synced: Type.Integer(),
                last_success: Type.Union([Type.String(), Type.Null()]),
                last_error: Type.Union([Type.String(), Type.Null()]),
                failures: Type.Integer(),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      await gate.require(request, 'access.admin');
      return {
        subscriptions: (await deps.federation.list()).map((s) => ({
          id: s.id,
          url: s.url,
          local_collection: s.localCollection,
          interval_seconds: s.intervalSeconds,
          objects_synced: s.objectsSynced,
          last_success: s.lastSuccess === null ? null : new Date(s.lastSuccess).toISOString(),
          last_error: s.lastError,
          failures: s.failures,
        })),
      };
    },
  );
}
