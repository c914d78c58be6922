/**
 * HTTP API of practice and organization exercises. Admin actions need an admin role in the
 * organization (through the access gate); the practice inbox needs a signed-in member; the
 * report and click endpoints take the exercise message's token instead of a session, so an
 * external mail system's "report phish" button can call them. Those are rate-limited per address.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { accessGate, type Principal } from '../../access/index.js';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import { PRACTICE_SAMPLES, redFlags } from '../engine/practice/index.js';
import { practiceErrors } from './errors.js';
import type { ExerciseResults, ExerciseService, ExerciseView } from './exercise-service.js';
import {
  CreateExerciseRequest,
  DeliveryParams,
  ExerciseParams,
  ExerciseSchema,
  InboxSchema,
  OrgQuery,
  ResultsSchema,
  SampleListSchema,
  SettingsRequest,
  TokenRequest,
} from './practice-schemas.js';

const tags = ['protect'];
const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
/** Token reports one address may make per minute (a mail system reporting for many people is well under). */
const TOKEN_CALLS_PER_MINUTE = 120;

/** Plain (mutable) copies for the response serializer's types. */
const exerciseOut = (e: ExerciseView) => ({ ...e, sampleIds: [...e.sampleIds] });
const resultsOut = (r: ExerciseResults) => ({
  exercise: exerciseOut(r.exercise),
  perMessage: [...r.perMessage],
  people: r.people === null ? null : [...r.people],
});

const actorOf = (p: Principal) =>
  p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'anonymous';

export function registerPracticeRoutes(
  app: App,
  deps: { readonly exercises: ExerciseService; readonly limiter: Limiter },
): void {
  const gate = accessGate(app);
  const { exercises } = deps;
  const admin = (request: FastifyRequest, orgId: string) =>
    gate.require(request, 'account.manage', { orgId, minRole: 'admin' });
  const member = async (request: FastifyRequest) => {
    const p = await gate.require(request, 'account.manage');
    if (p.kind !== 'user') throw practiceErrors.create('delivery_not_found');
    return p;
  };
  const limitTokens = async (request: FastifyRequest) => {
    const decision = await deps.limiter.consume(`protect:exercise-token:${request.ip}`, {
      limit: TOKEN_CALLS_PER_MINUTE,
      windowMs: 60_000,
    });
    if (!decision.allowed) throw practiceErrors.create('rate_limited');
  };

  app.get(
    '/api/protect/practice/samples',
    {
      schema: {
        tags,
        summary: 'The practice messages (made up for training), with their right answers',
        response: { 200: SampleListSchema },
      },
    },
    async () => ({
      samples: PRACTICE_SAMPLES.map((s) => ({
        id: s.id,
        kind: s.kind,
        category: s.category,
        scam: s.scam,
        title: s.title,
        redFlags: redFlags(s).length,
      })),
    }),
  );

  app.post(
    '/api/protect/exercises',
    {
      schema: {
        tags,
        summary: 'Start an exercise: send practice scams to every member over a period (admins)',
        body: CreateExerciseRequest,
        response: { 201: ExerciseSchema, ...problems },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const p = await admin(request, body.orgId);
      const created = await exercises.create(
        { orgId: body.orgId, name: body.name, sampleIds: body.messages, days: body.days },
        actorOf(p),
      );
      return reply.code(201).send(exerciseOut(created));
    },
  );

  app.get(
    '/api/protect/exercises',
    {
      schema: {
        tags,
        summary: 'An organization’s exercises with their figures, oldest first (admins)',
        querystring: OrgQuery,
        response: {
          200: Type.Object({
            exercises: Type.Array(ExerciseSchema),
            showIndividuals: Type.Boolean(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      await admin(request, request.query.orgId);
      return {
        exercises: (await exercises.list(request.query.orgId)).map(exerciseOut),
        showIndividuals: await exercises.showIndividuals(request.query.orgId),
      };
    },
  );

  app.get(
    '/api/protect/exercises/:id/results',
    {
      schema: {
        tags,
        summary:
          'One exercise’s figures per message (and per person only if the organization allows)',
        params: ExerciseParams,
        querystring: OrgQuery,
        response: { 200: ResultsSchema, ...problems },
      },
    },
    async (request) => {
      await admin(request, request.query.orgId);
      return resultsOut(await exercises.results(request.query.orgId, request.params.id));
    },
  );

  app.post(
    '/api/protect/exercises/:id/end',
    {
      schema: {
        tags,
        summary: 'End an exercise now (admins)',
        params: ExerciseParams,
        body: OrgQuery,
        response: { 200: ExerciseSchema, ...problems },
      },
    },
    async (request) => {
      const p = await admin(request, request.body.orgId);
      return exerciseOut(await exercises.end(request.body.orgId, request.params.id, actorOf(p)));
    },
  );

  app.put(
    '/api/protect/exercises/settings',
    {
      schema: {
        tags,
        summary: 'Whether admins see each person’s results (off by default)',
        body: SettingsRequest,
        response: { 200: Type.Object({ showIndividuals: Type.Boolean() }), ...problems },
      },
    },
    async (request) => {
      const p = await admin(request, request.body.orgId);
      await exercises.setShowIndividuals(
        request.body.orgId,
        request.body.showIndividuals,
        actorOf(p),
      );
      return { showIndividuals: request.body.showIndividuals };
    },
  );

  app.get(
    '/api/protect/exercises/inbox',
    {
      schema: {
        tags,
        summary: 'Your practice inbox and your own results',
        response: { 200: InboxSchema, ...problems },
      },
    },
    async (request) => {
      const p = await member(request);
      return { items: await exercises.inbox(p.userId), mine: await exercises.myResults(p.userId) };
    },
  );

  for (const action of ['open', 'report'] as const)
    app.post(
      `/api/protect/exercises/inbox/:id/${action}`,
      {
        schema: {
          tags,
          summary:
            action === 'open'
              ? 'Mark a practice message as opened'
              : 'Report a practice message as suspicious',
          params: DeliveryParams,
          response: { 204: Type.Null(), ...problems },
        },
      },
      async (request, reply) => {
        const p = await member(request);
        await exercises[action](p.userId, request.params.id);
        return reply.code(204).send(null);
      },
    );

  app.post(
    '/api/protect/exercises/report',
    {
      schema: {
        tags,
        summary:
          'Report an exercise message by its token (for a mail system’s “report phish” button)',
        body: TokenRequest,
        response: { 200: Type.Object({ reported: Type.Literal(true) }), ...problems },
      },
    },
    async (request) => {
      await limitTokens(request);
      await exercises.reportByToken(request.body.token);
      return { reported: true as const };
    },
  );

  app.post(
    '/api/protect/exercises/click',
    {
      schema: {
        tags,
        summary:
          'Record that an exercise message’s practice link was followed (the teaching page calls it)',
        body: TokenRequest,
        response: { 200: Type.Object({ sampleId: Type.String() }), ...problems },
      },
    },
    async (request) => {
      await limitTokens(request);
      return exercises.clickByToken(request.body.token);
    },
  );
}
