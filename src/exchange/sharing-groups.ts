/**
 * Sharing groups: named sets of organizations that collections are shared with.
 * An organization's admins (with `intel.write`) manage the groups their
 * organization owns; operators (`access.admin`) manage every group, and the CLI
 * acts as an operator. Every change is audited and announced on the bus, so
 * live streams re-check what their readers may see.
 */
import { randomUUID } from 'node:crypto';
import { can, type Principal } from '../access/index.js';
import type { AuditLog } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import type { ExchangeSharingGroupRow, ExchangeTables } from './exchange-tables.js';
import { exchangeErrors } from './taxii-errors.js';

/** Subject announced after a group, its members or a collection's groups change. */
export const SHARING_CHANGED = 'exchange.sharing.changed';
/** Most organizations in one group, and groups on one collection. */
export const MAX_GROUP_MEMBERS = 1000;
export const MAX_COLLECTION_GROUPS = 50;
const NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SharingGroup {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly ownerOrg: string | null;
  readonly members: readonly string[];
}

/** Who acts: a principal over HTTP, or an operator at the command line. */
export type GroupActor =
  | {
      readonly kind: 'principal';
      readonly principal: Principal;
      readonly actor: string;
      readonly requestId: string;
    }
  | { readonly kind: 'operator'; readonly actor: string; readonly requestId: string };

/** Organization ids resolved from a name or id; undefined when there is none. */
export type ResolveOrg = (nameOrId: string) => Promise<string | undefined>;

export type SharingGroups = ReturnType<typeof createSharingGroups>;

export function createSharingGroups(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly bus: Bus;
  readonly resolveOrg: ResolveOrg;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<ExchangeTables>();

  const mayManage = (a: GroupActor, ownerOrg: string | null): boolean => {
    if (a.kind === 'operator') return true;
    if (can(a.principal, 'access.admin').allowed) return true;
    return (
      ownerOrg !== null &&
      can(a.principal, 'intel.write', { orgId: ownerOrg, minRole: 'admin' }).allowed
    );
  };

  const org = async (nameOrId: string): Promise<string> => {
    if (nameOrId.length === 0 || nameOrId.length > 200)
      throw exchangeErrors.create('org_not_found');
    const id = await deps.resolveOrg(nameOrId);
    if (id === undefined)
      throw exchangeErrors.create('org_not_found', {
        message: `There is no organization "${nameOrId.slice(0, 100)}".`,
      });
    return id;
  };

  const row = async (idOrName: string): Promise<ExchangeSharingGroupRow | undefined> =>
    idOrName.length > 200
      ? undefined
      : db()
          .selectFrom('exchange_sharing_group')
          .selectAll()
          .where((eb) =>
            UUID.test(idOrName) ? eb('id', '=', idOrName) : eb('name', '=', idOrName),
          )
          .executeTakeFirst();

  const membersOf = async (groupIds: readonly string[]): Promise<Map<string, string[]>> => {
    const out = new Map<string, string[]>(groupIds.map((g) => [g, []]));
    if (groupIds.length === 0) return out;
    const rows = await db()
      .selectFrom('exchange_sharing_group_member')
      .select(['group_id', 'org_id'])
      .where('group_id', 'in', [...groupIds])
      .orderBy('org_id')
      .execute();
    for (const r of rows) out.get(r.group_id)?.push(r.org_id);
    return out;
  };

  const toGroup = (r: ExchangeSharingGroupRow, members: readonly string[]): SharingGroup => ({
    id: r.id,
    name: r.name,
    description: r.description,
    ownerOrg: r.owner_org,
    members,
  });

  /** The group, if the actor may manage it; 404 otherwise, so nothing is revealed. */
  const managed = async (a: GroupActor, idOrName: string): Promise<ExchangeSharingGroupRow> => {
    const r = await row(idOrName);
    if (r === undefined || !mayManage(a, r.owner_org))
      throw exchangeErrors.create('group_not_found');
    return r;
  };

  const changed = async (
    a: GroupActor,
    action: string,
    group: string,
    data: Record<string, unknown>,
  ) => {
    await deps.audit.append({
      actor: a.actor,
      action,
      subject: `sharing-group:${group}`,
      data,
      requestId: a.requestId,
    });
    await deps.bus.publish(SHARING_CHANGED, { group });
  };

  return {
    mayManage,

    async create(
      a: GroupActor,
      input: { name: string; description?: string; ownerOrg?: string },
    ): Promise<SharingGroup> {
      const name = input.name.trim();
      if (!NAME.test(name) || UUID.test(name))
        throw exchangeErrors.create('bad_sharing_input', {
          message: 'A group name is 1 to 64 letters, digits, spaces, dots, dashes or underscores.',
        });
      const ownerOrg = input.ownerOrg === undefined ? null : await org(input.ownerOrg);
      if (!mayManage(a, ownerOrg))
        throw exchangeErrors.create('forbidden', {
          message:
            'Only an admin of the owning organization (with intel.write) or an operator may create this group.',
        });
      const r: ExchangeSharingGroupRow = {
        id: randomUUID(),
        name,
        description: input.description?.slice(0, 2000) ?? null,
        owner_org: ownerOrg,
        created_by: a.actor,
        created_at: deps.now(),
      };
      try {
        await db().insertInto('exchange_sharing_group').values(r).execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err)) throw exchangeErrors.create('group_exists');
        throw err;
      }
      await changed(a, 'exchange.group.created', r.id, { name, ownerOrg });
      return toGroup(r, []);
    },

    async addMember(a: GroupActor, group: string, orgNameOrId: string): Promise<SharingGroup> {
      const r = await managed(a, group);
      const orgId = await org(orgNameOrId);
      const current = (await membersOf([r.id])).get(r.id) ?? [];
      if (!current.includes(orgId)) {
        if (current.length >= MAX_GROUP_MEMBERS)
          throw exchangeErrors.create('bad_sharing_input', {
            message: `A group has at most ${MAX_GROUP_MEMBERS} organizations.`,
          });
        try {
          await db()
            .insertInto('exchange_sharing_group_member')
            .values({ group_id: r.id, org_id: orgId, added_by: a.actor, added_at: deps.now() })
            .execute();
        } catch (err) {
          if (!deps.store.isUniqueViolation(err)) throw err;
        }
        await changed(a, 'exchange.group.member.added', r.id, { org: orgId });
      }
      return toGroup(r, (await membersOf([r.id])).get(r.id) ?? []);
    },

    async removeMember(a: GroupActor, group: string, orgNameOrId: string): Promise<SharingGroup> {
      const r = await managed(a, group);
      const orgId = await org(orgNameOrId);
      const res = await db()
        .deleteFrom('exchange_sharing_group_member')
        .where('group_id', '=', r.id)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) > 0)
        await changed(a, 'exchange.group.member.removed', r.id, { org: orgId });
      return toGroup(r, (await membersOf([r.id])).get(r.id) ?? []);
    },

    /** Groups the actor manages or whose members include one of its organizations. */
    async list(a: GroupActor): Promise<SharingGroup[]> {
      const rows = await db()
        .selectFrom('exchange_sharing_group')
        .selectAll()
        .orderBy('name')
        .limit(10_000)
        .execute();
      const members = await membersOf(rows.map((r) => r.id));
      const orgs = a.kind === 'operator' ? new Set<string>() : orgsOf(a.principal);
      return rows
        .filter(
          (r) => mayManage(a, r.owner_org) || (members.get(r.id) ?? []).some((o) => orgs.has(o)),
        )
        .map((r) => toGroup(r, members.get(r.id) ?? []));
    },

    /** A group by id or name (no access check: for operators and for resolving `--group`). */
    async find(idOrName: string): Promise<SharingGroup | undefined> {
      const r = await row(idOrName);
      return r === undefined ? undefined : toGroup(r, (await membersOf([r.id])).get(r.id) ?? []);
    },

    /** Attach groups to a collection (members read; and write when `write`). */
    async attach(
      a: GroupActor,
      collectionId: string,
      groups: readonly { group: string; write: boolean }[],
    ): Promise<void> {
      if (groups.length > MAX_COLLECTION_GROUPS)
        throw exchangeErrors.create('bad_sharing_input', {
          message: `A collection has at most ${MAX_COLLECTION_GROUPS} sharing groups.`,
        });
      for (const g of groups) {
        const r = await row(g.group);
        if (r === undefined)
          throw exchangeErrors.create('group_not_found', {
            message: `There is no sharing group "${g.group.slice(0, 100)}".`,
          });
        await db()
          .insertInto('exchange_collection_group')
          .values({ collection_id: collectionId, group_id: r.id, can_write: g.write ? 1 : 0 })
          .onConflict((oc) =>
            oc.columns(['collection_id', 'group_id']).doUpdateSet({ can_write: g.write ? 1 : 0 }),
          )
          .execute();
        await changed(a, 'exchange.collection.group.attached', r.id, {
          collection: collectionId,
          write: g.write,
        });
      }
    },

    /** Detach a group from a collection; false when it was not attached. */
    async detach(a: GroupActor, collectionId: string, group: string): Promise<boolean> {
      const r = await row(group);
      if (r === undefined) throw exchangeErrors.create('group_not_found');
      const res = await db()
        .deleteFrom('exchange_collection_group')
        .where('collection_id', '=', collectionId)
        .where('group_id', '=', r.id)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) return false;
      await changed(a, 'exchange.collection.group.detached', r.id, { collection: collectionId });
      return true;
    },

    /** Each collection's attached groups, resolved to member organizations. */
    async collectionGroups(): Promise<
      Map<string, { readOrgs: Set<string>; writeOrgs: Set<string>; groups: string[] }>
    > {
      const links = await db()
        .selectFrom('exchange_collection_group')
        .selectAll()
        .limit(100_000)
        .execute();
      const members = await membersOf([...new Set(links.map((l) => l.group_id))]);
      const out = new Map<
        string,
        { readOrgs: Set<string>; writeOrgs: Set<string>; groups: string[] }
      >();
      for (const l of links) {
        let e = out.get(l.collection_id);
        if (e === undefined) {
          e = { readOrgs: new Set(), writeOrgs: new Set(), groups: [] };
          out.set(l.collection_id, e);
        }
        e.groups.push(l.group_id);
        for (const o of members.get(l.group_id) ?? []) {
          e.readOrgs.add(o);
          if (Number(l.can_write) === 1) e.writeOrgs.add(o);
        }
      }
      return out;
    },
  };
}

/** The organizations a principal speaks for. */
export function orgsOf(p: Principal): Set<string> {
  if (p.kind === 'org') return new Set([p.orgId]);
  if (p.kind === 'user') return new Set(p.orgs.keys());
  return new Set();
}
