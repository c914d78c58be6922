/**
 * Webhooks: an organization registers an endpoint and is told, within
 * seconds and signed (Standard Webhooks), when intelligence it may read is
 * added. What a hook is told passes the same sharing decision as TAXII and the
 * live stream (`projectAdded` → `mayRead`), as the organization's current tier
 * and memberships see it. Deliveries sit in an outbox table and are retried
 * with backoff (about a day in all); a hook that keeps failing is disabled.
 * One durable bus consumer shared by all instances fills the outbox; every
 * instance delivers, each delivery leased to one of them.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Principal } from '../access/index.js';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import {
  pollDeliveries,
  retryAfter,
  takeTestMessage,
  testsLimited,
} from '../platform/net/delivery-schedule.js';
import { postWebhook, webhookUrlProblems } from '../platform/net/webhook-post.js';
import { newWebhookSecret, signWebhook } from '../platform/net/webhook-signature.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import type { Limiter } from '../platform/ports/limiter.js';
import type { Store } from '../platform/ports/store.js';
import type { Sealer } from '../platform/secrets/index.js';
import { type AddedEvent, projectAdded } from './added-projection.js';
import { type Exchange, OBJECTS_ADDED, viewerOf } from './exchange-service.js';
import { exchangeErrors } from './taxii-errors.js';
import type { WebhookTable, WebhookTables } from './webhook-tables.js';

const CONSUMER = 'exchange-webhooks';
/** Deliveries that fail for good in a row before the hook is disabled. */
export const DISABLE_AFTER = 5;
/** The `type` of a test message (an admin's "send a test"). */
export const TEST_TYPE = 'webhook.test';
/** Hooks one organization may have. */
const MAX_HOOKS_PER_ORG = 20;
const LEASE_MS = 60_000;
const BATCH = 20;

export interface Webhook {
  readonly id: string;
  readonly orgId: string;
  readonly url: string;
  readonly types: readonly string[] | null;
  readonly collections: readonly string[] | null;
  readonly enabled: boolean;
  readonly createdAt: number;
}

export interface WebhookDelivery {
  readonly id: string;
  /** The message's `type`: `intel.objects.added`, or `webhook.test`. */
  readonly type: string;
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastStatus: number | null;
  readonly lastError: string | null;
  readonly createdAt: number;
  readonly deliveredAt: number | null;
}

export type Webhooks = ReturnType<typeof createWebhooks>;

export function createWebhooks(deps: {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly exchange: Exchange;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  /** The principal an organization's deliveries are read as (its tier now), or undefined when it is gone. */
  readonly orgPrincipal: (orgId: string) => Promise<Principal | undefined>;
  /** Allow loopback and private addresses (tests, or an operator whose receivers are internal). */
  readonly allowInternal: boolean;
  /** Seals each endpoint's signing secret at rest (bound to the webhook's id). */
  readonly sealer: Sealer;
  /** Bounds the test messages an organization asks for (delivery-schedule.ts TEST_MESSAGE_RULE). */
  readonly limiter: Pick<Limiter, 'consume'>;
  readonly now: () => number;
}) {
  const secretPlace = (webhookId: string) => `exchange_webhooks.secret:${webhookId}`;
  const db = () => deps.store.db<WebhookTables>();
  let subscription: Subscription | undefined;
  let poller: ReturnType<typeof pollDeliveries> | undefined;
  const stop = new AbortController();

  /** What an organization may read now, as its deliveries are decided (undefined: it is gone). */
  const readableBy = async (orgId: string) => {
    const principal = await deps.orgPrincipal(orgId);
    if (principal === undefined) return undefined;
    const viewer = viewerOf(principal);
    const policies = new Map(
      (await deps.exchange.collectionsFor(viewer))
        .filter((a) => a.canRead)
        .map((a) => [a.collection.id, a.policy]),
    );
    return { viewer, policies };
  };

  /** Put one message in a hook's outbox, due now; its delivery id. */
  const queue = async (webhookId: string, body: string) => {
    const id = `msg_${randomUUID()}`;
    await db()
      .insertInto('exchange_webhook_deliveries')
      .values({
        id,
        webhook_id: webhookId,
        body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: deps.now(),
        lease_until: null,
        last_status: null,
        last_error: null,
        created_at: deps.now(),
        delivered_at: null,
      })
      .execute();
    return id;
  };

  const fanOut = async (event: AddedEvent) => {
    const hooks = await db()
      .selectFrom('exchange_webhooks')
      .selectAll()
      .where('enabled', '=', 1)
      .execute();
    for (const hook of hooks) {
      const readable = await readableBy(hook.org_id);
      if (readable === undefined) continue;
      const { viewer, policies } = readable;
      const types = hook.types === null ? undefined : new Set(JSON.parse(hook.types) as string[]);
      const collections =
        hook.collections === null ? undefined : new Set(JSON.parse(hook.collections) as string[]);
      const shown = projectAdded(event, {
        viewer,
        policies,
        ...(types === undefined ? {} : { types }),
        ...(collections === undefined ? {} : { collections }),
      });
      if (shown === undefined) continue;
      await queue(
        hook.id,
        JSON.stringify({
          type: 'intel.objects.added',
          timestamp: new Date(deps.now()).toISOString(),
          data: shown,
        }),
      );
    }
  };

  /** Take up to BATCH due deliveries for this instance. */
  const claim = async () => {
    const now = deps.now();
    const due = await db()
      .selectFrom('exchange_webhook_deliveries')
      .select(['id'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .orderBy('next_attempt_at')
      .limit(BATCH)
      .execute();
    const mine: string[] = [];
    for (const { id } of due) {
      const r = await db()
        .updateTable('exchange_webhook_deliveries')
        .set({ lease_until: now + LEASE_MS })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 1) mine.push(id);
    }
    return mine;
  };

  const deliver = async (deliveryId: string) => {
    const d = await db()
      .selectFrom('exchange_webhook_deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    const hook = await db()
      .selectFrom('exchange_webhooks')
      .selectAll()
      .where('id', '=', d.webhook_id)
      .executeTakeFirst();
    if (hook === undefined || hook.enabled !== 1) {
      await db()
        .updateTable('exchange_webhook_deliveries')
        .set({
          status: 'failed',
          last_error: 'the webhook was removed or disabled',
          lease_until: null,
        })
        .where('id', '=', d.id)
        .execute();
      return;
    }
    const secret = deps.sealer.open(hook.secret, secretPlace(hook.id));
    const headers = signWebhook(secret, d.id, Math.floor(deps.now() / 1000), d.body);
    const outcome = await postWebhook(hook.url, d.body, headers, {
      allowInternal: deps.allowInternal,
      signal: stop.signal,
      userAgent: 'Shieldwall-Webhooks/1',
    });
    const attempts = d.attempts + 1;
    if (outcome.ok) {
      await db()
        .updateTable('exchange_webhook_deliveries')
        .set({
          status: 'delivered',
          attempts,
          last_status: outcome.status ?? null,
          last_error: null,
          delivered_at: deps.now(),
          lease_until: null,
        })
        .where('id', '=', d.id)
        .execute();
      // Not gated on the row read before the post: another server's failure may have counted since.
      await db()
        .updateTable('exchange_webhooks')
        .set({ failed_in_a_row: 0 })
        .where('id', '=', hook.id)
        .where('failed_in_a_row', '>', 0)
        .execute();
      return;
    }
    const wait = retryAfter(attempts, outcome);
    await db()
      .updateTable('exchange_webhook_deliveries')
      .set({
        status: wait === undefined ? 'failed' : 'pending',
        attempts,
        next_attempt_at: deps.now() + (wait ?? 0) * 1000,
        last_status: outcome.status ?? null,
        last_error: (outcome.error ?? 'failed').slice(0, 300),
        lease_until: null,
      })
      .where('id', '=', d.id)
      .execute();
    if (wait === undefined) {
      // Counted in the database, not from the row read before the post: several servers deliver at
      // once, and two deliveries failing together must count twice; only the update that turns the
      // hook off is audited.
      await db()
        .updateTable('exchange_webhooks')
        .set((eb) => ({ failed_in_a_row: eb('failed_in_a_row', '+', 1) }))
        .where('id', '=', hook.id)
        .execute();
      const disabled = await db()
        .updateTable('exchange_webhooks')
        .set({ enabled: 0 })
        .where('id', '=', hook.id)
        .where('enabled', '=', 1)
        .where('failed_in_a_row', '>=', DISABLE_AFTER)
        .executeTakeFirst();
      if (Number(disabled.numUpdatedRows) === 1)
        await deps.audit.append({
          actor: 'system:webhooks',
          action: 'exchange.webhook.disabled',
          subject: `webhook:${hook.id}`,
          data: {
            orgId: hook.org_id,
            reason: `${DISABLE_AFTER} deliveries in a row failed after every retry`,
          },
        });
    }
  };

  const tick = async () => {
    for (const id of await claim()) {
      if (stop.signal.aborted) return;
      await deliver(id);
    }
  };

  return {
    /** Register an endpoint for an organization; the secret is returned here and never again. */
    async create(
      input: {
        readonly orgId: string;
        readonly url: string;
        readonly types?: readonly string[];
        readonly collections?: readonly string[];
      },
      actor: string,
    ): Promise<{ webhook: Webhook; secret: string }> {
      const problem = webhookUrlProblems(input.url, deps.allowInternal);
      if (problem !== undefined)
        throw exchangeErrors.create('bad_webhook', {
          message: `The webhook URL is not acceptable: ${problem.en}.`,
          es: `La dirección del webhook no es aceptable: ${problem.es}.`,
        });
      const count = await db()
        .selectFrom('exchange_webhooks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('org_id', '=', input.orgId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_HOOKS_PER_ORG)
        throw exchangeErrors.create('bad_webhook', {
          message: `An organization may have ${MAX_HOOKS_PER_ORG} webhooks.`,
          es: `Una organización puede tener ${MAX_HOOKS_PER_ORG} webhooks.`,
        });
      if (input.collections !== undefined) {
        // Limited to collections the organization cannot read, the hook would stay silent: say so now.
        const readable = await readableBy(input.orgId);
        const unreadable = input.collections.filter((c) => readable?.policies.has(c) !== true);
        if (unreadable.length > 0)
          throw exchangeErrors.create('bad_webhook', {
            message: `A webhook can be limited only to collections your organization may read; it may not read ${unreadable.join(', ')}.`,
            es: `Un webhook solo puede limitarse a colecciones que su organización puede leer; no puede leer ${unreadable.join(', ')}.`,
          });
      }
      const id = randomUUID();
      const secret = newWebhookSecret();
      const row: WebhookTable = {
        id,
        org_id: input.orgId,
        url: input.url,
        secret: deps.sealer.seal(secret, secretPlace(id)),
        types: input.types === undefined ? null : JSON.stringify(input.types),
        collections: input.collections === undefined ? null : JSON.stringify(input.collections),
        enabled: 1,
        created_at: deps.now(),
        created_by: actor,
        failed_in_a_row: 0,
      };
      await db().insertInto('exchange_webhooks').values(row).execute();
      await deps.audit.append({
        actor,
        action: 'exchange.webhook.created',
        subject: `webhook:${row.id}`,
        data: {
          orgId: input.orgId,
          url: input.url,
          types: input.types ?? null,
          collections: input.collections ?? null,
        },
      });
      return { webhook: toWebhook(row), secret };
    },

    async list(orgId: string): Promise<Webhook[]> {
      const rows = await db()
        .selectFrom('exchange_webhooks')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .execute();
      return rows.map(toWebhook);
    },

    /** The organization's hook, or `webhook_not_found` (also for another organization's). */
    async get(orgId: string, id: string): Promise<Webhook> {
      const row = await db()
        .selectFrom('exchange_webhooks')
        .selectAll()
        .where('id', '=', id)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (row === undefined) throw exchangeErrors.create('webhook_not_found');
      return toWebhook(row);
    },

    async remove(orgId: string, id: string, actor: string): Promise<void> {
      await this.get(orgId, id);
      await db().deleteFrom('exchange_webhooks').where('id', '=', id).execute();
      await deps.audit.append({
        actor,
        action: 'exchange.webhook.removed',
        subject: `webhook:${id}`,
        data: { orgId },
      });
    },

    /**
     * Turn a hook back on (after it was turned off for failing, or by an admin) or off. Turning it on
     * forgets its failures in a row; messages made while it was off are not sent afterwards.
     */
    async setEnabled(orgId: string, id: string, enabled: boolean, actor: string): Promise<Webhook> {
      const hook = await this.get(orgId, id);
      if (hook.enabled === enabled) return hook;
      await db()
        .updateTable('exchange_webhooks')
        .set({ enabled: enabled ? 1 : 0, ...(enabled ? { failed_in_a_row: 0 } : {}) })
        .where('id', '=', id)
        .execute();
      await deps.audit.append({
        actor,
        action: enabled ? 'exchange.webhook.enabled' : 'exchange.webhook.paused',
        subject: `webhook:${id}`,
        data: { orgId },
      });
      return { ...hook, enabled };
    },

    /**
     * Queue a signed test message (`"type": "webhook.test"`, no intelligence in it) to one of the
     * organization's hooks that is on, so that its admins can see their endpoint receive and verify
     * one. While one waits to be delivered, asking again returns that one: a button pressed many
     * times does not flood the endpoint.
     */
    async sendTest(orgId: string, id: string, actor: string): Promise<{ deliveryId: string }> {
      const hook = await this.get(orgId, id);
      if (!hook.enabled) throw exchangeErrors.create('webhook_off');
      const waiting = await db()
        .selectFrom('exchange_webhook_deliveries')
        .select('id')
        .where('webhook_id', '=', id)
        .where('status', '=', 'pending')
        .where('body', 'like', `{"type":"${TEST_TYPE}"%`)
        .executeTakeFirst();
      if (waiting !== undefined) return { deliveryId: waiting.id };
      const wait = await takeTestMessage(deps.limiter, `exchange:webhook-test:${orgId}`);
      if (wait > 0) throw exchangeErrors.create('webhook_tests_limited', testsLimited(wait));
      const deliveryId = await queue(
        id,
        JSON.stringify({
          type: TEST_TYPE,
          timestamp: new Date(deps.now()).toISOString(),
          data: {
            webhook_id: id,
            message: 'A test message from Shieldwall: this endpoint will receive new intelligence.',
          },
        }),
      );
      await deps.audit.append({
        actor,
        action: 'exchange.webhook.tested',
        subject: `webhook:${id}`,
        data: { orgId, deliveryId },
      });
      return { deliveryId };
    },

    /** The latest deliveries of one of the organization's hooks. */
    async deliveries(orgId: string, id: string, limit = 50): Promise<WebhookDelivery[]> {
      await this.get(orgId, id);
      const rows = await db()
        .selectFrom('exchange_webhook_deliveries')
        .select([
          'id',
          'status',
          'attempts',
          'last_status',
          'last_error',
          'created_at',
          'delivered_at',
          // Only the start of the body, where its type is: a body may hold a thousand objects.
          sql<string>`substr(body, 1, 40)`.as('head'),
        ])
        .where('webhook_id', '=', id)
        .orderBy('created_at', 'desc')
        .limit(Math.max(1, Math.min(200, limit)))
        .execute();
      return rows.map((d) => ({
        id: d.id,
        type: d.head.startsWith(`{"type":"${TEST_TYPE}"`) ? TEST_TYPE : 'intel.objects.added',
        status: d.status as WebhookDelivery['status'],
        attempts: d.attempts,
        lastStatus: d.last_status,
        lastError: d.last_error,
        createdAt: Number(d.created_at),
        deliveredAt: d.delivered_at === null ? null : Number(d.delivered_at),
      }));
    },

    /** Fill the outbox from the bus and deliver it, until `close`. */
    async start(ready: () => boolean = () => true): Promise<void> {
      subscription = await deps.bus.subscribe(
        OBJECTS_ADDED,
        async (event) => fanOut(event.data as AddedEvent),
        {
          durable: CONSUMER,
          from: 'new',
        },
      );
      poller = pollDeliveries(tick, {
        ready,
        onError: (err) => deps.logger.warn({ err: err.message }, 'webhook delivery failed'),
      });
    },

    async close(): Promise<void> {
      const stopped = poller?.stop(); // no new round from here on
      stop.abort();
      await subscription?.unsubscribe();
      await stopped;
    },
  };
}

function toWebhook(row: WebhookTable): Webhook {
  return {
    id: row.id,
    orgId: row.org_id,
    url: row.url,
    types: row.types === null ? null : (JSON.parse(row.types) as string[]),
    collections: row.collections === null ? null : (JSON.parse(row.collections) as string[]),
    enabled: row.enabled === 1,
    createdAt: Number(row.created_at),
  };
}
