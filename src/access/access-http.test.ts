/**
 * The gate on the real server: each tier's requests_per_minute per principal
 * (per address when anonymous), and 429 with Retry-After past it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { type Access, accessForPlatform } from './access-service.js';
import { DEFAULT_TIERS_YAML } from './engine/index.js';

describe('the gate applies each tier’s request rate', () => {
  let server: TestServer;
  let access: Access;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sw-rate-')), 'tiers.yaml');
    // Tier 0: 3 a minute; tier 1: 5 a minute.
    writeFileSync(
      file,
      DEFAULT_TIERS_YAML.replace('requests_per_minute: 300,', 'requests_per_minute: 3,').replace(
        'requests_per_minute: 600,',
        'requests_per_minute: 5,',
      ),
    );
    server = await startTestServer({
      env: { SHIELDWALL_TIERS_FILE: file, SHIELDWALL_TRUST_PROXY: 'true' },
    });
    access = accessForPlatform(server.platform);
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  const me = (key: string | undefined, ip: string) =>
    fetch(`${server.url}/api/access/me`, {
      headers: {
        'x-forwarded-for': ip,
        ...(key === undefined ? {} : { authorization: `Bearer ${key}` }),
      },
    });

  it('counts per principal, at its tier’s rate, with Retry-After', async () => {
    const org = await access.directory.createOrg({ name: 'Rated', tier: 1 }, { id: 'test' });
    const { key } = await access.keys.create(
      { owner: { type: 'org', id: org.id } },
      { id: 'test' },
    );
    // From a new address each time: the limit follows the key, not the address.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await me(key, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await me(key, '198.51.100.77');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ code: 'rate_limited' });
  });

  it('anonymous callers are counted per address at tier 0’s rate', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await me(undefined, '203.0.113.9')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await me(undefined, '203.0.113.10')).status).toBe(401);
  });
});
