/**
 * An organization's webhook for safeguards notices (one URL per organization, set by an org
 * admin; the Standard Webhooks secret is shown once and kept sealed), and the delivery of the
 * notices waiting in `safeguards_notice`: every running server claims due rows under a lease, posts
 * them signed through the platform's public-address guard, and retries with back-off for about a
 * day. When three notices in a row fail after every retry the address is paused (audited; the admin
 * sees it on the page): notices are still shown in-app, and a test message that arrives, or a new
 * address, resumes deliveries. Nothing here holds up a lever.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import {
  pollDeliveries,
  retryAfter,
  takeTestMessage,
  testsLimited,
} from '../platform/net/delivery-schedule.js';
import {
  type DeliveryOutcome,
  postWebhook,
  webhookUrlProblems,
} from '../platform/net/webhook-post.js';
import { newWebhookSecret, signWebhook } from '../platform/net/webhook-signature.js';
import type { Limiter } from '../platform/ports/limiter.js';
import type { Store } from '../platform/ports/store.js';
import type { Sealer } from '../platform/secrets/index.js';
import { appealErrors } from './appeal-errors.js';
import { type NoticeData, type NoticeKind, noticeText } from './notice-text.js';
import type { SafeguardsNoticeRow, SafeguardsTables } from './safeguards-tables.js';

const LEASE_MS = 60_000;
const BATCH = 20;
/**
 * Notices in a row that fail after every retry (each tried for about a day) before the address is
 * paused. Lever notices are rare, so fewer than the exchange's five: three is days of failing.
 */
export const PAUSE_AFTER = 3;
/** `last_error` of a notice not sent because the address is paused (the page words it; safeguards-api.ts). */
export const PAUSED_ERROR = 'not sent: deliveries to this address are paused after failing';

export interface OwnerWebhook {
  readonly orgId: string;
  readonly url: string;
  readonly createdAt: number;
  /** When deliveries were paused for failing; null while they are sent. */
  readonly pausedAt: number | null;
}

/** One message to the organization's address (a notice row seen as a delivery). */
export interface OwnerDelivery {
  readonly id: string;
  /** `lever.pulled`, `lever.lifted`, `appeal.granted`, `appeal.denied`. */
  readonly kind: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  /** `HTTP 503`, a network error code (`ENOTFOUND`, `ETIMEDOUT`, …), or why it was refused. */
  readonly lastError: string | null;
  readonly createdAt: number;
}

export type OwnerWebhooks = ReturnType<typeof createOwnerWebhooks>;

const secretPlace = (orgId: string) => `safeguards_webhook.secret:${orgId}`;

/** The JSON a receiver gets: the event, the lever, and the same sentences the web page shows. */
export function webhookBody(row: SafeguardsNoticeRow): string {
  const data = JSON.parse(row.data) as NoticeData;
  const kind = row.kind as NoticeKind;
  return JSON.stringify({
    type: `safeguards.${kind}`,
    timestamp: new Date(Number(row.created_at)).toISOString(),
    data: {
      notice: row.id,
      owner: row.owner,
      lever: data.lever,
      note: data.note,
      text: { en: noticeText('en', kind, data), es: noticeText('es', kind, data) },
    },
  });
}

export function createOwnerWebhooks(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly sealer: Sealer;
  readonly logger: Pick<Logger, 'warn'>;
  readonly allowInternal: boolean;
  /** Bounds the test messages an organization asks for (delivery-schedule.ts TEST_MESSAGE_RULE). */
  readonly limiter: Pick<Limiter, 'consume'>;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<SafeguardsTables>();
  let poller: ReturnType<typeof pollDeliveries> | undefined;
  /** Organizations whose test message is on its way (one at a time each). */
  const testing = new Set<string>();
  const stop = new AbortController();

  const claim = async (): Promise<string[]> => {
    const now = deps.now();
    const due = await db()
      .selectFrom('safeguards_notice')
      .select('id')
      .where('webhook_status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    const mine: string[] = [];
    for (const { id } of due) {
      const r = await db()
        .updateTable('safeguards_notice')
        .set({ lease_until: now + LEASE_MS })
        .where('id', '=', id)
        .where('webhook_status', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) mine.push(id);
    }
    return mine;
  };

  const finish = (id: string, values: Partial<SafeguardsNoticeRow>) =>
    db()
      .updateTable('safeguards_notice')
      .set({ ...values, lease_until: null })
      .where('id', '=', id)
      .execute();

  const deliver = async (id: string): Promise<void> => {
    const row = await db()
      .selectFrom('safeguards_notice')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) return;
    const hook = await db()
      .selectFrom('safeguards_webhook')
      .selectAll()
      .where('org_id', '=', row.owner.slice(4))
      .executeTakeFirst();
    if (hook === undefined || !row.owner.startsWith('org:')) {
      await finish(id, { webhook_status: 'none', last_error: 'the webhook was removed' });
      return;
    }
    if (hook.paused_at !== null) {
      await finish(id, { webhook_status: 'failed', last_error: PAUSED_ERROR });
      return;
    }
    const body = webhookBody(row);
    const secret = deps.sealer.open(hook.secret, secretPlace(hook.org_id));
    // Signed per try: the timestamp must be fresh for the receiver's replay check.
    const headers = signWebhook(secret, row.id, Math.floor(deps.now() / 1000), body);
    const outcome = await postWebhook(hook.url, body, headers, {
      allowInternal: deps.allowInternal,
      signal: stop.signal,
      userAgent: 'Shieldwall-Safeguards-Webhooks/1',
    });
    const attempts = row.webhook_attempts + 1;
    if (outcome.ok) {
      await finish(id, {
        webhook_status: 'delivered',
        webhook_attempts: attempts,
        last_error: null,
      });
      if (hook.failed_in_a_row > 0) await setFailures(hook.org_id, 0, null);
      return;
    }
    const wait = retryAfter(attempts, outcome);
    await finish(id, {
      webhook_status: wait === undefined ? 'failed' : 'pending',
      webhook_attempts: attempts,
      next_attempt_at: deps.now() + (wait ?? 0) * 1000,
      last_error: (outcome.error ?? 'failed').slice(0, 300),
    });
    if (wait !== undefined) return;
    const error = (outcome.error ?? 'failed').slice(0, 300);
    await deps.audit.append({
      actor: 'system:safeguards',
      action: 'safeguards.webhook.failed',
      subject: row.owner,
      outcome: 'failure',
      data: { notice: row.id, attempts, error },
    });
    // Counted in the database, not from the row read above: several servers deliver at once, and
    // two notices failing together must count twice; only the update that pauses is audited.
    await db()
      .updateTable('safeguards_webhook')
      .set((eb) => ({ failed_in_a_row: eb('failed_in_a_row', '+', 1) }))
      .where('org_id', '=', hook.org_id)
      .execute();
    const paused = await db()
      .updateTable('safeguards_webhook')
      .set({ paused_at: deps.now() })
      .where('org_id', '=', hook.org_id)
      .where('paused_at', 'is', null)
      .where('failed_in_a_row', '>=', PAUSE_AFTER)
      .executeTakeFirst();
    if (Number(paused.numUpdatedRows) === 1)
      await deps.audit.append({
        actor: 'system:safeguards',
        action: 'safeguards.webhook.paused',
        subject: row.owner,
        outcome: 'failure',
        data: { afterFailuresInARow: PAUSE_AFTER, lastError: error },
      });
  };

  const setFailures = (orgId: string, failed: number, pausedAt: number | null) =>
    db()
      .updateTable('safeguards_webhook')
      .set({ failed_in_a_row: failed, paused_at: pausedAt })
      .where('org_id', '=', orgId)
      .execute();

  const tick = async () => {
    for (const id of await claim()) {
      if (stop.signal.aborted) return;
      await deliver(id);
    }
  };

  return {
    /** Set (or replace) the organization's webhook; the secret is returned here and never again. */
    async set(
      orgId: string,
      url: string,
      actor: { readonly id: string; readonly requestId?: string },
    ): Promise<{ webhook: OwnerWebhook; secret: string }> {
      const problem = webhookUrlProblems(url, deps.allowInternal);
      if (problem !== undefined)
        throw appealErrors.create('bad_owner_webhook', {
          message: `The webhook address cannot be used: ${problem.en}.`,
          es: `La dirección del webhook no se puede usar: ${problem.es}.`,
        });
      const secret = newWebhookSecret();
      const row = {
        org_id: orgId,
        url,
        secret: deps.sealer.seal(secret, secretPlace(orgId)),
        created_at: deps.now(),
        created_by: actor.id,
        // A new address starts afresh.
        failed_in_a_row: 0,
        paused_at: null,
      };
      await db().deleteFrom('safeguards_webhook').where('org_id', '=', orgId).execute();
      await db().insertInto('safeguards_webhook').values(row).execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'safeguards.webhook.set',
        subject: `org:${orgId}`,
        outcome: 'success',
        // The host only: a receiver's path often carries a token of its own.
        data: { host: new URL(url).host },
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
      });
      return { webhook: { orgId, url, createdAt: row.created_at, pausedAt: null }, secret };
    },

    async get(orgId: string): Promise<OwnerWebhook | null> {
      const row = await db()
        .selectFrom('safeguards_webhook')
        .select(['org_id', 'url', 'created_at', 'paused_at'])
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row === undefined
        ? null
        : {
            orgId: row.org_id,
            url: row.url,
            createdAt: Number(row.created_at),
            pausedAt: row.paused_at === null ? null : Number(row.paused_at),
          };
    },

    /**
     * Post a signed test message (`"type": "safeguards.test"`, no limit in it) to the organization's
     * address now, and say what happened: an admin learns at once whether the receiving system
     * works, not on the day a limit is put on the organization. One at a time per organization;
     * undefined when no address is set. Audited, with the outcome. A test that arrives resumes
     * deliveries that were paused for failing.
     */
    async test(
      orgId: string,
      actor: { readonly id: string; readonly requestId?: string },
    ): Promise<DeliveryOutcome | undefined> {
      const hook = await db()
        .selectFrom('safeguards_webhook')
        .selectAll()
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (hook === undefined) return undefined;
      if (testing.has(orgId)) throw appealErrors.create('webhook_test_busy');
      const wait = await takeTestMessage(deps.limiter, `safeguards:webhook-test:${orgId}`);
      if (wait > 0) throw appealErrors.create('webhook_tests_limited', testsLimited(wait));
      testing.add(orgId);
      try {
        const body = JSON.stringify({
          type: 'safeguards.test',
          timestamp: new Date(deps.now()).toISOString(),
          data: {
            org: orgId,
            text: {
              en: 'A test message from Shieldwall: messages about limits on your organization will arrive here.',
              es: 'Un mensaje de prueba de Shieldwall: los mensajes sobre límites en su organización llegarán aquí.',
            },
          },
        });
        const secret = deps.sealer.open(hook.secret, secretPlace(orgId));
        const headers = signWebhook(
          secret,
          `test_${randomUUID()}`,
          Math.floor(deps.now() / 1000),
          body,
        );
        const outcome = await postWebhook(hook.url, body, headers, {
          allowInternal: deps.allowInternal,
          signal: stop.signal,
          userAgent: 'Shieldwall-Safeguards-Webhooks/1',
        });
        if (outcome.ok && (hook.paused_at !== null || hook.failed_in_a_row > 0)) {
          // It works again: what was paused is sent from the next notice on.
          await setFailures(orgId, 0, null);
          if (hook.paused_at !== null)
            await deps.audit.append({
              actor: actor.id,
              action: 'safeguards.webhook.resumed',
              subject: `org:${orgId}`,
              outcome: 'success',
              data: { host: new URL(hook.url).host },
              ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
            });
        }
        await deps.audit.append({
          actor: actor.id,
          action: 'safeguards.webhook.tested',
          subject: `org:${orgId}`,
          outcome: outcome.ok ? 'success' : 'failure',
          data: {
            host: new URL(hook.url).host,
            status: outcome.status ?? null,
            error: outcome.error?.slice(0, 300) ?? null,
          },
          ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
        });
        return outcome;
      } finally {
        testing.delete(orgId);
      }
    },

    /**
     * The organization's latest messages that were (or are to be) posted to its address, newest
     * first: what each was, whether it arrived, the tries and the last problem.
     */
    async deliveries(orgId: string, limit = 20): Promise<OwnerDelivery[]> {
      const rows = await db()
        .selectFrom('safeguards_notice')
        .select(['id', 'kind', 'webhook_status', 'webhook_attempts', 'last_error', 'created_at'])
        .where('owner', '=', `org:${orgId}`)
        .where('webhook_status', '!=', 'none')
        .orderBy('created_at', 'desc')
        .limit(Math.max(1, Math.min(100, limit)))
        .execute();
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.webhook_status as OwnerDelivery['status'],
        attempts: r.webhook_attempts,
        lastError: r.last_error,
        createdAt: Number(r.created_at),
      }));
    },

    async remove(orgId: string, actor: { readonly id: string; readonly requestId?: string }) {
      const r = await db()
        .deleteFrom('safeguards_webhook')
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) === 0) return false;
      await deps.audit.append({
        actor: actor.id,
        action: 'safeguards.webhook.removed',
        subject: `org:${orgId}`,
        outcome: 'success',
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
      });
      return true;
    },

    /**
     * Deliver due notices every second until `close` (servers only; the CLI only writes them),
     * while `ready` says so (not before the migrations, not while closing).
     */
    start(ready: () => boolean = () => true): void {
      poller = pollDeliveries(tick, {
        ready,
        onError: (err) =>
          deps.logger.warn({ err: err.message }, 'safeguards webhook delivery failed'),
      });
    },

    /** One delivery round now (tests). */
    tick,

    async close(): Promise<void> {
      const stopped = poller?.stop(); // no new round from here on
      stop.abort();
      await stopped;
    },
  };
}
