/**
 * People, organizations, memberships and tier grants: the data behind every
 * principal. Every change is audited (who, what, why) and announced on the bus
 * as `access.changed`, so each instance's authorization cache drops what it held.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import type { AccessTables, AccessTierGrantRow } from './access-tables.js';
import { ORG_ROLES, type OrgRole, type TierPolicy } from './engine/index.js';
import { accessErrors } from './errors.js';

/** Subject every access change is announced on; caches in every instance follow it. */
export const ACCESS_CHANGED = 'access.changed';

export interface AccessChangedEvent {
  /** What changed: a key (id), a user or an org (id), or `all` (e.g. the policy). */
  readonly type: 'key' | 'user' | 'org' | 'all';
  readonly id: string;
}

/** Who is making a change, for the audit log: `operator:cli`, `user:<id>`, `org:<id>`. */
export interface Actor {
  readonly id: string;
  readonly requestId?: string;
}

export interface Org {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly tier: number;
  readonly tierExpiresAt: number | null;
  /** Highest tier it may vouch members into, when it is an intermediary. */
  readonly vouchCap: number | null;
}

export interface TierGrant {
  readonly id: string;
  readonly subjectType: 'org' | 'user';
  readonly subjectId: string;
  readonly tier: number;
  readonly grantedBy: string;
  readonly viaOrg: string | null;
  readonly reason: string;
  readonly createdAt: number;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
}

export interface DirectoryDeps {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly policy: () => TierPolicy;
  readonly now: () => number;
}

const MAX_NAME = 200;
const MAX_REASON = 1000;

export type Directory = ReturnType<typeof createDirectory>;

export function createDirectory(deps: DirectoryDeps) {
  const db = () => deps.store.db<AccessTables>();

  const changed = async (type: AccessChangedEvent['type'], id: string) => {
    await deps.bus.publish(ACCESS_CHANGED, { type, id } satisfies AccessChangedEvent);
  };

  const checkTier = (tier: number) => {
    if (!Number.isInteger(tier) || tier < 0 || tier >= deps.policy().tiers.length)
      throw accessErrors.create('invalid_tier', {
        message: `Tier ${tier} does not exist; the policy has tiers 0 to ${deps.policy().tiers.length - 1}.`,
      });
  };

  /** Highest active grant of a subject, with its expiry; 0 and null without one. */
  const tierOf = async (
    q: Kysely<AccessTables>,
    subjectType: 'org' | 'user',
    subjectId: string,
  ): Promise<{ tier: number; expiresAt: number | null }> => {
    const grants = await activeGrants(q, subjectType, subjectId, deps.now());
    let best: { tier: number; expiresAt: number | null } = { tier: 0, expiresAt: null };
    for (const g of grants)
      if (g.tier > best.tier || (g.tier === best.tier && laterExpiry(g.expires_at, best.expiresAt)))
        best = { tier: g.tier, expiresAt: g.expires_at };
    return best;
  };

  const orgRow = async (nameOrId: string) => {
    const row = await db()
      .selectFrom('access_org')
      .selectAll()
      .where((eb) => eb.or([eb('id', '=', nameOrId), eb('name_key', '=', nameKey(nameOrId))]))
      .executeTakeFirst();
    if (row === undefined)
      throw accessErrors.create('not_found', {
        message: `There is no organization "${nameOrId}".`,
      });
    return row;
  };

  const toOrg = async (row: Awaited<ReturnType<typeof orgRow>>): Promise<Org> => {
    const { tier, expiresAt } = await tierOf(db(), 'org', row.id);
    return {
      id: row.id,
      name: row.name,
      createdAt: Number(row.created_at),
      tier,
      tierExpiresAt: expiresAt,
      vouchCap: row.vouch_cap,
    };
  };

  const grant = async (
    input: {
      subjectType: 'org' | 'user';
      subjectId: string;
      tier: number;
      reason: string;
      expiresInMs?: number | null;
      viaOrg?: string;
      source?: string;
      /** Revoke the subject's other active grants (a "set", not an "add"). */
      replace: boolean;
    },
    actor: Actor,
  ): Promise<TierGrant> => {
    checkTier(input.tier);
    const reason = checkReason(input.reason);
    const now = deps.now();
    const tierDays = deps.policy().tiers[input.tier]?.grantDays ?? null;
    // Unless told otherwise, a grant lasts as long as the policy says its tier does.
    const expiresAt =
      input.expiresInMs === undefined
        ? tierDays === null || input.tier === 0
          ? null
          : now + tierDays * 86_400_000
        : input.expiresInMs === null
          ? null
          : now + input.expiresInMs;
    const row: AccessTierGrantRow = {
      id: randomUUID(),
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      tier: input.tier,
      granted_by: actor.id,
      via_org: input.viaOrg ?? null,
      source: input.source ?? null,
      reason,
      created_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      revoked_by: null,
      revoke_reason: null,
    };
    const replaced = await deps.store.transaction<AccessTables, string[]>(async (trx) => {
      let ids: string[] = [];
      if (input.replace) {
        const old = await activeGrants(trx, input.subjectType, input.subjectId, now);
        ids = old.map((g) => g.id);
        if (ids.length > 0)
          await trx
            .updateTable('access_tier_grant')
            .set({ revoked_at: now, revoked_by: actor.id, revoke_reason: `replaced: ${reason}` })
            .where('id', 'in', ids)
            .execute();
      }
      if (input.tier > 0) await trx.insertInto('access_tier_grant').values(row).execute();
      return ids;
    });
    await deps.audit.append({
      actor: actor.id,
      action: input.viaOrg === undefined ? 'access.tier.granted' : 'access.tier.vouched',
      subject: `${input.subjectType}:${input.subjectId}`,
      data: {
        tier: input.tier,
        reason,
        expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
        ...(input.viaOrg === undefined ? {} : { viaOrg: input.viaOrg }),
        ...(input.source === undefined ? {} : { source: input.source }),
        replacedGrants: replaced,
      },
      requestId: actor.requestId,
    });
    await changed(input.subjectType, input.subjectId);
    return toGrant(row);
  };

  return {
    tierOf: (subjectType: 'org' | 'user', subjectId: string) =>
      tierOf(db(), subjectType, subjectId),

    async createOrg(
      input: { name: string; tier?: number; reason?: string },
      actor: Actor,
    ): Promise<Org> {
      const name = checkName(input.name);
      const tier = input.tier ?? 0;
      checkTier(tier);
      const id = randomUUID();
      try {
        await db()
          .insertInto('access_org')
          .values({
            id,
            name,
            name_key: nameKey(name),
            created_at: deps.now(),
            created_by: actor.id,
            vouch_cap: null,
          })
          .execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err))
          throw accessErrors.create('org_exists', {
            message: `An organization named "${name}" already exists.`,
          });
        throw err;
      }
      await deps.audit.append({
        actor: actor.id,
        action: 'access.org.created',
        subject: `org:${id}`,
        data: { name },
        requestId: actor.requestId,
      });
      if (tier > 0)
        await grant(
          {
            subjectType: 'org',
            subjectId: id,
            tier,
            reason: input.reason ?? 'set when the organization was created',
            replace: true,
          },
          actor,
        );
      return toOrg(await orgRow(id));
    },

    getOrg: async (nameOrId: string) => toOrg(await orgRow(nameOrId)),

    async listOrgs(): Promise<Org[]> {
      const rows = await db()
        .selectFrom('access_org')
        .selectAll()
        .orderBy('name_key')
        .limit(10_000)
        .execute();
      return Promise.all(rows.map(toOrg));
    },

    /** Set an org's or a user's tier (revoking its other grants), with a reason for the audit log. */
    async setTier(
      subject: { type: 'org' | 'user'; id: string },
      tier: number,
      reason: string,
      actor: Actor,
      options: { expiresInMs?: number | null; source?: string } = {},
    ): Promise<TierGrant> {
      return grant(
        {
          subjectType: subject.type,
          subjectId: subject.id,
          tier,
          reason,
          replace: true,
          ...options,
        },
        actor,
      );
    },

    /**
     * Add a grant beside the subject's others (a verification approving tier 2
     * does not take away tier 3 vouched by an intermediary).
     */
    async addGrant(
      subject: { type: 'org' | 'user'; id: string },
      tier: number,
      reason: string,
      actor: Actor,
      options: { expiresInMs?: number | null; source?: string } = {},
    ): Promise<TierGrant> {
      return grant(
        {
          subjectType: subject.type,
          subjectId: subject.id,
          tier,
          reason,
          replace: false,
          ...options,
        },
        actor,
      );
    },

    /** Make an org an intermediary that may vouch members into tiers up to `cap` (null ends it). */
    async setVouchCap(
      orgId: string,
      cap: number | null,
      reason: string,
      actor: Actor,
    ): Promise<void> {
      if (cap !== null) checkTier(cap);
      const why = checkReason(reason);
      const org = await orgRow(orgId);
      await db()
        .updateTable('access_org')
        .set({ vouch_cap: cap })
        .where('id', '=', org.id)
        .execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'access.intermediary.updated',
        subject: `org:${org.id}`,
        data: { vouchCap: cap, reason: why },
        requestId: actor.requestId,
      });
      await changed('org', org.id);
    },

    /**
     * An intermediary vouches a member organization (a hospital, a water utility,
     * a school district) into a tier no higher than its cap. The intermediary
     * itself must still hold the vouch capability through its own tier (checked by the caller with `can`).
     */
    async vouch(
      intermediaryId: string,
      memberOrgId: string,
      tier: number,
      reason: string,
      actor: Actor,
      expiresInMs?: number | null,
    ): Promise<TierGrant> {
      const intermediary = await orgRow(intermediaryId);
      const member = await orgRow(memberOrgId);
      if (intermediary.vouch_cap === null || tier > intermediary.vouch_cap || tier < 1) {
        await deps.audit.append({
          actor: actor.id,
          action: 'access.tier.vouched',
          outcome: 'denied',
          subject: `org:${member.id}`,
          data: { tier, viaOrg: intermediary.id, cap: intermediary.vouch_cap },
          requestId: actor.requestId,
        });
        throw accessErrors.create('vouch_over_cap', {
          message:
            intermediary.vouch_cap === null
              ? `${intermediary.name} is not an intermediary.`
              : `${intermediary.name} may vouch organizations into tiers 1 to ${intermediary.vouch_cap}.`,
        });
      }
      if (member.id === intermediary.id)
        throw accessErrors.create('forbidden', {
          message: 'An intermediary cannot vouch for itself.',
        });
      return grant(
        {
          subjectType: 'org',
          subjectId: member.id,
          tier,
          reason,
          viaOrg: intermediary.id,
          replace: false,
          ...(expiresInMs === undefined ? {} : { expiresInMs }),
        },
        actor,
      );
    },

    /** Every grant an intermediary made (active first), so it can see and revoke them. */
    async vouchesBy(intermediaryId: string): Promise<TierGrant[]> {
      const rows = await db()
        .selectFrom('access_tier_grant')
        .selectAll()
        .where('via_org', '=', intermediaryId)
        .orderBy('created_at', 'desc')
        .limit(10_000)
        .execute();
      return rows.map(toGrant);
    },

    async grantsOf(subjectType: 'org' | 'user', subjectId: string): Promise<TierGrant[]> {
      const rows = await db()
        .selectFrom('access_tier_grant')
        .selectAll()
        .where('subject_type', '=', subjectType)
        .where('subject_id', '=', subjectId)
        .orderBy('created_at', 'desc')
        .limit(1000)
        .execute();
      return rows.map(toGrant);
    },

    /** Revoke one grant. With `viaOrg`, only a grant that org made (an intermediary revoking its vouch). */
    async revokeGrant(
      grantId: string,
      reason: string,
      actor: Actor,
      viaOrg?: string,
    ): Promise<void> {
      const why = checkReason(reason);
      let q = db()
        .selectFrom('access_tier_grant')
        .selectAll()
        .where('id', '=', grantId)
        .where('revoked_at', 'is', null);
      if (viaOrg !== undefined) q = q.where('via_org', '=', viaOrg);
      const row = await q.executeTakeFirst();
      if (row === undefined)
        throw accessErrors.create('not_found', { message: 'There is no such active grant.' });
      await db()
        .updateTable('access_tier_grant')
        .set({ revoked_at: deps.now(), revoked_by: actor.id, revoke_reason: why })
        .where('id', '=', grantId)
        .execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'access.tier.revoked',
        subject: `${row.subject_type}:${row.subject_id}`,
        data: {
          grant: grantId,
          tier: row.tier,
          reason: why,
          ...(viaOrg === undefined ? {} : { viaOrg }),
        },
        requestId: actor.requestId,
      });
      await changed(row.subject_type, row.subject_id);
    },

    /** Add a member or change their role; the last owner cannot be demoted. */
    async addMember(orgId: string, userId: string, role: OrgRole, actor: Actor): Promise<void> {
      if (!ORG_ROLES.includes(role))
        throw accessErrors.create('invalid_input', { message: `Unknown role ${role}.` });
      const org = await orgRow(orgId);
      const values = { org_id: org.id, user_id: userId, role, created_at: deps.now() };
      await deps.store.transaction<AccessTables, void>(
        async (trx) => {
          const user = await trx
            .selectFrom('access_user')
            .select('id')
            .where('id', '=', userId)
            .executeTakeFirst();
          if (user === undefined)
            throw accessErrors.create('not_found', { message: 'There is no such user.' });
          if (role !== 'owner') await keepAnOwner(trx, org.id, userId);
          await trx
            .deleteFrom('access_member')
            .where('org_id', '=', org.id)
            .where('user_id', '=', userId)
            .execute();
          await trx.insertInto('access_member').values(values).execute();
        },
        { lock: `access-members:${org.id}` },
      );
      await deps.audit.append({
        actor: actor.id,
        action: 'access.member.set',
        subject: `org:${org.id}`,
        data: { user: userId, role },
        requestId: actor.requestId,
      });
      await changed('user', userId);
    },

    async removeMember(orgId: string, userId: string, actor: Actor): Promise<void> {
      const removed = await deps.store.transaction<AccessTables, number>(
        async (trx) => {
          await keepAnOwner(trx, orgId, userId);
          const res = await trx
            .deleteFrom('access_member')
            .where('org_id', '=', orgId)
            .where('user_id', '=', userId)
            .executeTakeFirst();
          return Number(res.numDeletedRows);
        },
        { lock: `access-members:${orgId}` },
      );
      if (removed === 0)
        throw accessErrors.create('not_found', { message: 'That person is not a member.' });
      await deps.audit.append({
        actor: actor.id,
        action: 'access.member.removed',
        subject: `org:${orgId}`,
        data: { user: userId },
        requestId: actor.requestId,
      });
      await changed('user', userId);
    },

    async members(orgId: string) {
      return db()
        .selectFrom('access_member')
        .innerJoin('access_user', 'access_user.id', 'access_member.user_id')
        .select([
          'access_user.id as userId',
          'access_user.email',
          'access_user.display_name as displayName',
          'access_member.role',
          'access_member.created_at as createdAt',
        ])
        .where('access_member.org_id', '=', orgId)
        .orderBy('access_user.email')
        .limit(10_000)
        .execute();
    },

    /** Set a person's staff roles (names from the policy's `staff`); returns their user id. */
    async setStaffRoles(email: string, roles: readonly string[], actor: Actor): Promise<string> {
      const user = await db()
        .selectFrom('access_user')
        .select(['id', 'staff_roles'])
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      if (user === undefined)
        throw accessErrors.create('not_found', { message: `There is no account for ${email}.` });
      const next = [...new Set(roles)].sort();
      await db()
        .updateTable('access_user')
        .set({ staff_roles: JSON.stringify(next) })
        .where('id', '=', user.id)
        .execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'access.staff.set',
        subject: `user:${user.id}`,
        data: { before: JSON.parse(user.staff_roles) as unknown, after: next },
        requestId: actor.requestId,
      });
      await changed('user', user.id);
      return user.id;
    },

    /** Organizations a user belongs to, with the role in each. */
    async orgsOf(userId: string): Promise<Map<string, OrgRole>> {
      const rows = await db()
        .selectFrom('access_member')
        .select(['org_id', 'role'])
        .where('user_id', '=', userId)
        .execute();
      return new Map(rows.map((r) => [r.org_id, r.role as OrgRole]));
    },

    /** Announce that everything cached may be stale (e.g. the policy changed). */
    changedAll: () => changed('all', '*'),
    changed,
  };
}

async function activeGrants(
  q: Kysely<AccessTables>,
  subjectType: 'org' | 'user',
  subjectId: string,
  now: number,
) {
  return q
    .selectFrom('access_tier_grant')
    .select(['id', 'tier', 'expires_at'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute()
    .then((rows) =>
      rows.map((r) => ({ ...r, expires_at: r.expires_at === null ? null : Number(r.expires_at) })),
    );
}

/** Throw `last_owner` when `userId` is the org's only owner (about to be demoted or removed). */
async function keepAnOwner(trx: Kysely<AccessTables>, orgId: string, userId: string) {
  const owners = await trx
    .selectFrom('access_member')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .execute();
  if (owners.length === 1 && owners[0]?.user_id === userId) throw accessErrors.create('last_owner');
}

function laterExpiry(a: number | null, b: number | null): boolean {
  return a === null ? b !== null : b !== null && a > b;
}

function toGrant(r: AccessTierGrantRow): TierGrant {
  return {
    id: r.id,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    tier: r.tier,
    grantedBy: r.granted_by,
    viaOrg: r.via_org,
    reason: r.reason,
    createdAt: Number(r.created_at),
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
  };
}

/** Names compare without case or surrounding/double spaces: "ACME  Water" is "acme water". */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

function checkName(name: string): string {
  const n = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (n.length === 0 || n.length > MAX_NAME || /[\u0000-\u001f\u007f]/.test(n))
    throw accessErrors.create('invalid_input', {
      message: `A name is 1 to ${MAX_NAME} printable characters.`,
    });
  return n;
}

function checkReason(reason: string): string {
  const r = reason.trim();
  if (r.length === 0 || r.length > MAX_REASON)
    throw accessErrors.create('invalid_input', {
      message: `Give a reason of 1 to ${MAX_REASON} characters.`,
    });
  return r;
}
