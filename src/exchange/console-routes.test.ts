/**
 * The console's JSON reads on a real server: search finds what the caller may
 * read and nothing else, an object shows its versions, sightings and score,
 * and federation status is for operators only.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Access, accessServices } from '../access/index.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { DEFAULT_COLLECTION_ID } from './exchange-service.js';

const TAXII = 'application/taxii+json;version=2.1';

describe('intel console reads', () => {
  let server: TestServer;
  let access: Access;
  const keys: Record<string, string> = {};
  const unique = randomUUID().slice(0, 8);
  const clearId = `indicator--${randomUUID()}`;
  const amberId = `indicator--${randomUUID()}`;

  beforeAll(async () => {
    server = await startTestServer();
    access = await accessServices(server.platform);
    const op = { id: 'test' };
    for (const [name, tier] of [
      ['sharer', 2],
      ['other', 2],
    ] as const) {
      const org = await access.directory.createOrg({ name: `Console ${name}`, tier }, op);
      keys[name] = (await access.keys.create({ owner: { type: 'org', id: org.id } }, op)).key;
    }
    const indicator = (id: string, marking: string, modified: string) => ({
      type: 'indicator',
      spec_version: '2.1',
      id,
      created: '2026-12-06T09:00:00.000Z',
      modified,
      name: `Console ${unique}`,
      pattern: `[domain-name:value = '${unique}-${marking.slice(-4)}.example']`,
      pattern_type: 'stix',
      valid_from: '2026-12-06T09:00:00Z',
      confidence: 70,
      object_marking_refs: [marking],
    });
    const res = await fetch(
      `${server.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/objects/`,
      {
        method: 'POST',
        headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${keys.sharer}` },
        body: JSON.stringify({
          objects: [
            indicator(clearId, TLP2_IDS.clear, '2026-12-06T09:00:00.000Z'),
            indicator(clearId, TLP2_IDS.clear, '2026-12-06T11:00:00.000Z'),
            indicator(amberId, TLP2_IDS.amber, '2026-12-06T09:00:00.000Z'),
            {
              type: 'sighting',
              spec_version: '2.1',
              id: `sighting--${randomUUID()}`,
              created: '2026-12-06T10:00:00.000Z',
              modified: '2026-12-06T10:00:00.000Z',
              sighting_of_ref: clearId,
              count: 4,
              object_marking_refs: [TLP2_IDS.clear],
            },
          ],
        }),
      },
    );
    expect(res.status).toBe(202);
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  const get = (path: string, who?: string) =>
    fetch(`${server.url}${path}`, {
      headers: who === undefined ? {} : { authorization: `Bearer ${keys[who]}` },
    });

  it('searches only what the caller may read', async () => {
    const mine = (await (await get(`/api/intel/search?q=${unique}`, 'sharer')).json()) as {
      results: { id: string; object: { modified: string } }[];
    };
    expect(mine.results.map((r) => r.id).sort()).toEqual([clearId, amberId].sort());
    // Latest version only.
    expect(mine.results.find((r) => r.id === clearId)?.object.modified).toBe(
      '2026-12-06T11:00:00.000Z',
    );
    const theirs = (await (
      await get(`/api/intel/search?q=${unique.toUpperCase()}`, 'other')
    ).json()) as {
      results: { id: string }[];
    };
    expect(theirs.results.map((r) => r.id)).toEqual([clearId]);
    const anonymous = (await (await get(`/api/intel/search?q=${unique}`)).json()) as {
      results: { id: string }[];
    };
    expect(anonymous.results.map((r) => r.id)).toEqual([clearId]);
    // LIKE wildcards are literal.
    const wild = (await (await get('/api/intel/search?q=%25%25%25', 'sharer')).json()) as {
      results: unknown[];
    };
    expect(wild.results).toEqual([]);
    expect((await get('/api/intel/search?q=ab')).status).toBe(400);
  });

  it('shows an object with its versions, sightings and score, and hides what the caller may not read', async () => {
    const detail = (await (await get(`/api/intel/objects/${clearId}`, 'other')).json()) as {
      versions: { object: { modified: string } }[];
      sightings: { object: { count: number } }[];
      score: { sightings: number; sources: number; base: number } | null;
    };
    expect(detail.versions.map((v) => v.object.modified)).toEqual([
      '2026-12-06T09:00:00.000Z',
      '2026-12-06T11:00:00.000Z',
    ]);
    expect(detail.sightings.map((s) => s.object.count)).toEqual([4]);
    await vi.waitFor(async () => {
      const again = (await (await get(`/api/intel/objects/${clearId}`, 'other')).json()) as {
        score: { sightings: number; sources: number; base: number } | null;
      };
      expect(again.score).toMatchObject({ sightings: 4, sources: 1, base: 70 });
    });
    expect((await get(`/api/intel/objects/${amberId}`, 'other')).status).toBe(404);
    expect((await get(`/api/intel/objects/${amberId}`, 'sharer')).status).toBe(200);
  });

  it('federation status is for operators', async () => {
    expect((await get('/api/intel/sync', 'sharer')).status).toBe(403);
    expect((await get('/api/intel/sync')).status).toBe(401);
  });
});
