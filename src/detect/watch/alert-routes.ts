/**
 * The alert API under /api/detect (see docs/detect-watch.md): list (newest first, paged), read,
 * change status (audited), and a live Server-Sent Events stream of new and changed alerts.
 * Thin: schemas in and out, the access gate, then the alert service.
 */
import type { FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { accessGate, type Principal } from '../../access/index.js';
import type { App } from '../../platform/http/app.js';
import type { EventStream } from '../../platform/http/event-stream.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import { mayAccess, RUN_CAPABILITY, SERVER_ALERTS_CAPABILITY, viewerOf } from './alert-access.js';
import { type AlertService, MAX_NOTE_CHARS } from './alert-service.js';
import { ALERT_SUBJECTS, type WatchAlert } from './watch-alert.js';

const tags = ['detect'];
const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  429: ProblemSchema,
};
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Level = Type.Union([
  Type.Literal('informational'),
  Type.Literal('low'),
  Type.Literal('medium'),
  Type.Literal('high'),
  Type.Literal('critical'),
]);
const Status = Type.Union([
  Type.Literal('new'),
  Type.Literal('acknowledged'),
  Type.Literal('resolved'),
]);
const AlertId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[0-9A-Za-z-]+$' });

export const AlertSchema = Type.Object(
  {
    id: Type.String(),
    org: Nullable(Type.String()),
    source: Type.Union([
      Type.Literal('sigma'),
      Type.Literal('correlation'),
      Type.Literal('anomaly'),
    ]),
    title: Type.String(),
    level: Level,
    rule: Nullable(
      Type.Object({
        id: Type.String(),
        title: Type.String(),
        author: Nullable(Type.String()),
        license: Nullable(Type.String()),
        references: Type.Array(Type.String()),
        ruleSource: Type.String(),
        description: Nullable(Type.String()),
      }),
    ),
    anomaly: Nullable(
      Type.Object({ kind: Type.String(), score: Type.Number(), explanation: Type.String() }),
    ),
    attack: Type.Array(Type.Object({ id: Type.String(), tactic: Nullable(Type.String()) })),
    host: Nullable(Type.String()),
    user: Nullable(Type.String()),
    count: Type.Integer(),
    firstSeen: Type.String({ format: 'date-time' }),
    lastSeen: Type.String({ format: 'date-time' }),
    events: Type.Array(
      Type.Object({
        origin: Type.Object({ source: Type.String(), line: Nullable(Type.Integer()) }),
        time: Nullable(Type.String()),
        fields: Type.Record(Type.String(), Type.Unknown()),
      }),
    ),
    matchedFields: Type.Array(Type.String()),
    advice: Type.Object({ summary: Type.String(), steps: Type.Array(Type.String()) }),
    observables: Type.Array(
      Type.Object({
        type: Type.Union([
          Type.Literal('ipv4-addr'),
          Type.Literal('ipv6-addr'),
          Type.Literal('domain-name'),
          Type.Literal('url'),
          Type.Literal('file-hash'),
          Type.Literal('user-account'),
          Type.Literal('process'),
        ]),
        value: Type.String(),
      }),
    ),
    status: Status,
    createdAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'DetectAlert', description: 'An alert raised by shieldwall detect watch' },
);

type AlertOut = Static<typeof AlertSchema>;
/** The service's read-only alert, as the response schema's (mutable) type: same data. */
const out = (a: WatchAlert): AlertOut => a as unknown as AlertOut;

const actorOf = (p: Principal, request: FastifyRequest) => ({
  id: p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'public',
  requestId: String(request.id),
});

export function registerAlertRoutes(
  app: App,
  deps: { readonly alerts: AlertService; readonly eventStream: EventStream },
): void {
  const gate = accessGate(app);
  /** 401 for anonymous, 403 without either capability; otherwise what the caller may see. */
  const viewer = async (request: FastifyRequest) => {
    const p = await gate.principal(request);
    try {
      await gate.require(request, RUN_CAPABILITY);
    } catch (err) {
      await gate.require(request, SERVER_ALERTS_CAPABILITY).catch(() => {
        throw err;
      });
    }
    return { principal: p, viewer: viewerOf(p) };
  };

  app.get(
    '/api/detect/alerts',
    {
      schema: {
        tags,
        summary: 'Alerts the caller may see, newest first (next: cursor for the following page)',
        querystring: Type.Object(
          {
            status: Type.Optional(Status),
            level: Type.Optional(Level),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
            before: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ alerts: Type.Array(AlertSchema), next: Nullable(Type.String()) }),
          ...problems,
        },
      },
    },
    async (request) => {
      const { viewer: v } = await viewer(request);
      const q = request.query;
      const page = await deps.alerts.list(v, {
        limit: q.limit ?? 50,
        ...(q.status === undefined ? {} : { status: q.status }),
        ...(q.level === undefined ? {} : { level: q.level }),
        ...(q.before === undefined ? {} : { before: q.before }),
      });
      return { alerts: page.alerts.map(out), next: page.next };
    },
  );

  app.get(
    '/api/detect/alerts/stream',
    {
      schema: {
        tags,
        summary:
          'New and changed alerts as they happen (Server-Sent Events, event "alert"), only those the caller may see',
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          ...problems,
          503: ProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const { viewer: v } = await viewer(request);
      await deps.eventStream(request, reply, {
        pattern: ALERT_SUBJECTS,
        eventName: 'alert',
        project: (event) => {
          const alert = event.data as WatchAlert | null;
          if (typeof alert !== 'object' || alert === null || !('org' in alert)) return undefined;
          return mayAccess(v, alert) ? alert : undefined;
        },
      });
    },
  );

  app.get(
    '/api/detect/alerts/:id',
    {
      schema: {
        tags,
        summary: 'One alert (404 when it does not exist or the caller may not see it)',
        params: Type.Object({ id: AlertId }),
        response: { 200: AlertSchema, ...problems },
      },
    },
    async (request) => {
      const { viewer: v } = await viewer(request);
      return out(await deps.alerts.get(v, request.params.id));
    },
  );

  app.post(
    '/api/detect/alerts/:id/status',
    {
      schema: {
        tags,
        summary: 'Acknowledge or resolve an alert (or reopen it), with an optional note; audited',
        params: Type.Object({ id: AlertId }),
        body: Type.Object(
          {
            status: Status,
            note: Type.Optional(Type.String({ minLength: 1, maxLength: MAX_NOTE_CHARS })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AlertSchema, ...problems },
      },
    },
    async (request) => {
      const { principal, viewer: v } = await viewer(request);
      const { status, note } = request.body;
      return out(
        await deps.alerts.setStatus(
          v,
          request.params.id,
          status,
          note ?? null,
          actorOf(principal, request),
        ),
      );
    },
  );
}
