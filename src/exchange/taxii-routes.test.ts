/**
 * The TAXII 2.1 server with standard TAXII requests (headers and query
 * parameters as the specification and OASIS's medallion tests use them) on the
 * real server: discovery, collections, objects in and out with filters and
 * pagination, versions, manifest, status, delete, TLP, and every refusal as a
 * TAXII error message.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, accessServices } from '../access/index.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { DEFAULT_COLLECTION_ID } from './exchange-service.js';

const TAXII = 'application/taxii+json;version=2.1';
const ROOT = '/taxii2/default';
const COLLECTION = `${ROOT}/collections/${DEFAULT_COLLECTION_ID}`;

const indicator = (n: number, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${randomUUID()}`,
  created: '2026-12-01T10:00:00.000Z',
  modified: '2026-12-01T10:00:00.000Z',
  pattern: `[url:value = 'https://parcel-fee-${n}.top/pay']`,
  pattern_type: 'stix',
  valid_from: '2026-12-01T10:00:00Z',
  ...extra,
});

describe('TAXII 2.1 server', () => {
  let server: TestServer;
  let access: Access;
  const keys = {} as { t0: string; t2: string; t2other: string };

  const taxii = async (
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        accept: TAXII,
        ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': TAXII }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
    };
  };

  beforeAll(async () => {
    server = await startTestServer();
    access = await accessServices(server.platform);
    const op = { id: 'test' };
    const key = async (name: string, tier: number) =>
      (
        await access.keys.create(
          { owner: { type: 'org', id: (await access.directory.createOrg({ name, tier }, op)).id } },
          op,
        )
      ).key;
    keys.t0 = await key('New Org', 0);
    keys.t2 = await key('Verified Utility', 2);
    keys.t2other = await key('Other Verified Org', 2);
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  it('discovery and the API root, in TAXII media type', async () => {
    const d = await taxii('GET', '/taxii2/');
    expect(d.status).toBe(200);
    expect(d.headers.get('content-type')).toBe(TAXII);
    expect(d.body.api_roots).toEqual([`${server.url}${ROOT}/`]);
    const root = await taxii('GET', `${ROOT}/`);
    expect(root.body).toMatchObject({ versions: [TAXII], max_content_length: 10 * 1024 * 1024 });
  });

  it('406 without a TAXII Accept, 415 for a JSON body, both as TAXII errors', async () => {
    const json = await taxii('GET', '/taxii2/', undefined, undefined, {
      accept: 'application/json',
    });
    expect(json.status).toBe(406);
    expect(json.headers.get('content-type')).toBe(TAXII);
    expect(json.body).toMatchObject({ http_status: '406' });
    expect(
      (
        await taxii('GET', '/taxii2/', undefined, undefined, {
          accept: 'application/taxii+json;version=2.0',
        })
      ).status,
    ).toBe(406);
    const post = await taxii(
      'POST',
      `${COLLECTION}/objects/`,
      keys.t2,
      { objects: [] },
      { 'content-type': 'application/json' },
    );
    expect(post.status).toBe(415);
  });

  it('bad input: malformed JSON is 400, a body over max_content_length 413, no envelope 400 — TAXII errors, nothing stored', async () => {
    const before = (await taxii('GET', `${COLLECTION}/manifest/`, keys.t2)).body;
    const raw = (body: string) =>
      fetch(`${server.url}${COLLECTION}/objects/`, {
        method: 'POST',
        headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${keys.t2}` },
        body,
      });
    const malformed = await raw('{"objects": [');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe(TAXII);
    expect(await malformed.json()).toMatchObject({ http_status: '400' });
    const huge = await raw(`{"objects": ["${'x'.repeat(10 * 1024 * 1024 + 10)}"]}`);
    expect(huge.status).toBe(413);
    expect((await raw('{"objects": "not a list"}')).status).toBe(400);
    expect((await raw('[]')).status).toBe(400);
    expect((await taxii('GET', `${COLLECTION}/manifest/`, keys.t2)).body).toEqual(before);
  });

  it('lists the shared collection with what each caller may do', async () => {
    const anon = await taxii('GET', `${ROOT}/collections/`);
    expect(anon.body.collections).toEqual([
      expect.objectContaining({
        id: DEFAULT_COLLECTION_ID,
        can_read: true,
        can_write: false,
        media_types: ['application/stix+json;version=2.1'],
      }),
    ]);
    const verified = await taxii('GET', `${ROOT}/collections/${DEFAULT_COLLECTION_ID}/`, keys.t2);
    expect(verified.body).toMatchObject({ can_read: true, can_write: true });
    expect((await taxii('GET', `${ROOT}/collections/${randomUUID()}/`)).status).toBe(404);
  });

  it('adding needs a key whose tier may write: 401 without, 403 for tier 0, 202 with a status resource for tier 2', async () => {
    const none = await taxii('POST', `${COLLECTION}/objects/`, undefined, {
      objects: [indicator(0)],
    });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Basic');
    expect(
      (await taxii('POST', `${COLLECTION}/objects/`, keys.t0, { objects: [indicator(0)] })).status,
    ).toBe(403);
    const bad = indicator(1, { pattern: "[url:value = 'unterminated]" });
    const ok = await taxii('POST', `${COLLECTION}/objects/`, keys.t2, {
      objects: [indicator(2), bad, { type: 'nonsense' }],
    });
    expect(ok.status).toBe(202);
    expect(ok.body).toMatchObject({
      status: 'complete',
      total_count: 3,
      success_count: 1,
      failure_count: 2,
      pending_count: 0,
    });
    expect((ok.body.failures as { id: string; message: string }[])[0]).toMatchObject({
      id: bad.id,
      message: expect.stringContaining('/pattern is not a valid STIX pattern'),
    });
    const status = await taxii('GET', `${ROOT}/status/${ok.body.id as string}/`, keys.t2);
    expect(status.body).toMatchObject({ id: ok.body.id, success_count: 1 });
    // Another organization cannot read someone else's status.
    expect(
      (await taxii('GET', `${ROOT}/status/${ok.body.id as string}/`, keys.t2other)).status,
    ).toBe(404);
  });

  it('pages with limit and next, filters by type, id, version and added_after, and sends the date headers', async () => {
    const objs = [1, 2, 3, 4, 5].map((n) => indicator(100 + n));
    await taxii('POST', `${COLLECTION}/objects/`, keys.t2, { objects: objs });
    const v2 = { ...objs[0], modified: '2026-12-02T10:00:00.000Z' };
    await taxii('POST', `${COLLECTION}/objects/`, keys.t2, { objects: [v2] });
    const seen: string[] = [];
    let next: string | undefined;
    do {
      const page = await taxii(
        'GET',
        `${COLLECTION}/objects/?match[type]=indicator&limit=2${next === undefined ? '' : `&next=${next}`}`,
      );
      expect(page.status).toBe(200);
      expect(page.headers.get('x-taxii-date-added-first')).toMatch(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/,
      );
      for (const o of page.body.objects as { id: string }[]) seen.push(o.id);
      next = page.body.more === true ? (page.body.next as string) : undefined;
    } while (next !== undefined);
    expect(new Set(seen).size).toBe(seen.length);
    for (const o of objs) expect(seen).toContain(o.id);
    const one = await taxii('GET', `${COLLECTION}/objects/${objs[0]?.id}/`);
    expect((one.body.objects as { modified: string }[]).map((o) => o.modified)).toEqual([
      '2026-12-02T10:00:00.000Z',
    ]);
    const all = await taxii('GET', `${COLLECTION}/objects/${objs[0]?.id}/?match[version]=all`);
    expect(all.body.objects).toHaveLength(2);
    const versions = await taxii('GET', `${COLLECTION}/objects/${objs[0]?.id}/versions/`);
    expect(versions.body.versions).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-02T10:00:00.000Z',
    ]);
    const manifest = await taxii(
      'GET',
      `${COLLECTION}/manifest/?match[id]=${objs[1]?.id},${objs[2]?.id}`,
    );
    expect(
      (manifest.body.objects as { id: string; media_type: string }[]).map((m) => m.id).sort(),
    ).toEqual([objs[1]?.id, objs[2]?.id].sort());
    const last = manifest.headers.get('x-taxii-date-added-last') as string;
    const after = await taxii(
      'GET',
      `${COLLECTION}/objects/?added_after=${encodeURIComponent(last)}&match[id]=${objs[1]?.id},${objs[2]?.id}`,
    );
    expect(after.body).toEqual({});
    expect((await taxii('GET', `${COLLECTION}/objects/?limit=zero`)).status).toBe(400);
    expect((await taxii('GET', `${COLLECTION}/objects/?added_after=yesterday`)).status).toBe(400);
    expect((await taxii('GET', `${COLLECTION}/objects/indicator--${randomUUID()}/`)).status).toBe(
      404,
    );
  });

  it('TLP: an AMBER object is hidden from readers whose tier reads only CLEAR', async () => {
    const amber = indicator(200, { object_marking_refs: [TLP2_IDS.amber] });
    await taxii('POST', `${COLLECTION}/objects/`, keys.t2, { objects: [amber] });
    expect((await taxii('GET', `${COLLECTION}/objects/${amber.id}/`)).status).toBe(404);
    expect((await taxii('GET', `${COLLECTION}/objects/${amber.id}/`, keys.t0)).status).toBe(404);
    const seen = await taxii('GET', `${COLLECTION}/objects/${amber.id}/`, keys.t2);
    expect(seen.status).toBe(200);
  });

  it('HTTP Basic with the key as the password, for clients that only speak Basic', async () => {
    const res = await fetch(`${server.url}${ROOT}/collections/${DEFAULT_COLLECTION_ID}/`, {
      headers: {
        accept: TAXII,
        authorization: `Basic ${Buffer.from(`client:${keys.t2}`).toString('base64')}`,
      },
    });
    expect(await res.json()).toMatchObject({ can_write: true });
  });

  it('delete: whoever added it may; another organization may not', async () => {
    const o = indicator(300);
    await taxii('POST', `${COLLECTION}/objects/`, keys.t2, { objects: [o] });
    expect((await taxii('DELETE', `${COLLECTION}/objects/${o.id}/`, keys.t2other)).status).toBe(
      403,
    );
    expect((await taxii('DELETE', `${COLLECTION}/objects/${o.id}/`, keys.t2)).status).toBe(200);
    expect((await taxii('GET', `${COLLECTION}/objects/${o.id}/`)).status).toBe(404);
    const entries = (await server.platform.audit.entries({ limit: 1000 })).entries.map(
      (e) => e.action,
    );
    expect(entries).toEqual(
      expect.arrayContaining(['exchange.objects.added', 'exchange.objects.deleted']),
    );
  });

  it('streams new objects live, each reader only what its TLP allows', async () => {
    const abort = new AbortController();
    const res = await fetch(`${server.url}/api/exchange/stream`, { signal: abort.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async (until: string) => {
      while (!text.includes(until)) text += decoder.decode((await reader.read()).value);
    };
    await read(': connected');
    const amber = indicator(400, { object_marking_refs: [TLP2_IDS.amber] });
    const clear = indicator(401, { object_marking_refs: [TLP2_IDS.clear] });
    await taxii('POST', `${COLLECTION}/objects/`, keys.t2, { objects: [amber] });
    await taxii('POST', `${COLLECTION}/objects/`, keys.t2, { objects: [clear] });
    await read(clear.id);
    // The AMBER object was added first: had it been sent to this anonymous reader, it would be here.
    expect(text).toContain('event: objects');
    expect(text).not.toContain(amber.id);
    abort.abort();
  });
});
