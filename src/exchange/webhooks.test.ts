/**
 * Webhooks on a real server: each organization's endpoint gets, signed, only
 * what it may read (TLP and sharing, as on TAXII); a failing endpoint is
 * retried; webhooks cannot be aimed at internal addresses unless allowed.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Access, accessServices } from '../access/index.js';
import { RETRY_AFTER_S, takeTestMessage } from '../platform/net/delivery-schedule.js';
import { verifyWebhook } from '../platform/net/webhook-signature.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { TLP2_IDS } from './engine/stix/index.js';
import { createExchange, DEFAULT_COLLECTION_ID } from './exchange-service.js';
import type { WebhookTables } from './webhook-tables.js';
import { DISABLE_AFTER } from './webhooks.js';

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

  const audited = async (action: string, subject: string) => {
    const page = await server.platform.audit.entries({ from: 0, limit: 1000 });
    return page.entries.filter((e) => e.action === action && e.subject === subject);
  };

  it('an admin turns a webhook that was turned off back on, and sends it a signed test message', async () => {
    const endpoint = await receiver(1); // the first attempt fails: the test message waits for its retry
    const hook = await hookFor('green', endpoint.url);
    const path = `/api/intel/orgs/${orgs.green}/webhooks/${hook.webhook.id}`;
    const rows = () =>
      server.platform.store
        .db<WebhookTables>()
        .selectFrom('exchange_webhooks')
        .select(['enabled', 'failed_in_a_row'])
        .where('id', '=', hook.webhook.id)
        .executeTakeFirstOrThrow();
    // As the delivery loop leaves a hook whose deliveries failed every retry five times in a row.
    await server.platform.store
      .db<WebhookTables>()
      .updateTable('exchange_webhooks')
      .set({ enabled: 0, failed_in_a_row: 5 })
      .where('id', '=', hook.webhook.id)
      .execute();

    expect((await api('POST', `${path}/test`, 'green')).status).toBe(409);
    // Another organization cannot turn it on; a body with anything else is refused.
    expect((await api('PATCH', path, 'sharer', { enabled: true })).status).toBe(404);
    expect(
      (await api('PATCH', path, 'green', { enabled: true, url: 'https://x.example' })).status,
    ).toBe(400);
    expect(await rows()).toEqual({ enabled: 0, failed_in_a_row: 5 });

    const on = await api('PATCH', path, 'green', { enabled: true });
    expect(on.status).toBe(200);
    expect(((await on.json()) as { webhook: { enabled: boolean } }).webhook.enabled).toBe(true);
    expect(await rows()).toEqual({ enabled: 1, failed_in_a_row: 0 });
    expect(await audited('exchange.webhook.enabled', `webhook:${hook.webhook.id}`)).toHaveLength(1);

    const first = await api('POST', `${path}/test`, 'green');
    expect(first.status).toBe(202);
    const { delivery_id } = (await first.json()) as { delivery_id: string };
    // Pressed again while that one waits (its first attempt failed, the retry is 5 s later): the same one.
    await vi.waitFor(
      async () => {
        const list = (await (await api('GET', `${path}/deliveries`, 'green')).json()) as {
          deliveries: { id: string; attempts: number }[];
        };
        expect(list.deliveries.find((d) => d.id === delivery_id)?.attempts).toBe(1);
      },
      { timeout: 5_000, interval: 100 },
    );
    const again = await api('POST', `${path}/test`, 'green');
    expect(((await again.json()) as { delivery_id: string }).delivery_id).toBe(delivery_id);

    await vi.waitFor(() => expect(endpoint.got).toHaveLength(1), {
      timeout: 15_000,
      interval: 200,
    });
    const got = endpoint.got[0] as Received;
    expect(verifyWebhook(hook.secret, got.headers, got.body, Date.now() / 1000)).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'webhook.test',
      data: { webhook_id: hook.webhook.id },
    });
    const list = (await (await api('GET', `${path}/deliveries`, 'green')).json()) as {
      deliveries: { id: string; type: string; status: string; attempts: number }[];
    };
    expect(list.deliveries[0]).toMatchObject({
      id: delivery_id,
      type: 'webhook.test',
      status: 'delivered',
      attempts: 2,
    });
    expect(await audited('exchange.webhook.tested', `webhook:${hook.webhook.id}`)).toHaveLength(1);

    // Turned off by its admin: nothing more is sent, and that is audited too.
    expect((await api('PATCH', path, 'green', { enabled: false })).status).toBe(200);
    expect((await rows()).enabled).toBe(0);
    expect(await audited('exchange.webhook.paused', `webhook:${hook.webhook.id}`)).toHaveLength(1);
    await api('DELETE', path, 'green');
    await endpoint.close();
  });

  it('turns off a hook whose deliveries failed every retry too many times in a row, audited once', async () => {
    const endpoint = await receiver(Number.MAX_SAFE_INTEGER); // never accepts
    const hook = await hookFor('public', endpoint.url);
    const path = `/api/intel/orgs/${orgs.public}/webhooks/${hook.webhook.id}`;
    const db = () => server.platform.store.db<WebhookTables>();
    const sent = await api('POST', `${path}/test`, 'public');
    expect(sent.status).toBe(202);
    const { delivery_id } = (await sent.json()) as { delivery_id: string };
    await vi.waitFor(
      async () => {
        const d = await db()
          .selectFrom('exchange_webhook_deliveries')
          .select('attempts')
          .where('id', '=', delivery_id)
          .executeTakeFirstOrThrow();
        expect(d.attempts).toBe(1);
      },
      { timeout: 5_000, interval: 100 },
    );
    // As a day of retries leaves it: its last try is due, and the hook's earlier deliveries failed too.
    await db()
      .updateTable('exchange_webhook_deliveries')
      .set({ attempts: RETRY_AFTER_S.length, next_attempt_at: 0 })
      .where('id', '=', delivery_id)
      .execute();
    await db()
      .updateTable('exchange_webhooks')
      .set({ failed_in_a_row: DISABLE_AFTER - 1 })
      .where('id', '=', hook.webhook.id)
      .execute();
    const subject = `webhook:${hook.webhook.id}`;
    await vi.waitFor(
      async () => expect(await audited('exchange.webhook.disabled', subject)).toHaveLength(1),
      { timeout: 10_000, interval: 100 },
    );
    expect(
      await db()
        .selectFrom('exchange_webhooks')
        .select(['enabled', 'failed_in_a_row'])
        .where('id', '=', hook.webhook.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ enabled: 0, failed_in_a_row: DISABLE_AFTER });
    const list = (await (await api('GET', `${path}/deliveries`, 'public')).json()) as {
      deliveries: { id: string; status: string; attempts: number }[];
    };
    expect(list.deliveries.find((d) => d.id === delivery_id)).toMatchObject({
      status: 'failed',
      attempts: RETRY_AFTER_S.length + 1,
    });
    await api('DELETE', path, 'public');
    await endpoint.close();
  });

  it('answers 429 with Retry-After once an organization has used its test messages', async () => {
    const endpoint = await receiver();
    const hook = await hookFor('green', endpoint.url);
    const path = `/api/intel/orgs/${orgs.green}/webhooks/${hook.webhook.id}/test`;
    // The limit is ten in ten minutes per organization (tested on the limiter itself); use up
    // what is left of it the way the route does, rather than waiting for ten deliveries.
    const key = `exchange:webhook-test:${orgs.green}`;
    for (let i = 0; i < 10; i += 1) await takeTestMessage(server.platform.limiter, key);
    const refused = await api('POST', path, 'green');
    expect(refused.status).toBe(429);
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(600);
    expect(((await refused.json()) as { code: string }).code).toBe('webhook_tests_limited');
    await api('DELETE', `/api/intel/orgs/${orgs.green}/webhooks/${hook.webhook.id}`, 'green');
    await endpoint.close();
  });

  it('refuses to limit a webhook to collections the organization may not read', async () => {
    const exchange = createExchange({
      store: server.platform.store,
      audit: server.platform.audit,
      bus: server.platform.bus,
      now: Date.now,
    });
    const own = await exchange.objects.createCollection({
      title: 'Sharer only',
      ownerOrg: orgs.sharer,
    });
    const url = 'https://hooks.example/intel';
    for (const collections of [[own.id], [DEFAULT_COLLECTION_ID, randomUUID()]]) {
      const res = await api('POST', `/api/intel/orgs/${orgs.green}/webhooks`, 'green', {
        url,
        collections,
      });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { description?: string; title?: string };
      expect(JSON.stringify(problem)).toContain(collections.at(-1));
    }
    const mine = await api('POST', `/api/intel/orgs/${orgs.sharer}/webhooks`, 'sharer', {
      url,
      collections: [own.id, DEFAULT_COLLECTION_ID],
    });
    expect(mine.status).toBe(201);
    const made = (await mine.json()) as { webhook: { id: string } };
    await api('DELETE', `/api/intel/orgs/${orgs.sharer}/webhooks/${made.webhook.id}`, 'sharer');
  });

  it('refuses bad webhook URLs', async () => {
    for (const url of ['ftp://example.com/x', 'https://user:pw@example.com/x', 'not a url'])
      expect(
        (await api('POST', `/api/intel/orgs/${orgs.sharer}/webhooks`, 'sharer', { url })).status,
      ).toBe(400);
  });
});
