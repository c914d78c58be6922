/**
 * The operators' console reads under /api/safeguards (capability `safeguards.levers`): the newest
 * decisions from the request log, the live feed of decisions (Server-Sent Events from the bus,
 * through the platform's event-stream helper), and the stored findings of the offline monitor.
 * Accounts by risk and lever history are in lever-routes.ts. Each subject comes with its `name`
 * ("Riverside Water District", "user 'u-481' of Riverside Water District"; null when it has none),
 * from subject-names.ts.
 */
import Type from 'typebox';
import { accessGate } from '../access/index.js';
import { LOCALES } from '../platform/engine-kit/i18n/messages.js';
import type { App } from '../platform/http/app.js';
import type { EventStream } from '../platform/http/event-stream.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Store } from '../platform/ports/store.js';
import { DECISION_OBSERVED, projectDecision, recentDecisions } from './decision-feed.js';
import { listFindings } from './finding-store.js';
import { LEVERS_CAPABILITY } from './lever-routes.js';
import { NO_SUBJECT_NAMES, readerLocale, SubjectName, type SubjectNames } from './subject-names.js';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema };
const tags = ['safeguards'];

const DecisionSchema = Type.Object({
  requestId: Type.String(),
  at: Type.String({ format: 'date-time' }),
  subject: Type.Union([Type.String(), Type.Null()]),
  name: SubjectName,
  keyId: Type.Union([Type.String(), Type.Null()]),
  tier: Type.Integer(),
  decision: Type.String(),
  risk: Type.Number(),
  categories: Type.Array(Type.String()),
});

export function registerConsoleRoutes(
  app: App,
  deps: {
    readonly store: Store;
    readonly eventStream: EventStream;
    /** Who subjects are; without it every subject shows its id. */
    readonly names?: SubjectNames;
  },
): void {
  const gate = accessGate(app);
  const names = deps.names ?? NO_SUBJECT_NAMES;

  app.get(
    '/api/safeguards/decisions',
    {
      schema: {
        tags,
        summary:
          'The newest safeguards decisions from the request log (monitor, friction, block; all=true for allow too)',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          all: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Array(DecisionSchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, LEVERS_CAPABILITY);
      const list = await recentDecisions(deps.store, {
        limit: request.query.limit ?? 50,
        all: request.query.all === true,
      });
      const known = await names.resolve(
        list.map((d) => d.subject),
        readerLocale(request),
      );
      return list.map((d) => ({
        ...d,
        name: d.subject === null ? null : (known.get(d.subject) ?? null),
        categories: [...d.categories],
      }));
    },
  );

  app.get(
    '/api/safeguards/decisions/stream',
    {
      schema: {
        tags,
        summary:
          'Decisions as they happen on every instance (Server-Sent Events, event "decision"; not allow)',
        querystring: Type.Object({
          locale: Type.Optional(
            // Every language the messages have: a third one is accepted here without a change.
            Type.Union(
              LOCALES.map((l) => Type.Literal(l)),
              {
                description:
                  'language of the words around names (EventSource cannot set Accept-Language)',
              },
            ),
          ),
        }),
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...problems,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      await gate.require(request, LEVERS_CAPABILITY);
      const locale = readerLocale(request);
      await deps.eventStream(request, reply, {
        pattern: DECISION_OBSERVED,
        eventName: 'decision',
        // Names known now (the page's list has just asked for them); a new subject's is looked up
        // for the next event, and the page shows its id meanwhile.
        project: (event) => {
          const d = projectDecision(event.data);
          if (d === undefined) return undefined;
          return { ...d, name: d.subject === null ? null : names.peek(d.subject, locale) };
        },
      });
    },
  );

  app.get(
    '/api/safeguards/findings',
    {
      schema: {
        tags,
        summary: 'What the offline monitor found (shieldwall safeguards monitor), newest first',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              run_at: Type.String({ format: 'date-time' }),
              kind: Type.String(),
              subject: Type.String(),
              name: SubjectName,
              summary: Type.String(),
              request_ids: Type.Array(Type.String()),
            }),
          ),
          ...problems,
        },
      },
    },
    async (request) => {
      await gate.require(request, LEVERS_CAPABILITY);
      const list = await listFindings(deps.store, request.query.limit ?? 100);
      const known = await names.resolve(
        list.map((f) => f.subject),
        readerLocale(request),
      );
      return list.map((f) => ({
        id: f.id,
        run_at: new Date(f.runAt).toISOString(),
        kind: f.kind,
        subject: f.subject,
        name: known.get(f.subject) ?? null,
        summary: f.summary,
        request_ids: [...f.requestIds],
      }));
    },
  );
}
