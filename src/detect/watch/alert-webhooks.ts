/**
 * Alert webhooks: each new alert is POSTed as JSON to every configured URL, signed (see
 * src/platform/net/webhook-signature.ts; the POST itself is src/platform/net/webhook-post.ts).
 * Delivery never holds up detection: jobs wait in a bounded queue (full → the
 * job is dropped and counted), a few run at a time, failures are retried with a doubling back-off
 * a bounded number of times. Unless the operator allows it, a URL may not point at this machine or
 * its network (loopback, private, link-local…): literal addresses are refused up front, names are
 * checked on the address they resolve to when connecting (DNS rebinding included).
 */
import { randomUUID } from 'node:crypto';
import {
  type DeliveryOutcome,
  postWebhook,
  webhookUrlProblem,
} from '../../platform/net/webhook-post.js';
import { signWebhook } from '../../platform/net/webhook-signature.js';
import type { WatchAlert } from './watch-alert.js';

export type { DeliveryOutcome };

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

/** Why a URL cannot be an alert webhook, or undefined when it can. */
export function alertWebhookUrlProblem(text: string, allowInternal: boolean): string | undefined {
  return webhookUrlProblem(
    text,
    allowInternal,
    '; use --webhook-allow-internal for a receiver on your own network',
  );
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
    const outcome = await postWebhook(job.url, job.body, headers, {
      allowInternal: options.allowInternal,
      timeoutMs,
      userAgent: 'Shieldwall-Detect-Webhooks/1',
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
