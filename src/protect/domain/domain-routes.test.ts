/**
 * GET/POST /api/protect/domain-check on a real server (all modules, SQLite)
 * whose SHIELDWALL_DNS points at a DNS server on 127.0.0.1 with zone fixtures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { startZoneDnsServer, type ZoneDnsServer } from './test-support/zone-dns-server.js';
import { healthyZone } from './test-support/zone-fixtures.js';

let dns: ZoneDnsServer;
let server: TestServer;

beforeAll(async () => {
  dns = await startZoneDnsServer({
    ...healthyZone('shop.example'),
    'bare.example': {
      txt: ['v=spf1 mx ?all'],
      mx: [{ priority: 10, exchange: 'mx.bare.example' }],
    },
  });
  server = await startTestServer({ env: { SHIELDWALL_DNS: dns.address } });
});

afterAll(async () => {
  await server?.close();
  await dns?.close();
});

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/protect/domain-check?${query}`, { headers });
const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/protect/domain-check`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('domain-check API', () => {
  it('checks a domain with GET, in the language asked for', async () => {
    const res = await get('domain=bare.example', {
      'accept-language': 'es-MX,es;q=0.9',
      'x-forwarded-for': '1',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      problem: boolean;
      locale: string;
      findings: { key: string; severity: string; title: string }[];
      records: { name: string; value: string }[];
      plan: { status: string; record: { value: string } }[];
    };
    expect(body.problem).toBe(true);
    expect(body.locale).toBe('es');
    const neutral = body.findings.find((f) => f.key === 'spf.neutral_all');
    expect(neutral?.title).toBe('Su SPF termina en ?all, que no protege nada');
    expect(body.records).toContainEqual(
      expect.objectContaining({ name: 'bare.example', value: 'v=spf1 mx ~all' }),
    );
    expect(body.plan[0]).toMatchObject({
      status: 'next',
      record: { value: 'v=DMARC1; p=none; rua=mailto:dmarc-reports@bare.example' },
    });
  });

  it('checks a domain with POST and extra selectors', async () => {
    const res = await post({ domain: 'Shop.Example', selectors: ['mailjet'], locale: 'en' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      problem: boolean;
      domain: string;
      selectors_tried: string[];
    };
    expect(body).toMatchObject({ problem: false, domain: 'shop.example' });
    expect(body.selectors_tried[0]).toBe('mailjet');
    expect(dns.asked).toContain('TXT mailjet._domainkey.shop.example');
  });

  it('refuses bad input with a plain problem and no look-up', async () => {
    const before = dns.asked.length;
    const cases: [Promise<Response>, number][] = [
      [get('domain=https%3A%2F%2Fshop.example%2F'), 400],
      [get('domain=localhost'), 400],
      [get(`domain=${'a'.repeat(1001)}`), 400],
      [get('domain=shop.example&selectors=a%20b'), 400],
      [get('domain=shop.example&unknown=1'), 400],
      [post({ domain: 'shop.example', selectors: Array.from({ length: 11 }, () => 'x') }), 400],
      [post({ domain: 42 }), 400],
      [post({}), 400],
    ];
    for (const [response, status] of cases) {
      const res = await response;
      expect(res.status).toBe(status);
      const problem = (await res.json()) as { detail?: string };
      expect(typeof problem.detail).toBe('string');
    }
    const res = await get('domain=localhost');
    expect(((await res.json()) as { detail: string }).detail).toBe(
      'A domain needs at least one dot, like example.com.',
    );
    expect(dns.asked.length).toBe(before);
  });

  it('rate-limits each caller to 10 checks a minute', async () => {
    // The earlier tests used some of this address's allowance; keep asking until refused.
    let refused: Response | undefined;
    for (let i = 0; i < 12 && refused === undefined; i++) {
      const res = await get('domain=shop.example');
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(200);
    }
    expect(refused?.status).toBe(429);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
