/**
 * The checkup's HTTP API under /api/protect/checkup. Questions and scoring are open to anyone
 * (the page also works without an account); an organization's snapshots are behind the access
 * gate: members (any role) may read and export them, owners and admins may save one. Someone
 * asking about an organization they do not belong to gets 404, so nothing about it is revealed.
 */
import type { FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import { type Access, accessGate, accessServices, type Principal } from '../../access/index.js';
import type { Platform } from '../../platform/compose.js';
import { isLocale, type Locale, negotiateLocale } from '../../platform/engine-kit/i18n/messages.js';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import {
  type Answer,
  localizedCheckup,
  readAnswers,
  scoreCheckup,
} from '../engine/checkup/index.js';
import { checkupErrors } from './checkup-errors.js';
import {
  AnswersBody,
  CHECKUP_BODY_LIMIT,
  ExportQuery,
  HistoryResponse,
  OrgParams,
  QuestionsQuery,
  QuestionsResponse,
  ResultSchema,
  SnapshotParams,
  SnapshotSchema,
} from './checkup-schemas.js';
import type { CheckupService, Snapshot, SnapshotSummary } from './checkup-service.js';

const BASE = '/api/protect/checkup';
/** An exported file (Markdown, PDF or CSV), sent as it is. */
const FileSchema = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
/** Capability every signed-in account (tier 0 and up) and every organization key has. */
const CAPABILITY = 'account.manage';
const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  413: ProblemSchema,
  429: ProblemSchema,
};

/** `?locale=` when it names a shipped language; any other value is English; none → Accept-Language. */
export function localeOf(request: FastifyRequest, asked: string | undefined): Locale {
  if (asked !== undefined) return isLocale(asked) ? asked : 'en';
  return negotiateLocale(request.headers['accept-language']);
}

function actorOf(p: Principal, request: FastifyRequest) {
  return {
    id: p.kind === 'user' ? `user:${p.userId}` : p.kind === 'org' ? `key:${p.keyId}` : 'public',
    requestId: String(request.id),
  };
}

const summaryOut = (s: SnapshotSummary) => ({
  id: s.id,
  created_at: new Date(s.createdAt).toISOString(),
  created_by: s.createdBy,
  version: s.version,
  overall: s.overall,
  areas: s.areas,
});
const snapshotOut = (s: Snapshot) =>
  ({
    ...summaryOut(s),
    answers: s.answers as Record<string, Answer>,
    result: s.result as Static<typeof ResultSchema>,
  }) satisfies Static<typeof SnapshotSchema>;

export function registerCheckupRoutes(
  app: App,
  deps: { service: CheckupService; platform: Platform },
): void {
  const gate = accessGate(app);
  let access: Promise<Access> | undefined;
  const orgName = async (orgId: string) => {
    access ??= accessServices(deps.platform);
    return (await (await access).directory.getOrg(orgId)).name;
  };
  app.addHook('onClose', async () => {
    if (access !== undefined) await (await access).close();
  });

  app.get(
    `${BASE}/questions`,
    {
      schema: {
        tags: ['protect'],
        summary: 'The checkup’s questions, areas and how-to steps in a language',
        querystring: QuestionsQuery,
        response: { 200: QuestionsResponse, ...problems },
      },
    },
    async (request) => {
      const { locale } = request.query as Static<typeof QuestionsQuery>;
      return localizedCheckup(localeOf(request, locale)) as Static<typeof QuestionsResponse>;
    },
  );

  app.post(
    `${BASE}/score`,
    {
      bodyLimit: CHECKUP_BODY_LIMIT,
      schema: {
        tags: ['protect'],
        summary: 'Score answers without saving them: area scores and the top five fixes',
        body: AnswersBody,
        response: { 200: ResultSchema, ...problems },
      },
    },
    async (request) => {
      const parsed = readAnswers((request.body as Static<typeof AnswersBody>).answers);
      if (!parsed.ok)
        throw checkupErrors.create('answers_invalid', {
          message: `Some answers are not valid: ${parsed.problems.map((p) => p.id).join(', ')}.`,
        });
      return scoreCheckup(parsed.answers) as Static<typeof ResultSchema>;
    },
  );

  app.post(
    `${BASE}/orgs/:orgId/snapshots`,
    {
      bodyLimit: CHECKUP_BODY_LIMIT,
      schema: {
        tags: ['protect'],
        summary: 'Save a completed checkup for an organization (owners and admins)',
        params: OrgParams,
        body: AnswersBody,
        response: { 201: SnapshotSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params as Static<typeof OrgParams>;
      const who = await gate.require(request, CAPABILITY, { orgId, minRole: 'admin' });
      const body = request.body as Static<typeof AnswersBody>;
      const saved = await deps.service.save(orgId, body.answers, actorOf(who, request));
      reply.code(201);
      return snapshotOut(saved);
    },
  );

  app.get(
    `${BASE}/orgs/:orgId/snapshots`,
    {
      schema: {
        tags: ['protect'],
        summary: 'An organization’s checkups, newest first (members)',
        params: OrgParams,
        response: { 200: HistoryResponse, ...problems },
      },
    },
    async (request) => {
      const { orgId } = request.params as Static<typeof OrgParams>;
      await gate.require(request, CAPABILITY, { orgId, minRole: 'member' });
      return { snapshots: (await deps.service.history(orgId)).map(summaryOut) };
    },
  );

  app.get(
    `${BASE}/orgs/:orgId/snapshots/:snapshotId`,
    {
      schema: {
        tags: ['protect'],
        summary: 'One checkup with its answers and result (members)',
        params: SnapshotParams,
        response: { 200: SnapshotSchema, ...problems },
      },
    },
    async (request) => {
      const { orgId, snapshotId } = request.params as Static<typeof SnapshotParams>;
      await gate.require(request, CAPABILITY, { orgId, minRole: 'member' });
      return snapshotOut(await deps.service.snapshot(orgId, snapshotId));
    },
  );

  app.get(
    `${BASE}/orgs/:orgId/export`,
    {
      schema: {
        tags: ['protect'],
        summary:
          'The latest checkup (or ?snapshot=) as Markdown, PDF or a CSV cross-reference to CISA CPG, CIS v8 IG1, NIST CSF 2.0 and Cyber Essentials (members)',
        params: OrgParams,
        querystring: ExportQuery,
        response: { 200: FileSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { orgId } = request.params as Static<typeof OrgParams>;
      const query = request.query as Static<typeof ExportQuery>;
      const who = await gate.require(request, CAPABILITY, { orgId, minRole: 'member' });
      const file = await deps.service.export(
        { id: orgId, name: await orgName(orgId) },
        query.format ?? 'md',
        localeOf(request, query.locale),
        actorOf(who, request),
        query.snapshot,
      );
      reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store');
      return reply.send(file.body);
    },
  );
}
