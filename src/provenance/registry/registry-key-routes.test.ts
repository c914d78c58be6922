/**
 * Taking registry trust back, over HTTP and from the operator's CLI: an organization's
 * signing keys listed to its members and withdrawn by its signed-in admins (never by an
 * API key, never by a member), an API key's environment binding removed by whoever may
 * bind it; every change audited, pushes then refused the withdrawn key.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices, DEFAULT_TIERS_YAML } from '../../access/index.js';
import { cliOn } from '../../platform/test-support/in-process-cli.js';
import { createTempDatabase, requireService } from '../../platform/test-support/services.js';
import { type SignedInPerson, signedInPerson } from '../../platform/test-support/signed-in.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { generateKeys } from '../key-material.js';
import { addSigningKeyAs, bindKeyAs, keyEnvironment } from './registry-admin.js';
import { registryServices } from './wire-registry.js';

const pgUrl = await requireService('postgres');
const operator = { id: 'operator:key-routes-test' };

const variants: { name: string; store: () => Promise<{ url?: string; drop(): Promise<void> }> }[] =
  [
    { name: 'SQLite', store: async () => ({ drop: async () => undefined }) },
    ...(pgUrl === undefined
      ? []
      : [{ name: 'PostgreSQL', store: () => createTempDatabase(pgUrl, 'sw_regkeys') }]),
  ];

describe.each(variants)('registry trust taken back on $name', ({ store: makeStore }) => {
  let server: TestServer;
  let drop: () => Promise<void> = async () => {};
  let dir: string;
  let orgId: string;
  let admin: SignedInPerson;
  let member: SignedInPerson;
  let outsider: SignedInPerson;
  let orgKey: { key: string; id: string };
  let hint: string;

  const call = async (
    method: string,
    path: string,
    who: SignedInPerson | string | null,
  ): Promise<{ status: number; body: Record<string, unknown> & { code?: string } }> => {
    const headers: Record<string, string> =
      who === null
        ? {}
        : typeof who === 'string'
          ? { authorization: `Bearer ${who}` }
          : { ...who.headers };
    if (method !== 'GET') delete headers['content-type'];
    const res = await fetch(`${server.url}${path}`, { method, headers });
    const text = await res.text();
    return { status: res.status, body: text === '' ? {} : JSON.parse(text) };
  };
  const actions = async () =>
    (await server.platform.audit.entries({ from: 0, limit: 1000 })).entries.map((e) => e.action);

  beforeAll(async () => {
    const db = await makeStore();
    dir = mkdtempSync(join(tmpdir(), 'sw-regkeys-'));
    // Tier 1 and up need a second factor; people here sign in with a password alone, so
    // the public tier gets the registry's capabilities for this test.
    const tiers = join(dir, 'tiers.yaml');
    writeFileSync(
      tiers,
      DEFAULT_TIERS_YAML.replace(
        'capabilities: [scam.check,',
        'capabilities: [model.registry.read, model.registry.write, scam.check,',
      ),
    );
    drop = async () => {
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    };
    server = await startTestServer({
      env: {
        SHIELDWALL_TIERS_FILE: tiers,
        ...(db.url === undefined ? {} : { SHIELDWALL_STORE: db.url }),
      },
    });
    const access = await accessServices(server.platform);
    const { store, audit } = server.platform;
    orgId = (
      await access.directory.createOrg(
        { name: `Key Lab ${randomUUID().slice(0, 6)}`, tier: 3 },
        operator,
      )
    ).id;
    admin = await signedInPerson(server.url);
    member = await signedInPerson(server.url);
    outsider = await signedInPerson(server.url);
    await access.directory.addMember(orgId, admin.userId, 'admin', operator);
    await access.directory.addMember(orgId, member.userId, 'analyst', operator);
    const k = await access.keys.create({ owner: { type: 'org', id: orgId } }, operator);
    orgKey = { key: k.key, id: k.info.id };
    const deps = { store, audit, now: Date.now };
    await bindKeyAs(deps, operator.id, orgKey.id, 'prod');
    hint = (
      await addSigningKeyAs(deps, operator.id, orgId, {
        name: 'release',
        publicKeyPem: generateKeys('ed25519').publicPem,
      })
    ).hint;
    await access.close();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await drop();
  });

  it("lists the organization's signing keys to its members only", async () => {
    const listed = await call('GET', `/api/models/signing-keys?orgId=${orgId}`, member);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ hint, orgId, name: 'release', revokedAt: null }),
    ]);
    // Someone else's organization: answered as if it did not exist.
    expect((await call('GET', `/api/models/signing-keys?orgId=${orgId}`, outsider)).status).toBe(
      404,
    );
    expect((await call('GET', `/api/models/signing-keys?orgId=${orgId}`, null)).status).toBe(401);
  });

  it('lets a signed-in admin withdraw a key, not an API key or a member, and audits it', async () => {
    const path = `/api/models/signing-keys/${hint}?orgId=${orgId}`;
    const byKey = await call('DELETE', path, orgKey.key);
    expect(byKey.status).toBe(403);
    expect(byKey.body.code).toBe('session_required');
    expect((await call('DELETE', path, member)).status).toBe(403);
    expect(
      (await call('DELETE', `/api/models/signing-keys/not-a-hint?orgId=${orgId}`, admin)).status,
    ).toBe(400);
    const services = await registryServices(server.platform);
    try {
      expect(await services.admin.trustedKeys(orgId)).toHaveLength(1);
      const done = await call('DELETE', path, admin);
      expect(done.status).toBe(200);
      expect(done.body).toEqual({ hint, orgId, signedArtifacts: 0 });
      // Pushes are checked against the trusted keys: none is left.
      expect(await services.admin.trustedKeys(orgId)).toEqual([]);
    } finally {
      await services.close();
    }
    const again = await call('DELETE', path, admin);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('signing_key_invalid');
    const listed = await call('GET', `/api/models/signing-keys?orgId=${orgId}`, member);
    expect((listed.body as unknown as { revokedAt: string | null }[])[0]?.revokedAt).toEqual(
      expect.any(String),
    );
    expect(await actions()).toContain('provenance.registry.signing-key.revoked');
  });

  it("removes a key's environment binding for its owner's admin only, signed in", async () => {
    const path = `/api/models/keys/${orgKey.id}/environment`;
    expect((await call('DELETE', path, orgKey.key)).body.code).toBe('session_required');
    expect((await call('DELETE', path, member)).status).toBe(404);
    expect((await call('DELETE', path, outsider)).status).toBe(404);
    expect(await keyEnvironment(server.platform.store, orgKey.id)).toBe('prod');
    expect((await call('DELETE', path, admin)).status).toBe(204);
    expect(await keyEnvironment(server.platform.store, orgKey.id)).toBeNull();
    expect((await call('DELETE', path, admin)).status).toBe(404);
    expect(await actions()).toContain('provenance.registry.key.unbound');
  });
});

describe('operators take trust back from the CLI', () => {
  it('lists, withdraws and unbinds on the installation data, audited under the operator', async () => {
    const server = await startTestServer();
    try {
      const access = await accessServices(server.platform);
      const org = await access.directory.createOrg(
        { name: `Cli Lab ${randomUUID().slice(0, 6)}` },
        operator,
      );
      const k = await access.keys.create({ owner: { type: 'org', id: org.id } }, operator);
      await access.close();
      const deps = { store: server.platform.store, audit: server.platform.audit, now: Date.now };
      await bindKeyAs(deps, operator.id, k.info.id, 'dev');
      const { hint: h } = await addSigningKeyAs(deps, operator.id, org.id, {
        name: 'ci',
        publicKeyPem: generateKeys('p256').publicPem,
      });
      const shieldwall = cliOn(server.dataDir);
      const listed = await shieldwall('--json', 'model', 'signing-keys', '--org', org.name);
      expect(listed.code).toBe(0);
      expect(JSON.parse(listed.stdout)).toEqual([
        expect.objectContaining({ hint: h, revokedAt: null }),
      ]);
      expect((await shieldwall('model', 'untrust-key', 'xyz', '--org', org.name)).code).toBe(2);
      const untrusted = await shieldwall('model', 'untrust-key', h, '--org', org.name);
      expect(untrusted.code).toBe(0);
      expect(untrusted.stdout).toContain('No longer trusted');
      const unbound = await shieldwall('--json', 'model', 'unbind-key', k.info.id);
      expect(unbound.code).toBe(0);
      expect(JSON.parse(unbound.stdout)).toEqual({ keyId: k.info.id, removed: true });
      expect((await shieldwall('model', 'unbind-key', k.info.id)).code).toBe(1);
      const entries = (await server.platform.audit.entries({ from: 0, limit: 1000 })).entries;
      const revoked = entries.find((e) => e.action === 'provenance.registry.signing-key.revoked');
      expect(revoked?.actor).toMatch(/^cli:/);
    } finally {
      await server.close();
    }
  });
});
