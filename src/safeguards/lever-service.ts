/**
 * The levers: pull (restrict, friction, revoke) and lift, stored in
 * `safeguards_lever`, audited, and announced on the bus (`safeguards.lever.changed`)
 * so every gateway instance's lever cache has them within a second.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditLog } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import {
  FRICTION_MODES,
  type FrictionMode,
  formatTarget,
  inForce,
  LEVER_KINDS,
  type Lever,
  type LeverKind,
  type LeverTarget,
  MAX_LEVER_MS,
  parseTarget,
} from './engine/lever-rules.js';
import { safeguardsErrors } from './errors.js';
import type { SafeguardsLeverRow, SafeguardsTables } from './safeguards-tables.js';

export const LEVER_CHANGED = 'safeguards.lever.changed';
export const MAX_REASON_CHARS = 500;
const MAX_EVIDENCE = 50;

export interface LeverActor {
  readonly id: string;
  readonly requestId?: string;
}

export interface PullInput {
  readonly kind: LeverKind;
  /** `org:<id|name>`, `key:<id>`, `user:<id>`, `enduser:<org>/<end-user-id>`. */
  readonly target: string;
  readonly reason: string;
  /** restrict: the highest tier left (required). */
  readonly tier?: number;
  /** friction: `limits` (default) or `step-up`. */
  readonly mode?: FrictionMode;
  /** In force for this long; without it, until lifted. */
  readonly forMs?: number;
  /** revoke on an org, user or key: also revoke the API keys for good (not undone by lift). */
  readonly keys?: boolean;
  readonly automatic?: boolean;
  readonly evidence?: readonly string[];
}

/** What the levers need from the access module (its public API provides it). */
export interface LeverAccessPort {
  /** The organization's id for an id or name; throws not_found. */
  orgId(nameOrId: string): Promise<string>;
  /** Revoke every live key of the owner (or the one key); returns the ids revoked. */
  revokeKeys(target: LeverTarget, reason: string, actor: LeverActor): Promise<string[]>;
  /**
   * Whose the target is, to tell them and to let them appeal: `org:<id>` (an organization, its
   * keys and its end users) or `user:<id>` (an account and its keys); null when nobody is known.
   */
  ownerOf?(target: LeverTarget): Promise<string | null>;
}

/** What happened to a lever, for the owner's notice (see owner-notices.ts). */
export type LeverChange =
  | { readonly type: 'lever.pulled'; readonly lever: Lever }
  | { readonly type: 'lever.lifted'; readonly lever: Lever; readonly reason: string };

export interface LeverServiceDeps {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly access: LeverAccessPort;
  readonly now: () => number;
  /** Told after each pull and lift is audited and announced; must not throw (owner notices). */
  readonly notify?: (change: LeverChange) => Promise<void>;
}

export type LeverService = ReturnType<typeof createLeverService>;

function invalid(message: string) {
  return safeguardsErrors.create('lever_invalid', { message });
}

export function toLever(r: SafeguardsLeverRow): Lever {
  return {
    id: r.id,
    kind: r.kind as LeverKind,
    target: r.target,
    tier: r.tier,
    mode: r.mode as FrictionMode | null,
    reason: r.reason,
    actor: r.actor,
    createdAt: Number(r.created_at),
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    liftedAt: r.lifted_at === null ? null : Number(r.lifted_at),
    liftedBy: r.lifted_by,
    liftReason: r.lift_reason,
    automatic: r.automatic === 1,
    evidence: JSON.parse(r.evidence) as string[],
  };
}

export function createLeverService(deps: LeverServiceDeps) {
  const db = () => deps.store.db<SafeguardsTables>();

  /** Parse the target and resolve organization names to ids. */
  async function resolve(text: string): Promise<LeverTarget> {
    const t = parseTarget(text);
    if (t === undefined)
      throw invalid(
        `"${text.slice(0, 80)}" is not a target: use org:<id|name>, key:<id>, user:<id> or enduser:<org>/<end-user-id>.`,
      );
    if (t.type === 'org') return { type: 'org', id: await deps.access.orgId(t.id) };
    if (t.type === 'enduser') return { ...t, org: await orgOrUser(t.org) };
    return t;
  }

  /** The part before the slash of an end-user target: an organization (id or name) or a user id. */
  async function orgOrUser(text: string): Promise<string> {
    try {
      return await deps.access.orgId(text);
    } catch {
      return text;
    }
  }

  async function announce(l: Lever): Promise<void> {
    await deps.bus.publish(LEVER_CHANGED, l, { msgId: `lever-${l.id}-${l.liftedAt ?? 0}` });
  }

  function check(input: PullInput): void {
    if (!LEVER_KINDS.includes(input.kind)) throw invalid(`Unknown lever "${input.kind}".`);
    const reason = input.reason.trim();
    if (reason.length === 0) throw invalid('A lever needs a reason.');
    if (reason.length > MAX_REASON_CHARS)
      throw invalid(`The reason is longer than ${MAX_REASON_CHARS} characters.`);
    if (input.kind === 'restrict') {
      if (input.tier === undefined || !Number.isInteger(input.tier) || input.tier < 0)
        throw invalid('restrict needs --tier N (the highest tier the target keeps, 0 or more).');
    } else if (input.tier !== undefined) throw invalid(`--tier applies to restrict only.`);
    if (
      input.mode !== undefined &&
      (input.kind !== 'friction' || !FRICTION_MODES.includes(input.mode))
    )
      throw invalid(`The friction mode must be one of ${FRICTION_MODES.join(', ')}.`);
    if (input.keys === true && input.kind !== 'revoke')
      throw invalid('--keys applies to revoke only.');
    if (input.forMs !== undefined && !(input.forMs > 0 && input.forMs <= MAX_LEVER_MS))
      throw invalid('A lever lasts between one second and one year.');
  }

  function rowFor(input: PullInput, target: string, actor: LeverActor): SafeguardsLeverRow {
    const now = deps.now();
    return {
      id: randomUUID(),
      kind: input.kind,
      target,
      tier: input.kind === 'restrict' ? (input.tier ?? 0) : null,
      mode: input.kind === 'friction' ? (input.mode ?? 'limits') : null,
      reason: input.reason.trim(),
      actor: actor.id,
      created_at: now,
      expires_at: input.forMs === undefined ? null : now + input.forMs,
      lifted_at: null,
      lifted_by: null,
      lift_reason: null,
      automatic: input.automatic === true ? 1 : 0,
      evidence: JSON.stringify((input.evidence ?? []).slice(0, MAX_EVIDENCE)),
    };
  }

  async function published(lever: Lever, actor: LeverActor, revokedKeys: string[]): Promise<void> {
    await deps.audit.append({
      actor: actor.id,
      action: `safeguards.lever.${lever.kind}`,
      subject: lever.target,
      outcome: 'success',
      data: {
        lever: lever.id,
        reason: lever.reason,
        ...(lever.tier === null ? {} : { tier: lever.tier }),
        ...(lever.mode === null ? {} : { mode: lever.mode }),
        expiresAt: lever.expiresAt === null ? null : new Date(lever.expiresAt).toISOString(),
        automatic: lever.automatic,
        ...(lever.evidence.length === 0 ? {} : { evidence: lever.evidence }),
        ...(revokedKeys.length === 0 ? {} : { revokedKeys }),
      },
      ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
    });
    await announce(lever);
    await deps.notify?.({ type: 'lever.pulled', lever });
  }

  return {
    /** Pull a lever: store, audit, announce. With `keys`, also revoke the target's API keys. */
    async pull(
      input: PullInput,
      actor: LeverActor,
    ): Promise<{ lever: Lever; revokedKeys: string[] }> {
      check(input);
      const target = await resolve(input.target);
      if (input.keys === true && target.type === 'enduser')
        throw invalid('An end user has no keys of their own: revoke without --keys.');
      const row = rowFor(input, formatTarget(target), actor);
      await db().insertInto('safeguards_lever').values(row).execute();
      const lever = toLever(row);
      const revokedKeys =
        input.keys === true ? await deps.access.revokeKeys(target, lever.reason, actor) : [];
      await published(lever, actor, revokedKeys);
      return { lever, revokedKeys };
    },

    /**
     * An automatic lever, inserted inside the caller's transaction (so that two
     * instances scoring the same subject under one lock pull it once). The target
     * must be canonical. Call `published` after the transaction commits.
     */
    async insertAutomatic(
      trx: Kysely<SafeguardsTables>,
      input: PullInput & { readonly target: string },
      actor: LeverActor,
    ): Promise<Lever | null> {
      check(input);
      const existing = await trx
        .selectFrom('safeguards_lever')
        .selectAll()
        .where('target', '=', input.target)
        .where('lifted_at', 'is', null)
        .execute();
      const now = deps.now();
      if (
        existing
          .map(toLever)
          .some((l) => inForce(l, now) && (l.kind === input.kind || l.kind === 'revoke'))
      )
        return null;
      const row = rowFor({ ...input, automatic: true }, input.target, actor);
      await trx.insertInto('safeguards_lever').values(row).execute();
      return toLever(row);
    },

    /** Audit and announce a lever stored by `insertAutomatic`. */
    published: (lever: Lever, actor: LeverActor) => published(lever, actor, []),

    /** Lift every lever in force on a target (or the one lever `id`); returns what was lifted. */
    async lift(
      which: { readonly target?: string; readonly id?: string; readonly kind?: LeverKind },
      reason: string,
      actor: LeverActor,
      /** false: the caller tells the owner itself (a granted appeal says so in one notice). */
      options: { readonly tellOwner?: boolean } = {},
    ): Promise<Lever[]> {
      const why = reason.trim();
      if (why.length === 0 || why.length > MAX_REASON_CHARS)
        throw invalid(`Lifting a lever needs a reason (1 to ${MAX_REASON_CHARS} characters).`);
      const now = deps.now();
      let q = db().selectFrom('safeguards_lever').selectAll().where('lifted_at', 'is', null);
      if (which.id !== undefined) q = q.where('id', '=', which.id);
      else if (which.target !== undefined)
        q = q.where('target', '=', formatTarget(await resolve(which.target)));
      else throw invalid('Name the target (or the lever id) to lift.');
      if (which.kind !== undefined) q = q.where('kind', '=', which.kind);
      const rows = (await q.limit(1000).execute()).filter((r) => inForce(toLever(r), now));
      if (rows.length === 0) throw safeguardsErrors.create('lever_not_found');
      const lifted: Lever[] = [];
      for (const r of rows) {
        await db()
          .updateTable('safeguards_lever')
          .set({ lifted_at: now, lifted_by: actor.id, lift_reason: why })
          .where('id', '=', r.id)
          .execute();
        const lever = toLever({ ...r, lifted_at: now, lifted_by: actor.id, lift_reason: why });
        await deps.audit.append({
          actor: actor.id,
          action: 'safeguards.lever.lift',
          subject: lever.target,
          outcome: 'success',
          data: { lever: lever.id, kind: lever.kind, reason: why },
          ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
        });
        await announce(lever);
        if (options.tellOwner !== false)
          await deps.notify?.({ type: 'lever.lifted', lever, reason: why });
        lifted.push(lever);
      }
      return lifted;
    },

    /** One lever by id, in any state, or undefined. */
    async get(id: string): Promise<Lever | undefined> {
      const row = await db()
        .selectFrom('safeguards_lever')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row === undefined ? undefined : toLever(row);
    },

    /** Whose a stored (canonical) target is: `org:<id>`, `user:<id>`, or null. */
    async ownerOf(target: string): Promise<string | null> {
      const t = parseTarget(target);
      if (t === undefined || deps.access.ownerOf === undefined) return null;
      return deps.access.ownerOf(t);
    },

    /** Levers in force now (on one target when given), newest first. */
    async active(target?: string): Promise<Lever[]> {
      const now = deps.now();
      let q = db().selectFrom('safeguards_lever').selectAll().where('lifted_at', 'is', null);
      if (target !== undefined) q = q.where('target', '=', formatTarget(await resolve(target)));
      const rows = await q.orderBy('created_at', 'desc').limit(10_000).execute();
      return rows.map(toLever).filter((l) => inForce(l, now));
    },

    /** Every lever, newest first, lifted and expired ones too (with why it was lifted). */
    async history(limit = 100): Promise<Lever[]> {
      const rows = await db()
        .selectFrom('safeguards_lever')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(Math.max(1, Math.min(1000, limit)))
        .execute();
      return rows.map(toLever);
    },
  };
}
