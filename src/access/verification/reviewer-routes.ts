/**
 * The reviewer's API under /api/access/verification/review: the queue, one
 * request, its documents, approve, deny, decide an appeal. Callers need
 * `access.review` (a staff role); decisions that change tiers need a recent sign-in.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import { STEP_UP_MS } from '../access-http.js';
import { accessErrors } from '../errors.js';
import { personOf, problems, type VerificationRouteDeps } from './verification-http.js';
import {
  AppealDecisionBody,
  DecisionBody,
  DocumentContentSchema,
  EvidenceParams,
  RequestParams,
  ReviewSchema,
} from './verification-schemas.js';
import type { Person } from './verification-types.js';
import { reviewOut } from './verification-wire.js';

const BASE = '/api/access/verification/review';
const tags = ['access'];

export function registerReviewerRoutes(app: App, deps: VerificationRouteDeps): void {
  const { gate, verification, now } = deps;

  const reviewer = async (request: FastifyRequest): Promise<Person> =>
    personOf(await gate.require(request, 'access.review'), request);

  /** Decisions grant tiers: a session signed in long ago confirms it is them first. */
  const decider = async (request: FastifyRequest): Promise<Person> => {
    const who = await reviewer(request);
    const session = await gate.session(request);
    if (session !== null && now() - session.authenticatedAt > STEP_UP_MS)
      throw accessErrors.create('step_up_required');
    return who;
  };

  app.get(
    `${BASE}/queue`,
    {
      schema: {
        tags,
        summary: 'Requests waiting for you (pending and appealed), oldest first',
        response: { 200: Type.Object({ requests: Type.Array(ReviewSchema) }), ...problems },
      },
    },
    async (request) => ({
      requests: (await verification.review.queue(await reviewer(request))).map(reviewOut),
    }),
  );

  app.get(
    `${BASE}/requests/:id`,
    {
      schema: {
        tags,
        summary: 'One request in full, with internal notes',
        params: RequestParams,
        response: { 200: ReviewSchema, ...problems },
      },
    },
    async (request) =>
      reviewOut(await verification.review.get(await reviewer(request), request.params.id)),
  );

  app.get(
    `${BASE}/requests/:id/evidence/:evidence_id/document`,
    {
      schema: {
        tags,
        summary: 'A document’s content (base64)',
        params: EvidenceParams,
        response: { 200: DocumentContentSchema, ...problems },
      },
    },
    async (request) => {
      const { id, evidence_id } = request.params;
      const d = await verification.review.document(await reviewer(request), id, evidence_id);
      return {
        file_name: d.fileName,
        media_type: d.mediaType,
        sha256: d.sha256,
        content_base64: d.contentBase64,
      };
    },
  );

  for (const [path, decision] of [
    ['approve', 'approve'],
    ['deny', 'deny'],
  ] as const)
    app.post(
      `${BASE}/requests/:id/${path}`,
      {
        schema: {
          tags,
          summary:
            decision === 'approve'
              ? 'Approve: grants the tier for as long as the policy says'
              : 'Deny, with a reason the applicant reads',
          params: RequestParams,
          body: DecisionBody,
          response: { 200: ReviewSchema, ...problems },
        },
      },
      async (request) => {
        const who = await decider(request);
        const input = {
          reason: request.body.reason,
          ...(request.body.internal_note === undefined
            ? {}
            : { internalNote: request.body.internal_note }),
        };
        const view =
          decision === 'approve'
            ? await verification.review.approve(who, request.params.id, input)
            : await verification.review.deny(who, request.params.id, input);
        return reviewOut(view);
      },
    );

  app.post(
    `${BASE}/requests/:id/appeal-decision`,
    {
      schema: {
        tags,
        summary: 'Decide an appeal (never by the reviewer who denied)',
        params: RequestParams,
        body: AppealDecisionBody,
        response: { 200: ReviewSchema, ...problems },
      },
    },
    async (request) => {
      const who = await decider(request);
      const { decision, reason, internal_note } = request.body;
      return reviewOut(
        await verification.review.decideAppeal(who, request.params.id, {
          decision,
          reason,
          ...(internal_note === undefined ? {} : { internalNote: internal_note }),
        }),
      );
    },
  );
}
