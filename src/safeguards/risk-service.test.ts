/**
 * The risk policy as configuration (issue 6): the `risk…` keys are checked at load with
 * clear errors, and by default give exactly DEFAULT_RISK_POLICY; a finding kind the policy
 * names a lever for pulls it at once (step-up, restrict one tier down), once per finding.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../modules.js';
import { composePlatform, type Platform } from '../platform/compose.js';
import { configKeys } from '../platform/config/config-keys.js';
import { loadConfig } from '../platform/config/load-config.js';
import { createLogger } from '../platform/logger.js';
import { DEFAULT_RISK_POLICY, RISK_FINDING_KINDS } from './engine/risk-score.js';
import { createRiskService, riskPolicyFromConfig } from './risk-service.js';
import { type SafeguardsServices, safeguardsServices } from './wire-safeguards.js';

const policyOf = (env: Record<string, string>, file?: string) =>
  riskPolicyFromConfig(loadConfig({ env, ...(file === undefined ? {} : { file }) }));
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig({ env });
  } catch (err) {
    return (err as Error).message;
  }
  return 'accepted';
};

describe('risk policy from configuration', () => {
  it('is DEFAULT_RISK_POLICY when nothing is set', () => {
    expect(policyOf({})).toEqual(DEFAULT_RISK_POLICY);
  });

  it('names the same finding kinds as the engine', () => {
    const spec = configKeys.riskFindingPoints.type;
    expect(spec.names).toEqual(RISK_FINDING_KINDS);
    expect(configKeys.riskFindingLevers.type.names).toEqual(RISK_FINDING_KINDS);
  });

  it('takes thresholds, weights and levers from the environment and the config file', () => {
    const p = policyOf({
      SHIELDWALL_RISK_HALF_LIFE_HOURS: '24',
      SHIELDWALL_RISK_POINTS_BLOCK: '8',
      SHIELDWALL_RISK_FRICTION_AT: '40',
      SHIELDWALL_RISK_RESTRICT_AT_BLOCKS: '3',
      SHIELDWALL_RISK_LEVER_HOURS: '2',
      SHIELDWALL_RISK_FINDING_POINTS: ' insider.volume = 12 ,monitor.split_task=0',
      SHIELDWALL_RISK_FINDING_LEVERS: 'insider.bulk_restricted=step-up,insider.hour=none',
    });
    expect(p).toMatchObject({
      halfLifeMs: 24 * 3_600_000,
      points: { monitor: 1, friction: 3, block: 8 },
      frictionAt: 40,
      restrictAtBlocks: 3,
      leverMs: 2 * 3_600_000,
      evidenceKept: 20,
      findingLevers: { 'insider.bulk_restricted': 'step-up' },
    });
    expect(p.findingPoints).toEqual({
      ...DEFAULT_RISK_POLICY.findingPoints,
      'insider.volume': 12,
      'monitor.split_task': 0,
    });
    expect(Object.keys(p.findingLevers)).toEqual(['insider.bulk_restricted']);

    const dir = mkdtempSync(join(tmpdir(), 'sw-risk-config-'));
    try {
      const file = join(dir, 'shieldwall.yaml');
      writeFileSync(
        file,
        'riskFindingPoints:\n  monitor.key_many_networks: 30\nriskFindingLevers:\n  monitor.repeated_blocks: restrict\n',
      );
      const q = policyOf({}, file);
      expect(q.findingPoints['monitor.key_many_networks']).toBe(30);
      expect(q.findingLevers).toEqual({ 'monitor.repeated_blocks': 'restrict' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad values with an error that names the key and what to write', () => {
    expect(refusal({ SHIELDWALL_RISK_FRICTION_AT: '0' })).toBe(
      'Config key "riskFrictionAt" (from environment variable SHIELDWALL_RISK_FRICTION_AT) must be between 1 and 100000, got 0.',
    );
    expect(refusal({ SHIELDWALL_RISK_HALF_LIFE_HOURS: '1.5' })).toContain('must be a whole number');
    expect(refusal({ SHIELDWALL_RISK_POINTS_BLOCK: '-1' })).toContain(
      'must be between 0 and 1000, got -1',
    );
    expect(refusal({ SHIELDWALL_RISK_FINDING_POINTS: 'insider.volume=lots' })).toContain(
      'gives "insider.volume" "lots"; use a whole number between 0 and 1000',
    );
    expect(refusal({ SHIELDWALL_RISK_FINDING_POINTS: 'insider.volume=5000' })).toContain(
      'use a whole number between 0 and 1000',
    );
    expect(refusal({ SHIELDWALL_RISK_FINDING_POINTS: 'insider.telepathy=5' })).toContain(
      'names "insider.telepathy", which is not one of insider.volume, insider.hour',
    );
    expect(refusal({ SHIELDWALL_RISK_FINDING_POINTS: 'insider.hour=1,insider.hour=2' })).toContain(
      'names "insider.hour" twice',
    );
    expect(refusal({ SHIELDWALL_RISK_FINDING_POINTS: 'insider.hour' })).toContain(
      'has "insider.hour" where name=value was expected',
    );
    expect(refusal({ SHIELDWALL_RISK_FINDING_LEVERS: 'insider.network=revoke' })).toContain(
      'gives "insider.network" "revoke"; use one of none, friction, step-up, restrict',
    );
  });
});

describe('findings that pull the lever the policy names', () => {
  let dir: string;
  let platform: Platform;
  let services: SafeguardsServices;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sw-risk-levers-'));
    const config = loadConfig({
      env: {
        SHIELDWALL_LOG_LEVEL: 'silent',
        SHIELDWALL_RISK_FINDING_LEVERS:
          'monitor.key_many_networks=step-up,monitor.repeated_blocks=restrict',
        SHIELDWALL_RISK_FINDING_POINTS: 'monitor.key_many_networks=1',
      },
      overrides: { data: dir },
    });
    platform = await composePlatform(config, { logger: createLogger(config), modules });
    await platform.migrate();
    services = await safeguardsServices(platform);
  }, 60_000);
  afterAll(async () => {
    await services?.close();
    await platform?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const riskService = () =>
    createRiskService({
      store: platform.store,
      levers: services.levers,
      audit: platform.audit,
      logger: platform.logger,
      now: Date.now,
      policy: riskPolicyFromConfig(platform.config),
    });

  it('step-up friction on a shared key at once, whatever the score; once per finding', async () => {
    const risk = riskService();
    const f = {
      id: 'monitor:key_many_networks:test-1',
      kind: 'monitor.key_many_networks' as const,
      at: Date.now(),
      summary: 'one key used from 5 networks',
      cites: ['r-1', 'r-2'],
    };
    const out = await risk.recordFinding('key:k-shared', f, { tier: 2, source: 'test' });
    expect(out).toMatchObject({ added: true, points: 1 });
    expect(out.levers).toMatchObject([
      {
        kind: 'friction',
        mode: 'step-up',
        target: 'key:k-shared',
        automatic: true,
        reason: 'automatic: monitor.key_many_networks finding (policy: step-up)',
        evidence: [
          'finding:monitor:key_many_networks:test-1 monitor.key_many_networks',
          'request:r-1 monitor.key_many_networks',
          'request:r-2 monitor.key_many_networks',
        ],
      },
    ]);
    const again = await risk.recordFinding('key:k-shared', f, { tier: 2, source: 'test' });
    expect(again).toEqual({
      subject: 'key:k-shared',
      added: false,
      points: 0,
      score: 0,
      levers: [],
    });
    // A new finding while the lever is in force pulls no second one.
    const next = await risk.recordFinding(
      'key:k-shared',
      { ...f, id: 'monitor:key_many_networks:test-2' },
      { tier: 2, source: 'test' },
    );
    expect(next).toMatchObject({ added: true, levers: [] });
    expect(await services.levers.active('key:k-shared')).toHaveLength(1);
    const audited = (await platform.audit.entries({ limit: 1000 })).entries.filter(
      (e) => e.action === 'safeguards.risk.finding' && e.subject === 'key:k-shared',
    );
    expect(audited.map((e) => e.data?.finding)).toEqual([
      'monitor:key_many_networks:test-1',
      'monitor:key_many_networks:test-2',
    ]);
    expect(audited[0]?.data).toMatchObject({ requests: ['r-1', 'r-2'], source: 'test' });
  });

  it('restricts one tier below the tier the finding saw', async () => {
    const out = await riskService().recordFinding(
      'enduser:o-1/mallory',
      {
        id: 'monitor:repeated_blocks:test-1',
        kind: 'monitor.repeated_blocks',
        at: Date.now(),
        summary: '3 blocked requests',
        cites: ['r-9'],
      },
      { tier: 3, source: 'test' },
    );
    expect(out.levers).toMatchObject([{ kind: 'restrict', tier: 2 }]);
  });

  it('needs the audit log to record findings', async () => {
    const risk = createRiskService({
      store: platform.store,
      logger: platform.logger,
      now: Date.now,
    });
    await expect(
      risk.recordFinding(
        'user:u',
        { id: 'x', kind: 'insider.hour', at: Date.now(), summary: '', cites: [] },
        { tier: null, source: 'test' },
      ),
    ).rejects.toThrow('recordFinding needs the audit log');
  });
});
