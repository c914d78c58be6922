/**
 * The scam checker's HTTP API on the real server (same composition as `serve`,
 * SQLite in a temporary data directory). The server trusts X-Forwarded-For, so
 * each test is its own client address and the per-client limit (5 a minute
 * here) is exercised without the tests limiting each other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BusEvent } from '../platform/ports/bus.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { REPORT_CREATED } from './protect-service.js';
import type { ProtectTables } from './protect-tables.js';
import type { WireResult } from './wire-format.js';

const LIMIT = 5;
const SCAM =
  'USPS: Your package is on hold due to an unpaid shipping fee of $1.99. Pay now at https://usps-redelivery.top/pay to avoid return.';
const GENUINE = 'Your Google verification code is 482913. Do not share it with anyone.';

interface Problem {
  type: string;
  status: number;
  code: string;
  detail: string;
}

describe('protect routes', () => {
  let server: TestServer;
  let client = 0;
  const events: BusEvent[] = [];

  beforeAll(async () => {
    server = await startTestServer({
      env: { SHIELDWALL_CHECK_RATE_LIMIT: String(LIMIT), SHIELDWALL_TRUST_PROXY: 'true' },
    });
    await server.platform.bus.subscribe(REPORT_CREATED, (e) => {
      events.push(e);
    });
  });
  afterAll(async () => {
    await server.close();
  });

  /** A fresh client address: each test gets its own rate-limit budget. */
  const newClient = () => `198.51.100.${++client}`;
  const post = (path: string, body: unknown, ip = newClient()) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify(body),
    });
  const problem = async (res: Response, status: number): Promise<Problem> => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return (await res.json()) as Problem;
  };

  it('POST /api/check answers with the wire result', async () => {
    const res = await post('/api/check', { text: SCAM });
    expect(res.status).toBe(200);
    const result = (await res.json()) as WireResult;
    expect(result).toMatchObject({ kind: 'sms', verdict: 'scam', category: 'delivery' });
    expect(result.next_steps.length).toBeGreaterThan(0);
    expect(result.model_version).toMatch(/^text:/);
    const url = (await (
      await post('/api/check', { url: 'https://paypa1-login.top/verify' })
    ).json()) as WireResult;
    expect(url).toMatchObject({ kind: 'url', verdict: 'scam' });
    const ok = (await (
      await post('/api/check', { kind: 'sms', text: GENUINE })
    ).json()) as WireResult;
    expect(ok.verdict).toBe('no_signs');
  });

  it('POST /api/check refuses empty, oversize and wrongly-kinded input with a problem', async () => {
    expect(await problem(await post('/api/check', { text: '   ' }), 400)).toMatchObject({
      code: 'input_empty',
      type: 'urn:shieldwall:error:input_empty',
    });
    expect(await problem(await post('/api/check', {}), 400)).toMatchObject({
      code: 'input_empty',
    });
    expect(
      await problem(await post('/api/check', { text: 'x'.repeat(25 * 1024 * 1024 + 1) }), 400),
    ).toMatchObject({ code: 'validation_failed' });
    expect(
      await problem(await post('/api/check', { kind: 'letter', text: 'hello' }), 400),
    ).toMatchObject({ code: 'validation_failed' });
    expect(await problem(await post('/api/check', { text: 'a', url: 'b.com' }), 400)).toMatchObject(
      { code: 'input_unreadable' },
    );
  });

  it('POST /api/check/batch answers each item in order; a bad item gets an error', async () => {
    const res = await post('/api/check/batch', {
      items: [
        { id: 'a', text: SCAM },
        { id: 2, text: '' },
        { id: '007', phone: '+44 20 7946 0000' },
        { text: GENUINE },
      ],
    });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Record<string, unknown>[] };
    // Ids come back exactly as given: 2 stays a number, '007' a string.
    expect(results.map((r) => r.id)).toEqual(['a', 2, '007', null]);
    expect(results[0]).toMatchObject({ verdict: 'scam', category: 'delivery' });
    expect(results[1]).toEqual({
      id: 2,
      error: { code: 'input_empty', message: expect.any(String) },
    });
    expect(results[2]).toMatchObject({ verdict: expect.any(String) });
    expect(results[3]).toMatchObject({ verdict: 'no_signs' });
  });

  it('limits checks per client address with 429 and Retry-After; other clients go on', async () => {
    const ip = newClient();
    for (let i = 0; i < LIMIT; i++)
      expect((await post('/api/check', { text: GENUINE }, ip)).status).toBe(200);
    const limited = await post('/api/check', { text: GENUINE }, ip);
    expect(await problem(limited, 429)).toMatchObject({ code: 'rate_limited' });
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await post('/api/check', { text: GENUINE })).status).toBe(200);
    // A batch counts each item: more items than the limit is refused as a whole.
    const batch = await post('/api/check/batch', {
      items: Array.from({ length: LIMIT + 1 }, () => ({ text: GENUINE })),
    });
    expect((await problem(batch, 429)).detail).toBe(
      `A batch may hold at most ${LIMIT} items per minute.`,
    );
  });

  it('POST /api/reports stores a row, writes an audit entry and publishes on the bus', async () => {
    const res = await post('/api/reports', {
      kind: 'sms',
      verdict: 'scam',
      score: 0.99,
      category: 'delivery',
      indicators: [{ type: 'domain', value: 'usps-redelivery.top' }],
      reason_codes: ['cue.fee_to_release'],
      comment: 'got it twice today',
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const row = await server.platform.store
      .db<ProtectTables>()
      .selectFrom('protect_report')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'sms',
      verdict: 'scam',
      content: null,
      comment: 'got it twice today',
    });
    const size = await server.platform.audit.size();
    const { entries } = await server.platform.audit.entries({ from: Math.max(0, size - 10) });
    expect(entries.find((e) => e.subject === `report:${id}`)).toMatchObject({
      actor: 'public',
      action: 'protect.report.created',
      data: { kind: 'sms', verdict: 'scam', withMessage: false },
    });
    await expect
      .poll(() => events.find((e) => e.msgId === id))
      .toMatchObject({
        subject: REPORT_CREATED,
        data: { id, indicators: [{ type: 'domain', value: 'usps-redelivery.top' }] },
      });
    const bad = await post('/api/reports', { kind: 'sms', verdict: 'maybe' });
    expect((await problem(bad, 400)).code).toBe('validation_failed');
  });

  it('POST /api/shares → GET /api/shares/:token gives the result, never the message or evidence', async () => {
    const checked = (await (await post('/api/check', { text: SCAM })).json()) as WireResult;
    // A client that sends the whole result: the server keeps only what a share may hold.
    const res = await post('/api/shares', checked);
    expect(res.status).toBe(201);
    const share = (await res.json()) as { token: string; url: string; expires_at: string };
    expect(share.url).toBe(`/shared/${share.token}`);
    expect(Date.parse(share.expires_at) - Date.now()).toBeGreaterThan(29 * 86_400_000);

    const got = await fetch(`${server.url}/api/shares/${share.token}`);
    expect(got.status).toBe(200);
    const shared = (await got.json()) as WireResult;
    expect(shared).toMatchObject({
      verdict: 'scam',
      category: 'delivery',
      model_version: checked.model_version,
    });
    expect(shared.reasons.map((r) => r.code)).toEqual(checked.reasons.map((r) => r.code));
    for (const [name, text] of [
      ['response', JSON.stringify(shared)],
      [
        'stored row',
        JSON.stringify(
          await server.platform.store
            .db<ProtectTables>()
            .selectFrom('protect_share')
            .selectAll()
            .execute(),
        ),
      ],
    ] as const) {
      expect(text, name).not.toContain('excerpt');
      expect(text, name).not.toContain('"weight"');
    }
  });

  it('POST /api/check answers in the asked-for language, else Accept-Language, else English', async () => {
    const ask = async (body: object, acceptLanguage?: string) => {
      const res = await fetch(`${server.url}/api/check`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': newClient(),
          ...(acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage }),
        },
        body: JSON.stringify(body),
      });
      expect(res.status).toBe(200);
      return { vary: res.headers.get('vary'), result: (await res.json()) as WireResult };
    };
    const english = (await ask({ text: SCAM })).result;
    expect(english.locale).toBe('en');
    const spanish = await ask({ text: SCAM, locale: 'es' });
    expect(spanish.result.locale).toBe('es');
    expect(spanish.result.next_steps[0]?.message).toBe(
      'No haga clic en el enlace, no abra adjuntos y no responda.',
    );
    // Same judgement, other words; params and refs let a client say it again.
    expect(spanish.result.reasons.map((r) => [r.code, r.weight, r.params])).toEqual(
      english.reasons.map((r) => [r.code, r.weight, r.params]),
    );
    expect(spanish.result.checked_refs).toEqual(english.checked_refs);
    expect(spanish.result.reasons[0]?.message).not.toBe(english.reasons[0]?.message);
    const negotiated = await ask({ text: SCAM }, 'es-MX,es;q=0.9,en;q=0.5');
    expect(negotiated.result).toEqual(spanish.result);
    expect(negotiated.vary).toContain('accept-language');
    // An explicit locale wins over the header; an unknown one is English, not an error.
    expect((await ask({ text: SCAM, locale: 'en' }, 'es')).result).toEqual(english);
    expect((await ask({ text: SCAM, locale: 'tlh' }, 'es')).result).toEqual(english);
    expect((await ask({ text: SCAM }, 'fr-CA, de;q=0.8')).result).toEqual(english);
    expect((await ask({ text: SCAM }, ';;;,q=x,,')).result).toEqual(english);
    const long = await post('/api/check', { text: SCAM, locale: 'x'.repeat(36) });
    expect((await problem(long, 400)).code).toBe('validation_failed');
  });

  it('POST /api/check/batch answers every item in the batch’s language', async () => {
    const res = await fetch(`${server.url}/api/check/batch`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': newClient(),
        'accept-language': 'es',
      },
      body: JSON.stringify({
        items: [
          { id: 1, text: SCAM },
          { id: 2, text: '' },
        ],
      }),
    });
    const { results } = (await res.json()) as {
      results: { id: number; reasons?: WireResult['reasons']; error?: { code: string } }[];
    };
    expect(results[0]?.reasons?.some((r) => r.message.startsWith('La dirección termina'))).toBe(
      true,
    );
    expect(results[1]?.error?.code).toBe('input_empty');
  });

  it('GET /api/shares/:token reads a share in the reader’s language', async () => {
    const checked = (await (await post('/api/check', { text: SCAM })).json()) as WireResult;
    const { token } = (await (await post('/api/shares', checked)).json()) as { token: string };
    const read = async (query: string, acceptLanguage?: string) =>
      (await (
        await fetch(`${server.url}/api/shares/${token}${query}`, {
          headers: acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage },
        })
      ).json()) as WireResult;
    const spanish = (await (
      await post('/api/check', { text: SCAM, locale: 'es' })
    ).json()) as WireResult;
    for (const shared of [await read('?lang=es'), await read('', 'es-ES')]) {
      expect(shared.locale).toBe('es');
      expect(shared.reasons.map((r) => r.message)).toEqual(spanish.reasons.map((r) => r.message));
      expect(shared.next_steps).toEqual(spanish.next_steps);
      expect(shared.checked).toEqual(spanish.checked);
    }
    const english = await read('?lang=zz', 'es');
    expect(english.locale).toBe('en');
    expect(english.checked).toEqual(checked.checked);
    // Params are bounded: a share cannot smuggle an essay into a sentence.
    const stuffed = await post('/api/shares', {
      ...checked,
      reasons: [{ code: 'url.shortener', message: 'x', params: { host: 'y'.repeat(301) } }],
    });
    expect((await problem(stuffed, 400)).code).toBe('validation_failed');
  });

  it('GET /api/shares/:token is 404 for an unknown or malformed token', async () => {
    const unknown = await fetch(`${server.url}/api/shares/${'A'.repeat(32)}`);
    expect(await problem(unknown, 404)).toMatchObject({ code: 'share_not_found' });
    const malformed = await fetch(`${server.url}/api/shares/short`);
    expect(malformed.status).toBe(400);
  });

  it('publishes every route in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    expect(doc.paths['/api/check']?.post?.tags).toEqual(['protect']);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/check',
        '/api/check/batch',
        '/api/reports',
        '/api/shares',
        '/api/shares/{token}',
      ]),
    );
  });
});
