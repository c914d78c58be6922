/**
 * Owners' and reviewers' routes under /api/safeguards:
 * - `/my/…` for a person: the limits in force on their account and the organizations they
 *   administer (with any appeal), appealing one, and their notices;
 * - `/orgs/:org/webhook` for an org admin: where safeguards notices are posted, signed;
 * - `/appeals` for reviewers (capability `safeguards.appeals`): the queue with the evidence, and
 *   the decision, each target, owner and risk subject with its name (subject-names.ts).
 * Thin: authorize through the access gate, call the services, map.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { accessGate, type Principal } from '../access/index.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import { appealErrors } from './appeal-errors.js';
import {
  type Appeal,
  type AppealWithEvidence,
  MAX_APPEAL_CHARS,
  type OwnerView,
  ownersOf,
} from './appeal-service.js';
import { inForce } from './engine/lever-rules.js';
import { LeverSchema, leverOut, leverSubjects, RiskEntrySchema, riskOut } from './lever-routes.js';
import { type LeverActor, MAX_REASON_CHARS } from './lever-service.js';
import { noticeLever } from './owner-notices.js';
import { NO_SUBJECT_NAMES, readerLocale, SubjectName, type SubjectNames } from './subject-names.js';
import type { SafeguardsServices } from './wire-safeguards.js';

export const APPEALS_CAPABILITY = 'safeguards.appeals';
/** What every signed-in person has (tier 0): looking after their own account. */
const OWN_ACCOUNT = 'account.manage';

const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
const tags = ['safeguards'];
const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' });
const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const OwnerLever = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('restrict'), Type.Literal('friction'), Type.Literal('revoke')]),
  target: Type.String(),
  tier: Type.Union([Type.Integer(), Type.Null()]),
  mode: Type.Union([Type.Literal('limits'), Type.Literal('step-up'), Type.Null()]),
  reason: Type.String(),
  expiresAt: Time,
  automatic: Type.Boolean(),
});

const AppealSchema = Type.Object({
  id: Type.String(),
  lever_id: Type.String(),
  target: Type.String(),
  /** Reviewers' answers only (null in the owner's own). */
  target_name: SubjectName,
  owner: Type.String(),
  owner_name: SubjectName,
  filed_by: Type.String(),
  reason: Type.String(),
  created_at: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('pending'), Type.Literal('granted'), Type.Literal('denied')]),
  decided_at: Time,
  decided_by: Type.Union([Type.String(), Type.Null()]),
  decided_by_name: SubjectName,
  decision_reason: Type.Union([Type.String(), Type.Null()]),
});

const ReviewSchema = Type.Object({
  appeal: AppealSchema,
  lever: LeverSchema,
  in_force: Type.Boolean(),
  risk: Type.Array(RiskEntrySchema),
  requests: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String({ format: 'date-time' }),
      decision: Type.String(),
      risk: Type.Number(),
      categories: Type.Array(Type.String()),
      model: Type.String(),
      status: Type.Integer(),
      prompt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export function appealOut(a: Appeal, names: ReadonlyMap<string, string> = new Map()) {
  return {
    id: a.id,
    lever_id: a.leverId,
    target: a.target,
    target_name: names.get(a.target) ?? null,
    owner: a.owner,
    owner_name: names.get(a.owner) ?? null,
    filed_by: a.filedBy,
    reason: a.reason,
    created_at: new Date(a.createdAt).toISOString(),
    status: a.status,
    decided_at: iso(a.decidedAt),
    decided_by: a.decidedBy,
    decided_by_name: a.decidedBy === null ? null : (names.get(a.decidedBy) ?? null),
    decision_reason: a.decisionReason,
  };
}

/** Everything a review names: target, owner, the lever's target and actor, risk subjects. */
const reviewSubjects = (list: readonly AppealWithEvidence[]) =>
  list.flatMap((a) => [
    a.target,
    a.owner,
    a.decidedBy,
    ...leverSubjects([a.lever]),
    ...a.risk.map((r) => r.subject),
  ]);

function reviewOut(a: AppealWithEvidence, now: number, names: ReadonlyMap<string, string>) {
  return {
    appeal: appealOut(a, names),
    lever: leverOut(a.lever, names),
    in_force: inForce(a.lever, now),
    risk: a.risk.map((r) => riskOut(r, names)),
    requests: a.requests.map((r) => ({
      ...r,
      at: new Date(r.at).toISOString(),
      categories: [...r.categories],
    })),
  };
}

/** A person (session, or their own API key) and the owners they answer for; else 403. */
function ownerView(p: Principal): OwnerView {
  if (p.kind !== 'user') throw appealErrors.create('people_only');
  const adminOf = [...p.orgs].filter(([, role]) => role === 'owner' || role === 'admin');
  return { userId: p.userId, adminOf: adminOf.map(([org]) => org) };
}

function actorOf(p: Principal, request: FastifyRequest): LeverActor {
  return {
    id: p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'public',
    requestId: String(request.id),
  };
}

export function registerAppealRoutes(
  app: App,
  services: SafeguardsServices,
  /** Who targets, owners and risk subjects are, for reviewers; without it they show their ids. */
  names: SubjectNames = NO_SUBJECT_NAMES,
): void {
  const gate = accessGate(app);
  const { levers, appeals, notices, webhooks } = services;
  const me = async (request: FastifyRequest) => ownerView(await gate.require(request, OWN_ACCOUNT));

  app.get(
    '/api/safeguards/my/levers',
    {
      schema: {
        tags,
        summary:
          'Limits in force on your account and the organizations you administer, each with its appeal',
        response: {
          200: Type.Array(
            Type.Object({
              lever: OwnerLever,
              owner: Type.String(),
              appeal: Type.Union([AppealSchema, Type.Null()]),
            }),
          ),
          ...problems,
        },
      },
    },
    async (request) => {
      const owners = ownersOf(await me(request));
      const filed = new Map((await appeals.mine(owners)).map((a) => [a.leverId, a]));
      const out = [];
      for (const l of await levers.active()) {
        const owner = await levers.ownerOf(l.target);
        if (owner === null || !owners.includes(owner)) continue;
        const a = filed.get(l.id);
        out.push({
          lever: noticeLever(l),
          owner,
          appeal: a === undefined ? null : appealOut(a),
        });
        if (out.length >= 200) break;
      }
      return out;
    },
  );

  app.post(
    '/api/safeguards/my/levers/:id/appeal',
    {
      schema: {
        tags,
        summary: 'Appeal a limit on your account or organization, once, with a written reason',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: MAX_APPEAL_CHARS }) },
          { additionalProperties: false },
        ),
        response: { 201: AppealSchema, ...problems },
      },
    },
    async (request, reply) => {
      const who = await me(request);
      const a = await appeals.file(request.params.id, request.body.reason, who, String(request.id));
      return reply.code(201).send(appealOut(a));
    },
  );

  app.get(
    '/api/safeguards/my/notices',
    {
      schema: {
        tags,
        summary: 'What you were told about limits on your account and organizations, newest first',
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              owner: Type.String(),
              kind: Type.Union([
                Type.Literal('lever.pulled'),
                Type.Literal('lever.lifted'),
                Type.Literal('appeal.granted'),
                Type.Literal('appeal.denied'),
              ]),
              created_at: Type.String({ format: 'date-time' }),
              read_at: Time,
              lever: OwnerLever,
              note: Type.Union([Type.String(), Type.Null()]),
              webhook: Type.String(),
            }),
          ),
          ...problems,
        },
      },
    },
    async (request) => {
      const list = await notices.list(ownersOf(await me(request)), 50);
      return list.map((n) => ({
        id: n.id,
        owner: n.owner,
        kind: n.kind,
        created_at: new Date(n.createdAt).toISOString(),
        read_at: iso(n.readAt),
        lever: n.data.lever,
        note: n.data.note,
        webhook: n.webhook,
      }));
    },
  );

  app.post(
    '/api/safeguards/my/notices/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark one of your notices as read',
        params: Type.Object({ id: Id }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const owners = ownersOf(await me(request));
      if (!(await notices.markRead(request.params.id, owners)))
        throw appealErrors.create('notice_not_found');
      return reply.code(204).send(null);
    },
  );

  const WebhookOrNone = Type.Object({
    url: Type.Union([Type.String(), Type.Null()]),
    created_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    paused_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
      description:
        'when deliveries were paused after notices in a row failed every retry; a test message that arrives, or a new address, resumes them',
    }),
  });
  const orgAdmin = async (request: FastifyRequest, orgId: string) => {
    const p = await gate.require(request, OWN_ACCOUNT, { orgId, minRole: 'admin' });
    ownerView(p);
    return p;
  };

  app.get(
    '/api/safeguards/orgs/:org/webhook',
    {
      schema: {
        tags,
        summary:
          "Where your organization's safeguards notices are posted (url and created_at are null when none is set up)",
        params: Type.Object({ org: Id }),
        response: { 200: WebhookOrNone, ...problems },
      },
    },
    async (request) => {
      await orgAdmin(request, request.params.org);
      const hook = await webhooks.get(request.params.org);
      // "None set up" is an answer, not an error: a 404 here was logged by every admin's browser.
      if (hook === null) return { url: null, created_at: null, paused_at: null };
      return {
        url: hook.url,
        created_at: new Date(hook.createdAt).toISOString(),
        paused_at: iso(hook.pausedAt),
      };
    },
  );

  app.put(
    '/api/safeguards/orgs/:org/webhook',
    {
      schema: {
        tags,
        summary:
          "Set where your organization's safeguards notices are posted; the signing secret is shown once",
        params: Type.Object({ org: Id }),
        body: Type.Object(
          { url: Type.String({ minLength: 8, maxLength: 2048 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            url: Type.String(),
            created_at: Type.String({ format: 'date-time' }),
            secret: Type.String(),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = await orgAdmin(request, request.params.org);
      const { webhook, secret } = await webhooks.set(
        request.params.org,
        request.body.url,
        actorOf(p, request),
      );
      return { url: webhook.url, created_at: new Date(webhook.createdAt).toISOString(), secret };
    },
  );

  app.post(
    '/api/safeguards/orgs/:org/webhook/test',
    {
      schema: {
        tags,
        summary:
          'Post a signed test message ("type": "safeguards.test") to your organization\'s address now, and say whether it arrived',
        params: Type.Object({ org: Id }),
        response: {
          200: Type.Object({
            delivered: Type.Boolean(),
            status: Type.Union([Type.Integer(), Type.Null()], {
              description: "the receiving system's HTTP status, when it answered",
            }),
            error: Type.Union([Type.String(), Type.Null()], {
              description: 'why it was not delivered: an HTTP status, or a network error code',
            }),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const p = await orgAdmin(request, request.params.org);
      const outcome = await webhooks.test(request.params.org, actorOf(p, request));
      if (outcome === undefined) throw appealErrors.create('webhook_not_set');
      return {
        delivered: outcome.ok,
        status: outcome.status ?? null,
        error: outcome.ok ? null : (outcome.error ?? 'failed'),
      };
    },
  );

  app.get(
    '/api/safeguards/orgs/:org/webhook/deliveries',
    {
      schema: {
        tags,
        summary:
          "Your organization's latest messages to its address, newest first: whether each arrived, the tries and the last problem",
        params: Type.Object({ org: Id }),
        response: {
          200: Type.Object({
            deliveries: Type.Array(
              Type.Object({
                id: Type.String(),
                kind: Type.String(),
                status: Type.String({ description: 'pending, delivered or failed' }),
                attempts: Type.Integer(),
                last_error: Type.Union([Type.String(), Type.Null()]),
                created_at: Type.String({ format: 'date-time' }),
              }),
            ),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      await orgAdmin(request, request.params.org);
      return {
        deliveries: (await webhooks.deliveries(request.params.org)).map((d) => ({
          id: d.id,
          kind: d.kind,
          status: d.status,
          attempts: d.attempts,
          last_error: d.lastError,
          created_at: new Date(d.createdAt).toISOString(),
        })),
      };
    },
  );

  app.delete(
    '/api/safeguards/orgs/:org/webhook',
    {
      schema: {
        tags,
        summary: "Stop posting your organization's safeguards notices",
        params: Type.Object({ org: Id }),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const p = await orgAdmin(request, request.params.org);
      await webhooks.remove(request.params.org, actorOf(p, request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/safeguards/appeals',
    {
      schema: {
        tags,
        summary: 'The appeal queue (pending, oldest first; or decided ones) with the evidence',
        querystring: Type.Object({
          status: Type.Optional(
            Type.Union([Type.Literal('pending'), Type.Literal('granted'), Type.Literal('denied')]),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
        }),
        response: { 200: Type.Array(ReviewSchema), ...problems },
      },
    },
    async (request) => {
      await gate.require(request, APPEALS_CAPABILITY);
      const list = await appeals.queue(
        request.query.status ?? 'pending',
        request.query.limit ?? 50,
      );
      const now = Date.now();
      const known = await names.resolve(reviewSubjects(list), readerLocale(request));
      return list.map((a) => reviewOut(a, now, known));
    },
  );

  app.post(
    '/api/safeguards/appeals/:id/decision',
    {
      schema: {
        tags,
        summary: 'Grant (lift the limit) or deny an appeal, with a reason; the owner is told',
        params: Type.Object({ id: Id }),
        body: Type.Object(
          {
            grant: Type.Boolean(),
            reason: Type.String({ minLength: 1, maxLength: MAX_REASON_CHARS }),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReviewSchema, ...problems },
      },
    },
    async (request) => {
      const p = await gate.require(request, APPEALS_CAPABILITY);
      const decided = await appeals.decide(
        request.params.id,
        request.body.grant,
        request.body.reason,
        actorOf(p, request),
      );
      return reviewOut(
        decided,
        Date.now(),
        await names.resolve(reviewSubjects([decided]), readerLocale(request)),
      );
    },
  );
}
