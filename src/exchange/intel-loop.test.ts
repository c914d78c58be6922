/**
 * The loop that makes it a shield wall, end to end on the real server: a
 * verified defender shares an indicator over TAXII, and the next person who
 * checks a message with that link is warned — within a second, with the
 * shared indicator as the reason. AMBER intelligence never warns the public
 * (the warning would reveal it).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Access, accessServices } from '../access/index.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { createExchange, DEFAULT_COLLECTION_ID } from './exchange-service.js';

const TAXII = 'application/taxii+json;version=2.1';

describe('shared indicators warn the next person', () => {
  let server: TestServer;
  let access: Access;
  let key: string;
  let orgId: string;

  beforeAll(async () => {
    server = await startTestServer();
    access = await accessServices(server.platform);
    const op = { id: 'test' };
    const org = await access.directory.createOrg({ name: 'Regional CERT', tier: 2 }, op);
    orgId = org.id;
    key = (await access.keys.create({ owner: { type: 'org', id: org.id } }, op)).key;
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  const share = async (host: string, marking: string, collection = DEFAULT_COLLECTION_ID) => {
    const res = await fetch(`${server.url}/taxii2/default/collections/${collection}/objects/`, {
      method: 'POST',
      headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${key}` },
      body: JSON.stringify({
        objects: [
          {
            type: 'indicator',
            spec_version: '2.1',
            id: `indicator--${randomUUID()}`,
            created: '2026-12-05T10:00:00.000Z',
            modified: '2026-12-05T10:00:00.000Z',
            name: 'Parcel-fee smishing site',
            pattern: `[url:value = 'https://${host}/pay'] OR [domain-name:value = '${host}']`,
            pattern_type: 'stix',
            valid_from: '2026-12-05T10:00:00Z',
            confidence: 90,
            object_marking_refs: [marking],
          },
        ],
      }),
    });
    expect(res.status).toBe(202);
  };
  const check = async (host: string) => {
    const res = await fetch(`${server.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: `Hi Mum, can you look at this for me https://${host}/pay thanks`,
      }),
    });
    return (await res.json()) as { verdict: string; reasons: { code: string; message: string }[] };
  };

  it('a TLP:CLEAR indicator shared over TAXII is a reason in the next check, within a second', async () => {
    const host = `family-photos-${randomUUID().slice(0, 8)}.example`;
    const before = await check(host);
    expect(before.reasons.some((r) => r.code.startsWith('intel.'))).toBe(false);
    const started = Date.now();
    await share(host, TLP2_IDS.clear);
    await vi.waitFor(
      async () =>
        expect((await check(host)).reasons.map((r) => r.code)).toContain('intel.known_bad_url'),
      { timeout: 1000, interval: 25 },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    const after = await check(host);
    expect(after.reasons.find((r) => r.code === 'intel.known_bad_url')?.message).toContain(
      'shared threat intelligence',
    );
    expect(after.verdict).not.toBe('no_signs');
  });

  it('a TLP:AMBER indicator is not revealed to the public through a check', async () => {
    const host = `quiet-${randomUUID().slice(0, 8)}.example`;
    await share(host, TLP2_IDS.amber);
    await new Promise((r) => setTimeout(r, 500));
    expect((await check(host)).reasons.some((r) => r.code.startsWith('intel.'))).toBe(false);
  });

  it('a TLP:CLEAR indicator in an organization’s own collection is not revealed either', async () => {
    const exchange = createExchange({
      store: server.platform.store,
      audit: server.platform.audit,
      bus: server.platform.bus,
      now: Date.now,
    });
    const own = await exchange.objects.createCollection({ title: 'CERT only', ownerOrg: orgId });
    const host = `members-only-${randomUUID().slice(0, 8)}.example`;
    await share(host, TLP2_IDS.clear, own.id);
    await new Promise((r) => setTimeout(r, 500));
    expect((await check(host)).reasons.some((r) => r.code.startsWith('intel.'))).toBe(false);
  });

  it('indicators stored before the server started are loaded', async () => {
    const host = `stored-${randomUUID().slice(0, 8)}.example`;
    await share(host, TLP2_IDS.clear);
    const dir = server.dataDir;
    await access.close();
    await server.server.shutdown('restart for the test');
    server = await startTestServer({ dataDir: dir });
    access = await accessServices(server.platform);
    await vi.waitFor(
      async () =>
        expect((await check(host)).reasons.map((r) => r.code)).toContain('intel.known_bad_url'),
      { timeout: 5000, interval: 50 },
    );
  });
});

describe('people’s reports become shared intelligence', () => {
  let server: TestServer;
  let ip = 0;

  beforeAll(async () => {
    server = await startTestServer({
      env: { SHIELDWALL_INTEL_REPORT_THRESHOLD: '2', SHIELDWALL_TRUST_PROXY: 'true' },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  const report = async (text: string, withMessage: boolean, url: string) => {
    ip += 1;
    const res = await fetch(`${server.url}/api/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${ip}` },
      body: JSON.stringify({
        kind: 'sms',
        verdict: 'scam',
        score: 0.99,
        category: 'delivery',
        indicators: [{ type: 'url', value: url }],
        reason_codes: [],
        ...(withMessage ? { content: text } : {}),
      }),
    });
    expect(res.status).toBe(201);
  };
  const indicators = async () => {
    const res = await fetch(
      `${server.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/objects/?match[type]=indicator,sighting`,
      { headers: { accept: TAXII } },
    );
    const body = (await res.json()) as {
      objects?: { type: string; pattern?: string; count?: number }[];
    };
    return body.objects ?? [];
  };
  const checkCodes = async (text: string) => {
    const res = await fetch(`${server.url}/api/check`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.200' },
      body: JSON.stringify({ text }),
    });
    return ((await res.json()) as { reasons: { code: string }[] }).reasons.map((r) => r.code);
  };

  it('two reports with the message make the link a TLP:CLEAR indicator with a sighting; the next check warns', async () => {
    const url = `https://usps-redelivery-${randomUUID().slice(0, 6)}.top/pay`;
    const text = `USPS: your parcel is held, pay the $1.99 fee now at ${url} or it goes back.`;
    await report(text, true, url);
    await new Promise((r) => setTimeout(r, 400));
    expect((await indicators()).some((o) => o.pattern?.includes(url))).toBe(false);
    await report(text, true, url);
    await vi.waitFor(
      async () =>
        expect((await indicators()).some((o) => o.pattern === `[url:value = '${url}']`)).toBe(true),
      { timeout: 3000, interval: 50 },
    );
    expect((await indicators()).find((o) => o.type === 'sighting')?.count).toBe(2);
    await vi.waitFor(
      async () =>
        expect(await checkCodes(`Hi, is this real? ${url}`)).toContain('intel.known_bad_url'),
      { timeout: 2000, interval: 50 },
    );
  });

  it('reports without the message (a client’s own summary) never count', async () => {
    const url = `https://my-bank-${randomUUID().slice(0, 6)}.example/login`;
    for (let i = 0; i < 3; i++) await report('', false, url);
    await new Promise((r) => setTimeout(r, 600));
    expect((await indicators()).some((o) => o.pattern?.includes(url))).toBe(false);
  });
});
