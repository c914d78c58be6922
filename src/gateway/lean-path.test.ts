/**
 * The lean path against Fastify's routes on one real server: for the same calls
 * both answer the same status and body (the lean path is a faster door, not a
 * different gateway); it takes only what it claims, echoes request ids, sends
 * API security headers, and feeds the same request metrics.
 */
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../access/index.js';
import { modules } from '../modules.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { createGatewayModule, type Screen } from './index.js';
import { type StubUpstream, startStubUpstream } from './test-support/stub-upstream.js';

const operator = { id: 'operator:lean-path-test' };

const screen: Screen = {
  screenPrompt: ({ text }) => ({
    decision: text.includes('BLOCKME') ? 'block' : 'allow',
    risk: text.includes('BLOCKME') ? 0.99 : 0,
    categories: [],
    reasons: [],
  }),
};

let server: TestServer;
let stub: StubUpstream;
const keys = { t0: '', t3: '' };

beforeAll(async () => {
  stub = await startStubUpstream();
  server = await startTestServer({
    env: { SHIELDWALL_UPSTREAM_URL: stub.url, SHIELDWALL_GATEWAY_BODY_LIMIT: '65536' },
    modules: modules.map((m) => (m.id === 'gateway' ? createGatewayModule({ screen }) : m)),
  });
  const access = await accessServices(server.platform);
  for (const t of [0, 3] as const) {
    const org = await access.directory.createOrg({ name: `Lean Org T${t}`, tier: t }, operator);
    keys[`t${t}`] = (
      await access.keys.create({ owner: { type: 'org', id: org.id } }, operator)
    ).key;
  }
  await access.close();
}, 30_000);

afterAll(async () => {
  await server?.close();
  await stub?.close();
});

const chat = (content: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ model: 'defender-small', messages: [{ role: 'user', content }], ...extra });

interface Call {
  readonly key?: string;
  readonly body: string;
  readonly path?: string;
  readonly headers?: Record<string, string>;
}

/** Over the network: the lean path answers (it claims Bearer + JSON POSTs). */
async function viaLean(c: Call) {
  const res = await fetch(`${server.url}${c.path ?? '/v1/chat/completions'}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(c.key === undefined ? {} : { authorization: `Bearer ${c.key}` }),
      ...c.headers,
    },
    body: c.body,
  });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

/** Injected: never touches the node server, so Fastify's routes answer. */
async function viaFastify(c: Call) {
  const res = await server.server.app.inject({
    method: 'POST',
    url: c.path ?? '/v1/chat/completions',
    headers: {
      'content-type': 'application/json',
      ...(c.key === undefined ? {} : { authorization: `Bearer ${c.key}` }),
      ...c.headers,
    },
    payload: c.body,
  });
  return { status: res.statusCode, body: res.body };
}

describe('the lean path answers as the Fastify routes do', () => {
  const cases: Record<string, () => Call> = {
    'a chat completion': () => ({ key: keys.t3, body: chat('How do I harden SSH?') }),
    'a /v1/responses call': () => ({
      key: keys.t3,
      path: '/v1/responses',
      body: JSON.stringify({ model: 'general-model', input: 'Explain CVE triage.' }),
    }),
    'an unknown key': () => ({ key: 'sw_live_nope', body: chat('hi') }),
    'a tier without AI': () => ({ key: keys.t0, body: chat('hi') }),
    'a body that is not JSON': () => ({ key: keys.t3, body: '{"model":' }),
    'a poisoned body': () => ({
      key: keys.t3,
      body: '{"model":"defender-small","__proto__":{"x":1},"messages":[]}',
    }),
    'a body that is not a chat call': () => ({
      key: keys.t3,
      body: JSON.stringify({ model: 'defender-small', messages: 'not a list' }),
    }),
    'a model nobody serves': () => ({
      key: keys.t3,
      body: JSON.stringify({
        model: 'nobody-serves-this',
        messages: [{ role: 'user', content: 'x' }],
      }),
    }),
    'a prompt the screen blocks': () => ({ key: keys.t3, body: chat('BLOCKME now') }),
    'a body over the limit': () => ({ key: keys.t3, body: chat('x'.repeat(70_000)) }),
  };
  for (const [name, call] of Object.entries(cases))
    it(name, async () => {
      const lean = await viaLean(call());
      const fastify = await viaFastify(call());
      expect(lean.status).toBe(fastify.status);
      expect(JSON.parse(lean.body)).toEqual(JSON.parse(fastify.body));
      // Served by the lean path: its API headers, not the HTML page ones.
      expect(lean.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(lean.headers.get('x-content-type-options')).toBe('nosniff');
      expect(lean.headers.get('cache-control')).toBe('no-store');
    });
});

describe('what the lean path takes, and what it leaves to Fastify', () => {
  it('leaves a call without a Bearer key, or with another content type, to Fastify', async () => {
    const noKey = await viaLean({ body: chat('hi') });
    expect(noKey.status).toBe(401);
    expect(noKey.headers.get('content-security-policy')).toContain("default-src 'self'");
    const text = await viaLean({
      key: keys.t3,
      body: chat('hi'),
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    expect(JSON.parse(text.body).error.code).toBe('invalid_request');
    expect(text.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('takes the route with a query string, and echoes a safe request id', async () => {
    const r = await viaLean({
      key: keys.t3,
      path: '/v1/chat/completions?x=1',
      body: chat('hi'),
      headers: { 'x-request-id': 'trace-42' },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-request-id')).toBe('trace-42');
    expect(r.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('says how long to wait on a 429 and streams with the official client', async () => {
    const stream = await new OpenAI({
      apiKey: keys.t3,
      baseURL: `${server.url}/v1`,
      maxRetries: 0,
    }).chat.completions.create({
      model: 'defender-small',
      messages: [{ role: 'user', content: 'stream it' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(stub.answer);
    const big = await viaLean({ key: keys.t3, body: chat('a'.repeat(60_000)) });
    // Tier 3's tokens per minute are far above this prompt: only the body limit could refuse it.
    expect(big.status).toBe(200);
  });

  it('counts its requests in the same metrics as Fastify routes', async () => {
    const series = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      const line = text
        .split('\n')
        .find(
          (l) =>
            l.startsWith('shieldwall_http_requests_total{') &&
            l.includes('route="/v1/chat/completions"') &&
            l.includes('status="200"'),
        );
      return line === undefined ? 0 : Number(line.split(' ').at(-1));
    };
    const before = await series();
    await viaLean({ key: keys.t3, body: chat('count me') });
    await viaLean({ key: keys.t3, body: chat('and me') });
    expect(await series()).toBe(before + 2);
  });
});
