/**
 * The gateway end to end: the official `openai` client against a real
 * Shieldwall server, forwarding to real stub upstreams over HTTP.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import OpenAI, { APIError } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices, DEFAULT_TIERS_YAML } from '../access/index.js';
import { modules } from '../modules.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import type { GatewayTables } from './gateway-tables.js';
import { createGatewayModule, type Screen } from './index.js';
import { type StubUpstream, startStubUpstream } from './test-support/stub-upstream.js';

const operator = { id: 'operator:gateway-test' };

/** Blocks prompts saying BLOCKME, asks for step-up on STEPUP, allows the rest. */
const testScreen: Screen = {
  screenPrompt: ({ text }) => ({
    decision: text.includes('BLOCKME') ? 'block' : text.includes('STEPUP') ? 'friction' : 'allow',
    risk: text.includes('BLOCKME') ? 0.99 : 0,
    categories: text.includes('BLOCKME') ? [{ id: 'malware', score: 0.99 }] : [],
    reasons: text.includes('BLOCKME') ? ['asks for ransomware'] : [],
  }),
  screenResponse: ({ text }) => ({
    decision: text.includes('WITHHOLD') ? 'block' : 'allow',
    risk: 0,
    categories: [],
    reasons: [],
  }),
};

let server: TestServer;
let primary: StubUpstream;
let secondary: StubUpstream;
let general: StubUpstream;
const keys: Record<'t0' | 't1' | 't2' | 't3', string> = { t0: '', t1: '', t2: '', t3: '' };
let revokable = { key: '', id: '' };

const client = (apiKey: string) =>
  new OpenAI({ apiKey, baseURL: `${server.url}/v1`, maxRetries: 0, timeout: 10_000 });

async function failure(p: Promise<unknown>): Promise<APIError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof APIError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

/**
 * How long a test waits for a record of a cut stream. Records go to the database in batches from a
 * background thread whose inserts wait for SQLite's write lock; under a fully loaded CI machine one
 * record took over 15 s to appear (2026-12-06; the lock contention is a known, open issue).
 */
const RECORD_WAIT_MS = 40_000;

async function rows(
  where: (r: GatewayTables['gateway_requests']) => boolean,
  want = 1,
  waitMs = 3000,
) {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const all = await server.platform.store
      .db<GatewayTables>()
      .selectFrom('gateway_requests')
      .selectAll()
      .execute();
    const found = all.filter(where);
    if (found.length >= want || Date.now() > deadline) return found;
    await sleep(50);
  }
}

beforeAll(async () => {
  [primary, secondary, general] = await Promise.all([
    startStubUpstream(),
    startStubUpstream({ answer: 'Answer from the secondary upstream.' }),
    startStubUpstream({ models: ['general-model', 'defender-small'] }),
  ]);
  process.env.GW_TEST_PRIMARY_KEY = 'primary-upstream-secret';
  const dir = mkdtempSync(join(tmpdir(), 'sw-gateway-test-'));
  const gatewayFile = join(dir, 'gateway.yaml');
  writeFileSync(
    gatewayFile,
    `version: 1
upstreams:
  - name: primary
    base_url: ${primary.url}
    api_key_env: GW_TEST_PRIMARY_KEY
    timeout_ms: 800
    retries: 1
    models: [defender-large]
  - name: secondary
    base_url: ${secondary.url}
    retries: 0
routes:
  - { model: defender-small, tiers: 0-2, upstream: primary, upstream_model: small-a }
  - { model: defender-small, tiers: 0-2, upstream: secondary, upstream_model: small-b }
`,
  );
  const tiersFile = join(dir, 'tiers.yaml');
  writeFileSync(
    tiersFile,
    DEFAULT_TIERS_YAML.replace(
      'requests_per_minute: 1200, tokens_per_day: 2000000, tokens_per_minute: 100000',
      'requests_per_minute: 3, tokens_per_day: 2000000, tokens_per_minute: 100000',
    ),
  );
  server = await startTestServer({
    env: {
      SHIELDWALL_UPSTREAM_URL: general.url,
      SHIELDWALL_UPSTREAM_KEY: 'general-secret',
      SHIELDWALL_GATEWAY_FILE: gatewayFile,
      SHIELDWALL_TIERS_FILE: tiersFile,
    },
    modules: modules.map((m) =>
      m.id === 'gateway' ? createGatewayModule({ screen: testScreen }) : m,
    ),
  });
  const access = await accessServices(server.platform);
  for (const t of [0, 1, 2, 3] as const) {
    const org = await access.directory.createOrg({ name: `Gateway Org T${t}`, tier: t }, operator);
    keys[`t${t}`] = (
      await access.keys.create({ owner: { type: 'org', id: org.id } }, operator)
    ).key;
  }
  const org = await access.directory.createOrg({ name: 'Gateway Revoked Org', tier: 1 }, operator);
  const created = await access.keys.create({ owner: { type: 'org', id: org.id } }, operator);
  revokable = { key: created.key, id: created.info.id };
  await access.close();
}, 30_000);

afterAll(async () => {
  await server?.close();
  await Promise.all([primary?.close(), secondary?.close(), general?.close()]);
});

describe('OpenAI-compatible endpoints with the official client', () => {
  it('answers a chat completion through the routed upstream, with its model and key', async () => {
    const before = primary.requests.length;
    const r = await client(keys.t1).chat.completions.create({
      model: 'defender-small',
      messages: [{ role: 'user', content: 'How do I harden SSH?' }],
    });
    expect(r.choices[0]?.message.content).toBe(primary.answer);
    expect(r.usage?.total_tokens).toBeGreaterThan(0);
    const seen = primary.requests.at(-1);
    expect(primary.requests.length).toBe(before + 1);
    expect(seen?.body.model).toBe('small-a');
    // The upstream gets its own key, never the caller's Shieldwall key.
    expect(seen?.headers.authorization).toBe('Bearer primary-upstream-secret');
  });

  it('passes fields it does not know to the upstream unchanged', async () => {
    await client(keys.t1).chat.completions.create({
      model: 'defender-small',
      messages: [{ role: 'user', content: 'hi' }],
      temperature: 0.25,
      // @ts-expect-error a field newer than this client
      brand_new_field: { nested: [1, 2, 3] },
    });
    const body = primary.requests.at(-1)?.body;
    expect(body?.temperature).toBe(0.25);
    expect(body?.brand_new_field).toEqual({ nested: [1, 2, 3] });
  });

  it('answers /v1/responses, plain and streaming', async () => {
    const r = await client(keys.t3).responses.create({
      model: 'general-model',
      input: 'Explain CVE triage.',
    });
    expect(r.output_text).toBe(general.answer);
    expect(general.requests.at(-1)?.headers.authorization).toBe('Bearer general-secret');
    const s = await client(keys.t3).responses.create({
      model: 'general-model',
      input: 'Explain CVE triage.',
      stream: true,
    });
    let text = '';
    let completed = false;
    for await (const e of s) {
      if (e.type === 'response.output_text.delta') text += e.delta;
      if (e.type === 'response.completed') completed = true;
    }
    expect(text).toBe(general.answer);
    expect(completed).toBe(true);
  });

  it('streams chat completions chunk by chunk: the first chunk arrives before the last is sent', async () => {
    let release: () => void = () => {};
    primary.holdLast = new Promise<void>((r) => {
      release = r;
    });
    try {
      const stream = await client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'Stream please' }],
        stream: true,
      });
      const it = stream[Symbol.asyncIterator]();
      const first = await it.next();
      expect(first.done).toBe(false);
      expect(first.value?.choices[0]?.delta.content).toBe(primary.answer.split(' ')[0]);
      // The stub is still holding its last chunk: nothing was buffered until the end.
      release();
      let text = first.value?.choices[0]?.delta.content ?? '';
      for (let n = await it.next(); !n.done; n = await it.next())
        text += n.value.choices[0]?.delta.content ?? '';
      expect(text).toBe(primary.answer);
    } finally {
      primary.holdLast = undefined;
    }
  });

  it('cancels the upstream request when the client disconnects mid-stream', async () => {
    primary.holdLast = new Promise<void>(() => {}); // never sends its last chunk
    try {
      const abortedBefore = primary.aborted;
      const controller = new AbortController();
      const stream = await client(keys.t1).chat.completions.create(
        {
          model: 'defender-small',
          messages: [{ role: 'user', content: 'then hang up' }],
          stream: true,
        },
        { signal: controller.signal },
      );
      const it = stream[Symbol.asyncIterator]();
      await it.next();
      controller.abort();
      const deadline = Date.now() + 3000;
      while (primary.aborted === abortedBefore && Date.now() < deadline) await sleep(20);
      expect(primary.aborted).toBe(abortedBefore + 1);
    } finally {
      primary.holdLast = undefined;
    }
  });

  it('lists only the models the tier allows', async () => {
    const ids = async (k: string) => (await client(k).models.list()).data.map((m) => m.id);
    expect(await ids(keys.t0)).toEqual([]);
    expect(await ids(keys.t1)).toEqual(['defender-small']);
    expect(await ids(keys.t3)).toEqual(['defender-large', 'defender-small', 'general-model']);
  });
});

describe('errors in OpenAI shape', () => {
  it('invalid_api_key (401) for a wrong or missing key', async () => {
    const e = await failure(
      client('sw_live_AAAAAAAAAAAA_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBCCCCCC').models.list(),
    );
    expect(e.status).toBe(401);
    expect(e.code).toBe('invalid_api_key');
    const res = await fetch(`${server.url}/v1/models`);
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message', 'param', 'type']);
    expect(body.error.code).toBe('invalid_api_key');
  });

  it('key_revoked (401) once a key is revoked', async () => {
    const c = client(revokable.key);
    expect((await c.models.list()).data).toEqual([
      expect.objectContaining({ id: 'defender-small' }),
    ]);
    const access = await accessServices(server.platform);
    await access.keys.revoke(revokable.id, 'test', operator);
    await access.close();
    let e: APIError | undefined;
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline) {
      e = await c.models.list().then(
        () => undefined,
        (err: APIError) => err,
      );
      if (e !== undefined) break;
      await sleep(50);
    }
    expect(e?.status).toBe(401);
    expect(e?.code).toBe('key_revoked');
  });

  it('tier_insufficient (403) for a tier without AI and for a model outside the tier', async () => {
    const t0 = await failure(
      client(keys.t0).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    );
    expect([t0.status, t0.code]).toEqual([403, 'tier_insufficient']);
    const t1 = await failure(
      client(keys.t1).chat.completions.create({
        model: 'defender-large',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    );
    expect([t1.status, t1.code]).toEqual([403, 'tier_insufficient']);
  });

  it('safeguard_blocked and step_up_required (403) from the screen, audited', async () => {
    const blocked = await failure(
      client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'BLOCKME write ransomware' }],
      }),
    );
    expect([blocked.status, blocked.code]).toEqual([403, 'safeguard_blocked']);
    const step = await failure(
      client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'STEPUP please' }],
      }),
    );
    expect([step.status, step.code]).toEqual([403, 'step_up_required']);
    expect((step.error as { link?: string }).link).toBe('/access/step-up');
    const deadline = Date.now() + 3000;
    let actions: string[] = [];
    while (Date.now() < deadline) {
      const page = await server.platform.audit.entries({ from: 0, limit: 1000 });
      actions = page.entries.map((e) => e.action);
      if (actions.includes('gateway.request.step-up')) break;
      await sleep(50);
    }
    expect(actions).toContain('gateway.request.blocked');
    expect(actions).toContain('gateway.request.step-up');
  });

  it('safeguard_blocked (403) when the response screen withholds an answer', async () => {
    const before = primary.answer;
    primary.answer = 'Here is the WITHHOLD payload';
    try {
      const e = await failure(
        client(keys.t1).chat.completions.create({
          model: 'defender-small',
          messages: [{ role: 'user', content: 'harmless question' }],
        }),
      );
      expect([e.status, e.code]).toEqual([403, 'safeguard_blocked']);
    } finally {
      primary.answer = before;
    }
  });

  it('cuts a streamed answer once the response screen blocks it: an error event, the rest withheld, recorded and audited', async () => {
    const before = primary.answer;
    // 2,400 harmless characters, the marker, then 6,000 more: the screen runs every 2,000.
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i % 10}`).join(' ');
    primary.answer = `${filler(800)} WITHHOLD ${filler(2000)}`;
    // Not a run of digits: a 13-digit timestamp that passes the Luhn check is redacted from the
    // stored prompt as a card number (one time in ten), and the record is then not found by it.
    const marker = `stream-cut-${Date.now().toString(36)}`;
    try {
      const stream = await client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: `harmless question ${marker}` }],
        stream: true,
      });
      let text = '';
      let error: APIError | undefined;
      try {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      } catch (err) {
        if (!(err instanceof APIError)) throw err;
        error = err;
      }
      expect(error?.message).toContain('withheld by the safeguards');
      expect(text.length).toBeGreaterThan(2000);
      // Screened every 2,000 characters: the cut comes within a few thousand of the marker, not at the end.
      expect(text.length).toBeLessThan(primary.answer.length - 2000);
      // Records are written in batches by a background thread: give a loaded machine time.
      const [row] = await rows((r) => (r.prompt ?? '').includes(marker), 1, RECORD_WAIT_MS);
      expect(row?.error_code).toBe('safeguard_blocked');
      expect(row?.decision).toBe('block');
      const { entries } = await server.platform.audit.entries({ limit: 1000 });
      expect(entries.some((e) => e.action === 'gateway.response.blocked')).toBe(true);
    } finally {
      primary.answer = before;
    }
  }, 60_000);

  it('checks a short streamed answer before it completes: the client gets an error, not a finished answer', async () => {
    const before = primary.answer;
    primary.answer = 'Short and WITHHOLD-worthy.'; // under 2,000 characters: no check mid-stream
    const marker = `stream-tail-${Date.now().toString(36)}`; // not digits: see above
    try {
      const stream = await client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: `harmless question ${marker}` }],
        stream: true,
      });
      const e = await failure(
        (async () => {
          for await (const _ of stream);
        })(),
      );
      expect(e.message).toContain('withheld by the safeguards');
      const [row] = await rows((r) => (r.prompt ?? '').includes(marker), 1, RECORD_WAIT_MS);
      expect([row?.error_code, row?.decision]).toEqual(['safeguard_blocked', 'block']);
    } finally {
      primary.answer = before;
    }
  }, 60_000);

  it('streams an answer the screen allows to the end, screened as it goes', async () => {
    const before = primary.answer;
    primary.answer = Array.from({ length: 3000 }, (_, i) => `ok${i % 10}`).join(' ');
    try {
      const stream = await client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'harmless long answer please' }],
        stream: true,
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      expect(text).toBe(primary.answer);
    } finally {
      primary.answer = before;
    }
  });

  it('rate_limited (429) with Retry-After past the tier requests per minute', async () => {
    const c = client(keys.t2);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.t2}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'defender-small',
          messages: [{ role: 'user', content: 'x' }],
        }),
      });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
      } else await res.arrayBuffer();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const e = await failure(c.models.list());
    expect(e.status).toBe(429);
  });

  it('rate_limited (429) when a prompt is larger than the tokens per minute allow', async () => {
    const e = await failure(
      client(keys.t1).chat.completions.create({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'a'.repeat(100_000) }],
      }),
    );
    expect([e.status, e.code]).toEqual([429, 'rate_limited']);
  });

  it('invalid_request (400) for a body that is not a chat request, naming the field', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.t1}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'defender-small', messages: 'not a list' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; param: string; type: string } };
    expect(body.error).toMatchObject({
      code: 'invalid_request',
      param: 'messages',
      type: 'invalid_request_error',
    });
  });

  it('model_not_found (404) for a model the tier may call but no upstream serves', async () => {
    const e = await failure(
      client(keys.t3).chat.completions.create({
        model: 'nobody-serves-this',
        messages: [{ role: 'user', content: 'hi' }],
      }),
    );
    expect([e.status, e.code]).toEqual([404, 'model_not_found']);
  });

  it('request_too_large (413) past the gateway body limit, in OpenAI shape', async () => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.t1}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'x'.repeat(5 * 1024 * 1024) }],
      }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'request_too_large',
    );
  });

  it('passes the upstream own 4xx errors through', async () => {
    general.mode = 'error400';
    try {
      const e = await failure(
        client(keys.t3).chat.completions.create({
          model: 'general-model',
          messages: [{ role: 'user', content: 'hi' }],
        }),
      );
      expect([e.status, e.code]).toEqual([400, 'context_length_exceeded']);
    } finally {
      general.mode = 'ok';
    }
  });
});

describe('records for monitoring', () => {
  it('records the end user, tokens and decision, with secrets and card numbers redacted', async () => {
    const secret = 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789';
    await client(keys.t1).chat.completions.create({
      model: 'defender-small',
      messages: [
        { role: 'user', content: `my key is ${secret} and card 4111 1111 1111 1111 RECORDME` },
      ],
      safety_identifier: 'end-user-42',
    });
    const [row] = await rows((r) => r.prompt?.includes('RECORDME') === true);
    expect(row?.end_user).toBe('end-user-42');
    expect(row?.prompt).not.toContain(secret);
    expect(row?.prompt).not.toContain('4111 1111 1111 1111');
    expect(row?.prompt).toContain('[REDACTED:api-key]');
    expect(row?.prompt).toContain('[REDACTED:card]');
    expect(row).toMatchObject({
      status: 200,
      decision: 'allow',
      upstream: 'primary',
      total_tokens: 12 + primary.answer.split(' ').length,
    });
    expect(row?.content_expires_at).toBe(Number(row?.created_at) + 30 * 86_400_000);
  });

  it('takes the end user from X-Shieldwall-End-User when the body names none', async () => {
    await client(keys.t1).chat.completions.create(
      { model: 'defender-small', messages: [{ role: 'user', content: 'HEADERUSER' }] },
      { headers: { 'X-Shieldwall-End-User': 'patient-portal-7' } },
    );
    const [row] = await rows((r) => r.prompt?.includes('HEADERUSER') === true);
    expect(row?.end_user).toBe('patient-portal-7');
  });

  it('marks a malformed upstream stream in the record while relaying what it sent', async () => {
    general.mode = 'malformed';
    try {
      const res = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.t3}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          model: 'general-model',
          stream: true,
          messages: [{ role: 'user', content: 'MALFORMED' }],
        }),
      });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('broken');
      const [row] = await rows((r) => r.prompt === 'MALFORMED');
      expect(row?.error_code).toBe('upstream_malformed');
    } finally {
      general.mode = 'ok';
    }
  });
});

describe('upstream failures', () => {
  const ask = (content: string) =>
    client(keys.t1).chat.completions.create({
      model: 'defender-small',
      messages: [{ role: 'user', content }],
    });

  it('gives a clear upstream_unavailable (502) when the only upstream hangs', async () => {
    primary.mode = 'hang';
    try {
      const started = Date.now();
      const e = await failure(
        client(keys.t3).chat.completions.create({
          model: 'defender-large',
          messages: [{ role: 'user', content: 'hang' }],
        }),
      );
      expect([e.status, e.code]).toEqual([502, 'upstream_unavailable']);
      expect(Date.now() - started).toBeLessThan(3000);
    } finally {
      primary.mode = 'ok';
    }
  });

  it('retries a reset connection, then fails over to the second upstream', async () => {
    primary.mode = 'reset';
    try {
      const r = await ask('reset then fail over');
      expect(r.choices[0]?.message.content).toBe(secondary.answer);
      expect(secondary.requests.at(-1)?.body.model).toBe('small-b');
    } finally {
      primary.mode = 'ok';
    }
  });

  it('opens the circuit of an upstream that keeps failing and stops sending to it', async () => {
    primary.mode = '503';
    try {
      for (let i = 0; i < 3; i++) await ask(`503 ${i}`); // each answered by the secondary
      const before = primary.requests.length;
      const r = await ask('circuit open');
      expect(r.choices[0]?.message.content).toBe(secondary.answer);
      expect(primary.requests.length).toBe(before);
    } finally {
      primary.mode = 'ok';
    }
  });

  it('answers upstream_unavailable (503) when every upstream for the model is down', async () => {
    // defender-small: the primary (circuit open), the secondary, and the default upstream that lists it.
    secondary.mode = '503';
    general.mode = '503';
    try {
      const e = await failure(ask('all down'));
      expect(e.code).toBe('upstream_unavailable');
      expect([502, 503]).toContain(e.status);
    } finally {
      secondary.mode = 'ok';
      general.mode = 'ok';
    }
  });
});
