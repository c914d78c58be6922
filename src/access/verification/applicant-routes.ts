/**
 * The applicant's API under /api/access/verification/requests: ask, look,
 * add evidence, check DNS, confirm a mailbox, appeal, withdraw. Callers need
 * `account.manage`; for an organization's request, the owner or admin role there.
 * Other people's requests answer 404.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import { MAX_DOCUMENT_BASE64 } from './document-check.js';
import { personOf, problems, type VerificationRouteDeps } from './verification-http.js';
import {
  CodeBody,
  DocumentBody,
  DomainBody,
  EmailBody,
  EvidenceParams,
  EvidenceSchema,
  RequestParams,
  RequestSchema,
  SponsorBody,
  StatementBody,
  SubmitBody,
} from './verification-schemas.js';
import type { Person } from './verification-types.js';
import { evidenceOut, requestOut } from './verification-wire.js';

const BASE = '/api/access/verification/requests';
const tags = ['access'];
/** A 5 MiB document in base64 plus the rest of the JSON. */
const DOCUMENT_BODY_LIMIT = MAX_DOCUMENT_BASE64 + 64 * 1024;

export function registerApplicantRoutes(app: App, deps: VerificationRouteDeps): void {
  const { gate, verification } = deps;

  /** The person acting on request `id`: visible to them (else 404) and, for an org, as admin. */
  const applicant = async (request: FastifyRequest, id: string): Promise<Person> => {
    const who = personOf(await gate.require(request, 'account.manage'), request);
    const view = await verification.get(who, id);
    if (view.subject.type === 'org')
      await gate.require(request, 'account.manage', { orgId: view.subject.id, minRole: 'admin' });
    return who;
  };

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Ask for a trust tier for yourself or an organization you administer',
        body: SubmitBody,
        response: { 201: RequestSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { subject } = request.body;
      const p =
        subject.type === 'org'
          ? await gate.require(request, 'account.manage', { orgId: subject.id, minRole: 'admin' })
          : await gate.require(request, 'account.manage');
      const view = await verification.submit(personOf(p, request), request.body);
      return reply.code(201).send(requestOut(view));
    },
  );

  app.get(
    BASE,
    {
      schema: {
        tags,
        summary: 'Your verification requests and those of organizations you administer',
        response: { 200: Type.Object({ requests: Type.Array(RequestSchema) }), ...problems },
      },
    },
    async (request) => {
      const who = personOf(await gate.require(request, 'account.manage'), request);
      return { requests: (await verification.listMine(who)).map(requestOut) };
    },
  );

  app.get(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'One request, with its evidence, decision and appeal',
        params: RequestParams,
        response: { 200: RequestSchema, ...problems },
      },
    },
    async (request) => {
      const who = await applicant(request, request.params.id);
      return requestOut(await verification.get(who, request.params.id));
    },
  );

  app.post(
    `${BASE}/:id/evidence/dns`,
    {
      schema: {
        tags,
        summary: 'Prove control of a domain: returns the TXT record to publish',
        params: RequestParams,
        body: DomainBody,
        response: { 201: EvidenceSchema, ...problems },
      },
    },
    async (request, reply) => {
      const who = await applicant(request, request.params.id);
      const e = await verification.addDnsChallenge(who, request.params.id, request.body.domain);
      return reply.code(201).send(evidenceOut(e));
    },
  );

  app.post(
    `${BASE}/:id/evidence/:evidence_id/check`,
    {
      schema: {
        tags,
        summary: 'Look the published TXT record up now',
        params: EvidenceParams,
        response: { 200: EvidenceSchema, ...problems },
      },
    },
    async (request) => {
      const who = await applicant(request, request.params.id);
      return evidenceOut(
        await verification.checkDns(who, request.params.id, request.params.evidence_id),
      );
    },
  );

  app.post(
    `${BASE}/:id/evidence/email`,
    {
      schema: {
        tags,
        summary: 'Prove a mailbox at the domain: mails a one-time code to the address',
        params: RequestParams,
        body: EmailBody,
        response: { 201: EvidenceSchema, ...problems },
      },
    },
    async (request, reply) => {
      const who = await applicant(request, request.params.id);
      const e = await verification.sendEmailCode(who, request.params.id, request.body);
      return reply.code(201).send(evidenceOut(e));
    },
  );

  app.post(
    `${BASE}/:id/evidence/:evidence_id/confirm`,
    {
      schema: {
        tags,
        summary: 'Confirm the mailbox with the code from the email',
        params: EvidenceParams,
        body: CodeBody,
        response: { 200: EvidenceSchema, 410: problems[409], ...problems },
      },
    },
    async (request) => {
      const { id, evidence_id } = request.params;
      const who = await applicant(request, id);
      return evidenceOut(
        await verification.confirmEmailCode(who, id, evidence_id, request.body.code),
      );
    },
  );

  app.post(
    `${BASE}/:id/evidence/document`,
    {
      bodyLimit: DOCUMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach a document (PDF, PNG, JPEG or text; at most 5 MiB, 5 per request)',
        params: RequestParams,
        body: DocumentBody,
        response: { 201: EvidenceSchema, ...problems },
      },
    },
    async (request, reply) => {
      const who = await applicant(request, request.params.id);
      const { file_name, media_type, content_base64 } = request.body;
      const e = await verification.addDocument(who, request.params.id, {
        fileName: file_name,
        mediaType: media_type,
        contentBase64: content_base64,
      });
      return reply.code(201).send(evidenceOut(e));
    },
  );

  app.post(
    `${BASE}/:id/evidence/sponsor`,
    {
      schema: {
        tags,
        summary: 'Name an organization or person that vouches for you',
        params: RequestParams,
        body: SponsorBody,
        response: { 201: EvidenceSchema, ...problems },
      },
    },
    async (request, reply) => {
      const who = await applicant(request, request.params.id);
      const e = await verification.addSponsor(who, request.params.id, request.body);
      return reply.code(201).send(evidenceOut(e));
    },
  );

  app.post(
    `${BASE}/:id/appeal`,
    {
      schema: {
        tags,
        summary: 'Appeal a denial (once, within 30 days); another reviewer decides',
        params: RequestParams,
        body: StatementBody,
        response: { 200: RequestSchema, ...problems },
      },
    },
    async (request) => {
      const who = await applicant(request, request.params.id);
      return requestOut(await verification.appeal(who, request.params.id, request.body.statement));
    },
  );

  app.post(
    `${BASE}/:id/withdraw`,
    {
      schema: {
        tags,
        summary: 'Withdraw a request',
        params: RequestParams,
        response: { 200: RequestSchema, ...problems },
      },
    },
    async (request) => {
      const who = await applicant(request, request.params.id);
      return requestOut(await verification.withdraw(who, request.params.id));
    },
  );
}
