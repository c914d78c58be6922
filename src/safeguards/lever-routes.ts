/**
 * The operators' levers under /api/safeguards (capability `safeguards.levers`,
 * which the `operator` staff role has): pull, list, lift, and accounts by risk.
 * Thin: authorize through the access gate, call the services, map. Targets, actors and risk
 * subjects come with their names (`target_name`, `actor_name`, `name`) from subject-names.ts.
 */

import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { accessGate, type Principal } from '../access/index.js';
import type { Locale } from '../platform/engine-kit/i18n/messages.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import { type Lever, parseLeverDuration } from './engine/lever-rules.js';
import { safeguardsErrors } from './errors.js';
import { type LeverActor, MAX_REASON_CHARS } from './lever-service.js';
import { NO_SUBJECT_NAMES, readerLocale, SubjectName, type SubjectNames } from './subject-names.js';
import type { SafeguardsServices } from './wire-safeguards.js';

export const LEVERS_CAPABILITY = 'safeguards.levers';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  429: ProblemSchema,
};
const tags = ['safeguards'];
const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const Reason = Type.String({ minLength: 1, maxLength: MAX_REASON_CHARS });
const Target = Type.String({ minLength: 3, maxLength: 400 });

export const LeverSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  target: Type.String(),
  target_name: SubjectName,
  tier: Type.Union([Type.Integer(), Type.Null()]),
  mode: Type.Union([Type.String(), Type.Null()]),
  reason: Type.String(),
  actor: Type.String(),
  /** `user:…` and `key:…` actors in words; null for the system, the CLI and unknown ones. */
  actor_name: SubjectName,
  created_at: Time,
  expires_at: Time,
  lifted_at: Time,
  lifted_by: Type.Union([Type.String(), Type.Null()]),
  lifted_by_name: SubjectName,
  /** In the history only: why it was lifted. */
  lift_reason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  automatic: Type.Boolean(),
  evidence: Type.Array(Type.String()),
});

const PullRequest = Type.Object(
  {
    kind: Type.Union([Type.Literal('restrict'), Type.Literal('friction'), Type.Literal('revoke')]),
    target: Target,
    reason: Reason,
    tier: Type.Optional(Type.Integer({ minimum: 0, maximum: 20 })),
    mode: Type.Optional(Type.Union([Type.Literal('limits'), Type.Literal('step-up')])),
    for: Type.Optional(Type.String({ maxLength: 12 })),
    keys: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

const LiftRequest = Type.Object(
  {
    target: Type.Optional(Target),
    id: Type.Optional(Type.String({ maxLength: 64 })),
    kind: Type.Optional(
      Type.Union([Type.Literal('restrict'), Type.Literal('friction'), Type.Literal('revoke')]),
    ),
    reason: Reason,
  },
  { additionalProperties: false },
);

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** What leverOut names: the targets and who pulled and lifted them. */
export const leverSubjects = (list: readonly Lever[]) =>
  list.flatMap((l) => [l.target, l.actor, l.liftedBy]);

export function leverOut(l: Lever, names: ReadonlyMap<string, string> = new Map()) {
  return {
    id: l.id,
    kind: l.kind,
    target: l.target,
    target_name: names.get(l.target) ?? null,
    tier: l.tier,
    mode: l.mode,
    reason: l.reason,
    actor: l.actor,
    actor_name: names.get(l.actor) ?? null,
    created_at: iso(l.createdAt),
    expires_at: iso(l.expiresAt),
    lifted_at: iso(l.liftedAt),
    lifted_by: l.liftedBy,
    lifted_by_name: l.liftedBy === null ? null : (names.get(l.liftedBy) ?? null),
    lift_reason: l.liftReason ?? null,
    automatic: l.automatic,
    evidence: [...l.evidence],
  };
}

function actorOf(p: Principal, request: FastifyRequest): LeverActor {
  return {
    id: p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'public',
    requestId: String(request.id),
  };
}

/** Subjects by risk, each with its name. */
export const RiskEntrySchema = Type.Object({
  subject: Type.String(),
  name: SubjectName,
  score: Type.Number(),
  blocks: Type.Number(),
  evidence: Type.Array(
    Type.Object({
      requestId: Type.String(),
      at: Type.Number(),
      decision: Type.String(),
      risk: Type.Number(),
      categories: Type.Array(Type.String()),
    }),
  ),
});

export function riskOut(
  r: {
    readonly subject: string;
    readonly score: number;
    readonly blocks: number;
    readonly evidence: readonly {
      readonly requestId: string;
      readonly at: number;
      readonly decision: string;
      readonly risk: number;
      readonly categories: readonly string[];
    }[];
  },
  names: ReadonlyMap<string, string>,
) {
  return {
    subject: r.subject,
    name: names.get(r.subject) ?? null,
    score: r.score,
    blocks: r.blocks,
    evidence: r.evidence.map((e) => ({
      requestId: e.requestId,
      at: e.at,
      decision: e.decision,
      risk: e.risk,
      categories: [...e.categories],
    })),
  };
}

export function registerLeverRoutes(
  app: App,
  services: SafeguardsServices,
  /** Who targets and actors are; without it they show their ids. */
  names: SubjectNames = NO_SUBJECT_NAMES,
): void {
  const gate = accessGate(app);
  const { levers, risk } = services;
  const named = async (list: readonly Lever[], locale: Locale) => {
    const known = await names.resolve(leverSubjects(list), locale);
    return list.map((l) => leverOut(l, known));
  };

  app.post(
    '/api/safeguards/levers',
    {
      schema: {
        tags,
        summary: 'Pull a lever (restrict, friction, revoke) on an org, key, user or end user',
        body: PullRequest,
        response: {
          201: Type.Object({ lever: LeverSchema, revoked_keys: Type.Array(Type.String()) }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const p = await gate.require(request, LEVERS_CAPABILITY);
      const b = request.body;
      let forMs: number | undefined;
      if (b.for !== undefined) {
        forMs = parseLeverDuration(b.for);
        if (forMs === undefined)
          throw safeguardsErrors.create('lever_invalid', {
            message: '"for" must be a duration like 30m, 24h or 7d (at most a year).',
          });
      }
      const { lever, revokedKeys } = await levers.pull(
        {
          kind: b.kind,
          target: b.target,
          reason: b.reason,
          ...(b.tier === undefined ? {} : { tier: b.tier }),
          ...(b.mode === undefined ? {} : { mode: b.mode }),
          ...(forMs === undefined ? {} : { forMs }),
          ...(b.keys === undefined ? {} : { keys: b.keys }),
        },
        actorOf(p, request),
      );
      const [out] = await named([lever], readerLocale(request));
      return reply.code(201).send({ lever: out ?? leverOut(lever), revoked_keys: revokedKeys });
    },
  );

  app.get(
    '/api/safeguards/levers',
    {
      schema: {
        tags,
        summary: 'Levers in force (or, with history=true, the newest levers of any state)',
        querystring: Type.Object({
          target: Type.Optional(Target),
          history: Type.Optional(Type.Boolean()),
        }),
        response: { 200: Type.Array(LeverSchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, LEVERS_CAPABILITY);
      const { target, history } = request.query;
      const list = history === true ? await levers.history(200) : await levers.active(target);
      return named(list, readerLocale(request));
    },
  );

  app.post(
    '/api/safeguards/levers/lift',
    {
      schema: {
        tags,
        summary: 'Lift the levers in force on a target (or one lever by id), with a reason',
        body: LiftRequest,
        response: { 200: Type.Array(LeverSchema), ...problems },
      },
    },
    async (request) => {
      const p = await gate.require(request, LEVERS_CAPABILITY);
      const { reason, ...which } = request.body;
      return named(await levers.lift(which, reason, actorOf(p, request)), readerLocale(request));
    },
  );

  app.get(
    '/api/safeguards/risk',
    {
      schema: {
        tags,
        summary: 'Accounts, organizations and end users by current risk score, with evidence',
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
        }),
        response: { 200: Type.Array(RiskEntrySchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, LEVERS_CAPABILITY);
      const top = await risk.top(request.query.limit ?? 50);
      const known = await names.resolve(
        top.map((r) => r.subject),
        readerLocale(request),
      );
      return top.map((r) => riskOut(r, known));
    },
  );
}
