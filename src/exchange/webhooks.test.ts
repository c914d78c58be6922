/**
 * Webhooks on a real server: each organization's endpoint gets, signed, only
 * what it may read (TLP and sharing, as on TAXII); a failing endpoint is
 * retried; webhooks cannot be aimed at internal addresses unless allowed.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Access, accessServices } from '../access/index.js';
import { verifyWebhook } from '../platform/net/webhook-signature.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { DEFAULT_COLLECTION_ID } from './exchange-service.js';
import type { WebhookTables } from './webhook-tables.js';

const TAXII = 'application/taxii+json;version=2.1';

interface Received {
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** A receiving endpoint; `failFirst` answers 500 that many times first. */
async function receiver(failFirst = 0) {
  const got: Received[] = [];
  let failures = failFirst;
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
    });
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end();
        return;
      }
      got.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    got,
    close: () => new Promise((r) => server.close(r)),
  };
}

describe('intelligence webhooks', () => {
  let server: TestServer;
  let access: Access;
  const keys: Record<string, string> = {};
  const orgs: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer({ env: { SHIELDWALL_INTEL_WEBHOOKS_ALLOW_INTERNAL: 'true' } });
    access = await accessServices(server.platform);
    const op = { id: 'test' };
    for (const [name, tier] of [
      ['sharer', 2],
      ['green', 1],
      ['public', 0],
    ] as const) {
      const org = await access.directory.createOrg({ name: `Org ${name}`, tier }, op);
      orgs[name] = org.id;
      keys[name] = (await access.keys.create({ owner: { type: 'org', id: org.id } }, op)).key;
    }
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  const api = (method: string, path: string, who: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${keys[who]}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const hookFor = async (who: string, url: string) => {
    const res = await api('POST', `/api/intel/orgs/${orgs[who]}/webhooks`, who, { url });
    expect(res.status).toBe(201);
    return (await res.json()) as { webhook: { id: string }; secret: string };
  };
  const share = async (marking: string) => {
    const id = `indicator--${randomUUID()}`;
    const res = await fetch(
      `${server.url}/taxii2/default/collections/${DEFAULT_COLLECTION_ID}/objects/`,
      {
        method: 'POST',
        headers: { accept: TAXII, 'content-type': TAXII, authorization: `Bearer ${keys.sharer}` },
        body: JSON.stringify({
          objects: [
            {
              type: 'indicator',
              spec_version: '2.1',
              id,
              created: '2026-12-06T10:00:00.000Z',
              modified: '2026-12-06T10:00:00.000Z',
              pattern: `[domain-name:value = '${randomUUID()}.example']`,
              pattern_type: 'stix',
              valid_from: '2026-12-06T10:00:00Z',
              object_marking_refs: [marking],
            },
          ],
        }),
      },
    );
    expect(res.status).toBe(202);
    return id;
  };
  const ids = (got: Received[]) =>
    got.flatMap((r) =>
      (JSON.parse(r.body) as { data: { objects: { id: string }[] } }).data.objects.map((o) => o.id),
    );

  it('tells each organization, signed, only what it may read — and retries a failing endpoint', async () => {
    const sharerHook = await receiver();
    const greenHook = await receiver(1); // fails once, then accepts
    const publicHook = await receiver();
    const sharer = await hookFor('sharer', sharerHook.url);
    const green = await hookFor('green', greenHook.url);
    await hookFor('public', publicHook.url);

    const greenId = await share(TLP2_IDS.green);
    const amberId = await share(TLP2_IDS.amber);

    await vi.waitFor(
      () => expect(ids(sharerHook.got)).toEqual(expect.arrayContaining([greenId, amberId])),
      {
        timeout: 10_000,
      },
    );
    // The failing endpoint gets it on the retry (5 s later).
    await vi.waitFor(() => expect(ids(greenHook.got)).toEqual([greenId]), {
      timeout: 15_000,
      interval: 200,
    });
    expect(ids(greenHook.got)).not.toContain(amberId);
    expect(publicHook.got).toEqual([]);

    const first = sharerHook.got[0] as Received;
    expect(verifyWebhook(sharer.secret, first.headers, first.body, Date.now() / 1000)).toBe(true);
    expect(verifyWebhook(green.secret, first.headers, first.body, Date.now() / 1000)).toBe(false);
    expect(verifyWebhook(sharer.secret, first.headers, `${first.body} `, Date.now() / 1000)).toBe(
      false,
    );
    expect(verifyWebhook(sharer.secret, first.headers, first.body, Date.now() / 1000 + 3600)).toBe(
      false,
    );
    // Signing secrets are sealed at rest: the database alone does not let anyone forge deliveries.
    const stored = await server.platform.store
      .db<WebhookTables>()
      .selectFrom('exchange_webhooks')
      .select('secret')
      .execute();
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const row of stored) {
      expect(row.secret).toMatch(/^sw1\./);
      expect([sharer.secret, green.secret].some((s) => row.secret.includes(s))).toBe(false);
    }

    const deliveries = (await (
      await api(
        'GET',
        `/api/intel/orgs/${orgs.green}/webhooks/${green.webhook.id}/deliveries`,
        'green',
      )
    ).json()) as { deliveries: { status: string; attempts: number; last_status: number }[] };
    expect(deliveries.deliveries[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      last_status: 204,
    });

    // Another organization cannot see or remove it.
    expect((await api('GET', `/api/intel/orgs/${orgs.green}/webhooks`, 'sharer')).status).toBe(404);
    expect(
      (await api('DELETE', `/api/intel/orgs/${orgs.green}/webhooks/${green.webhook.id}`, 'green'))
        .status,
    ).toBe(204);
    await Promise.all([sharerHook.close(), greenHook.close(), publicHook.close()]);
  });

  it('refuses bad webhook URLs', async () => {
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/x', 'not a url'])
      expect(
        (await api('POST', `/api/intel/orgs/${orgs.sharer}/webhooks`, 'sharer', { url })).status,
      ).toBe(400);
  });
});
