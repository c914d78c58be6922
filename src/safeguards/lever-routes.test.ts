/**
 * The operators' lever API under /api/safeguards: only `safeguards.levers`
 * (the operator staff role) may pull, list or lift; bodies are validated at the
 * edge; a lever pulled over HTTP is enforced by the gateway at once.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUserRow } from '../access/index.js';
import { accessServices } from '../access/index.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { type EchoUpstream, startEchoUpstream } from './test-support/echo-upstream.js';

/** The columns of the access module's user table this test fills in (a staff operator). */
interface UserTables {
  access_user: AccessUserRow;
}

const operator = { id: 'operator:lever-routes-test' };

describe('/api/safeguards/levers', () => {
  let server: TestServer;
  let upstream: EchoUpstream;
  let operatorKey = '';
  let orgKey = '';
  let orgId = '';

  const api = async (method: string, path: string, key: string | null, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  const chat = async () =>
    (
      await api('POST', '/v1/chat/completions', orgKey, {
        model: 'defender-small',
        messages: [{ role: 'user', content: 'hello' }],
      })
    ).status;

  beforeAll(async () => {
    upstream = await startEchoUpstream();
    server = await startTestServer({ env: { SHIELDWALL_UPSTREAM_URL: upstream.url } });
    await server.server.ready;
    const userId = randomUUID();
    await server.platform.store
      .db<UserTables>()
      .insertInto('access_user')
      .values({
        id: userId,
        email: 'olga@operator.example',
        display_name: 'olga',
        created_at: Date.now(),
        email_verified_at: Date.now(),
        password_hash: null,
        totp_secret: null,
        totp_enabled_at: null,
        advanced_protection: 0,
        staff_roles: JSON.stringify(['operator']),
        disabled_at: null,
      })
      .execute();
    const access = await accessServices(server.platform);
    operatorKey = (await access.keys.create({ owner: { type: 'user', id: userId } }, operator)).key;
    const org = await access.directory.createOrg({ name: 'Routes Org', tier: 2 }, operator);
    orgId = org.id;
    orgKey = (await access.keys.create({ owner: { type: 'org', id: org.id } }, operator)).key;
    await access.close();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await upstream?.close();
  });

  it('refuses callers without safeguards.levers', async () => {
    const body = { kind: 'revoke', target: `org:${orgId}`, reason: 'x' };
    expect((await api('POST', '/api/safeguards/levers', null, body)).status).toBe(401);
    expect((await api('POST', '/api/safeguards/levers', orgKey, body)).status).toBe(403);
    expect((await api('GET', '/api/safeguards/levers', orgKey)).status).toBe(403);
    expect(await chat()).toBe(200);
  });

  it('validates bodies at the edge', async () => {
    for (const body of [
      { kind: 'revoke', target: `org:${orgId}` },
      { kind: 'revoke', target: `org:${orgId}`, reason: '' },
      { kind: 'explode', target: `org:${orgId}`, reason: 'x' },
      { kind: 'revoke', target: `org:${orgId}`, reason: 'x', extra: 1 },
      { kind: 'revoke', target: 'nobody', reason: 'x' },
      { kind: 'restrict', target: `org:${orgId}`, reason: 'x' },
      { kind: 'revoke', target: `org:${orgId}`, reason: 'x', for: 'forever' },
    ]) {
      const r = await api('POST', '/api/safeguards/levers', operatorKey, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
    }
    expect(
      (
        await api('POST', '/api/safeguards/levers', operatorKey, {
          kind: 'revoke',
          target: 'org:No Such Org',
          reason: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('an operator pulls, lists and lifts; the gateway follows', async () => {
    const pulled = await api('POST', '/api/safeguards/levers', operatorKey, {
      kind: 'restrict',
      target: 'org:routes org',
      tier: 0,
      for: '2h',
      reason: 'exploit requests under review',
    });
    expect(pulled.status).toBe(201);
    const lever = (
      pulled.body as { lever: { id: string; target: string; actor: string; expires_at: string } }
    ).lever;
    expect(lever.target).toBe(`org:${orgId}`);
    expect(lever.actor).toMatch(/^user:/);
    expect(Date.parse(lever.expires_at) - Date.now()).toBeGreaterThan(119 * 60_000);
    let status = await chat();
    for (let i = 0; i < 50 && status === 200; i++) {
      await sleep(20);
      status = await chat();
    }
    expect(status).toBe(403);
    const list = await api('GET', `/api/safeguards/levers?target=org:${orgId}`, operatorKey);
    expect((list.body as { id: string }[]).map((l) => l.id)).toEqual([lever.id]);
    const lifted = await api('POST', '/api/safeguards/levers/lift', operatorKey, {
      target: `org:${orgId}`,
      reason: 'reviewed',
    });
    expect(lifted.status).toBe(200);
    expect((lifted.body as { lifted_by: string }[])[0]?.lifted_by).toMatch(/^user:/);
    for (let i = 0; i < 50 && status !== 200; i++) {
      await sleep(20);
      status = await chat();
    }
    expect(status).toBe(200);
    const again = await api('POST', '/api/safeguards/levers/lift', operatorKey, {
      target: `org:${orgId}`,
      reason: 'x',
    });
    expect(again.status).toBe(404);
    expect((await api('GET', '/api/safeguards/risk', operatorKey)).status).toBe(200);
  });
});
