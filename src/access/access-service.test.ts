/**
 * The access service on a real SQLite store (and once on PostgreSQL): orgs,
 * tiers, intermediaries, API keys and the authenticator's cache.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import type { AccessTables } from './access-tables.js';
import { DEFAULT_TIERS_YAML } from './engine/index.js';
import { type AccessFixture, accessFixture } from './test-support/access-fixture.js';

const operator = { id: 'operator:test' };

async function addUser(
  fx: AccessFixture,
  email: string,
  extra: Partial<AccessTables['access_user']> = {},
) {
  const id = randomUUID();
  await fx.store
    .db<AccessTables>()
    .insertInto('access_user')
    .values({
      id,
      email,
      display_name: email,
      created_at: fx.clock(),
      email_verified_at: null,
      password_hash: null,
      totp_secret: null,
      totp_enabled_at: null,
      advanced_protection: 0,
      staff_roles: '[]',
      disabled_at: null,
      ...extra,
    })
    .execute();
  return id;
}

function suite(name: string, open: () => Promise<AccessFixture>) {
  describe(name, () => {
    let fx: AccessFixture;
    beforeAll(async () => {
      fx = await open();
    });
    afterAll(async () => {
      await fx?.close();
    });

    it('creates an org with a tier, audited, and refuses a duplicate name', async () => {
      const org = await fx.access.directory.createOrg(
        { name: 'Acme  Water', tier: 3, reason: 'known operator' },
        operator,
      );
      expect(org).toMatchObject({ name: 'Acme Water', tier: 3, vouchCap: null });
      // Tier 3 grants last as long as the policy says (180 days).
      expect(org.tierExpiresAt).toBe(fx.clock() + 180 * 86_400_000);
      await expect(
        fx.access.directory.createOrg({ name: 'ACME WATER' }, operator),
      ).rejects.toMatchObject({ code: 'org_exists' });
      const page = await fx.audit.entries({ limit: 1000 });
      const actions = page.entries.map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['access.org.created', 'access.tier.granted']),
      );
    });

    it('an API key authenticates as its org with the tier’s capabilities, and not after revocation', async () => {
      const org = await fx.access.directory.createOrg(
        { name: `Key Org ${randomUUID()}`, tier: 2 },
        operator,
      );
      const { key, info } = await fx.access.keys.create(
        { owner: { type: 'org', id: org.id } },
        operator,
      );
      expect(key).toMatch(/^sw_live_/);
      const p = await fx.access.authenticator.authenticateKey(key);
      expect(p).toMatchObject({ kind: 'org', orgId: org.id, tier: 2 });
      expect(p?.capabilities.has('intel.write')).toBe(true);
      expect(p?.capabilities.has('ai.cyber.exploit-dev')).toBe(false);
      // Wrong secret with the right id: refused.
      const forged = `${info.id}_${'A'.repeat(32)}`;
      expect(await fx.access.authenticator.authenticateKey(forged)).toBeNull();
      await fx.access.keys.revoke(info.id, 'test', operator);
      await vi.waitFor(
        async () => expect(fx.access.authenticator.authenticateKeyCached(key)).not.toBe(p),
        { timeout: 2000 },
      );
      expect(await fx.access.authenticator.authenticateKey(key)).toBeNull();
      // Only the key's holder (who has its secret) learns that it was revoked (the gateway's key_revoked).
      expect(await fx.access.authenticator.refusal(key)).toBe('revoked');
      expect(await fx.access.authenticator.refusal(forged)).toBe('invalid');
      const stored = JSON.stringify(
        await fx.store.db<AccessTables>().selectFrom('access_api_key').selectAll().execute(),
      );
      expect(stored).not.toContain(key.slice(21, 53));
    });

    it('a scoped key has only the intersection of its scope and its tier', async () => {
      const org = await fx.access.directory.createOrg(
        { name: `Scoped ${randomUUID()}`, tier: 1 },
        operator,
      );
      const { key } = await fx.access.keys.create(
        {
          owner: { type: 'org', id: org.id },
          scope: ['intel.read:green', 'intel.write', 'scam.*'],
        },
        operator,
      );
      const p = await fx.access.authenticator.authenticateKey(key);
      expect([...(p?.capabilities ?? [])].sort()).toEqual([
        'intel.read:green',
        'scam.check',
        'scam.report',
      ]);
    });

    it('expired keys stop working at their expiry', async () => {
      const org = await fx.access.directory.createOrg(
        { name: `Expiring ${randomUUID()}` },
        operator,
      );
      const { key } = await fx.access.keys.create(
        { owner: { type: 'org', id: org.id }, expiresInMs: 20_000 },
        operator,
      );
      expect(await fx.access.authenticator.authenticateKey(key)).not.toBeNull();
      fx.clock.advance(19_999);
      expect(fx.access.authenticator.authenticateKeyCached(key)).not.toBeNull();
      // From the cache (its time-to-live is longer) and from the store alike.
      fx.clock.advance(1);
      expect(fx.access.authenticator.authenticateKeyCached(key)).toBeNull();
      expect(await fx.access.authenticator.authenticateKey(key)).toBeNull();
    });

    it('rotation: the new key works, the old one until the overlap ends', async () => {
      const org = await fx.access.directory.createOrg(
        { name: `Rotating ${randomUUID()}` },
        operator,
      );
      const first = await fx.access.keys.create(
        { owner: { type: 'org', id: org.id }, name: 'ci' },
        operator,
      );
      const rotated = await fx.access.keys.rotate(first.info.id, operator, 3_600_000);
      expect(rotated.info).toMatchObject({ name: 'ci', rotatedFrom: first.info.id });
      expect(await fx.access.authenticator.authenticateKey(rotated.key)).not.toBeNull();
      await vi.waitFor(async () =>
        expect(await fx.access.authenticator.authenticateKey(first.key)).not.toBeNull(),
      );
      fx.clock.advance(3_600_001);
      expect(await fx.access.authenticator.authenticateKey(first.key)).toBeNull();
      expect(await fx.access.authenticator.authenticateKey(rotated.key)).not.toBeNull();
    });

    it('tier changes reach cached principals through the bus', async () => {
      const org = await fx.access.directory.createOrg(
        { name: `Moving ${randomUUID()}`, tier: 1 },
        operator,
      );
      const { key } = await fx.access.keys.create({ owner: { type: 'org', id: org.id } }, operator);
      expect((await fx.access.authenticator.authenticateKey(key))?.tier).toBe(1);
      await fx.access.directory.setTier(
        { type: 'org', id: org.id },
        3,
        'verified as a water utility',
        operator,
      );
      await vi.waitFor(
        () => expect(fx.access.authenticator.authenticateKeyCached(key)).toBeUndefined(),
        { timeout: 2000 },
      );
      expect((await fx.access.authenticator.authenticateKey(key))?.tier).toBe(3);
      // An expired grant falls back to tier 0.
      fx.clock.advance(181 * 86_400_000);
      expect((await fx.access.authenticator.authenticateKey(key))?.tier).toBe(0);
    });

    it('intermediaries vouch up to their cap, see and revoke what they granted', async () => {
      const hub = await fx.access.directory.createOrg(
        { name: `Regional ISAC ${randomUUID()}`, tier: 3 },
        operator,
      );
      const hospital = await fx.access.directory.createOrg(
        { name: `County Hospital ${randomUUID()}` },
        operator,
      );
      await expect(
        fx.access.directory.vouch(hub.id, hospital.id, 2, 'member', operator),
      ).rejects.toMatchObject({ code: 'vouch_over_cap' });
      await fx.access.directory.setVouchCap(
        hub.id,
        2,
        'signed the intermediary agreement',
        operator,
      );
      await expect(
        fx.access.directory.vouch(hub.id, hospital.id, 3, 'member', operator),
      ).rejects.toMatchObject({ code: 'vouch_over_cap' });
      const grant = await fx.access.directory.vouch(
        hub.id,
        hospital.id,
        2,
        'ISAC member since 2019',
        { id: `org:${hub.id}` },
      );
      expect((await fx.access.directory.getOrg(hospital.id)).tier).toBe(2);
      expect((await fx.access.directory.vouchesBy(hub.id)).map((g) => g.id)).toEqual([grant.id]);
      // Another intermediary cannot revoke it.
      await expect(
        fx.access.directory.revokeGrant(grant.id, 'no', operator, 'someone-else'),
      ).rejects.toMatchObject({ code: 'not_found' });
      await fx.access.directory.revokeGrant(
        grant.id,
        'left the ISAC',
        { id: `org:${hub.id}` },
        hub.id,
      );
      expect((await fx.access.directory.getOrg(hospital.id)).tier).toBe(0);
      const denied = (await fx.audit.entries({ limit: 1000 })).entries.filter(
        (e) => e.action === 'access.tier.vouched',
      );
      expect(denied.map((e) => e.outcome)).toEqual(['denied', 'denied', 'success']);
    });

    it('a member’s tier comes from the org but is capped by account security', async () => {
      const org = await fx.access.directory.createOrg(
        { name: `Utility ${randomUUID()}`, tier: 3 },
        operator,
      );
      const pw = await addUser(fx, `pw-${randomUUID()}@example.org`, {
        password_hash: '$argon2id$x',
      });
      const pk = await addUser(fx, `pk-${randomUUID()}@example.org`);
      await fx.store
        .db<AccessTables>()
        .insertInto('access_passkey')
        .values({
          id: randomUUID(),
          user_id: pk,
          public_key: 'x',
          counter: 0,
          transports: '[]',
          name: 'Key',
          backed_up: 0,
          created_at: 0,
          last_used_at: null,
        })
        .execute();
      await fx.access.directory.addMember(org.id, pw, 'analyst', operator);
      await fx.access.directory.addMember(org.id, pk, 'analyst', operator);
      // Password only: tier 0 (tier 1 needs MFA). Passkey only: phishing-resistant, the org's tier 3.
      expect((await fx.access.authenticator.userPrincipal(pw))?.tier).toBe(0);
      const p = await fx.access.authenticator.userPrincipal(pk);
      expect(p?.tier).toBe(3);
      expect(p?.orgs.get(org.id)).toBe('analyst');
    });

    it('staff roles add their capabilities', async () => {
      const u = await addUser(fx, `staff-${randomUUID()}@example.org`, {
        staff_roles: '["verifier"]',
      });
      expect(
        (await fx.access.authenticator.userPrincipal(u))?.capabilities.has('access.review'),
      ).toBe(true);
    });

    it('last-used times are written in batches, not on the hot path', async () => {
      const org = await fx.access.directory.createOrg({ name: `Used ${randomUUID()}` }, operator);
      const { key, info } = await fx.access.keys.create(
        { owner: { type: 'org', id: org.id } },
        operator,
      );
      await fx.access.authenticator.authenticateKey(key);
      expect((await fx.access.keys.info(info.id)).lastUsedAt).toBeNull();
      await fx.access.authenticator.close(); // flushes
      expect((await fx.access.keys.info(info.id)).lastUsedAt).toBe(fx.clock());
    });
  });
}

suite('access service (SQLite)', () => accessFixture());

const pgUrl = await requireService('postgres');
describe.skipIf(pgUrl === undefined)('on PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTempDatabase>>;
  beforeAll(async () => {
    db = await createTempDatabase(pgUrl as string);
  });
  afterAll(async () => {
    await db?.drop();
  });
  suite('access service (PostgreSQL)', () => accessFixture({ postgresUrl: db.url }));
});

describe('tier policy file', () => {
  let fx: AccessFixture | undefined;
  afterEach(async () => {
    await fx?.close();
    fx = undefined;
  });

  it('reloads a good change and keeps the last good policy on a bad one', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'sw-tiers-')), 'tiers.yaml');
    writeFileSync(file, DEFAULT_TIERS_YAML);
    fx = await accessFixture({ tiersFile: file });
    const before = fx.access.policy();
    expect(before.tiers[1]?.capabilities.has('vuln.scan')).toBe(true);
    writeFileSync(file, DEFAULT_TIERS_YAML.replace('vuln.scan, ', ''));
    await vi.waitFor(() => expect(fx?.access.policy()).not.toBe(before), { timeout: 3000 });
    const after = fx.access.policy();
    expect(after.tiers[1]?.capabilities.has('vuln.scan')).toBe(false);
    writeFileSync(file, DEFAULT_TIERS_YAML.replace('security: mfa', 'security: carrier-pigeon'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(fx.access.policy()).toBe(after);
    await vi.waitFor(async () => {
      const entries = (await fx?.audit.entries({ limit: 100 }))?.entries ?? [];
      expect(entries.filter((e) => e.action === 'access.policy.loaded')).toHaveLength(1);
    });
  });

  it('refuses to start on a broken file', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'sw-tiers-')), 'tiers.yaml');
    writeFileSync(file, 'version: 1\ntiers: []\n');
    await expect(accessFixture({ tiersFile: file })).rejects.toMatchObject({
      code: 'policy_invalid',
    });
  });
});
