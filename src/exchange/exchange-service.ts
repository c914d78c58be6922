/**
 * The exchange's use cases over the object store: who may read and write which
 * collection (capabilities from the trust tier, organization-owned collections
 * for their members only), what each reader may see under TLP 2.0, status
 * resources for every POST, and the audit log and the bus for every change.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { can, type Principal } from '../access/index.js';
import type { AuditLog, PendingAuditEntry } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import {
  anonymousViewer,
  type CollectionPolicy,
  type Marked,
  mayRead,
  mayReadCollection,
  mayWriteCollection,
  recipientsOf,
  TLP_CAPABILITY,
  type Viewer,
} from './engine/sharing/index.js';
import { TLP_LEVELS, type TlpLevel } from './engine/stix/index.js';
import type { ExchangeObjectRow, ExchangeTables } from './exchange-tables.js';
import {
  type AddResult,
  type Collection,
  createObjectStore,
  type Page,
  type Query,
} from './object-store.js';
import { createSharingGroups, type GroupActor, orgsOf, type ResolveOrg } from './sharing-groups.js';
import { exchangeErrors } from './taxii-errors.js';

/** The collection every server has: shared intelligence anyone may read (TLP:CLEAR) and verified defenders may add to. */
export const DEFAULT_COLLECTION_ID = '7a5b7e38-5f0e-4f0b-9d7e-0e6d2c2b1a01';
/** Subject announced after objects are added (the matcher and other instances follow it). */
export const OBJECTS_ADDED = 'exchange.objects.added';

export interface CollectionAccess {
  readonly collection: Collection;
  readonly canRead: boolean;
  readonly canWrite: boolean;
  /** The rules `mayRead` applies to this collection's objects. */
  readonly policy: CollectionPolicy;
}

export interface StatusResource {
  readonly id: string;
  readonly status: 'complete';
  readonly requestTimestamp: string;
  readonly outcome: AddResult;
}

/** One object version as the bus announces it: enough for `mayRead` without a lookup. */
export interface AnnouncedObject extends Marked {
  readonly id: string;
  readonly version: string;
  readonly type: string;
}

export type Exchange = ReturnType<typeof createExchange>;

/** The sharing view of a principal (what `mayRead` needs to know about the reader). */
/** Anyone at all: what this reader may read can be shown to the public (warnings, auto-publication). */
export const PUBLIC_VIEWER: Viewer = anonymousViewer(new Set(['intel.read:clear']));

export function viewerOf(p: Principal): Viewer {
  const writerOrgs =
    p.kind === 'org'
      ? new Set([p.orgId])
      : p.kind === 'user'
        ? new Set([...p.orgs].filter(([, role]) => role !== 'member').map(([id]) => id))
        : new Set<string>();
  return { tier: p.tier, has: (c) => can(p, c).allowed, orgs: orgsOf(p), writerOrgs };
}

/** The rules of a row, for `mayRead`. */
export function markedOf(r: Pick<ExchangeObjectRow, 'tlp' | 'source_org' | 'recipients'>): Marked {
  let recipients: string[] = [];
  if (r.recipients !== null) {
    try {
      recipients = recipientsOf({ x_shieldwall_recipient_orgs: JSON.parse(r.recipients) });
    } catch {
      recipients = []; // unreadable: names no one
    }
  }
  return { tlp: r.tlp, sourceOrg: r.source_org, recipients };
}

export function createExchange(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly bus: Bus;
  readonly now: () => number;
  /** Organization ids from names or ids (the access directory); none resolve without it. */
  readonly resolveOrg?: ResolveOrg;
}) {
  const objects = createObjectStore({ store: deps.store, now: deps.now });
  const groups = createSharingGroups({
    store: deps.store,
    audit: deps.audit,
    bus: deps.bus,
    resolveOrg: deps.resolveOrg ?? (async () => undefined),
    now: deps.now,
  });
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

  type GroupMap = Awaited<ReturnType<typeof groups.collectionGroups>>;
  const policyOf = (c: Collection, g: GroupMap): CollectionPolicy => {
    const e = g.get(c.id);
    return {
      ownerOrg: c.ownerOrg,
      readCapability: c.readCapability,
      writeCapability: c.writeCapability,
      hasGroups: e !== undefined,
      readOrgs: e?.readOrgs ?? new Set(),
      writeOrgs: e?.writeOrgs ?? new Set(),
    };
  };

  const accessTo = (v: Viewer, c: Collection, g: GroupMap): CollectionAccess => {
    const policy = policyOf(c, g);
    return {
      collection: c,
      canRead: mayReadCollection(v, policy),
      canWrite: mayWriteCollection(v, policy),
      policy,
    };
  };

  /** TLP levels a principal's tier may read: each level whose `intel.read:<level>` it holds. */
  const visibleTlp = (p: Principal): TlpLevel[] =>
    TLP_LEVELS.filter((l) => can(p, TLP_CAPABILITY[l]).allowed);

  /** The collection for a viewer, or 404 when it does not exist or is not shared with the viewer. */
  const findFor = async (v: Viewer, id: string): Promise<CollectionAccess> => {
    await ensureDefault();
    const c = await objects.collection(id);
    if (c === undefined) throw exchangeErrors.create('collection_not_found');
    const a = accessTo(v, c, await groups.collectionGroups());
    if ((c.ownerOrg !== null || a.policy.hasGroups) && !a.canRead && !a.canWrite)
      throw exchangeErrors.create('collection_not_found');
    return a;
  };

  const refuse = (p: Principal, what: 'read' | 'write'): never => {
    if (p.kind === 'anonymous') throw exchangeErrors.create('unauthenticated');
    throw exchangeErrors.create('forbidden', {
      message: `Your access level does not include ${what === 'read' ? 'reading' : 'adding to'} this collection.`,
    });
  };

  /** The organization a principal shares as, in this collection. */
  const sourceOrgOf = (p: Principal, a: CollectionAccess): string | null => {
    const v = viewerOf(p);
    if (p.kind === 'org') return p.orgId;
    const owner = a.collection.ownerOrg;
    if (owner !== null && v.writerOrgs.has(owner)) return owner;
    const inGroups = [...v.writerOrgs].filter((o) => a.policy.writeOrgs.has(o)).sort();
    if (inGroups[0] !== undefined) return inGroups[0];
    return v.orgs.size === 1 ? ([...v.orgs][0] ?? null) : null;
  };

  /** Only the rows the viewer may see: the one filter every read path goes through. */
  const visibleRows = (v: Viewer, a: CollectionAccess, page: Page): Page => ({
    ...page,
    rows: page.rows.filter((r) => mayRead(v, a.policy, markedOf(r))),
  });

  /** Validate and keep objects, keep a status resource, audit, and announce what was new. */
  const store = async (
    collectionId: string,
    input: readonly unknown[],
    actor: string,
    requestId: string,
    sourceOrg: string | null,
  ): Promise<StatusResource> => {
    const requestTimestamp = new Date(deps.now()).toISOString();
    const id = randomUUID();
    // The status record and the audit entry are written in the objects' own transaction: one
    // commit per request, and objects are never kept without either.
    let audited: PendingAuditEntry | undefined;
    /** What was stored now, each with its own version's sharing facts: what the bus announces. */
    let announced: readonly AnnouncedObject[] = [];
    const outcome = await objects.add(
      collectionId,
      input,
      actor,
      sourceOrg,
      async (trx, result, stored) => {
        announced = stored;
        await trx
          .insertInto('exchange_status')
          .values({
            id,
            collection_id: collectionId,
            added_by: actor,
            request_timestamp: requestTimestamp,
            outcome: JSON.stringify(result),
            created_at: deps.now(),
          })
          .execute();
        const added = stored.length;
        audited = await deps.audit.appendWithin(trx as Kysely<unknown>, {
          actor,
          action: 'exchange.objects.added',
          subject: `collection:${collectionId}`,
          data: {
            status: id,
            added,
            refused: result.failures.length,
            already: result.successes.length - added,
            sourceOrg,
          },
          requestId,
        });
      },
    );
    const announcements: Promise<unknown>[] = [audited?.announce() ?? Promise.resolve()];
    if (announced.length > 0) {
      // Each object's sharing facts travel with it, so live streams apply `mayRead` to every event.
      // Published together, so an embedded bus journals both in one commit.
      announcements.push(
        deps.bus.publish(
          OBJECTS_ADDED,
          { collection: collectionId, objects: announced },
          { msgId: `exchange-status-${id}` },
        ),
      );
    }
    await Promise.all(announcements);
    return { id, status: 'complete', requestTimestamp, outcome };
  };

  return {
    objects,
    groups,
    ensureDefault,

    async collections(p: Principal): Promise<CollectionAccess[]> {
      await ensureDefault();
      const v = viewerOf(p);
      const g = await groups.collectionGroups();
      return (await objects.collections())
        .map((c) => accessTo(v, c, g))
        .filter((a) => a.canRead || a.canWrite);
    },

    /** Every collection with its rules, for a viewer (live streams keep this and refresh it). */
    async collectionsFor(v: Viewer): Promise<CollectionAccess[]> {
      await ensureDefault();
      const g = await groups.collectionGroups();
      return (await objects.collections()).map((c) => accessTo(v, c, g));
    },

    collection: (p: Principal, id: string) => findFor(viewerOf(p), id),
    visibleTlp,

    async read(p: Principal, collectionId: string, q: Query): Promise<Page> {
      const v = viewerOf(p);
      const a = await findFor(v, collectionId);
      if (!a.canRead) refuse(p, 'read');
      return visibleRows(v, a, await objects.query(collectionId, q));
    },

    /** Read as a viewer that is not a request's principal (exports, federation): the same rules. */
    async readAs(v: Viewer, collectionId: string, q: Query): Promise<Page> {
      await ensureDefault();
      const c = await objects.collection(collectionId);
      if (c === undefined) throw exchangeErrors.create('collection_not_found');
      // A collection this reader may not use reads as empty (for a request it would be a 404).
      const a = accessTo(v, c, await groups.collectionGroups());
      if (!a.canRead) return { rows: [], more: false };
      return visibleRows(v, a, await objects.query(collectionId, q));
    },

    async add(
      p: Principal,
      collectionId: string,
      input: readonly unknown[],
      actor: string,
      requestId: string,
    ): Promise<StatusResource> {
      const a = await findFor(viewerOf(p), collectionId);
      if (!a.canWrite) refuse(p, 'write');
      return store(collectionId, input, actor, requestId, sourceOrgOf(p, a));
    },

    /**
     * An operator's import (the CLI): no principal, the same validation, status, audit and
     * announcement. The objects are shared as `sourceOrg` (default: the collection's owner).
     */
    async importAs(
      actor: string,
      collectionId: string,
      input: readonly unknown[],
      requestId: string,
      sourceOrg?: string,
    ): Promise<StatusResource> {
      await ensureDefault();
      const c = await objects.collection(collectionId);
      if (c === undefined) throw exchangeErrors.create('collection_not_found');
      return store(collectionId, input, actor, requestId, sourceOrg ?? c.ownerOrg);
    },

    /** Create a collection, optionally owned by an organization and shared with groups; audited. */
    async createCollection(
      a: GroupActor,
      input: {
        title: string;
        description?: string;
        ownerOrg?: string;
        readCapability?: string;
        writeCapability?: string;
        groups?: readonly { group: string; write: boolean }[];
      },
    ): Promise<Collection> {
      const title = input.title.trim();
      if (title.length === 0 || title.length > 200)
        throw exchangeErrors.create('bad_sharing_input', {
          message: 'A collection title is 1 to 200 characters.',
        });
      for (const cap of [input.readCapability, input.writeCapability])
        if (
          cap !== undefined &&
          !/^(tier:[0-9]{1,2}|[a-z][a-z0-9.-]{0,60}(:[a-z0-9+-]{1,30})?)$/.test(cap)
        )
          throw exchangeErrors.create('bad_sharing_input', {
            message: `"${cap.slice(0, 80)}" is not a capability or tier:N.`,
          });
      let ownerOrg: string | undefined;
      if (input.ownerOrg !== undefined) {
        ownerOrg = await deps.resolveOrg?.(input.ownerOrg);
        if (ownerOrg === undefined)
          throw exchangeErrors.create('org_not_found', {
            message: `There is no organization "${input.ownerOrg.slice(0, 100)}".`,
          });
      }
      if (!groups.mayManage(a, ownerOrg ?? null))
        throw exchangeErrors.create('forbidden', {
          message: 'Only an admin of the owning organization or an operator may create it.',
        });
      for (const g of input.groups ?? [])
        if ((await groups.find(g.group)) === undefined)
          throw exchangeErrors.create('group_not_found', {
            message: `There is no sharing group "${g.group.slice(0, 100)}".`,
          });
      const c = await objects.createCollection({
        title,
        ...(input.description === undefined ? {} : { description: input.description }),
        ...(ownerOrg === undefined ? {} : { ownerOrg }),
        ...(input.readCapability === undefined ? {} : { readCapability: input.readCapability }),
        ...(input.writeCapability === undefined ? {} : { writeCapability: input.writeCapability }),
      });
      await deps.audit.append({
        actor: a.actor,
        action: 'exchange.collection.created',
        subject: `collection:${c.id}`,
        data: {
          title,
          ownerOrg: c.ownerOrg,
          read: c.readCapability,
          write: c.writeCapability,
        },
        requestId: a.requestId,
      });
      if (input.groups !== undefined && input.groups.length > 0)
        await groups.attach(a, c.id, input.groups);
      return c;
    },

    /**
     * Share a collection with a sharing group (its members read; and add, when `write`), or stop
     * sharing it (`write: null`). The collection's owner's admins, or operators; audited.
     */
    async shareCollection(
      a: GroupActor,
      collectionId: string,
      group: string,
      write: boolean | null,
    ): Promise<void> {
      await ensureDefault();
      const c = await objects.collection(collectionId);
      if (c === undefined || !groups.mayManage(a, c.ownerOrg))
        throw exchangeErrors.create('collection_not_found');
      if (write === null) {
        if (!(await groups.detach(a, collectionId, group)))
          throw exchangeErrors.create('group_not_found', {
            message: 'That group is not attached to this collection.',
          });
        return;
      }
      await groups.attach(a, collectionId, [{ group, write }]);
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
      const a = await findFor(viewerOf(p), collectionId);
      if (!a.canWrite) refuse(p, 'write');
      const mine = await db()
        .selectFrom('exchange_object')
        .select(['added_by', 'tlp', 'source_org', 'recipients'])
        .where('collection_id', '=', collectionId)
        .where('id', '=', objectId)
        .execute();
      // An object the caller may not read does not exist for it (no 403 that confirms it is there).
      const v = viewerOf(p);
      if (mine.length === 0 || !mine.some((r) => mayRead(v, a.policy, markedOf(r))))
        throw exchangeErrors.create('object_not_found');
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
