/**
 * The verification API on a real Fastify app with the access gate: principals
 * are real users and API keys from the fixture, sent as `Authorization: Bearer`.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http/app.js';
import { sendProblem, toProblem } from '../../platform/http/problem.js';
import { installAccessGate } from '../access-http.js';
import { MAX_DOCUMENT_BYTES } from './document-check.js';
import {
  type VerificationFixture,
  verificationFixture,
} from './test-support/verification-fixture.js';
import { registerVerificationRoutes } from './verification-routes.js';
import type { VerificationTables } from './verification-tables.js';

const BASE = '/api/access/verification';
const operator = { id: 'operator:test' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]).toString(
  'base64',
);

interface Problem {
  code: string;
  status: number;
  detail: string;
}

describe('verification routes', () => {
  let t: VerificationFixture;
  let app: App;
  const keys: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await verificationFixture();
    const people = ['applicant', 'stranger', 'analyst', 'reviewer', 'reviewer2'] as const;
    for (const who of people)
      ids[who] = await t.addUser(who.startsWith('reviewer') ? { staff: ['verifier'] } : {});
    ids.org = await t.addOrg(ids.applicant as string, 'owner');
    await t.fx.access.directory.addMember(ids.org, ids.analyst as string, 'analyst', operator);
    for (const who of people)
      keys[who] = (
        await t.fx.access.keys.create({ owner: { type: 'user', id: ids[who] as string } }, operator)
      ).key;
    keys.orgKey = (
      await t.fx.access.keys.create({ owner: { type: 'org', id: ids.org } }, operator)
    ).key;

    app = Fastify({
      logger: false,
      ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allowUnionTypes: true } },
    }).withTypeProvider<TypeBoxTypeProvider>();
    app.setErrorHandler((err, request, reply) => sendProblem(reply, toProblem(err, request)));
    const gate = installAccessGate(app, {
      authenticator: t.fx.access.authenticator,
      policy: t.fx.access.policy,
      limiter: t.fx.limiter,
    });
    registerVerificationRoutes(app, { verification: t.verification, gate, now: t.fx.clock });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const call = (method: 'GET' | 'POST', url: string, who: string | undefined, body?: unknown) =>
    app.inject({
      method,
      url: `${BASE}${url}`,
      headers: who === undefined ? {} : { authorization: `Bearer ${keys[who]}` },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  const problem = (res: Awaited<ReturnType<typeof call>>, status: number): Problem => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    return res.json() as Problem;
  };
  const newOrgRequest = async () => {
    const res = await call('POST', '/requests', 'applicant', {
      subject: { type: 'org', id: ids.org },
      tier: 2,
      statement: 'We operate the county water utility.',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  };

  it('who may ask: people with account.manage, admins for their org', async () => {
    const body = { subject: { type: 'org', id: ids.org }, tier: 2, statement: 'x' };
    expect(problem(await call('POST', '/requests', undefined, body), 401).code).toBe(
      'unauthenticated',
    );
    expect(problem(await call('POST', '/requests', 'orgKey', body), 403).code).toBe('forbidden');
    expect(problem(await call('POST', '/requests', 'stranger', body), 404).code).toBe('not_found');
    expect(problem(await call('POST', '/requests', 'analyst', body), 403).code).toBe('forbidden');
    const bad = await call('POST', '/requests', 'applicant', {
      ...body,
      statement: 'x'.repeat(4001),
    });
    expect(problem(bad, 400).code).toBe('validation_failed');
    const extra = await call('POST', '/requests', 'applicant', { ...body, admin: true });
    expect(problem(extra, 400).code).toBe('validation_failed');
  });

  it('the whole flow: DNS proof, review, approval; applicants never see internal notes', async () => {
    const req = await newOrgRequest();
    expect(
      problem(
        await call('POST', '/requests', 'applicant', {
          subject: { type: 'org', id: ids.org },
          tier: 3,
          statement: 'again',
        }),
        409,
      ).code,
    ).toBe('request_open');

    const dns = await call('POST', `/requests/${req.id}/evidence/dns`, 'applicant', {
      domain: 'county-water.example',
    });
    expect(dns.statusCode, dns.body).toBe(201);
    const ev = dns.json() as { id: string; dns: { record: { name: string; value: string } } };
    expect(ev.dns.record.name).toBe('_shieldwall-challenge.county-water.example');
    t.dns.txt.set(ev.dns.record.name, [ev.dns.record.value]);
    const checked = await call('POST', `/requests/${req.id}/evidence/${ev.id}/check`, 'applicant');
    expect(checked.json()).toMatchObject({ satisfied: true, dns: { result: 'passed' } });

    // Applicants cannot reach the reviewer API.
    expect(problem(await call('GET', '/review/queue', 'applicant'), 403).code).toBe('forbidden');
    const queue = await call('GET', '/review/queue', 'reviewer');
    expect(queue.statusCode).toBe(200);
    const item = (
      queue.json() as { requests: { id: string; evidence: unknown[] }[] }
    ).requests.find((r) => r.id === req.id);
    expect(item?.evidence).toHaveLength(1);

    const approved = await call('POST', `/review/requests/${req.id}/approve`, 'reviewer', {
      reason: 'Domain confirmed.',
      internal_note: 'Cross-checked with the state registry.',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decision: {
        reviewer_id: ids.reviewer,
        internal_note: 'Cross-checked with the state registry.',
      },
    });
    expect((await t.fx.access.directory.getOrg(ids.org as string)).tier).toBe(2);

    const mine = await call('GET', `/requests/${req.id}`, 'applicant');
    expect(mine.json()).toMatchObject({
      status: 'approved',
      decision: { decision: 'approved', reason: 'Domain confirmed.' },
    });
    expect(mine.body).not.toContain('internal_note');
    expect(mine.body).not.toContain('state registry');
    expect(mine.body).not.toContain(ids.reviewer);
    const list = await call('GET', '/requests', 'applicant');
    expect((list.json() as { requests: { id: string }[] }).requests.map((r) => r.id)).toContain(
      req.id,
    );
  });

  it('other people’s requests answer 404, also to a member below admin', async () => {
    const req = (await call('GET', '/requests', 'applicant')).json() as {
      requests: { id: string }[];
    };
    const id = req.requests[0]?.id as string;
    for (const who of ['stranger', 'analyst'])
      expect(problem(await call('GET', `/requests/${id}`, who), 404).code).toBe('not_found');
    expect(problem(await call('POST', `/requests/${id}/withdraw`, 'stranger'), 404).code).toBe(
      'not_found',
    );
    expect(problem(await call('GET', '/requests/not-a-uuid', 'applicant'), 400).code).toBe(
      'validation_failed',
    );
  });

  it('a mailbox code by email, confirmed through the API', async () => {
    const own = await call('POST', '/requests', 'stranger', {
      subject: { type: 'user' },
      tier: 1,
      statement: 'Solo developer hardening my project.',
    });
    const id = (own.json() as { id: string }).id;
    const sent = await call('POST', `/requests/${id}/evidence/email`, 'stranger', {
      domain: 'solo.example',
      address: 'me@solo.example',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const ev = sent.json() as { id: string };
    const text = t.mailer.sent.at(-1)?.text ?? '';
    const code = /code: ([0-9]{4}-[0-9]{4})/.exec(text)?.[1] as string;
    expect(text).toContain(`https://shieldwall.test/access/verification/${id}`);
    const wrong = await call('POST', `/requests/${id}/evidence/${ev.id}/confirm`, 'stranger', {
      code: code === '0000-0000' ? '1111-1111' : '0000-0000',
    });
    expect(problem(wrong, 400).code).toBe('code_wrong');
    const ok = await call('POST', `/requests/${id}/evidence/${ev.id}/confirm`, 'stranger', {
      code,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ satisfied: true });
    const again = await call('POST', `/requests/${id}/evidence/${ev.id}/confirm`, 'stranger', {
      code,
    });
    expect(problem(again, 410).code).toBe('code_expired');
  });

  it('documents: an oversized one is 413 and nothing is stored; a PNG is accepted', async () => {
    const list = (await call('GET', '/requests', 'stranger')).json() as {
      requests: { id: string }[];
    };
    const id = list.requests[0]?.id as string;
    const stored = async () =>
      (
        await t.fx.store
          .db<VerificationTables>()
          .selectFrom('access_verification_evidence')
          .select('id')
          .where('request_id', '=', id)
          .where('kind', '=', 'document')
          .execute()
      ).length;
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1);
    big.write('%PDF-');
    const tooBig = await call('POST', `/requests/${id}/evidence/document`, 'stranger', {
      file_name: 'big.pdf',
      media_type: 'application/pdf',
      content_base64: big.toString('base64'),
    });
    expect(problem(tooBig, 413).code).toBe('document_too_large');
    const way = await call('POST', `/requests/${id}/evidence/document`, 'stranger', {
      file_name: 'huge.pdf',
      media_type: 'application/pdf',
      content_base64: 'A'.repeat(8 * 1024 * 1024),
    });
    expect(problem(way, 413).code).toBe('body_too_large');
    expect(await stored()).toBe(0);
    const ok = await call('POST', `/requests/${id}/evidence/document`, 'stranger', {
      file_name: 'id-card.png',
      media_type: 'image/png',
      content_base64: PNG,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ document: { media_type: 'image/png', size_bytes: 11 } });
    expect(await stored()).toBe(1);
    const evId = (ok.json() as { id: string }).id;
    const doc = await call('GET', `/review/requests/${id}/evidence/${evId}/document`, 'reviewer');
    expect(doc.json()).toMatchObject({ media_type: 'image/png', content_base64: PNG });
  });

  it('deny, appeal, the same reviewer refused (audited), a second reviewer decides', async () => {
    const req = (await call('GET', '/requests', 'stranger')).json() as {
      requests: { id: string }[];
    };
    const id = req.requests[0]?.id as string;
    const denied = await call('POST', `/review/requests/${id}/deny`, 'reviewer', {
      reason: 'Please add a link to your public work.',
    });
    expect(denied.statusCode, denied.body).toBe(200);
    const appealed = await call('POST', `/requests/${id}/appeal`, 'stranger', {
      statement: 'My work: https://git.example/solo',
    });
    expect(appealed.json()).toMatchObject({ status: 'appealed' });
    const same = await call('POST', `/review/requests/${id}/appeal-decision`, 'reviewer', {
      decision: 'approve',
      reason: 'ok',
    });
    expect(problem(same, 403).code).toBe('same_reviewer');
    const log = await t.fx.audit.entries({ limit: 1000 });
    expect(
      log.entries.some(
        (e) =>
          e.subject === `verification:${id}` &&
          e.outcome === 'denied' &&
          e.actor === `user:${ids.reviewer}`,
      ),
    ).toBe(true);
    const decided = await call('POST', `/review/requests/${id}/appeal-decision`, 'reviewer2', {
      decision: 'approve',
      reason: 'The linked work is clearly defensive.',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({
      status: 'appeal_approved',
      appeal: { denied_by: ids.reviewer, reviewer_id: ids.reviewer2, decision: 'approved' },
    });
  });

  it('a reviewer reviewing their own request is refused', async () => {
    const own = await call('POST', '/requests', 'reviewer2', {
      subject: { type: 'user' },
      tier: 1,
      statement: 'Reviewer asking for themself.',
    });
    const id = (own.json() as { id: string }).id;
    expect(problem(await call('GET', `/review/requests/${id}`, 'reviewer2'), 403).code).toBe(
      'own_request',
    );
    expect(
      problem(
        await call('POST', `/review/requests/${id}/approve`, 'reviewer2', { reason: 'me' }),
        403,
      ).code,
    ).toBe('own_request');
  });
});
