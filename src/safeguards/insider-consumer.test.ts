/**
 * Insider findings from the model registry feed safeguards risk scores (issue 7): a
 * finding on `provenance.insider.finding` adds its kind's points to the account, a bulk
 * read of restricted models pulls friction at once (cited in the lever and the audit
 * log), a redelivered finding counts once, a malformed one is refused and audited — on
 * SQLite with the local bus, and on PostgreSQL with NATS.
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
import { DEFAULT_RISK_POLICY } from './engine/risk-score.js';
import {
  createInsiderConsumer,
  INSIDER_FINDING,
  type InsiderConsumer,
  startInsiderConsumer,
} from './insider-consumer.js';
import { createRiskService, type RiskService } from './risk-service.js';
import { safeguardsServices } from './wire-safeguards.js';

/** A finding as the registry publishes it (provenance's InsiderFinding). */
function findingOf(account: string, kind: string, over: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    account,
    kind,
    at: new Date().toISOString(),
    explanation: `Unusual ${kind} for ${account}.`,
    evidence: { restrictedArtifacts: 6 },
    artifactId: 'art-1',
    auditIndex: 7,
    suggestedLever: `shieldwall lever friction ${account} --step-up --for 24h --reason "registry"`,
    ...over,
  };
}

const WAIT = { timeout: 15_000, interval: 50 };

function suite(
  name: string,
  env: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>,
) {
  describe(name, () => {
    let dir: string;
    let drop: () => Promise<void> = async () => {};
    let platform: Platform;
    let risk: RiskService;
    let consumer: InsiderConsumer;
    let closeServices: () => Promise<void> = async () => {};
    /** Finding ids whose next delivery fails after the score was written (a lost ack). */
    const failOnce = new Set<string>();
    const deliveries = new Map<string, number>();

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'sw-insider-risk-'));
      const e = await env();
      drop = e.drop;
      const config = loadConfig({
        env: { SHIELDWALL_LOG_LEVEL: 'silent', ...e.env },
        overrides: { data: dir },
      });
      platform = await composePlatform(config, { logger: createLogger(config), modules });
      await platform.migrate();
      const services = await safeguardsServices(platform);
      closeServices = services.close;
      risk = createRiskService({
        store: platform.store,
        levers: services.levers,
        audit: platform.audit,
        logger: platform.logger,
        now: Date.now,
      });
      consumer = createInsiderConsumer({
        bus: platform.bus,
        audit: platform.audit,
        logger: platform.logger,
        now: Date.now,
        risk: {
          async recordFinding(subject, f, context) {
            deliveries.set(f.id, (deliveries.get(f.id) ?? 0) + 1);
            const out = await risk.recordFinding(subject, f, context);
            if (failOnce.delete(f.id)) throw new Error('test: the ack was lost');
            return out;
          },
        },
      });
      await consumer.start();
    }, 60_000);
    afterAll(async () => {
      await consumer?.close();
      await closeServices();
      await platform?.close();
      await drop();
      rmSync(dir, { recursive: true, force: true });
    }, 60_000);

    const audited = async (action: string) =>
      (await platform.audit.entries({ limit: 1000 })).entries.filter((e) => e.action === action);

    it('a bulk read of restricted models adds its points and pulls friction, citing the finding', async () => {
      const account = `user:u-${randomBytes(4).toString('hex')}`;
      const f = findingOf(account, 'bulk_restricted');
      await platform.bus.publish(INSIDER_FINDING, f, { msgId: `insider-${f.id}` });
      // Audited once the score is written.
      await vi.waitFor(async () => {
        expect(
          (await audited('safeguards.risk.finding')).some(
            (e) => e.data?.finding === `insider:${f.id}`,
          ),
        ).toBe(true);
      }, WAIT);
      const entry = await risk.get(account);
      expect(entry.score).toBeGreaterThan(19.9);
      expect(entry.score).toBeLessThanOrEqual(
        DEFAULT_RISK_POLICY.findingPoints['insider.bulk_restricted'],
      );
      expect(entry.evidence).toMatchObject([
        {
          requestId: `insider:${f.id}`,
          decision: 'finding',
          categories: ['insider.bulk_restricted'],
          finding: { kind: 'insider.bulk_restricted', cites: ['audit:7', 'artifact:art-1'] },
        },
      ]);
      const services = await safeguardsServices(platform);
      const levers = await services.levers.active(account);
      await services.close();
      expect(levers).toMatchObject([
        { kind: 'friction', mode: 'limits', automatic: true, actor: 'system:safeguards' },
      ]);
      expect(levers[0]?.evidence).toEqual([
        `finding:insider:${f.id} insider.bulk_restricted`,
        'audit:7 insider.bulk_restricted',
        'artifact:art-1 insider.bulk_restricted',
      ]);
      const [scored] = (await audited('safeguards.risk.finding')).filter(
        (e) => e.data?.finding === `insider:${f.id}`,
      );
      expect(scored).toMatchObject({
        actor: 'system:safeguards',
        subject: account,
        data: {
          kind: 'insider.bulk_restricted',
          source: 'provenance.insider',
          requests: ['audit:7', 'artifact:art-1'],
          levers: [levers[0]?.id],
        },
      });
      // The lever is audited (and announced to every instance) right after the finding.
      await vi.waitFor(async () => {
        const pulled = (await audited('safeguards.lever.friction')).filter(
          (e) => e.subject === account,
        );
        expect(pulled).toMatchObject([{ data: { lever: levers[0]?.id, automatic: true } }]);
      }, WAIT);
    });

    it('counts a finding once when the bus redelivers it or it is published again', async () => {
      const account = `key:k-${randomBytes(4).toString('hex')}`;
      const f = findingOf(account, 'network', { auditIndex: null, artifactId: null });
      failOnce.add(`insider:${f.id}`);
      await platform.bus.publish(INSIDER_FINDING, f, { msgId: `insider-${f.id}` });
      // The first delivery wrote the score and then failed: the bus delivers it again.
      await vi.waitFor(() => expect(deliveries.get(`insider:${f.id}`)).toBe(2), WAIT);
      // The same finding published again (past the bus's own de-duplication), then a marker.
      await platform.bus.publish(INSIDER_FINDING, f, { msgId: `insider-${f.id}-again` });
      const marker = findingOf(account, 'hour', { auditIndex: null, artifactId: null });
      await platform.bus.publish(INSIDER_FINDING, marker);
      await vi.waitFor(async () => {
        expect((await risk.get(account)).evidence).toHaveLength(2);
      }, WAIT);
      const points = DEFAULT_RISK_POLICY.findingPoints;
      const entry = await risk.get(account);
      expect(entry.score).toBeGreaterThan(
        points['insider.network'] + points['insider.hour'] - 0.01,
      );
      expect(entry.score).toBeLessThanOrEqual(points['insider.network'] + points['insider.hour']);
      expect(entry.evidence.map((e) => e.requestId)).toEqual([
        `insider:${f.id}`,
        `insider:${marker.id}`,
      ]);
      const scored = (await audited('safeguards.risk.finding')).filter(
        (e) => e.data?.finding === `insider:${f.id}`,
      );
      expect(scored).toHaveLength(1);
      // Below the friction threshold, and no lever named for these kinds: nothing pulled.
      const services = await safeguardsServices(platform);
      expect(await services.levers.active(account)).toEqual([]);
      await services.close();
    });

    it('refuses a malformed or unknown finding (audited) and goes on with the next', async () => {
      const account = `user:u-${randomBytes(4).toString('hex')}`;
      const badAccount = findingOf('org:acme', 'volume', { id: 'bad-account' });
      const unknown = findingOf(account, 'telepathy', { id: 'unknown-kind' });
      const good = findingOf(account, 'volume');
      await platform.bus.publish(INSIDER_FINDING, badAccount);
      await platform.bus.publish(INSIDER_FINDING, unknown);
      await platform.bus.publish(INSIDER_FINDING, good);
      await vi.waitFor(async () => {
        expect((await risk.get(account)).evidence).toHaveLength(1);
      }, WAIT);
      const refused = await audited('safeguards.risk.finding-refused');
      expect(refused.find((e) => e.subject === 'finding:insider:bad-account')).toMatchObject({
        outcome: 'failure',
        data: { reason: expect.stringContaining('/account') },
      });
      expect(refused.find((e) => e.subject === 'finding:insider:unknown-kind')).toMatchObject({
        data: { reason: 'unknown finding kind "telepathy"' },
      });
      expect((await risk.get('org:acme')).evidence).toEqual([]);
    });
  });
}

suite('insider findings feed risk scores (SQLite, local bus)', async () => ({
  env: {},
  drop: async () => {},
}));

const pgUrl = await requireService('postgres');
const natsUrl = await requireService('nats');
describe.skipIf(pgUrl === undefined || natsUrl === undefined)('on PostgreSQL and NATS', () => {
  suite('insider findings feed risk scores (PostgreSQL, NATS)', async () => {
    const db = await createTempDatabase(pgUrl as string, 'sw_test_insider_risk');
    const stream = `SWIR_${randomBytes(4).toString('hex')}`;
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

describe('the consumer as the server starts it: with the operator’s risk policy', () => {
  it('pulls the lever the configuration names for the finding’s kind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-insider-start-'));
    const config = loadConfig({
      env: {
        SHIELDWALL_LOG_LEVEL: 'silent',
        SHIELDWALL_RISK_FINDING_LEVERS: 'insider.volume=step-up',
        SHIELDWALL_RISK_FINDING_POINTS: 'insider.volume=2',
      },
      overrides: { data: dir },
    });
    const platform = await composePlatform(config, { logger: createLogger(config), modules });
    try {
      await platform.migrate();
      const services = await safeguardsServices(platform);
      const consumer = await startInsiderConsumer(platform, services.levers);
      const f = findingOf('user:u-big-download', 'volume');
      await platform.bus.publish(INSIDER_FINDING, f);
      await vi.waitFor(async () => {
        expect(await services.levers.active('user:u-big-download')).toMatchObject([
          { kind: 'friction', mode: 'step-up', automatic: true },
        ]);
      }, WAIT);
      expect((await services.risk.get('user:u-big-download')).score).toBeCloseTo(2, 1);
      await consumer.close();
      await services.close();
    } finally {
      await platform.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
