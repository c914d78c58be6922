/**
 * `shieldwall lever …` through the real program, on the data directory of a
 * running server (embedded SQLite store and local bus): a lever pulled from the
 * shell is enforced by the server's gateway within a second, lifting restores
 * access, and every pull and lift is in the audit log.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../access/index.js';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { type EchoUpstream, startEchoUpstream } from './test-support/echo-upstream.js';

const operator = { id: 'operator:lever-cli-test' };

describe('shieldwall lever', () => {
  let dir: string;
  let server: TestServer;
  let upstream: EchoUpstream;
  let key = '';
  let keyId = '';
  let orgId = '';

  const shieldwall = (...args: string[]) => cliOn(dir)(...args);
  const chat = async (user?: string) => {
    const res = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        model: 'defender-small',
        messages: [{ role: 'user', content: 'How do I rotate our TLS certificates?' }],
        ...(user === undefined ? {} : { user }),
      }),
    });
    const body = (await res.json()) as { error?: { code?: string } };
    return { status: res.status, code: body.error?.code ?? null };
  };
  /** Poll until the answer changes to `want`, for at most a second; returns the elapsed ms. */
  const within1s = async (want: number, user?: string) => {
    const started = Date.now();
    let last = await chat(user);
    while (last.status !== want && Date.now() - started < 1000) {
      await sleep(20);
      last = await chat(user);
    }
    return { ...last, ms: Date.now() - started };
  };

  beforeAll(async () => {
    dir = tempDir('sw-lever-');
    upstream = await startEchoUpstream();
    server = await startTestServer({
      dataDir: dir,
      env: { SHIELDWALL_UPSTREAM_URL: upstream.url },
    });
    const access = await accessServices(server.platform);
    const org = await access.directory.createOrg({ name: 'Lever Test Org', tier: 2 }, operator);
    orgId = org.id;
    const created = await access.keys.create({ owner: { type: 'org', id: org.id } }, operator);
    key = created.key;
    keyId = created.info.id;
    await access.close();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
    removeDir(dir);
  });

  it('revokes an organization by name from the shell; the server refuses within a second; lift restores', async () => {
    expect((await chat()).status).toBe(200);
    const run = await shieldwall(
      '--json',
      'lever',
      'revoke',
      'org:lever test org',
      '--reason',
      'case 17',
    );
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      lever: { kind: string; target: string; actor: string };
    };
    expect(out.lever).toMatchObject({ kind: 'revoke', target: `org:${orgId}` });
    expect(out.lever.actor).toMatch(/^cli:/);
    expect(await within1s(401)).toMatchObject({ status: 401, code: 'key_revoked' });

    const list = await shieldwall('--json', 'lever', 'list', `org:${orgId}`);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);

    const lift = await shieldwall('lever', 'lift', `org:${orgId}`, '--reason', 'reviewed');
    expect(lift.code, lift.stderr).toBe(0);
    expect(lift.stdout).toContain('lifted');
    expect(await within1s(200)).toMatchObject({ status: 200 });
    // Nothing left to lift: a refusal (exit 1), not a usage error.
    expect((await shieldwall('lever', 'lift', `org:${orgId}`, '--reason', 'again')).code).toBe(1);

    const audit = await server.platform.audit.entries({ limit: 1000 });
    const actions = audit.entries.filter((e) => e.subject === `org:${orgId}`).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['safeguards.lever.revoke', 'safeguards.lever.lift']),
    );
  });

  it('restricts a key to a tier without AI models, and revokes one end user behind the key only', async () => {
    const r = await shieldwall(
      'lever',
      'restrict',
      `key:${keyId}`,
      '--tier',
      '0',
      '--for',
      '1h',
      '--reason',
      'test',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(await within1s(403)).toMatchObject({ status: 403, code: 'tier_insufficient' });
    expect((await shieldwall('lever', 'lift', `key:${keyId}`, '--reason', 'done')).code).toBe(0);
    expect((await within1s(200)).status).toBe(200);

    const e = await shieldwall(
      'lever',
      'revoke',
      `enduser:${orgId}/u-42`,
      '--reason',
      'ransomware builder',
    );
    expect(e.code, e.stderr).toBe(0);
    expect(await within1s(403, 'u-42')).toMatchObject({ status: 403, code: 'safeguard_blocked' });
    expect((await chat('u-7')).status).toBe(200);
    expect((await chat()).status).toBe(200);
  });

  it('friction --step-up answers step_up_required', async () => {
    const f = await shieldwall(
      'lever',
      'friction',
      `org:${orgId}`,
      '--step-up',
      '--reason',
      'shared key',
    );
    expect(f.code, f.stderr).toBe(0);
    expect(await within1s(403)).toMatchObject({ status: 403, code: 'step_up_required' });
    expect((await shieldwall('lever', 'lift', `org:${orgId}`, '--reason', 'confirmed')).code).toBe(
      0,
    );
    expect((await within1s(200)).status).toBe(200);
  });

  it('refuses wrong usage with exit status 2', async () => {
    for (const args of [
      ['lever', 'revoke', `org:${orgId}`],
      ['lever', 'restrict', `org:${orgId}`, '--reason', 'x'],
      ['lever', 'revoke', 'team:x', '--reason', 'x'],
      ['lever', 'revoke', `org:${orgId}`, '--reason', 'x', '--for', '2y'],
      ['lever', 'revoke', `enduser:${orgId}/u-1`, '--reason', 'x', '--keys'],
    ]) {
      const run = await shieldwall(...args);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });
});
