/**
 * The exchange's use cases over the object store: who may read and write which
 * collection (capabilities from the trust tier, organization-owned collections
 * for their members only), what each reader may see under TLP 2.0, status
 * resources for every POST, and the audit log and the bus for every change.
 */
import { randomUUID } from 'node:crypto';
import { can, type Principal } from '../access/index.js';
import type { AuditLog } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import { TLP_LEVELS, type TlpLevel, tlpOf } from './engine/stix/index.js';
import type { ExchangeTables } from './exchange-tables.js';
import {
  type AddResult,
  type Collection,
  createObjectStore,
  type Page,
  type Query,
} from './object-store.js';
import { exchangeErrors } from './taxii-errors.js';

/** The collection every server has: shared intelligence anyone may read (TLP:CLEAR) and verified defenders may add to. */
export const DEFAULT_COLLECTION_ID = '7a5b7e38-5f0e-4f0b-9d7e-0e6d2c2b1a01';
/** Subject announced after objects are added (the matcher and other instances follow it). */
export const OBJECTS_ADDED = 'exchange.objects.added';

export interface CollectionAccess {
  readonly collection: Collection;
  readonly canRead: boolean;
  readonly canWrite: boolean;
}

export interface StatusResource {
  readonly id: string;
  readonly status: 'complete';
  readonly requestTimestamp: string;
  readonly outcome: AddResult;
}

export type Exchange = ReturnType<typeof createExchange>;

export function createExchange(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly bus: Bus;
  readonly now: () => number;
}) {
  const objects = createObjectStore({ store: deps.store, now: deps.now });
  const db = () => deps.store.db<ExchangeTables>();
  let ensured: Promise<void> | undefined;

  const ensureDefault = () => {
    ensured ??= (async () => {
      if ((await objects.collection(DEFAULT_COLLECTION_ID)) !== undefined) return;
      try {
        await objects.createCollection({
          id: DEFAULT_COLLECTION_ID,
          title: 'Shared threat intelligence',
          description:
            'Indicators and reports shared by everyone on this server. Anyone may read what is marked TLP:CLEAR; verified defenders may add.',
        });
      } catch (err) {
        if (!deps.store.isUniqueViolation(err)) throw err; // another instance made it first
      }
    })().catch((err: unknown) => {
      ensured = undefined;
      throw err;
    });
    return ensured;
  };

  const accessTo = (p: Principal, c: Collection): CollectionAccess => {
    const owner = c.ownerOrg === null ? undefined : c.ownerOrg;
    return {
      collection: c,
      canRead: can(p, c.readCapability, owner === undefined ? undefined : { orgId: owner }).allowed,
      canWrite: can(
        p,
        c.writeCapability,
        owner === undefined ? undefined : { orgId: owner, minRole: 'analyst' },
      ).allowed,
    };
  };

  /** TLP levels a principal may read: each `intel.read:<level>` it holds. */
  const visibleTlp = (p: Principal): TlpLevel[] =>
    TLP_LEVELS.filter((l) => can(p, `intel.read:${l}`).allowed);

  /** The collection, or 404 when it does not exist or belongs to another organization. */
  const find = async (p: Principal, id: string): Promise<CollectionAccess> => {
    await ensureDefault();
    const c = await objects.collection(id);
    if (c === undefined) throw exchangeErrors.create('collection_not_found');
    const a = accessTo(p, c);
    if (c.ownerOrg !== null && !a.canRead && !a.canWrite)
      throw exchangeErrors.create('collection_not_found');
    return a;
  };

  const refuse = (p: Principal, what: 'read' | 'write'): never => {
    if (p.kind === 'anonymous') throw exchangeErrors.create('unauthenticated');
    throw exchangeErrors.create('forbidden', {
      message: `Your access level does not include ${what === 'read' ? 'reading' : 'adding to'} this collection.`,
    });
  };

  /** Validate and keep objects, keep a status resource, audit, and announce what was new. */
  const store = async (
    collectionId: string,
    input: readonly unknown[],
    actor: string,
    requestId: string,
  ): Promise<StatusResource> => {
    const requestTimestamp = new Date(deps.now()).toISOString();
    const outcome = await objects.add(collectionId, input, actor);
    const tlpById = new Map(
      input.flatMap((o) => {
        const x = o as { id?: unknown; object_marking_refs?: unknown } | null;
        return typeof x?.id === 'string' ? [[x.id, tlpOf(x) ?? null] as const] : [];
      }),
    );
    const id = randomUUID();
    await db()
      .insertInto('exchange_status')
      .values({
        id,
        collection_id: collectionId,
        added_by: actor,
        request_timestamp: requestTimestamp,
        outcome: JSON.stringify(outcome),
        created_at: deps.now(),
      })
      .execute();
    const added = outcome.successes.filter((s) => s.message === undefined);
    await deps.audit.append({
      actor,
      action: 'exchange.objects.added',
      subject: `collection:${collectionId}`,
      data: {
        status: id,
        added: added.length,
        refused: outcome.failures.length,
        already: outcome.successes.length - added.length,
      },
      requestId,
    });
    if (added.length > 0)
      await deps.bus.publish(
        OBJECTS_ADDED,
        {
          collection: collectionId,
          // Each object's TLP travels with it, so live streams show readers only what they may see.
          objects: added.map((s) => ({
            id: s.id,
            version: s.version,
            tlp: tlpById.get(s.id) ?? null,
          })),
        },
        { msgId: `exchange-status-${id}` },
      );
    return { id, status: 'complete', requestTimestamp, outcome };
  };

  return {
    objects,
    ensureDefault,

    async collections(p: Principal): Promise<CollectionAccess[]> {
      await ensureDefault();
      return (await objects.collections())
        .map((c) => accessTo(p, c))
        .filter((a) => a.canRead || a.canWrite);
    },

    collection: find,
    visibleTlp,

    async read(p: Principal, collectionId: string, q: Query): Promise<Page> {
      const a = await find(p, collectionId);
      if (!a.canRead) refuse(p, 'read');
      return objects.query(collectionId, { ...q, visibleTlp: visibleTlp(p) });
    },

    async add(
      p: Principal,
      collectionId: string,
      input: readonly unknown[],
      actor: string,
      requestId: string,
    ): Promise<StatusResource> {
      const a = await find(p, collectionId);
      if (!a.canWrite) refuse(p, 'write');
      return store(collectionId, input, actor, requestId);
    },

    /** An operator's import (the CLI): no principal, the same validation, status, audit and announcement. */
    async importAs(
      actor: string,
      collectionId: string,
      input: readonly unknown[],
      requestId: string,
    ): Promise<StatusResource> {
      await ensureDefault();
      if ((await objects.collection(collectionId)) === undefined)
        throw exchangeErrors.create('collection_not_found');
      return store(collectionId, input, actor, requestId);
    },

    /** A status resource; only whoever made the request may read it. */
    async status(actor: string, statusId: string): Promise<StatusResource> {
      const row = await db()
        .selectFrom('exchange_status')
        .selectAll()
        .where('id', '=', statusId)
        .executeTakeFirst();
      if (row === undefined || row.added_by !== actor)
        throw exchangeErrors.create('status_not_found');
      return {
        id: row.id,
        status: 'complete',
        requestTimestamp: row.request_timestamp,
        outcome: JSON.parse(row.outcome) as AddResult,
      };
    },

    /** Delete an object's versions: whoever added them, or an operator. */
    async delete(
      p: Principal,
      collectionId: string,
      objectId: string,
      actor: string,
      requestId: string,
      versions?: readonly string[],
    ): Promise<number> {
      const a = await find(p, collectionId);
      if (!a.canWrite) refuse(p, 'write');
      const mine = await db()
        .selectFrom('exchange_object')
        .select('added_by')
        .where('collection_id', '=', collectionId)
        .where('id', '=', objectId)
        .execute();
      if (mine.length === 0) throw exchangeErrors.create('object_not_found');
      if (!can(p, 'access.admin').allowed && mine.some((r) => r.added_by !== actor))
        refuse(p, 'write');
      const n = await objects.delete(
        collectionId,
        objectId,
        versions === undefined ? {} : { version: versions },
      );
      await deps.audit.append({
        actor,
        action: 'exchange.objects.deleted',
        subject: `collection:${collectionId}`,
        data: { object: objectId, versions: n },
        requestId,
      });
      return n;
    },
  };
}
