/**
 * GET /api/exchange/stream: new STIX objects as they are added, live (Server-Sent
 * Events, resumable with Last-Event-ID). Each reader gets only the collections
 * it may read and the objects whose TLP its tier may see — decided when it
 * connects; reconnect after a tier change.
 */
import Type from 'typebox';
import { accessGate } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import type { EventStream } from '../platform/http/event-stream.js';
import { ProblemSchema } from '../platform/http/problem.js';
import { type Exchange, OBJECTS_ADDED } from './exchange-service.js';

interface AddedEvent {
  readonly collection: string;
  readonly objects: readonly {
    readonly id: string;
    readonly version: string;
    readonly tlp: string | null;
  }[];
}

export function registerStreamRoute(
  app: App,
  deps: { readonly exchange: Exchange; readonly eventStream: EventStream },
): void {
  const gate = accessGate(app);
  app.get(
    '/api/exchange/stream',
    {
      schema: {
        tags: ['exchange'],
        summary:
          'New threat intelligence as it is added (Server-Sent Events, event "objects"); fetch the objects over TAXII',
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          401: ProblemSchema,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const p = await gate.principal(request);
      const readable = new Set(
        (await deps.exchange.collections(p)).filter((a) => a.canRead).map((a) => a.collection.id),
      );
      const tlps = new Set<string>(deps.exchange.visibleTlp(p));
      await deps.eventStream(request, reply, {
        pattern: OBJECTS_ADDED,
        eventName: 'objects',
        project: (event) => {
          const e = event.data as AddedEvent;
          if (!readable.has(e.collection)) return undefined;
          const objects = e.objects.filter((o) => o.tlp === null || tlps.has(o.tlp));
          return objects.length === 0 ? undefined : { collection: e.collection, objects };
        },
      });
    },
  );
}
