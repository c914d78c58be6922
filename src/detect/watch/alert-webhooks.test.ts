/**
 * Alert webhooks: a signed POST a receiver can verify, retries with back-off after a failure,
 * internal addresses refused unless allowed (up front for literal addresses, on connect for names
 * that resolve to one), and a bounded queue that never holds up the caller.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { newWebhookSecret, verifyWebhook } from '../../platform/net/webhook-signature.js';
import { alertWebhookUrlProblem, createAlertWebhooks } from './alert-webhooks.js';
import { waitFor } from './test-support/watch-fixture.js';
import type { WatchAlert } from './watch-alert.js';

const alert = {
  id: '0f1e2d3c-0000-4000-8000-000000000001',
  title: 'Test',
  level: 'high',
} as WatchAlert;

interface Received {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A receiver answering each POST with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; got: Received[] }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      got.push({ headers: req.headers, body });
      res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)] as number;
      res.end();
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/hooks/shieldwall?token=abc`, got };
}

describe('alert webhooks', () => {
  it('POSTs the alert JSON, signed so the receiver can check it', async () => {
    const { url, got } = await receiver([204]);
    const secret = newWebhookSecret();
    const hooks = createAlertWebhooks({ urls: [url], secret, allowInternal: true });
    hooks.send(alert);
    const req = await waitFor(() => got[0], 5_000, 'the POST');
    expect(JSON.parse(req.body)).toEqual(alert);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.headers['webhook-id']).toMatch(new RegExp(`^${alert.id}\\.`));
    expect(verifyWebhook(secret, req.headers, req.body, Date.now() / 1000)).toBe(true);
    // A changed body or another secret does not verify.
    expect(verifyWebhook(secret, req.headers, `${req.body} `, Date.now() / 1000)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), req.headers, req.body, Date.now() / 1000)).toBe(false);
    await hooks.close();
    expect(hooks.stats).toMatchObject({ delivered: 1, failed: 0, dropped: 0 });
  });

  it('retries after a failure with back-off, then gives up after the last try', async () => {
    const { url, got } = await receiver([500, 503, 200]);
    const failures: boolean[] = [];
    const hooks = createAlertWebhooks(
      { urls: [url], secret: newWebhookSecret(), allowInternal: true, backoffMs: 50 },
      (_u, _o, final) => failures.push(final),
    );
    hooks.send(alert);
    await waitFor(() => (hooks.stats.delivered === 1 ? true : undefined), 5_000, 'delivery');
    expect(got).toHaveLength(3);
    expect(failures).toEqual([false, false]);
    // The same delivery id on every try, so the receiver can de-duplicate.
    expect(new Set(got.map((g) => g.headers['webhook-id'])).size).toBe(1);

    const broken = await receiver([500]);
    const giveUp = createAlertWebhooks({
      urls: [broken.url],
      secret: newWebhookSecret(),
      allowInternal: true,
      backoffMs: 20,
      attempts: 3,
    });
    giveUp.send(alert);
    await waitFor(() => (giveUp.stats.failed === 1 ? true : undefined), 5_000, 'giving up');
    expect(broken.got).toHaveLength(3);
    await hooks.close();
    await giveUp.close();
  });

  it('refuses internal addresses unless allowed', async () => {
    const { url, got } = await receiver([200]);
    // The URL checks and the POST's refusals are tested in src/platform/net/webhook-post.test.ts.
    expect(alertWebhookUrlProblem(url, false)).toMatch(/--webhook-allow-internal/);
    expect(alertWebhookUrlProblem(url, true)).toBeUndefined();
    const port = new URL(url).port;
    // Refused is final: no retries.
    const hooks = createAlertWebhooks({
      urls: [`http://localhost:${port}/x`],
      secret: newWebhookSecret(),
      allowInternal: false,
      backoffMs: 10,
    });
    hooks.send(alert);
    await waitFor(() => (hooks.stats.refused === 1 ? true : undefined), 5_000, 'refusal');
    expect(got).toHaveLength(0);
    await hooks.close();
  });

  it('drops and counts deliveries beyond its queue instead of waiting', async () => {
    const hooks = createAlertWebhooks({
      // Nothing listens on port 9 (discard): every try fails quickly and is retried later.
      urls: ['http://127.0.0.1:9/x'],
      secret: newWebhookSecret(),
      allowInternal: true,
      maxQueued: 3,
      backoffMs: 60_000,
    });
    const started = Date.now();
    for (let i = 0; i < 50; i++) hooks.send({ ...alert, id: `id-${i}` });
    expect(Date.now() - started).toBeLessThan(500);
    expect(hooks.stats.dropped).toBe(47);
    await hooks.close(100);
    expect(hooks.stats.dropped).toBe(50);
  });
});
