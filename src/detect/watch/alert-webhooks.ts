/**
 * Alert webhooks: each new alert is POSTed as JSON to every configured URL, signed (see
 * webhook-signing.ts). Delivery never holds up detection: jobs wait in a bounded queue (full → the
 * job is dropped and counted), a few run at a time, failures are retried with a doubling back-off
 * a bounded number of times. Unless the operator allows it, a URL may not point at this machine or
 * its network (loopback, private, link-local…): literal addresses are refused up front, names are
 * checked on the address they resolve to when connecting (DNS rebinding included).
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import {
  INTERNAL_ADDRESS,
  isInternalAddress,
  publicOnlyLookup,
} from '../../platform/net/internal-address.js';
import { signWebhook } from '../../platform/net/webhook-signature.js';
import type { WatchAlert } from './watch-alert.js';

export interface AlertWebhookOptions {
  readonly urls: readonly string[];
  readonly secret: string;
  readonly allowInternal: boolean;
  /** Deliveries waiting or being retried, at most. Default 1,000. */
  readonly maxQueued?: number;
  /** Tries per delivery. Default 5. */
  readonly attempts?: number;
  /** First retry after this; doubles each time, at most a minute. Default 2 s. */
  readonly backoffMs?: number;
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

export interface WebhookStats {
  delivered: number;
  failed: number;
  dropped: number;
  refused: number;
}

export interface DeliveryOutcome {
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
  /** The address was internal and internal addresses are not allowed: retrying will not help. */
  readonly refused?: boolean;
}

/** Why a URL cannot be a webhook, or undefined when it can. */
export function webhookUrlProblem(text: string, allowInternal: boolean): string | undefined {
  if (text.length > 2048) return 'longer than 2,048 characters';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs';
  if (url.username !== '' || url.password !== '') return 'no user name or password in the URL';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowInternal && (host === 'localhost' || (isIP(host) !== 0 && isInternalAddress(host))))
    return 'an internal address (loopback, private or link-local); use --webhook-allow-internal for a receiver on your own network';
  return undefined;
}

/** One POST; resolves (never rejects) with what happened. The answer body is not read. */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { readonly allowInternal: boolean; readonly timeoutMs: number },
): Promise<DeliveryOutcome> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Shieldwall-Detect-Webhooks/1',
        },
        ...(options.allowInternal ? {} : { lookup: publicOnlyLookup }),
        timeout: options.timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.destroy();
        resolve(
          status >= 200 && status < 300
            ? { ok: true, status }
            : { ok: false, status, error: `HTTP ${status}` },
        );
      },
    );
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })),
    );
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve({
        ok: false,
        error: err.code === INTERNAL_ADDRESS ? err.message : (err.code ?? err.message),
        ...(err.code === INTERNAL_ADDRESS ? { refused: true } : {}),
      }),
    );
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowInternal && isIP(host) !== 0 && isInternalAddress(host)) {
      req.destroy(Object.assign(new Error('an internal address'), { code: INTERNAL_ADDRESS }));
      return;
    }
    req.end(body);
  });
}

interface Job {
  readonly url: string;
  readonly body: string;
  readonly id: string;
  tries: number;
}

const CONCURRENCY = 4;

export function createAlertWebhooks(
  options: AlertWebhookOptions,
  onFailure: (url: string, outcome: DeliveryOutcome, final: boolean) => void = () => {},
) {
  const maxQueued = options.maxQueued ?? 1000;
  const attempts = options.attempts ?? 5;
  const backoffMs = options.backoffMs ?? 2000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? Date.now;
  const stats: WebhookStats = { delivered: 0, failed: 0, dropped: 0, refused: 0 };
  const ready: Job[] = [];
  const waiting = new Set<NodeJS.Timeout>();
  let running = 0;
  let pending = 0; // ready + running + waiting for a retry
  let idle: (() => void) | undefined;

  const settle = () => {
    pending -= 1;
    if (pending === 0) idle?.();
  };

  const run = async (job: Job) => {
    running += 1;
    job.tries += 1;
    // Signed per try: the timestamp must be fresh for the receiver's replay check.
    const headers = signWebhook(options.secret, job.id, Math.floor(now() / 1000), job.body);
    const outcome = await postJson(job.url, job.body, headers, {
      allowInternal: options.allowInternal,
      timeoutMs,
    });
    running -= 1;
    if (outcome.ok) {
      stats.delivered += 1;
      settle();
    } else if (outcome.refused === true || job.tries >= attempts) {
      if (outcome.refused === true) stats.refused += 1;
      else stats.failed += 1;
      onFailure(job.url, outcome, true);
      settle();
    } else {
      onFailure(job.url, outcome, false);
      const delay = Math.min(60_000, backoffMs * 2 ** (job.tries - 1));
      const timer = setTimeout(() => {
        waiting.delete(timer);
        ready.push(job);
        pump();
      }, delay);
      waiting.add(timer);
    }
    pump();
  };

  const pump = () => {
    while (running < CONCURRENCY && ready.length > 0) void run(ready.shift() as Job);
  };

  return {
    stats,
    /** Queues the alert for every URL; returns at once. */
    send(alert: WatchAlert): void {
      const body = JSON.stringify(alert);
      for (const url of options.urls) {
        if (pending >= maxQueued) {
          stats.dropped += 1;
          continue;
        }
        pending += 1;
        // One id per alert and URL, kept across retries, so receivers can de-duplicate.
        ready.push({ url, body, id: `${alert.id}.${randomUUID().slice(0, 8)}`, tries: 0 });
      }
      pump();
    },
    /** Waits up to `ms` for deliveries in flight; then gives up on the rest (counted as dropped). */
    async close(ms = 5000): Promise<void> {
      if (pending > 0)
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, ms);
          idle = () => {
            clearTimeout(t);
            resolve();
          };
        });
      for (const t of waiting) clearTimeout(t);
      stats.dropped += waiting.size + ready.length;
      waiting.clear();
      ready.length = 0;
    },
  };
}

export type AlertWebhooks = ReturnType<typeof createAlertWebhooks>;
