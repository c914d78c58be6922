/**
 * `shieldwall admin …` through the real program, on the data directory of a
 * running server: what the CLI changes reaches the server within a second
 * (through the embedded bus journal, as between two processes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { DEFAULT_TIERS_YAML } from './engine/index.js';

describe('shieldwall admin', () => {
  let dir: string;
  let server: TestServer;

  const shieldwall = (...args: string[]) => cliOn(dir)(...args);
  const me = (key: string) =>
    fetch(`${server.url}/api/access/me`, { headers: { authorization: `Bearer ${key}` } });

  beforeAll(async () => {
    dir = tempDir('sw-admin-');
    server = await startTestServer({ dataDir: dir });
  });
  afterAll(async () => {
    await server?.close();
    removeDir(dir);
  });

  it('creates an organization at a tier and a key it prints once; the server accepts the key', async () => {
    const org = await shieldwall(
      '--json',
      'admin',
      'org',
      'create',
      'Acme Water',
      '--tier',
      '3',
      '--reason',
      'state utility',
    );
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Acme Water', tier: 3 });
    const key = await shieldwall(
      'admin',
      'key',
      'create',
      '--org',
      'acme water',
      '--expires',
      '30d',
      '--capabilities',
      'intel.read:green,ai.cyber.exploit-dev',
    );
    expect(key.code).toBe(0);
    const whole = key.stdout.split('\n')[0] as string;
    expect(whole).toMatch(/^sw_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}$/);
    expect(key.stdout).toContain('This is the only time the key is shown.');
    const res = await me(whole);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      kind: 'org',
      tier: { level: 3 },
      capabilities: ['ai.cyber.exploit-dev', 'intel.read:green'],
    });
    const list = await shieldwall('--json', 'admin', 'key', 'list', '--org', 'Acme Water');
    expect(list.stdout).not.toContain(whole.slice(21));
  });

  it('a revocation from the CLI reaches the running server within a second', async () => {
    const key = (await shieldwall('admin', 'key', 'create', '--org', 'Acme Water')).stdout.split(
      '\n',
    )[0] as string;
    expect((await me(key)).status).toBe(200);
    const started = Date.now();
    const revoked = await shieldwall(
      'admin',
      'key',
      'revoke',
      key.slice(0, 20),
      '--reason',
      'leaked in a log',
    );
    expect(revoked.code).toBe(0);
    await vi.waitFor(async () => expect((await me(key)).status).toBe(401), {
      timeout: 1000,
      interval: 25,
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a tier set from the CLI reaches the running server within a second', async () => {
    await shieldwall('admin', 'org', 'create', 'Borough Schools', '--tier', '1');
    const key = (
      await shieldwall('admin', 'key', 'create', '--org', 'Borough Schools')
    ).stdout.split('\n')[0] as string;
    expect(await (await me(key)).json()).toMatchObject({ tier: { level: 1 } });
    const set = await shieldwall(
      'admin',
      'tier',
      'set',
      'Borough Schools',
      '2',
      '--reason',
      'verified district',
    );
    expect(set.code).toBe(0);
    await vi.waitFor(
      async () => expect(await (await me(key)).json()).toMatchObject({ tier: { level: 2 } }),
      { timeout: 1000, interval: 25 },
    );
  });

  it('intermediaries, and wrong usage with exit 2', async () => {
    expect(
      (
        await shieldwall(
          'admin',
          'intermediary',
          'set',
          'Acme Water',
          '--cap',
          '2',
          '--reason',
          'ISAC',
        )
      ).code,
    ).toBe(0);
    const show = await shieldwall('--json', 'admin', 'org', 'show', 'Acme Water');
    expect(JSON.parse(show.stdout)).toMatchObject({ vouchCap: 2 });
    expect(
      (await shieldwall('admin', 'tier', 'set', 'Acme Water', 'high', '--reason', 'x')).code,
    ).toBe(2);
    expect(
      (await shieldwall('admin', 'key', 'create', '--org', 'Acme Water', '--expires', 'soon')).code,
    ).toBe(2);
    expect((await shieldwall('admin', 'key', 'revoke', 'not-a-key')).code).toBe(2);
    const missing = await shieldwall('admin', 'key', 'create', '--org', 'Nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no organization "Nobody"');
  });

  it('every change is in the audit log as the operator', async () => {
    const tail = await shieldwall('--json', 'audit', 'tail', '-n', '50');
    const entries = tail.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; actor: string; data?: unknown });
    const revoked = entries.find((e) => e.action === 'access.key.revoked');
    expect(revoked?.actor).toMatch(/^cli:/);
    expect(revoked?.data).toMatchObject({ reason: 'leaked in a log' });
  });

  it('tiers check lists each mistake and exits 1; show --default prints the built-in policy', async () => {
    const bad = join(dir, 'bad-tiers.yaml');
    writeFileSync(bad, DEFAULT_TIERS_YAML.replace('security: mfa', 'security: sms'));
    const r = await shieldwall('admin', 'tiers', 'check', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('/tiers/1/security must be one of');
    const good = join(dir, 'tiers.yaml');
    writeFileSync(good, DEFAULT_TIERS_YAML);
    expect((await shieldwall('admin', 'tiers', 'check', good)).code).toBe(0);
    const shown = await shieldwall('admin', 'tiers', 'show', '--default');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('version: 1');
    expect(shown.stdout).toContain('id: critical-infrastructure');
  });
});
