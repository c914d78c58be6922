/**
 * Appeals, owner notices and the console reads under /api/safeguards on a real server, on SQLite
 * and on PostgreSQL (skipped with a visible line when PostgreSQL is not answering): an org admin
 * is told in-app and by a signed webhook when a lever is pulled on their organization, appeals it
 * once, and hears the decision; someone else's lever is a 404 and an organization's key may not
 * appeal; reviewers see the evidence (the cited request as the gateway recorded it) and grant
 * (the lever is lifted) or deny; every step is audited. The console's decisions (list and live
 * stream), findings and lever history answer operators only.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessUserRow } from '../access/index.js';
import { accessServices } from '../access/index.js';
import type { GatewayRequestRow, GatewayTables } from '../gateway/index.js';
import { RETRY_AFTER_S } from '../platform/net/delivery-schedule.js';
import { verifyWebhook } from '../platform/net/webhook-signature.js';
import { createTempDatabase, requireService } from '../platform/test-support/services.js';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { createDecisionFeed } from './decision-feed.js';
import { storeFindings } from './finding-store.js';
import { PAUSE_AFTER, PAUSED_ERROR } from './owner-webhooks.js';
import type { SafeguardsTables } from './safeguards-tables.js';

interface UserTables {
  access_user: AccessUserRow;
}

/** What the test reads of a reviewer's view of an appeal. */
interface Review {
  readonly appeal: { readonly id: string };
  readonly lever: { readonly reason: string };
  readonly in_force: boolean;
  readonly requests: readonly unknown[];
}

interface Decided {
  readonly requestId: string;
  readonly decision: string;
}

interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A webhook receiver on loopback that records what it is sent and answers `status`. */
async function startReceiver(
  status = 204,
): Promise<{ url: string; got: Received[]; close(): Promise<void> }> {
  const got: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/safeguards`,
    got,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Reads `event: decision` blocks of a Server-Sent Events answer. */
function readStream(url: string, key: string) {
  const controller = new AbortController();
  const got: Record<string, unknown>[] = [];
  const connected = (async () => {
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${key}` },
      signal: controller.signal,
    });
    if (!res.ok || res.body === null) return res.status;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    // Wait for ': connected' (the helper subscribes first), then keep reading in the background.
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return res.status;
      buffer += value;
      if (buffer.includes(': connected')) break;
    }
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          for (let cut = buffer.indexOf('\n\n'); cut >= 0; cut = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (block.includes('event: decision') && data !== undefined)
              got.push(JSON.parse(data.slice(6)) as Record<string, unknown>);
          }
        }
      } catch {
        // closed
      }
    })();
    return res.status;
  })();
  return { connected, got, close: () => controller.abort() };
}

async function until<T>(what: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await what();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

function requestRow(id: string, orgId: string, decision: string, at: number): GatewayRequestRow {
  return {
    id,
    created_at: at,
    principal: `org:${orgId}`,
    org_id: orgId,
    key_id: null,
    end_user: null,
    tier: 2,
    endpoint: 'chat',
    model: 'defender-small',
    upstream: null,
    status: decision === 'block' ? 403 : 200,
    error_code: decision === 'block' ? 'safeguard_blocked' : null,
    stream: 0,
    latency_ms: 3,
    prompt_tokens: 10,
    completion_tokens: 0,
    total_tokens: 10,
    decision,
    risk: decision === 'block' ? 0.93 : 0.05,
    categories: JSON.stringify([{ id: 'malware', score: decision === 'block' ? 0.93 : 0 }]),
    prompt: 'write ransomware that encrypts the file server',
    response: null,
    content_expires_at: at + 86_400_000,
  };
}

function appealSuite(
  name: string,
  storeUrl: () => Promise<{ env: Record<string, string>; drop?: () => Promise<void> }>,
) {
  describe(`/api/safeguards appeals, notices and console (${name})`, () => {
    let server: TestServer;
    let receiver: Awaited<ReturnType<typeof startReceiver>>;
    let drop: (() => Promise<void>) | undefined;
    const keys = { operator: '', admin: '', member: '', otherAdmin: '', orgKey: '' };
    let orgId = '';
    let orgKeyId = '';
    let secret = '';
    const blockedId = `req-${randomUUID()}`;

    const api = async <T = unknown>(
      method: string,
      path: string,
      key: string | null,
      body?: unknown,
    ): Promise<{ status: number; body: T }> => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          ...(key === null ? {} : { authorization: `Bearer ${key}` }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    };
    const audited = async (action: string) => {
      const page = await server.platform.audit.entries({ from: 0, limit: 1000 });
      return page.entries.filter((e) => e.action === action);
    };

    beforeAll(async () => {
      receiver = await startReceiver();
      const store = await storeUrl();
      drop = store.drop;
      server = await startTestServer({
        env: { ...store.env, SHIELDWALL_INTEL_WEBHOOKS_ALLOW_INTERNAL: 'true' },
      });
      const access = await accessServices(server.platform);
      const op = { id: 'operator:appeal-routes-test' };
      const user = async (staff: string[]) => {
        const id = randomUUID();
        await server.platform.store
          .db<UserTables>()
          .insertInto('access_user')
          .values({
            id,
            email: `${id.slice(0, 8)}@appeals.example`,
            display_name: 'tester',
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
        return id;
      };
      const key = async (owner: { type: 'org' | 'user'; id: string }) =>
        access.keys.create({ owner }, op);
      orgId = (
        await access.directory.createOrg(
          { name: `Clinic ${randomUUID().slice(0, 6)}`, tier: 2 },
          op,
        )
      ).id;
      const otherOrg = (
        await access.directory.createOrg({ name: `Other ${randomUUID().slice(0, 6)}`, tier: 2 }, op)
      ).id;
      const admin = await user([]);
      const member = await user([]);
      const otherAdmin = await user([]);
      await access.directory.addMember(orgId, admin, 'admin', op);
      await access.directory.addMember(orgId, member, 'member', op);
      await access.directory.addMember(otherOrg, otherAdmin, 'admin', op);
      keys.operator = (await key({ type: 'user', id: await user(['operator']) })).key;
      keys.admin = (await key({ type: 'user', id: admin })).key;
      keys.member = (await key({ type: 'user', id: member })).key;
      keys.otherAdmin = (await key({ type: 'user', id: otherAdmin })).key;
      const orgKey = await key({ type: 'org', id: orgId });
      keys.orgKey = orgKey.key;
      orgKeyId = orgKey.info.id;
      await access.close();
      const now = Date.now();
      await server.platform.store
        .db<GatewayTables>()
        .insertInto('gateway_requests')
        .values([
          requestRow(blockedId, orgId, 'block', now - 5000),
          requestRow(`req-${randomUUID()}`, orgId, 'allow', now - 4000),
        ])
        .execute();
    }, 120_000);
    afterAll(async () => {
      await server?.close();
      await receiver?.close();
      await drop?.();
    });

    it('an org admin sets the webhook; nobody else may, and a bad address is refused', async () => {
      const path = `/api/safeguards/orgs/${orgId}/webhook`;
      // none set up yet: an answer, not a 404
      const none = await api<{ url: string | null; created_at: string | null }>(
        'GET',
        path,
        keys.admin,
      );
      expect(none.status).toBe(200);
      expect(none.body).toEqual({ url: null, created_at: null, paused_at: null });
      const untested = await api<{ code: string }>('POST', `${path}/test`, keys.admin);
      expect(untested.status).toBe(404);
      expect(untested.body.code).toBe('webhook_not_set');
      expect((await api('PUT', path, keys.member, { url: receiver.url })).status).toBe(403);
      expect((await api('PUT', path, keys.otherAdmin, { url: receiver.url })).status).toBe(404);
      expect((await api('PUT', path, keys.orgKey, { url: receiver.url })).status).toBe(403);
      expect((await api('PUT', path, keys.admin, { url: 'ftp://x.example/a' })).status).toBe(400);
      const set = await api<{ secret: string }>('PUT', path, keys.admin, { url: receiver.url });
      expect(set.status).toBe(200);
      expect(set.body.secret).toMatch(/^whsec_/);
      secret = set.body.secret;
      const got = await api<{ url: string; secret?: string }>('GET', path, keys.admin);
      expect(got.body).toMatchObject({ url: receiver.url });
      expect(got.body.secret).toBeUndefined();
      expect(await audited('safeguards.webhook.set')).toHaveLength(1);
    });

    it('a lever pulled on the organization reaches its admins in-app and by signed webhook', async () => {
      const pulled = await api('POST', '/api/safeguards/levers', keys.operator, {
        kind: 'restrict',
        target: `org:${orgId}`,
        tier: 0,
        reason: 'ransomware requests under review',
      });
      expect(pulled.status).toBe(201);
      const notices = await api<{ id: string }[]>('GET', '/api/safeguards/my/notices', keys.admin);
      expect(notices.status).toBe(200);
      expect(notices.body).toMatchObject([
        { kind: 'lever.pulled', owner: `org:${orgId}`, lever: { kind: 'restrict', tier: 0 } },
      ]);
      // A member who does not administer the organization is not told; nor is another org.
      expect((await api('GET', '/api/safeguards/my/notices', keys.member)).body).toEqual([]);
      expect((await api('GET', '/api/safeguards/my/notices', keys.otherAdmin)).body).toEqual([]);
      const delivery = await until(() => receiver.got[0]);
      expect(verifyWebhook(secret, delivery.headers, delivery.body, Date.now() / 1000)).toBe(true);
      expect(verifyWebhook('whsec_AAAA', delivery.headers, delivery.body, Date.now() / 1000)).toBe(
        false,
      );
      const body = JSON.parse(delivery.body);
      expect(body.type).toBe('safeguards.lever.pulled');
      expect(body.data.text.en.title).toBe('A limit was put on your organization');
      expect(body.data.text.es.title).toBe('Se puso un límite a su organización');
      // The owner is not shown the operators' evidence.
      expect(body.data.lever.evidence).toBeUndefined();
      const read = await api(
        'POST',
        `/api/safeguards/my/notices/${notices.body[0]?.id}/read`,
        keys.admin,
      );
      expect(read.status).toBe(204);
      const notMine = await api<{ code: string }>(
        'POST',
        `/api/safeguards/my/notices/${notices.body[0]?.id}/read`,
        keys.member,
      );
      expect(notMine.status).toBe(404);
      expect(notMine.body.code).toBe('notice_not_found');
    });

    it('an org admin sends a signed test message and is told at once that it arrived', async () => {
      const path = `/api/safeguards/orgs/${orgId}/webhook/test`;
      expect((await api('POST', path, keys.member)).status).toBe(403);
      expect((await api('POST', path, keys.otherAdmin)).status).toBe(404);
      const before = receiver.got.length;
      const sent = await api<{ delivered: boolean; status: number | null; error: string | null }>(
        'POST',
        path,
        keys.admin,
      );
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ delivered: true, status: 204, error: null });
      expect(receiver.got).toHaveLength(before + 1);
      const got = receiver.got[before] as Received;
      expect(verifyWebhook(secret, got.headers, got.body, Date.now() / 1000)).toBe(true);
      const body = JSON.parse(got.body);
      expect(body.type).toBe('safeguards.test');
      expect(body.data.org).toBe(orgId);
      // Not a notice: nothing new on the page.
      const notices = await api<{ kind: string }[]>(
        'GET',
        '/api/safeguards/my/notices',
        keys.admin,
      );
      expect(notices.body.filter((n) => n.kind.includes('test'))).toEqual([]);
      // The lever's notice (the test before) is listed as delivered; the test message is not a notice.
      const deliveries = await api<{
        deliveries: { kind: string; status: string; attempts: number; last_error: null }[];
      }>('GET', `/api/safeguards/orgs/${orgId}/webhook/deliveries`, keys.admin);
      expect(deliveries.body.deliveries).toEqual([
        expect.objectContaining({
          kind: 'lever.pulled',
          status: 'delivered',
          attempts: 1,
          last_error: null,
        }),
      ]);
      expect(
        (await api('GET', `/api/safeguards/orgs/${orgId}/webhook/deliveries`, keys.member)).status,
      ).toBe(403);
      const tested = await audited('safeguards.webhook.tested');
      expect(tested).toHaveLength(1);
      expect(tested[0]).toMatchObject({ outcome: 'success', data: { status: 204, error: null } });
    });
    it('pauses an address after three notices in a row fail every retry; a test that arrives resumes it', async () => {
      const path = `/api/safeguards/orgs/${orgId}/webhook`;
      const failing = await startReceiver(503);
      const db = server.platform.store.db<SafeguardsTables>();
      // The receiving system breaks: point the address at it without starting afresh (a PUT would),
      // two notices having already failed every retry.
      await db
        .updateTable('safeguards_webhook')
        .set({ url: failing.url, failed_in_a_row: PAUSE_AFTER - 1 })
        .where('org_id', '=', orgId)
        .execute();
      const failures = async () =>
        (
          await db
            .selectFrom('safeguards_webhook')
            .select('failed_in_a_row')
            .where('org_id', '=', orgId)
            .executeTakeFirstOrThrow()
        ).failed_in_a_row;
      const model = await db
        .selectFrom('safeguards_notice')
        .selectAll()
        .where('owner', '=', `org:${orgId}`)
        .executeTakeFirstOrThrow();
      const notice = (attempts: number) => ({
        ...model,
        id: randomUUID(),
        created_at: Date.now(),
        webhook_status: 'pending',
        webhook_attempts: attempts,
        next_attempt_at: 0,
        lease_until: null,
        last_error: null,
      });
      // A notice on its last try: the servers' delivery loop posts it once more, and it fails for good.
      await db.insertInto('safeguards_notice').values(notice(RETRY_AFTER_S.length)).execute();
      const paused = await until(async () => {
        const got = await api<{ paused_at: string | null }>('GET', path, keys.admin);
        return got.body.paused_at ?? undefined;
      });
      expect(Date.parse(paused)).toBeGreaterThan(Date.now() - 60_000);
      expect(failing.got).toHaveLength(1);
      expect(await failures()).toBe(PAUSE_AFTER);
      // The audit entry is written just after the pause the page reads: wait for it too.
      const pausedEntries = await until(async () => {
        const entries = await audited('safeguards.webhook.paused');
        return entries.length > 0 ? entries : undefined;
      });
      expect(pausedEntries).toEqual([
        expect.objectContaining({
          actor: 'system:safeguards',
          subject: `org:${orgId}`,
          data: expect.objectContaining({
            afterFailuresInARow: PAUSE_AFTER,
            lastError: 'HTTP 503',
          }),
        }),
      ]);
      // While paused nothing is posted: the next notice is marked not sent, and stays on the page.
      const next = notice(0);
      await db.insertInto('safeguards_notice').values(next).execute();
      const skipped = await until(async () => {
        const row = await db
          .selectFrom('safeguards_notice')
          .select(['webhook_status', 'last_error'])
          .where('id', '=', next.id)
          .executeTakeFirstOrThrow();
        return row.webhook_status === 'pending' ? undefined : row;
      });
      expect(skipped).toEqual({ webhook_status: 'failed', last_error: PAUSED_ERROR });
      expect(failing.got).toHaveLength(1);
      // Fixed, and a test message arrives: deliveries resume (audited), the count starts again.
      await db
        .updateTable('safeguards_webhook')
        .set({ url: receiver.url })
        .where('org_id', '=', orgId)
        .execute();
      const tested = await api<{ delivered: boolean }>('POST', `${path}/test`, keys.admin);
      expect(tested.body.delivered).toBe(true);
      expect(
        (await api<{ paused_at: string | null }>('GET', path, keys.admin)).body.paused_at,
      ).toBeNull();
      expect(await failures()).toBe(0);
      expect(await audited('safeguards.webhook.resumed')).toHaveLength(1);
      await failing.close();
    });

    it('an admin may send ten test messages in ten minutes, then is told how long to wait', async () => {
      const path = `/api/safeguards/orgs/${orgId}/webhook/test`;
      const before = receiver.got.length;
      // Two were sent by the tests before; eight more fit.
      for (let i = 0; i < 8; i += 1) expect((await api('POST', path, keys.admin)).status).toBe(200);
      const refused = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.admin}` },
      });
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(600);
      expect(((await refused.json()) as { code: string }).code).toBe('webhook_tests_limited');
      expect(receiver.got).toHaveLength(before + 8);
    });

    it('only the owner may appeal, once, with a bounded reason; it is audited without the words', async () => {
      const mine = await api<{ lever: { id: string } }[]>(
        'GET',
        '/api/safeguards/my/levers',
        keys.admin,
      );
      expect(mine.status).toBe(200);
      expect(mine.body).toHaveLength(1);
      expect(mine.body[0]).toMatchObject({ owner: `org:${orgId}`, appeal: null });
      const leverId = mine.body[0]?.lever.id ?? '';
      expect((await api('GET', '/api/safeguards/my/levers', keys.member)).body).toEqual([]);
      const path = `/api/safeguards/my/levers/${leverId}/appeal`;
      const why = { reason: 'We run a malware lab; these were for our detection rules.' };
      expect((await api('POST', path, keys.member, why)).status).toBe(404);
      expect((await api('POST', path, keys.otherAdmin, why)).status).toBe(404);
      expect((await api('POST', path, keys.orgKey, why)).status).toBe(403);
      expect((await api('POST', path, null, why)).status).toBe(401);
      expect((await api('POST', path, keys.admin, { reason: '' })).status).toBe(400);
      expect((await api('POST', path, keys.admin, { reason: 'x'.repeat(2001) })).status).toBe(400);
      expect((await api('POST', path, keys.admin, { ...why, extra: 1 })).status).toBe(400);
      const filed = await api('POST', path, keys.admin, why);
      expect(filed.status).toBe(201);
      expect(filed.body).toMatchObject({ status: 'pending', lever_id: leverId });
      expect((await api('POST', path, keys.admin, why)).status).toBe(409);
      const entries = await audited('safeguards.appeal.filed');
      expect(entries).toHaveLength(1);
      expect(JSON.stringify(entries[0]?.data)).not.toContain('malware lab');
    });

    it('reviewers see the evidence and deny with a reason; the owner is told', async () => {
      expect((await api('GET', '/api/safeguards/appeals', keys.admin)).status).toBe(403);
      const queue = await api<Review[]>('GET', '/api/safeguards/appeals', keys.operator);
      expect(queue.status).toBe(200);
      expect(queue.body).toHaveLength(1);
      const review = queue.body[0] as Review;
      expect(review.lever.reason).toBe('ransomware requests under review');
      expect(review.in_force).toBe(true);
      const id = review.appeal.id;
      const decide = (key: string, body: unknown) =>
        api<Review>('POST', `/api/safeguards/appeals/${id}/decision`, key, body);
      expect((await decide(keys.admin, { grant: true, reason: 'x' })).status).toBe(403);
      expect((await decide(keys.operator, { grant: false, reason: '' })).status).toBe(400);
      const denied = await decide(keys.operator, {
        grant: false,
        reason: 'the prompts asked for a working encryptor',
      });
      expect(denied.status).toBe(200);
      expect(denied.body.appeal).toMatchObject({
        status: 'denied',
        decided_by: expect.stringMatching(/^user:/),
      });
      expect(denied.body.in_force).toBe(true);
      expect((await decide(keys.operator, { grant: true, reason: 'x' })).status).toBe(409);
      expect(await audited('safeguards.appeal.denied')).toHaveLength(1);
      const notices = await api<unknown[]>('GET', '/api/safeguards/my/notices', keys.admin);
      expect(notices.body[0]).toMatchObject({
        kind: 'appeal.denied',
        note: 'the prompts asked for a working encryptor',
      });
      await until(() =>
        receiver.got.find((r) => JSON.parse(r.body).type === 'safeguards.appeal.denied'),
      );
    });

    it('a granted appeal lifts the lever and tells the owner once; the evidence cites the request', async () => {
      const { safeguardsServices } = await import('./index.js');
      const s = await safeguardsServices(server.platform);
      const { lever } = await s.levers.pull(
        {
          kind: 'friction',
          target: `key:${orgKeyId}`,
          mode: 'limits',
          reason: 'blocked ransomware prompt',
          automatic: true,
          evidence: [`request:${blockedId} block malware`],
        },
        { id: 'system:safeguards' },
      );
      await s.close();
      const filed = await api<{ id: string }>(
        'POST',
        `/api/safeguards/my/levers/${lever.id}/appeal`,
        keys.admin,
        {
          reason: 'A test of our own detection, not an attack.',
        },
      );
      expect(filed.status).toBe(201);
      const queue = await api<Review[]>('GET', '/api/safeguards/appeals', keys.operator);
      const review = queue.body.find((r) => r.appeal.id === filed.body.id);
      expect(review?.requests).toMatchObject([
        {
          id: blockedId,
          decision: 'block',
          categories: ['malware'],
          prompt: expect.stringContaining('ransomware'),
        },
      ]);
      const before = (await api<unknown[]>('GET', '/api/safeguards/my/notices', keys.admin)).body
        .length;
      const granted = await api<Review>(
        'POST',
        `/api/safeguards/appeals/${filed.body.id}/decision`,
        keys.operator,
        {
          grant: true,
          reason: 'confirmed with the clinic',
        },
      );
      expect(granted.status).toBe(200);
      expect(granted.body.in_force).toBe(false);
      const active = await api(
        'GET',
        `/api/safeguards/levers?target=key:${orgKeyId}`,
        keys.operator,
      );
      expect(active.body).toEqual([]);
      const notices = (await api<unknown[]>('GET', '/api/safeguards/my/notices', keys.admin)).body;
      expect(notices.length).toBe(before + 1);
      expect(notices[0]).toMatchObject({ kind: 'appeal.granted' });
      const history = await api<{ id: string }[]>(
        'GET',
        '/api/safeguards/levers?history=true',
        keys.operator,
      );
      expect(history.body.find((l) => l.id === lever.id)).toMatchObject({
        lift_reason: 'appeal granted: confirmed with the clinic',
      });
      const granted2 = await api<Review[]>(
        'GET',
        '/api/safeguards/appeals?status=granted',
        keys.operator,
      );
      expect(granted2.body).toHaveLength(1);
      // The queue shows why the limit was lifted, as the lever history does.
      expect(granted2.body[0]?.lever).toMatchObject({
        lift_reason: 'appeal granted: confirmed with the clinic',
      });
    });

    it('the console lists decisions, streams new ones and shows findings, to operators only', async () => {
      for (const path of [
        '/api/safeguards/decisions',
        '/api/safeguards/findings',
        '/api/safeguards/decisions/stream',
      ])
        expect((await api('GET', path, keys.admin)).status, path).toBe(403);
      const list = await api<Decided[]>('GET', '/api/safeguards/decisions', keys.operator);
      expect(list.body.map((d) => d.requestId)).toContain(blockedId);
      expect(list.body.every((d) => d.decision !== 'allow')).toBe(true);
      const all = await api<Decided[]>('GET', '/api/safeguards/decisions?all=true', keys.operator);
      expect(all.body.some((d) => d.decision === 'allow')).toBe(true);

      const stream = readStream(`${server.url}/api/safeguards/decisions/stream`, keys.operator);
      expect(await stream.connected).toBe(200);
      const feed = createDecisionFeed({ bus: server.platform.bus, logger: { warn: () => {} } });
      const decision = (requestId: string, d: string) => ({
        requestId,
        at: Date.now(),
        orgId,
        keyId: orgKeyId,
        userId: null,
        endUser: null,
        tier: 2,
        decision: d,
        risk: 0.9,
        categories: [
          { id: 'malware', score: 0.9 },
          { id: 'ddos', score: 0 },
        ],
      });
      feed.observe(decision('r-allow', 'allow'));
      feed.observe(decision('r-block', 'block'));
      const got = await until(() => stream.got.find((d) => d.requestId === 'r-block'));
      stream.close();
      expect(got).toMatchObject({
        subject: `org:${orgId}`,
        decision: 'block',
        categories: ['malware'],
      });
      expect(got.prompt).toBeUndefined();
      expect(stream.got.some((d) => d.requestId === 'r-allow')).toBe(false);

      await storeFindings(
        server.platform.store,
        [
          {
            kind: 'repeated_blocks',
            subject: `org:${orgId}`,
            summary: '6 blocked prompts in 24 h',
            requestIds: [blockedId],
          },
        ],
        Date.now(),
      );
      const findings = await api('GET', '/api/safeguards/findings', keys.operator);
      expect(findings.body).toMatchObject([{ kind: 'repeated_blocks', request_ids: [blockedId] }]);
    });
  });
}

appealSuite('SQLite', async () => ({ env: {} }));

const pgUrl = await requireService('postgres');
if (pgUrl !== undefined)
  appealSuite('PostgreSQL', async () => {
    const db = await createTempDatabase(pgUrl);
    return { env: { SHIELDWALL_STORE: db.url }, drop: db.drop };
  });
