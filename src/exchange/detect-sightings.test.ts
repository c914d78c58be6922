/**
 * Detection alerts become STIX sightings (issue 9): one sigma indicator per rule per
 * organization, one sighting per alert whose later versions carry the new count, a
 * sighting of every known indicator an observable matches (counted by the sightings
 * aggregator), TLP:AMBER in the organization's own collection, server-wide alerts for
 * operators only — on SQLite with the local bus, and on PostgreSQL with NATS.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { modules } from '../modules.js';
import { composePlatform, type Platform } from '../platform/compose.js';
import { loadConfig } from '../platform/config/load-config.js';
import { createLogger } from '../platform/logger.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { createDetectSightings, type DetectSightings } from './detect-sightings.js';
import type { Viewer } from './engine/sharing/index.js';
import { TLP2_IDS, validateStixObject } from './engine/stix/index.js';
import {
  createExchange,
  DEFAULT_COLLECTION_ID,
  type Exchange,
  PUBLIC_VIEWER,
} from './exchange-service.js';
import { createIndicatorIndex, type IndicatorIndex } from './indicator-index.js';
import { createSightings, type Sightings } from './sightings.js';

const ORIGIN = 'https://shieldwall.test';

function alertOf(over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    org: 'org-a',
    source: 'sigma',
    title: 'Encoded PowerShell command line',
    level: 'high',
    rule: {
      id: 'ca2092a1-c273-4878-9b4b-0d60115bf5ea',
      title: 'Suspicious Encoded PowerShell Command Line',
      author: 'Florian Roth (Nextron Systems)',
      license: 'DRL-1.1',
      references: ['https://app.any.run/tasks/6217d77d', 'javascript:alert(1)'],
      ruleSource: 'sigma/rules/windows/process_creation/proc_creation_win_powershell_enc_cmd.yml',
      description: 'Detects suspicious powershell process starts with base64 encoded commands',
    },
    anomaly: null,
    attack: [
      { id: 'T1059.001', tactic: 'execution' },
      { id: 'not-a-technique', tactic: 'Defense Evasion' },
    ],
    host: 'PC-01',
    user: 'alice',
    count: 3,
    firstSeen: '2026-12-06T09:00:00.000Z',
    lastSeen: '2026-12-06T09:05:00.000Z',
    events: [],
    matchedFields: ['CommandLine'],
    advice: { summary: 'x', steps: [] },
    observables: [],
    status: 'new',
    createdAt: '2026-12-06T09:05:01.000Z',
    ...over,
  };
}

/** A reader who speaks for the given organizations, with the given capabilities. */
const reader = (orgs: string[], caps: string[]): Viewer => ({
  tier: 2,
  has: (c) => caps.includes(c),
  orgs: new Set(orgs),
  writerOrgs: new Set(),
});
const AMBER_READER = ['intel.read:clear', 'intel.read:green', 'intel.read:amber'];

function suite(
  name: string,
  env: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>,
) {
  describe(name, () => {
    let dir: string;
    let drop: () => Promise<void> = async () => {};
    let platform: Platform;
    let exchange: Exchange;
    let index: IndicatorIndex;
    let sightings: Sightings;
    let detect: DetectSightings;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sw-detect-sightings-'));
      const e = await env();
      drop = e.drop;
      const config = loadConfig({
        env: { SHIELDWALL_LOG_LEVEL: 'silent', ...e.env },
        overrides: { data: dir },
      });
      platform = await composePlatform(config, { logger: createLogger(config), modules });
      await platform.migrate();
      exchange = createExchange({
        store: platform.store,
        audit: platform.audit,
        bus: platform.bus,
        now: Date.now,
      });
      await exchange.ensureDefault();
      index = createIndicatorIndex({
        objects: exchange.objects,
        readPublic: (c, q) => exchange.readAs(PUBLIC_VIEWER, c, q),
        bus: platform.bus,
        logger: platform.logger,
        now: Date.now,
      });
      await index.start();
      sightings = createSightings({
        store: platform.store,
        bus: platform.bus,
        audit: platform.audit,
        exchange,
        logger: platform.logger,
        threshold: 3,
        now: Date.now,
      });
      await sightings.start();
      detect = createDetectSightings({
        store: platform.store,
        bus: platform.bus,
        audit: platform.audit,
        exchange,
        logger: platform.logger,
        lookup: (type, value) => index.lookup(type, value),
        origin: ORIGIN,
        operatorCapability: 'detect.alerts',
        now: Date.now,
      });
      await detect.start();
    }, 60_000);
    afterAll(async () => {
      await detect?.close();
      await sightings?.close();
      await index?.close();
      await platform?.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    const collectionOf = async (org: string | null) => {
      const all = await exchange.objects.collections();
      return all.find(
        (c) =>
          c.title.startsWith('Sightings from detection alerts') &&
          c.ownerOrg === org &&
          (org !== null || c.readCapability === 'detect.alerts'),
      );
    };
    /** Every stored version of the objects of one type in a collection, parsed. */
    const stored = async (collection: string, type: string, versions = 'last') =>
      (
        await exchange.objects.query(collection, {
          match: { type: [type], version: [versions] },
        })
      ).rows.map((r) => JSON.parse(r.json) as Record<string, unknown>);
    const sightingOfAlert = async (collection: string, alertId: string, versions = 'last') =>
      (await stored(collection, 'sighting', versions)).filter(
        (s) => s.x_shieldwall_alert_id === alertId,
      );
    const audited = async (action: string) =>
      (await platform.audit.entries({ limit: 1000 })).entries.filter((e) => e.action === action);

    it('records an indicator for the rule and a sighting of it, TLP:AMBER, in the organization’s own collection', async () => {
      const alert = alertOf();
      await platform.bus.publish('detect.alert.created', alert);
      let collection = '';
      await vi.waitFor(async () => {
        collection = (await collectionOf('org-a'))?.id ?? '';
        expect(await sightingOfAlert(collection, alert.id)).toHaveLength(1);
      });
      const [indicator] = await stored(collection, 'indicator');
      const [sighting] = await sightingOfAlert(collection, alert.id);
      const [identity] = await stored(collection, 'identity');
      for (const o of [indicator, sighting, identity]) expect(validateStixObject(o).ok).toBe(true);
      expect(indicator).toMatchObject({
        pattern_type: 'sigma',
        name: 'Suspicious Encoded PowerShell Command Line',
        object_marking_refs: [TLP2_IDS.amber],
        kill_chain_phases: [
          { kill_chain_name: 'mitre-attack', phase_name: 'execution' },
          { kill_chain_name: 'mitre-attack', phase_name: 'defense-evasion' },
        ],
      });
      // The pattern names the rule (YAML Sigma understands) and carries no detection logic.
      expect(indicator?.pattern).toBe(
        'title: "Suspicious Encoded PowerShell Command Line"\nid: "ca2092a1-c273-4878-9b4b-0d60115bf5ea"\n',
      );
      // Attribution as the Detection Rule License requires, and only web links as references.
      expect(indicator?.description).toContain(
        'Rule by Florian Roth (Nextron Systems), DRL-1.1, from sigma/rules/windows/',
      );
      const refs = indicator?.external_references as { source_name: string; url?: string }[];
      expect(refs).toContainEqual({
        source_name: 'mitre-attack',
        external_id: 'T1059.001',
        url: 'https://attack.mitre.org/techniques/T1059/001/',
      });
      expect(refs.some((r) => r.url?.startsWith('javascript:'))).toBe(false);
      expect(refs.filter((r) => r.source_name === 'mitre-attack')).toHaveLength(1);
      expect(sighting).toMatchObject({
        sighting_of_ref: indicator?.id,
        count: 3,
        first_seen: '2026-12-06T09:00:00.000Z',
        last_seen: '2026-12-06T09:05:00.000Z',
        where_sighted_refs: [identity?.id],
        created_by_ref: identity?.id,
        object_marking_refs: [TLP2_IDS.amber],
      });
      expect(identity).toMatchObject({ identity_class: 'organization' });

      // Who may read it: the organization, and no one else — not even AMBER readers elsewhere.
      const c = await exchange.objects.collection(collection);
      expect(c?.ownerOrg).toBe('org-a');
      const sees = async (v: Viewer) =>
        (await exchange.readAs(v, collection, { match: { type: ['sighting'] } })).rows.length;
      expect(await sees(reader(['org-a'], ['intel.read:clear']))).toBeGreaterThan(0);
      expect(await sees(reader(['org-b'], AMBER_READER))).toBe(0);
      expect(await sees(PUBLIC_VIEWER)).toBe(0);
      expect(await sees(reader([], [...AMBER_READER, 'detect.alerts']))).toBe(0);
      // The decision is audited just after the objects are stored.
      await vi.waitFor(async () => {
        const recorded = await audited('exchange.detect-sighting.recorded');
        expect(recorded.find((e) => e.subject === `alert:${alert.id}`)?.data).toMatchObject({
          org: 'org-a',
          tlp: 'amber',
          collection,
        });
      });
      expect(
        (await audited('exchange.collection.created')).some(
          (e) => e.subject === `collection:${collection}`,
        ),
      ).toBe(true);
    });

    it('keeps one indicator per rule per organization; a later count updates the sighting instead of adding one', async () => {
      const first = alertOf({ count: 1 });
      const second = alertOf({ count: 2 });
      const otherOrg = alertOf({ org: 'org-b' });
      for (const a of [first, second, otherOrg])
        await platform.bus.publish('detect.alert.created', a);
      const mine = async () => (await collectionOf('org-a'))?.id ?? '';
      await vi.waitFor(async () => {
        expect(await sightingOfAlert(await mine(), second.id)).toHaveLength(1);
        expect(await collectionOf('org-b')).toBeDefined();
        expect(
          await sightingOfAlert((await collectionOf('org-b'))?.id ?? '', otherOrg.id),
        ).toHaveLength(1);
      });
      const a = await mine();
      const b = (await collectionOf('org-b'))?.id ?? '';
      expect(b).not.toBe(a);
      const indicatorsA = await stored(a, 'indicator', 'all');
      const indicatorsB = await stored(b, 'indicator', 'all');
      expect(indicatorsA).toHaveLength(1); // one version of one indicator, after three alerts
      expect(indicatorsB).toHaveLength(1);
      expect(indicatorsB[0]?.id).not.toBe(indicatorsA[0]?.id);

      await platform.bus.publish('detect.alert.updated', {
        ...first,
        count: 7,
        lastSeen: '2026-12-06T10:00:00.000Z',
      });
      await vi.waitFor(async () => expect((await sightingOfAlert(a, first.id))[0]?.count).toBe(7));
      // A status change with the same count and times adds no version.
      await platform.bus.publish('detect.alert.updated', {
        ...first,
        count: 7,
        lastSeen: '2026-12-06T10:00:00.000Z',
        status: 'acknowledged',
      });
      const marker = alertOf({ count: 1 });
      await platform.bus.publish('detect.alert.created', marker);
      await vi.waitFor(async () => expect(await sightingOfAlert(a, marker.id)).toHaveLength(1));
      const versions = await sightingOfAlert(a, first.id, 'all');
      expect(versions.map((v) => v.count).sort()).toEqual([1, 7]);
      expect(new Set(versions.map((v) => v.id)).size).toBe(1);
      expect(new Set(versions.map((v) => v.created)).size).toBe(1);
    });

    it('sights an indicator the exchange already knows when an observable matches it, which the aggregator counts', async () => {
      const domain = `c2-${randomBytes(3).toString('hex')}.example`;
      const known = {
        type: 'indicator',
        spec_version: '2.1',
        id: `indicator--${randomUUID()}`,
        created: '2026-12-06T08:00:00.000Z',
        modified: '2026-12-06T08:00:00.000Z',
        pattern: `[domain-name:value = '${domain}']`,
        pattern_type: 'stix',
        valid_from: '2026-12-06T08:00:00Z',
        object_marking_refs: [TLP2_IDS.clear],
      };
      await exchange.importAs('partner', DEFAULT_COLLECTION_ID, [known], `r-${known.id}`);
      await vi.waitFor(() => expect(index.lookup('domain', domain)?.stixId).toBe(known.id));
      const alert = alertOf({
        org: 'org-c',
        rule: null,
        source: 'anomaly',
        count: 4,
        observables: [
          { type: 'domain-name', value: `www.${domain}` },
          { type: 'domain-name', value: domain },
          { type: 'user-account', value: 'alice' },
          { type: 'ipv4-addr', value: '198.51.100.9' },
        ],
      });
      await platform.bus.publish('detect.alert.created', alert);
      await vi.waitFor(async () => {
        const c = (await collectionOf('org-c'))?.id ?? '';
        expect(await sightingOfAlert(c, alert.id)).toHaveLength(1);
      });
      const c = (await collectionOf('org-c'))?.id ?? '';
      const [s] = await sightingOfAlert(c, alert.id);
      expect(s).toMatchObject({ sighting_of_ref: known.id, count: 4 });
      expect(validateStixObject(s).ok).toBe(true);
      // No rule, no rule indicator.
      expect(await stored(c, 'indicator')).toHaveLength(0);
      // Counted for everyone's benefit, without naming the organization.
      await vi.waitFor(async () =>
        expect(await sightings.scoreOf(known.id)).toMatchObject({ sightings: 4, sources: 1 }),
      );
    });

    it('puts server-wide alerts in a collection only operator staff read', async () => {
      const alert = alertOf({ org: null });
      await platform.bus.publish('detect.alert.created', alert);
      let id = '';
      await vi.waitFor(async () => {
        id = (await collectionOf(null))?.id ?? '';
        expect(await sightingOfAlert(id, alert.id)).toHaveLength(1);
      });
      const sees = async (v: Viewer) =>
        (await exchange.readAs(v, id, { match: { type: ['sighting'] } })).rows.length;
      expect(await sees(reader([], ['intel.read:clear', 'detect.alerts']))).toBeGreaterThan(0);
      expect(await sees(reader(['org-a'], [...AMBER_READER, 'intel.write']))).toBe(0);
      expect(await sees(PUBLIC_VIEWER)).toBe(0);
      const [identity] = await stored(id, 'identity');
      expect(identity).toMatchObject({ identity_class: 'system' });
      for (const o of await stored(id, 'indicator')) expect(validateStixObject(o).ok).toBe(true);
    });

    it('refuses a malformed alert (audited) and goes on with the next', async () => {
      const bad = { ...alertOf(), count: -1, id: 'bad-alert' };
      const good = alertOf({ org: 'org-d' });
      await platform.bus.publish('detect.alert.created', bad);
      await platform.bus.publish('detect.alert.created', good);
      await vi.waitFor(async () => {
        const c = (await collectionOf('org-d'))?.id ?? '';
        expect(await sightingOfAlert(c, good.id)).toHaveLength(1);
      });
      const refused = await audited('exchange.detect-sighting.refused');
      expect(refused.some((e) => e.subject === 'alert:bad-alert')).toBe(true);
    });
  });
}

suite('detect alerts as sightings (SQLite, local bus)', async () => ({
  env: {},
  drop: async () => {},
}));

const pgUrl = await requireService('postgres');
const natsUrl = await requireService('nats');
describe.skipIf(pgUrl === undefined || natsUrl === undefined)('on PostgreSQL and NATS', () => {
  suite('detect alerts as sightings (PostgreSQL, NATS)', async () => {
    const db = await createTempDatabase(pgUrl as string, 'sw_test_detect_sightings');
    const stream = `SWDS_${randomBytes(4).toString('hex')}`;
    return {
      env: {
        SHIELDWALL_STORE: db.url,
        SHIELDWALL_BUS: natsUrl as string,
        SHIELDWALL_NATS_STREAM: stream,
      },
      async drop() {
        const nc = await connect({ servers: new URL(natsUrl as string).host });
        await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
        await nc.close();
        await db.drop();
      },
    };
  });
});
