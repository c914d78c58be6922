/**
 * The operators' console reads under /api/safeguards (capability `safeguards.levers`): the newest
 * decisions from the request log, the live feed of decisions (Server-Sent Events from the bus,
 * through the platform's event-stream helper), and the stored findings of the offline monitor.
 * Accounts by risk and lever history are in lever-routes.ts.
 */
import Type from 'typebox';
import { accessGate } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import type { EventStream } from '../platform/http/event-stream.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Store } from '../platform/ports/store.js';
import { DECISION_OBSERVED, projectDecision, recentDecisions } from './decision-feed.js';
import { listFindings } from './finding-store.js';
import { LEVERS_CAPABILITY } from './lever-routes.js';

const problems = { 401: ProblemSchema, 403: ProblemSchema, 429: ProblemSchema };
const tags = ['safeguards'];

const DecisionSchema = Type.Object({
  requestId: Type.String(),
  at: Type.String({ format: 'date-time' }),
  subject: Type.Union([Type.String(), Type.Null()]),
  keyId: Type.Union([Type.String(), Type.Null()]),
  tier: Type.Integer(),
  decision: Type.String(),
  risk: Type.Number(),
  categories: Type.Array(Type.String()),
});

export function registerConsoleRoutes(
  app: App,
  deps: { readonly store: Store; readonly eventStream: EventStream },
): void {
  const gate = accessGate(app);

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
      return list.map((d) => ({ ...d, categories: [...d.categories] }));
    },
  );

  app.get(
    '/api/safeguards/decisions/stream',
    {
      schema: {
        tags,
        summary:
          'Decisions as they happen on every instance (Server-Sent Events, event "decision"; not allow)',
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...problems,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      await gate.require(request, LEVERS_CAPABILITY);
      await deps.eventStream(request, reply, {
        pattern: DECISION_OBSERVED,
        eventName: 'decision',
        project: (event) => projectDecision(event.data),
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
      return (await listFindings(deps.store, request.query.limit ?? 100)).map((f) => ({
        id: f.id,
        run_at: new Date(f.runAt).toISOString(),
        kind: f.kind,
        subject: f.subject,
        summary: f.summary,
        request_ids: [...f.requestIds],
      }));
    },
  );
}
