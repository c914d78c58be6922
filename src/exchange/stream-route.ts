/**
 * GET /api/intel/stream (and its older name /api/exchange/stream): new STIX
 * objects as they are added, live (Server-Sent Events, event `objects`,
 * resumable with Last-Event-ID). Filters: `type` and `collection` (comma
 * separated). Every object of every event passes `mayRead` for the subscriber
 * — the same decision as TAXII — against its collections' current rules, which
 * are reloaded whenever a sharing group changes and every few seconds. The
 * subscriber's tier and memberships are those it connected with: reconnect
 * after a change of tier.
 */
import Type from 'typebox';
import { accessGate } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import type { EventStream } from '../platform/http/event-stream.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Bus } from '../platform/ports/bus.js';
import { type AddedEvent, projectAdded } from './added-projection.js';
import type { CollectionPolicy } from './engine/sharing/index.js';
import { type Exchange, OBJECTS_ADDED, viewerOf } from './exchange-service.js';
import { SHARING_CHANGED } from './sharing-groups.js';
import { exchangeErrors } from './taxii-errors.js';

/** How often a live stream reloads its collections' rules even when no change was announced. */
const RELOAD_MS = 5_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TYPE = /^[a-z][a-z0-9-]{0,249}$/;

const StreamQuery = Type.Object(
  {
    type: Type.Optional(
      Type.String({ maxLength: 2000, description: 'STIX types, comma separated' }),
    ),
    collection: Type.Optional(
      Type.String({ maxLength: 2000, description: 'collection ids, comma separated' }),
    ),
  },
  { additionalProperties: false },
);

/** A comma-separated filter, checked: at most 20 items, each matching `shape`. */
function filterOf(v: string | undefined, shape: RegExp, what: string): Set<string> | undefined {
  if (v === undefined) return undefined;
  const items = v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0 || items.length > 20 || items.some((s) => !shape.test(s)))
    throw exchangeErrors.create('bad_filter', {
      message: `${what} is a comma-separated list of up to 20 valid values.`,
    });
  return new Set(items);
}

export function registerStreamRoute(
  app: App,
  deps: { readonly exchange: Exchange; readonly eventStream: EventStream; readonly bus: Bus },
): void {
  const gate = accessGate(app);
  for (const path of ['/api/intel/stream', '/api/exchange/stream'])
    app.get(
      path,
      {
        schema: {
          tags: ['exchange'],
          summary:
            path === '/api/intel/stream'
              ? 'New threat intelligence as it is added (Server-Sent Events, event "objects"), only what the caller may read; fetch the objects over TAXII'
              : 'The older name of /api/intel/stream',
          querystring: StreamQuery,
          response: {
            200: Type.String({ description: 'text/event-stream' }),
            400: ProblemSchema,
            401: ProblemSchema,
            503: ProblemSchema,
          },
        },
      },
      async (request, reply) => {
        const q = request.query as { type?: string; collection?: string };
        const types = filterOf(q.type, TYPE, 'type');
        const collections = filterOf(q.collection, UUID, 'collection');
        const viewer = viewerOf(await gate.principal(request));
        let policies = new Map<string, CollectionPolicy>();
        const reload = async () => {
          const all = await deps.exchange.collectionsFor(viewer);
          policies = new Map(all.filter((a) => a.canRead).map((a) => [a.collection.id, a.policy]));
        };
        await reload();
        // One reload at a time; a change announced during one is followed by another.
        let stopped = false;
        let reloading = false;
        let again = false;
        const reloadSoon = (): void => {
          if (stopped) return;
          if (reloading) {
            again = true;
            return;
          }
          reloading = true;
          again = false;
          reload()
            .catch((err: unknown) => {
              // Fail closed: a stream whose rules cannot be reloaded shows nothing until they can.
              policies = new Map();
              request.log.warn({ err }, 'could not reload the stream rules');
            })
            .finally(() => {
              reloading = false;
              if (again) reloadSoon();
            })
            .catch(() => undefined);
        };
        const timer = setInterval(reloadSoon, RELOAD_MS);
        timer.unref();
        const changes = await deps.bus.subscribe(SHARING_CHANGED, async () => reloadSoon(), {
          from: 'new',
        });
        // Stop when the client goes or the server ends the stream (shutdown), whichever is first.
        const stop = () => {
          if (stopped) return;
          stopped = true;
          clearInterval(timer);
          void changes.unsubscribe();
        };
        request.raw.once('close', stop);
        reply.raw.once('finish', stop);
        reply.raw.once('close', stop);
        await deps.eventStream(request, reply, {
          pattern: OBJECTS_ADDED,
          eventName: 'objects',
          project: (event) =>
            projectAdded(event.data as AddedEvent, {
              viewer,
              policies,
              ...(types === undefined ? {} : { types }),
              ...(collections === undefined ? {} : { collections }),
            }),
        });
      },
    );
}
