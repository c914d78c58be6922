/**
 * Sightings aggregate per indicator by independent source; past the threshold
 * a shareable indicator is published to the shared collection (audited), a
 * restricted or known-benign one is not; scores decay from the last sighting.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { modules } from '../modules.js';
import { composePlatform, type Platform } from '../platform/compose.js';
import { loadConfig } from '../platform/config/load-config.js';
import { createLogger } from '../platform/logger.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { createExchange, DEFAULT_COLLECTION_ID, type Exchange } from './exchange-service.js';
import { createSightings, type Sightings } from './sightings.js';

describe('sightings from independent sources', () => {
  let dir: string;
  let platform: Platform;
  let exchange: Exchange;
  let sightings: Sightings;
  let partners: string;
  let clock = Date.UTC(2026, 11, 6, 10);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sw-sightings-'));
    const config = loadConfig({
      env: { SHIELDWALL_LOG_LEVEL: 'silent' },
      overrides: { data: dir },
    });
    platform = await composePlatform(config, { logger: createLogger(config), modules });
    await platform.migrate();
    exchange = createExchange({
      store: platform.store,
      audit: platform.audit,
      bus: platform.bus,
      now: () => clock,
    });
    await exchange.ensureDefault();
    partners = (await exchange.objects.createCollection({ title: 'Partners' })).id;
    sightings = createSightings({
      store: platform.store,
      bus: platform.bus,
      audit: platform.audit,
      exchange,
      logger: platform.logger,
      threshold: 3,
      knownBenign: (type, value) =>
        type === 'domain-name' && value === 'google.com'
          ? 'on the top-domains list (tranco10k)'
          : undefined,
      now: () => clock,
    });
    await sightings.start();
  });
  afterAll(async () => {
    await sightings?.close();
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const indicator = (domain: string, marking: string) => ({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-12-06T09:00:00.000Z',
    modified: '2026-12-06T09:00:00.000Z',
    pattern: `[domain-name:value = '${domain}']`,
    pattern_type: 'stix',
    valid_from: '2026-12-06T09:00:00Z',
    confidence: 60,
    object_marking_refs: [marking],
  });
  const sight = async (indicatorId: string, org: string, count = 1) => {
    const status = await exchange.importAs(
      `org-actor:${org}`,
      partners,
      [
        {
          type: 'sighting',
          spec_version: '2.1',
          id: `sighting--${randomUUID()}`,
          created: '2026-12-06T10:00:00.000Z',
          modified: '2026-12-06T10:00:00.000Z',
          sighting_of_ref: indicatorId,
          count,
          last_seen: '2026-12-06T10:00:00.000Z',
          object_marking_refs: [TLP2_IDS.clear],
        },
      ],
      `req-${randomUUID()}`,
      org,
    );
    expect(status.outcome.failures).toEqual([]);
  };
  const inShared = async (id: string) =>
    (await exchange.objects.query(DEFAULT_COLLECTION_ID, { match: { id: [id] } })).rows.length > 0;

  it('publishes a TLP:CLEAR indicator once three independent sources have sighted it', async () => {
    const ind = indicator('parcel-fees.example', TLP2_IDS.clear);
    await exchange.importAs('partner', partners, [ind], 'r0', 'org-a');
    await sight(ind.id, 'org-a', 5);
    await sight(ind.id, 'org-a', 2); // the same source again: still one source
    await sight(ind.id, 'org-b');
    await vi.waitFor(async () => expect((await sightings.scoreOf(ind.id))?.sightings).toBe(8));
    expect((await sightings.scoreOf(ind.id))?.sources).toBe(2);
    expect(await inShared(ind.id)).toBe(false);

    await sight(ind.id, 'org-c');
    await vi.waitFor(async () => expect(await inShared(ind.id)).toBe(true));
    const score = await sightings.scoreOf(ind.id, 60, 'domain');
    expect(score).toMatchObject({ sources: 3, sightings: 9, base: 80 });
    expect(score?.publishedAt).not.toBeNull();
    const { entries: audit } = await platform.audit.entries({ limit: 1000 });
    expect(
      audit.some(
        (e) =>
          e.action === 'exchange.indicator.auto-published' && e.subject === `indicator:${ind.id}`,
      ),
    ).toBe(true);
  });

  it('counts a sighting updated to a new version by what it grew, not twice', async () => {
    const ind = indicator('toll-fee.example', TLP2_IDS.amber);
    await exchange.importAs('partner', partners, [ind], 'r-v0', 'org-a');
    const id = `sighting--${randomUUID()}`;
    const version = (count: number, modified: string) => ({
      type: 'sighting',
      spec_version: '2.1',
      id,
      created: '2026-12-06T10:00:00.000Z',
      modified,
      sighting_of_ref: ind.id,
      count,
      last_seen: modified,
      object_marking_refs: [TLP2_IDS.amber],
    });
    const put = async (count: number, modified: string) => {
      const status = await exchange.importAs(
        'org-actor:org-a',
        partners,
        [version(count, modified)],
        `req-${randomUUID()}`,
        'org-a',
      );
      expect(status.outcome.failures).toEqual([]);
    };
    await put(1, '2026-12-06T10:00:00.000Z');
    await vi.waitFor(async () => expect((await sightings.scoreOf(ind.id))?.sightings).toBe(1));
    await put(7, '2026-12-06T10:05:00.000Z');
    await vi.waitFor(async () => expect((await sightings.scoreOf(ind.id))?.sightings).toBe(7));
    // An older version arriving late restates a smaller total: nothing to add.
    await put(3, '2026-12-06T10:02:00.000Z');
    await put(9, '2026-12-06T10:09:00.000Z');
    await vi.waitFor(async () => expect((await sightings.scoreOf(ind.id))?.sightings).toBe(9));
    expect((await sightings.scoreOf(ind.id))?.sources).toBe(1);
  });

  it('keeps TLP:AMBER where it is, and withholds known-benign values, saying why', async () => {
    const amber = indicator('internal-c2.example', TLP2_IDS.amber);
    const benign = indicator('google.com', TLP2_IDS.clear);
    await exchange.importAs('partner', partners, [amber, benign], 'r1', 'org-a');
    for (const org of ['org-a', 'org-b', 'org-c', 'org-d']) {
      await sight(amber.id, org);
      await sight(benign.id, org);
    }
    await vi.waitFor(async () => expect((await sightings.scoreOf(benign.id))?.sources).toBe(4));
    await vi.waitFor(async () => expect((await sightings.scoreOf(amber.id))?.sources).toBe(4));
    expect(await inShared(amber.id)).toBe(false);
    expect(await inShared(benign.id)).toBe(false);

    // CLEAR, but in an organization's own collection: publishing would widen who sees it.
    const own = await exchange.objects.createCollection({ title: 'Org A only', ownerOrg: 'org-a' });
    const privateClear = indicator('private-but-clear.example', TLP2_IDS.clear);
    await exchange.importAs('partner', own.id, [privateClear], 'r1b', 'org-a');
    for (const org of ['org-a', 'org-b', 'org-c']) {
      const status = await exchange.importAs(
        `org-actor:${org}`,
        own.id,
        [
          {
            type: 'sighting',
            spec_version: '2.1',
            id: `sighting--${randomUUID()}`,
            created: '2026-12-06T10:00:00.000Z',
            modified: '2026-12-06T10:00:00.000Z',
            sighting_of_ref: privateClear.id,
          },
        ],
        `req-${randomUUID()}`,
        org,
      );
      expect(status.outcome.failures).toEqual([]);
    }
    await vi.waitFor(async () =>
      expect((await sightings.scoreOf(privateClear.id))?.sources).toBe(3),
    );
    expect(await inShared(privateClear.id)).toBe(false);
    const { entries: audit } = await platform.audit.entries({ limit: 1000 });
    const withheld = audit.find((e) => e.action === 'exchange.indicator.publish-withheld');
    expect(withheld?.subject).toBe(`indicator:${benign.id}`);
    expect(JSON.stringify(withheld?.data)).toContain('tranco10k');
  });

  it('decays from the last sighting and expires', async () => {
    const ind = indicator('short-lived.example', TLP2_IDS.clear);
    await exchange.importAs('partner', partners, [ind], 'r2', 'org-a');
    await sight(ind.id, 'org-a');
    await vi.waitFor(async () => expect(await sightings.scoreOf(ind.id)).toBeDefined());
    const fresh = await sightings.scoreOf(ind.id, 60, 'url');
    const start = clock;
    clock += 20 * 86_400_000;
    const later = await sightings.scoreOf(ind.id, 60, 'url');
    expect(later?.score).toBeLessThan(fresh?.score ?? 0);
    clock += 20 * 86_400_000;
    expect((await sightings.scoreOf(ind.id, 60, 'url'))?.expired).toBe(true);
    expect(fresh?.expiresAt).toBeGreaterThan(start);
    clock = start;
  });
});
