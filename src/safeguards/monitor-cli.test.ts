/**
 * `shieldwall safeguards monitor` through the real program on a server's data
 * directory: generated traffic rows in `gateway_requests` become findings that
 * cite them; real gateway calls are recorded with their client network.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../access/index.js';
import type { GatewayRequestRow, GatewayTables } from '../gateway/index.js';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { safeguardsServices } from './index.js';
import { type EchoUpstream, startEchoUpstream } from './test-support/echo-upstream.js';

describe('shieldwall safeguards monitor', () => {
  let dir: string;
  let server: TestServer;
  let upstream: EchoUpstream;
  const shieldwall = (...args: string[]) => cliOn(dir)(...args);

  beforeAll(async () => {
    dir = tempDir('sw-monitor-');
    upstream = await startEchoUpstream();
    server = await startTestServer({
      dataDir: dir,
      env: { SHIELDWALL_UPSTREAM_URL: upstream.url },
    });
    await server.server.ready;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
    removeDir(dir);
  });

  const row = (i: number, patch: Partial<GatewayRequestRow>): GatewayRequestRow => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    created_at: Date.now() - 60 * 60_000 + i * 1000,
    principal: 'org:o-plain',
    org_id: 'o-plain',
    key_id: 'k-plain',
    end_user: null,
    tier: 2,
    endpoint: 'chat',
    model: 'defender-small',
    upstream: 'default',
    status: 200,
    error_code: null,
    stream: 0,
    latency_ms: 3,
    prompt_tokens: 10,
    completion_tokens: 2,
    total_tokens: 12,
    decision: 'allow',
    risk: 0.02,
    categories: '[]',
    prompt: 'how do I patch nginx',
    response: 'ok',
    content_expires_at: null,
    client_net: '192.0.2.0/24',
    ...patch,
  });

  it('finds nothing in ordinary traffic (exit 0), then repeated blocks and a key on many networks (exit 1)', async () => {
    const db = server.platform.store.db<GatewayTables>();
    await db
      .insertInto('gateway_requests')
      .values(Array.from({ length: 20 }, (_, i) => row(i, {})))
      .execute();
    const calm = await shieldwall('--json', 'safeguards', 'monitor', '--since', '24h');
    expect(calm.code, calm.stderr).toBe(0);
    expect(calm.stdout.trim()).toBe('');

    const blocks = [100, 101, 102].map((i) =>
      row(i, {
        principal: 'org:o-bad',
        org_id: 'o-bad',
        key_id: 'k-bad',
        end_user: 'mallory',
        decision: 'block',
        risk: 0.97,
        status: 403,
        error_code: 'safeguard_blocked',
        categories: JSON.stringify([{ id: 'ransomware', score: 0.97 }]),
      }),
    );
    const networks = [200, 201, 202, 203, 204].map((i) =>
      row(i, { key_id: 'k-shared', client_net: `203.0.${i - 200}.0/24` }),
    );
    // Older than the window: not read.
    const old = row(300, {
      created_at: Date.now() - 3 * 86_400_000,
      decision: 'block',
      end_user: 'mallory',
      principal: 'org:o-bad',
      org_id: 'o-bad',
    });
    await db
      .insertInto('gateway_requests')
      .values([...blocks, ...networks, old])
      .execute();

    // A dry run reports and changes nothing (the behaviour before findings fed risk scores).
    const dry = await shieldwall('--json', 'safeguards', 'monitor', '--since', '24h', '--dry-run');
    expect(dry.code, dry.stderr).toBe(1);
    const findings = dry.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; subject: string; requestIds: string[] });
    expect(findings).toEqual([
      expect.objectContaining({
        kind: 'repeated_blocks',
        subject: 'enduser:o-bad/mallory',
        requestIds: blocks.map((b) => b.id),
        tier: 2,
      }),
      expect.objectContaining({
        kind: 'key_many_networks',
        subject: 'key:k-shared',
        requestIds: networks.map((b) => b.id),
      }),
    ]);
    expect(findings.some((f) => 'risk' in f)).toBe(false);
    const services = await safeguardsServices(server.platform);
    expect((await services.risk.get('key:k-shared')).score).toBe(0);
    expect(await services.levers.active('key:k-shared')).toEqual([]);

    // Applied (the default): each finding feeds its subject's risk score; the key shared over
    // five networks reaches the friction threshold on its own.
    const run = await shieldwall('--json', 'safeguards', 'monitor', '--since', '24h');
    expect(run.code, run.stderr).toBe(1);
    const applied = run.stdout
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { kind: string; risk: { subject: string; levers: unknown[] }[] },
      );
    expect(applied.map((f) => f.risk)).toEqual([
      [
        {
          subject: 'enduser:o-bad/mallory',
          added: true,
          points: 5,
          score: expect.closeTo(5, 1) as number,
          levers: [],
        },
      ],
      [
        {
          subject: 'key:k-shared',
          added: true,
          points: 20,
          score: expect.closeTo(20, 1) as number,
          levers: [
            { id: expect.any(String) as string, kind: 'friction', mode: 'limits', tier: null },
          ],
        },
      ],
    ]);
    const [lever] = await services.levers.active('key:k-shared');
    expect(lever).toMatchObject({ kind: 'friction', automatic: true, actor: 'system:safeguards' });
    expect(lever?.evidence).toEqual([
      expect.stringMatching(/^finding:monitor:key_many_networks:\d{4}-\d{2}-\d{2}:[0-9a-f]{24} /),
      ...networks.map((n) => `request:${n.id} monitor.key_many_networks`),
    ]);
    const audit = (await server.platform.audit.entries({ limit: 1000 })).entries;
    expect(
      audit.find((e) => e.action === 'safeguards.risk.finding' && e.subject === 'key:k-shared')
        ?.data,
    ).toMatchObject({
      kind: 'monitor.key_many_networks',
      source: 'safeguards.monitor',
      requests: networks.map((n) => n.id),
      levers: [lever?.id],
    });
    expect(
      audit.filter((e) => e.action === 'safeguards.monitor.run').map((e) => e.data?.dryRun),
    ).toEqual([false, true, false]);
    await services.close();

    // The same window again: the findings were counted already, nothing changes.
    const human = await shieldwall('safeguards', 'monitor');
    expect(human.stdout).toContain('repeated_blocks  enduser:o-bad/mallory');
    expect(human.stdout).toMatch(/\d+ requests since .*: 2 findings, 0 levers pulled/);
    expect((await shieldwall('safeguards', 'monitor', '--since', 'yesterday')).code).toBe(2);
  });

  it('records the caller’s network (not its address) with each gateway request', async () => {
    const access = await accessServices(server.platform);
    const org = await access.directory.createOrg(
      { name: 'Monitor Net Org', tier: 2 },
      { id: 'operator:test' },
    );
    const { key } = await access.keys.create(
      { owner: { type: 'org', id: org.id } },
      { id: 'operator:test' },
    );
    await access.close();
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'hello' }],
      }),
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const db = server.platform.store.db<GatewayTables>();
    let nets: (string | null | undefined)[] = [];
    for (let i = 0; i < 50 && nets.length === 0; i++) {
      nets = (
        await db
          .selectFrom('gateway_requests')
          .select('client_net')
          .where('org_id', '=', org.id)
          .execute()
      ).map((r) => r.client_net);
      await sleep(50);
    }
    expect(nets).toEqual(['127.0.0.0/24']);
  });
});
