/**
 * The access API on a real server (same composition as `serve`): what each kind
 * of caller gets, and the security bar — for every route, no credentials, a
 * revoked key, an expired key, a key of another organization and a tier too low
 * are refused with the right status, and nothing in the access tables changes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { type Access, createAccess } from './access-service.js';
import type { AccessTables } from './access-tables.js';
import { silentLogger } from './test-support/access-fixture.js';

const operator = { id: 'operator:test' };

describe('access routes', () => {
  let server: TestServer;
  let access: Access;
  let ip = 0;
  const world = {} as {
    orgA: string;
    orgB: string;
    hub: string;
    alice: string; // owner of A, passkey account
    bob: string; // analyst of A
    aliceKey: string;
    bobKey: string;
    carolKey: string; // owner of B
    orgAKey: string;
    orgAKeyId: string;
    revokedKey: string;
    expiredKey: string;
    operatorKey: string;
    hubKey: string;
    samCookie: string;
  };

  const call = async (
    method: string,
    path: string,
    key?: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ) => {
    ip = (ip % 250) + 1;
    const headers: Record<string, string> = { 'x-forwarded-for': `203.0.113.${ip}`, ...extra };
    if (key !== undefined) headers.authorization = `Bearer ${key}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>),
    };
  };

  const addUser = async (email: string, passkey: boolean, staff: string[] = []) => {
    const id = randomUUID();
    const db = server.platform.store.db<AccessTables>();
    await db
      .insertInto('access_user')
      .values({
        id,
        email,
        display_name: email.split('@')[0] as string,
        created_at: Date.now(),
        email_verified_at: Date.now(),
        password_hash: null,
        totp_secret: null,
        totp_enabled_at: null,
        advanced_protection: 0,
        staff_roles: JSON.stringify(staff),
        disabled_at: null,
      })
      .execute();
    if (passkey)
      await db
        .insertInto('access_passkey')
        .values({
          id: randomUUID(),
          user_id: id,
          public_key: 'test',
          counter: 0,
          transports: '[]',
          name: 'Key',
          backed_up: 0,
          created_at: Date.now(),
          last_used_at: null,
        })
        .execute();
    return id;
  };
  const personalKey = async (userId: string) =>
    (await access.keys.create({ owner: { type: 'user', id: userId } }, operator)).key;

  /** Everything in the access tables, to prove a refused request changed nothing. */
  const snapshot = async () => {
    const db = server.platform.store.db<AccessTables>();
    const tables = [
      'access_user',
      'access_org',
      'access_member',
      'access_tier_grant',
      'access_api_key',
      'access_invitation',
    ] as const;
    const out: Record<string, unknown> = {};
    for (const t of tables) out[t] = await db.selectFrom(t).selectAll().execute();
    // last_used_at moves on every accepted use; it is not a change a caller makes.
    out.access_api_key = (out.access_api_key as { last_used_at: unknown }[]).map(
      ({ last_used_at: _, ...k }) => k,
    );
    return JSON.stringify(out);
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { SHIELDWALL_TRUST_PROXY: 'true' } });
    access = createAccess({
      store: server.platform.store,
      bus: server.platform.bus,
      audit: server.platform.audit,
      limiter: server.platform.limiter,
      logger: silentLogger,
    });
    const d = access.directory;
    world.orgA = (await d.createOrg({ name: 'Acme Water', tier: 2 }, operator)).id;
    world.orgB = (await d.createOrg({ name: 'Borough Schools', tier: 2 }, operator)).id;
    world.hub = (await d.createOrg({ name: 'State ISAC', tier: 3 }, operator)).id;
    await d.setVouchCap(world.hub, 2, 'state program', operator);
    world.alice = await addUser('alice@acme.example', true);
    world.bob = await addUser('bob@acme.example', true);
    const carol = await addUser('carol@borough.example', true);
    const dave = await addUser('dave@isac.example', true);
    const olga = await addUser('olga@operator.example', true, ['operator']);
    await d.addMember(world.orgA, world.alice, 'owner', operator);
    await d.addMember(world.orgA, world.bob, 'analyst', operator);
    await d.addMember(world.orgB, carol, 'owner', operator);
    await d.addMember(world.hub, dave, 'admin', operator);
    world.aliceKey = await personalKey(world.alice);
    world.bobKey = await personalKey(world.bob);
    world.carolKey = await personalKey(carol);
    world.hubKey = await personalKey(dave);
    world.operatorKey = await personalKey(olga);
    const orgKey = await access.keys.create(
      { owner: { type: 'org', id: world.orgA }, name: 'ci' },
      operator,
    );
    world.orgAKey = orgKey.key;
    world.orgAKeyId = orgKey.info.id;
    const revoked = await access.keys.create(
      { owner: { type: 'user', id: world.alice } },
      operator,
    );
    await access.keys.revoke(revoked.info.id, 'test', operator);
    world.revokedKey = revoked.key;
    const expired = await access.keys.create(
      { owner: { type: 'user', id: world.alice }, expiresInMs: 1 },
      operator,
    );
    world.expiredKey = expired.key;
    // A person signed in with a session cookie, owner of Acme, for the CSRF cases.
    const up = await call('POST', '/api/access/account/sign-up', undefined, {
      email: 'sam@acme.example',
      display_name: 'Sam',
      password: 'quiet meadow sparrow 61',
    });
    expect(up.status).toBeLessThan(300);
    const mail = await server.platform.store
      .db<{ access_mail_outbox: { to_address: string; body: string } }>()
      .selectFrom('access_mail_outbox')
      .select('body')
      .where('to_address', '=', 'sam@acme.example')
      .executeTakeFirstOrThrow();
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
    await call('POST', '/api/access/account/verify-email', undefined, { token });
    const res = await fetch(`${server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.251' },
      body: JSON.stringify({ email: 'sam@acme.example', password: 'quiet meadow sparrow 61' }),
    });
    world.samCookie = /sw_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] as string;
    expect(world.samCookie).toBeDefined();
    const sam = await server.platform.store
      .db<AccessTables>()
      .selectFrom('access_user')
      .select('id')
      .where('email', '=', 'sam@acme.example')
      .executeTakeFirstOrThrow();
    await d.addMember(world.orgA, sam.id, 'owner', operator);
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  it('GET /api/access/me says who the credentials belong to', async () => {
    const me = await call('GET', '/api/access/me', world.aliceKey);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      kind: 'user',
      email: 'alice@acme.example',
      tier: { level: 2 },
      security: 'phishing_resistant',
      via: 'key',
      orgs: [{ id: world.orgA, role: 'owner' }],
    });
    expect(me.body?.capabilities).toContain('intel.write');
    const org = await call('GET', '/api/access/me', world.orgAKey);
    expect(org.body).toMatchObject({
      kind: 'org',
      id: world.orgA,
      name: 'Acme Water',
      tier: { level: 2 },
      key: { id: world.orgAKeyId, expires_at: null },
    });
    for (const key of [
      undefined,
      world.revokedKey,
      world.expiredKey,
      `${world.orgAKeyId}_${'x'.repeat(38)}`,
      'nonsense',
    ]) {
      const res = await call('GET', '/api/access/me', key);
      expect(res.status, String(key)).toBe(401);
      expect(res.body?.code).toBe('unauthenticated');
    }
  });

  it('Basic auth with the key as the password works (TAXII clients)', async () => {
    const res = await fetch(`${server.url}/api/access/me`, {
      headers: {
        authorization: `Basic ${Buffer.from(`taxii:${world.orgAKey}`).toString('base64')}`,
      },
    });
    expect(res.status).toBe(200);
  });

  it('GET /api/access/tiers is public', async () => {
    const res = await call('GET', '/api/access/tiers');
    expect(res.status).toBe(200);
    expect(res.body?.tiers).toHaveLength(5);
  });

  it('a member creates keys for the org only as an admin; the key is shown once and listed without its secret', async () => {
    const denied = await call('POST', '/api/access/keys', world.bobKey, {
      org: world.orgA,
      name: 'bob',
    });
    expect(denied.status).toBe(403);
    const created = await call('POST', '/api/access/keys', world.aliceKey, {
      org: world.orgA,
      name: 'deploy',
      capabilities: ['intel.read:green'],
      expires: '30d',
    });
    expect(created.status).toBe(201);
    const key = created.body?.key as string;
    const list = await call('GET', `/api/access/keys?org=${world.orgA}`, world.aliceKey);
    expect(JSON.stringify(list.body)).not.toContain(key.slice(21));
    const me = await call('GET', '/api/access/me', key);
    expect(me.body?.capabilities).toEqual(['intel.read:green']);
    // Revoking through the API stops it at once on this instance.
    const revoked = await call(
      'DELETE',
      `/api/access/keys/${created.body?.id as string}`,
      world.aliceKey,
      { reason: 'test' },
    );
    expect(revoked.status).toBe(200);
    expect((await call('GET', '/api/access/me', key)).status).toBe(401);
  });

  it('a key revoked by another process (the CLI) stops working within a second', async () => {
    const { info, key } = await access.keys.create(
      { owner: { type: 'org', id: world.orgB } },
      operator,
    );
    expect((await call('GET', '/api/access/me', key)).status).toBe(200);
    const started = Date.now();
    await access.keys.revoke(info.id, 'leaked', operator);
    await vi.waitFor(
      async () => expect((await call('GET', '/api/access/me', key)).status).toBe(401),
      { timeout: 1000, interval: 20 },
    );
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('intermediaries vouch through the API up to their cap', async () => {
    const small = await access.directory.createOrg({ name: 'Small Town Water' }, operator);
    const over = await call('POST', `/api/access/orgs/${world.hub}/vouches`, world.hubKey, {
      org: small.id,
      tier: 3,
      reason: 'member',
    });
    expect(over.status).toBe(403);
    const ok = await call('POST', `/api/access/orgs/${world.hub}/vouches`, world.hubKey, {
      org: 'small town water',
      tier: 2,
      reason: 'ISAC member',
    });
    expect(ok.status).toBe(201);
    const list = await call('GET', `/api/access/orgs/${world.hub}/vouches`, world.hubKey);
    expect((list.body as unknown as { id: string }[]).map((g) => g.id)).toEqual([ok.body?.id]);
    // Acme (tier 2) holds no access.vouch: refused even for its owner.
    const notHub = await call('POST', `/api/access/orgs/${world.orgA}/vouches`, world.aliceKey, {
      org: small.id,
      tier: 1,
      reason: 'x',
    });
    expect(notHub.status).toBe(403);
  });

  it('operators set tiers; a tier change reaches keys at once', async () => {
    const before = await call('GET', '/api/access/me', world.carolKey);
    expect(before.body?.tier).toMatchObject({ level: 2 });
    const res = await call('PUT', `/api/access/admin/orgs/${world.orgB}/tier`, world.operatorKey, {
      tier: 4,
      reason: 'state CERT',
    });
    expect(res.status).toBe(200);
    await vi.waitFor(async () =>
      expect((await call('GET', '/api/access/me', world.carolKey)).body?.tier).toMatchObject({
        level: 4,
      }),
    );
  });

  /*
   * The security bar, route by route. `scope` says what the route protects:
   * 'orgA' (a resource of Acme: other orgs get 404), 'tier' (a capability Acme's
   * members lack: 403) or 'self' (only needs an account).
   */
  const routes: {
    method: string;
    path: () => string;
    body?: () => unknown;
    other?: number;
    low?: () => string;
  }[] = [
    { method: 'GET', path: () => `/api/access/orgs/${world.orgA}`, other: 404 },
    { method: 'GET', path: () => `/api/access/orgs/${world.orgA}/members`, other: 404 },
    {
      method: 'PUT',
      path: () => `/api/access/orgs/${world.orgA}/members/${world.bob}`,
      body: () => ({ role: 'admin' }),
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'DELETE',
      path: () => `/api/access/orgs/${world.orgA}/members/${world.bob}`,
      other: 404,
    },
    {
      method: 'POST',
      path: () => `/api/access/orgs/${world.orgA}/invitations`,
      body: () => ({ email: 'x@acme.example', role: 'member' }),
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'GET',
      path: () => `/api/access/orgs/${world.orgA}/invitations`,
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'GET',
      path: () => `/api/access/keys?org=${world.orgA}`,
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'POST',
      path: () => '/api/access/keys',
      body: () => ({ org: world.orgA }),
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'POST',
      path: () => `/api/access/keys/${world.orgAKeyId}/rotate`,
      body: () => ({}),
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'DELETE',
      path: () => `/api/access/keys/${world.orgAKeyId}`,
      body: () => ({}),
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'GET',
      path: () => `/api/access/orgs/${world.orgA}/vouches`,
      other: 404,
      low: () => world.bobKey,
    },
    {
      method: 'POST',
      path: () => `/api/access/orgs/${world.hub}/vouches`,
      body: () => ({ org: world.orgA, tier: 1, reason: 'x' }),
      low: () => world.aliceKey,
    },
    { method: 'GET', path: () => '/api/access/admin/orgs', low: () => world.aliceKey },
    {
      method: 'PUT',
      path: () => `/api/access/admin/orgs/${world.orgA}/tier`,
      body: () => ({ tier: 4, reason: 'x' }),
      low: () => world.aliceKey,
    },
    {
      method: 'PUT',
      path: () => `/api/access/admin/orgs/${world.orgA}/vouch-cap`,
      body: () => ({ cap: 4, reason: 'x' }),
      low: () => world.aliceKey,
    },
    { method: 'POST', path: () => '/api/access/orgs', body: () => ({ name: 'Should Not Exist' }) },
    {
      method: 'POST',
      path: () => '/api/access/invitations/accept',
      body: () => ({ token: 'a'.repeat(32) }),
    },
  ];

  for (const r of routes) {
    it(`${r.method} ${
      r.path
        .toString()
        .match(/`([^`]*)`|'([^']*)'/)
        ?.slice(1)
        .find(Boolean) ?? ''
    }: refused for bad credentials, other orgs and low tiers, and nothing changes`, async () => {
      const before = await snapshot();
      const attempts: [string | undefined, number, string][] = [
        [undefined, 401, 'no credentials'],
        [world.revokedKey, 401, 'revoked key'],
        [world.expiredKey, 401, 'expired key'],
        [`${world.orgAKeyId}_${'A'.repeat(38)}`, 401, 'forged key'],
      ];
      if (r.other !== undefined) attempts.push([world.carolKey, r.other, 'another organization']);
      if (r.low !== undefined) attempts.push([r.low(), 403, 'lower tier or role']);
      for (const [key, status, what] of attempts) {
        const res = await call(r.method, r.path(), key, r.body?.());
        expect(res.status, `${what}: ${JSON.stringify(res.body)}`).toBe(status);
        expect(res.body?.code).toBeTypeOf('string');
      }
      // A forged session cookie: 401. A real session without its CSRF token on a change: 403.
      const forged = await call(r.method, r.path(), undefined, r.body?.(), {
        cookie: `sw_session=${'Q'.repeat(43)}`,
      });
      expect(forged.status, JSON.stringify(forged.body)).toBe(401);
      if (r.method !== 'GET') {
        const csrf = await call(r.method, r.path(), undefined, r.body?.(), {
          cookie: `sw_session=${world.samCookie}`,
        });
        expect(csrf.status, JSON.stringify(csrf.body)).toBe(403);
        expect(csrf.body?.code).toBe('csrf_failed');
      }
      expect(await snapshot()).toBe(before);
    });
  }

  it('cross-organization reads are 404, never 403', async () => {
    const res = await call('GET', `/api/access/orgs/${world.orgA}/members`, world.carolKey);
    expect(res.status).toBe(404);
    const org = await call('GET', `/api/access/orgs/${randomUUID()}`, world.carolKey);
    expect(org.status).toBe(404);
  });

  it('failed credentials are rate-limited per address', async () => {
    const headers = {
      'x-forwarded-for': '192.0.2.77',
      authorization: `Bearer ${world.revokedKey}`,
    };
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++)
      statuses.push((await fetch(`${server.url}/api/access/me`, { headers })).status);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
