/**
 * Appeals: the owner of a lever's target (an org admin for the organization, its keys and its end
 * users; the account holder for an account) may appeal a lever in force once, in writing. An
 * operator with `safeguards.appeals` sees the queue with the evidence (the lever's reason and
 * cited requests, the risk score and its evidence, the gateway's record of each request) and
 * grants (the lever is lifted) or denies it with a reason. Each step is audited and the owner is
 * told. The owner's own words stay out of the public audit log (its length is logged); the
 * reviewer's reason is in it, like every lever's.
 */
import { randomUUID } from 'node:crypto';
import type { GatewayTables } from '../gateway/index.js';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import { appealErrors } from './appeal-errors.js';
import { inForce, type Lever } from './engine/lever-rules.js';
import { type LeverActor, type LeverService, MAX_REASON_CHARS } from './lever-service.js';
import type { OwnerNotices } from './owner-notices.js';
import type { RiskEntry, RiskService } from './risk-service.js';
import type { SafeguardsAppealRow, SafeguardsTables } from './safeguards-tables.js';

/** An appeal's written reason, at most (characters). */
export const MAX_APPEAL_CHARS = 2000;
/** Requests shown with one appeal at most. */
const MAX_CITED = 20;
/** Characters of a (redacted, still retained) prompt shown to the reviewer. */
const PROMPT_EXCERPT = 300;

export type AppealStatus = 'pending' | 'granted' | 'denied';

export interface Appeal {
  readonly id: string;
  readonly leverId: string;
  readonly target: string;
  readonly owner: string;
  readonly filedBy: string;
  readonly reason: string;
  readonly createdAt: number;
  readonly status: AppealStatus;
  readonly decidedAt: number | null;
  readonly decidedBy: string | null;
  readonly decisionReason: string | null;
}

/** One gateway request cited as evidence, as the request log recorded it. */
export interface CitedRequest {
  readonly id: string;
  readonly at: number;
  readonly decision: string;
  readonly risk: number;
  readonly categories: readonly string[];
  readonly model: string;
  readonly status: number;
  /** The start of the stored prompt (secrets redacted), or null once retention cleared it. */
  readonly prompt: string | null;
}

export interface AppealWithEvidence extends Appeal {
  readonly lever: Lever;
  readonly risk: readonly RiskEntry[];
  readonly requests: readonly CitedRequest[];
}

/** Who is asking for their own levers: a person, with their organizations and roles. */
export interface OwnerView {
  readonly userId: string;
  /** Organizations where the person is an owner or admin. */
  readonly adminOf: readonly string[];
}

/** The owners a person answers for: themself and the organizations they administer. */
export function ownersOf(who: OwnerView): string[] {
  return [`user:${who.userId}`, ...who.adminOf.map((o) => `org:${o}`)];
}

export type AppealService = ReturnType<typeof createAppealService>;

function toAppeal(r: SafeguardsAppealRow): Appeal {
  return {
    id: r.id,
    leverId: r.lever_id,
    target: r.target,
    owner: r.owner,
    filedBy: r.filed_by,
    reason: r.reason,
    createdAt: Number(r.created_at),
    status: r.status as AppealStatus,
    decidedAt: r.decided_at === null ? null : Number(r.decided_at),
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
  };
}

/** `request:<id> block malware` (a lever's evidence) → the id. */
function citedId(evidence: string): string | undefined {
  return /^request:([A-Za-z0-9_.:-]{1,128})(?:\s|$)/.exec(evidence)?.[1];
}

function invalid(message: string, es: string) {
  return appealErrors.create('appeal_invalid', { message, es });
}

export function createAppealService(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly levers: LeverService;
  readonly risk: RiskService;
  readonly notices: OwnerNotices;
  readonly logger: Pick<Logger, 'warn'>;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<SafeguardsTables>();

  async function row(id: string): Promise<SafeguardsAppealRow | undefined> {
    return db().selectFrom('safeguards_appeal').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function cited(lever: Lever, risk: readonly RiskEntry[]): Promise<CitedRequest[]> {
    const ids = new Set<string>();
    for (const e of lever.evidence) {
      const id = citedId(e);
      if (id !== undefined) ids.add(id);
    }
    for (const r of risk) for (const e of r.evidence) ids.add(e.requestId);
    const wanted = [...ids].slice(0, MAX_CITED);
    if (wanted.length === 0) return [];
    const rows = await deps.store
      .db<GatewayTables>()
      .selectFrom('gateway_requests')
      .select(['id', 'created_at', 'decision', 'risk', 'categories', 'model', 'status', 'prompt'])
      .where('id', 'in', wanted)
      .execute();
    return rows
      .map((r) => ({
        id: r.id,
        at: Number(r.created_at),
        decision: r.decision,
        risk: Number(r.risk),
        categories: categoryIds(r.categories),
        model: r.model,
        status: Number(r.status),
        prompt: r.prompt === null ? null : r.prompt.slice(0, PROMPT_EXCERPT),
      }))
      .sort((a, b) => b.at - a.at);
  }

  async function withEvidence(a: Appeal): Promise<AppealWithEvidence | undefined> {
    const lever = await deps.levers.get(a.leverId);
    if (lever === undefined) return undefined;
    const subjects = [...new Set([lever.target, a.owner])];
    const risk = (await Promise.all(subjects.map((s) => deps.risk.get(s)))).filter(
      (r) => r.score > 0 || r.evidence.length > 0,
    );
    return { ...a, lever, risk, requests: await cited(lever, risk) };
  }

  return {
    /** File an appeal against a lever in force on something the person answers for. */
    async file(
      leverId: string,
      reason: string,
      who: OwnerView,
      requestId?: string,
    ): Promise<Appeal> {
      const why = reason.trim();
      if (why.length === 0 || why.length > MAX_APPEAL_CHARS)
        throw invalid(
          `An appeal needs a written reason (1 to ${MAX_APPEAL_CHARS} characters).`,
          `Una apelación necesita un motivo por escrito (de 1 a ${MAX_APPEAL_CHARS} caracteres).`,
        );
      const lever = await deps.levers.get(leverId);
      const owner = lever === undefined ? null : await deps.levers.ownerOf(lever.target);
      // Someone else's lever is "not found": nothing about it is revealed.
      if (lever === undefined || owner === null || !ownersOf(who).includes(owner))
        throw appealErrors.create('appeal_not_found');
      if (!inForce(lever, deps.now()))
        throw invalid(
          'This limit is no longer in force, so there is nothing to appeal.',
          'Este límite ya no está en vigor, así que no hay nada que apelar.',
        );
      const existing = await db()
        .selectFrom('safeguards_appeal')
        .select('id')
        .where('lever_id', '=', leverId)
        .executeTakeFirst();
      if (existing !== undefined) throw appealErrors.create('appeal_exists');
      const r: SafeguardsAppealRow = {
        id: randomUUID(),
        lever_id: leverId,
        target: lever.target,
        owner,
        filed_by: `user:${who.userId}`,
        reason: why,
        created_at: deps.now(),
        status: 'pending',
        decided_at: null,
        decided_by: null,
        decision_reason: null,
      };
      try {
        await db().insertInto('safeguards_appeal').values(r).execute();
      } catch (err) {
        // Two filings at once: the unique lever_id lets one in.
        if (
          (await db()
            .selectFrom('safeguards_appeal')
            .select('id')
            .where('lever_id', '=', leverId)
            .executeTakeFirst()) !== undefined
        )
          throw appealErrors.create('appeal_exists');
        throw err;
      }
      await deps.audit.append({
        actor: r.filed_by,
        action: 'safeguards.appeal.filed',
        subject: lever.target,
        outcome: 'success',
        data: { appeal: r.id, lever: leverId, owner, reasonChars: why.length },
        ...(requestId === undefined ? {} : { requestId }),
      });
      return toAppeal(r);
    },

    /** The appeals of these owners' levers, newest first. */
    async mine(owners: readonly string[]): Promise<Appeal[]> {
      if (owners.length === 0) return [];
      const rows = await db()
        .selectFrom('safeguards_appeal')
        .selectAll()
        .where('owner', 'in', [...owners])
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return rows.map(toAppeal);
    },

    /** The reviewers' queue: pending appeals oldest first (or decided ones newest first), with evidence. */
    async queue(status: AppealStatus = 'pending', limit = 50): Promise<AppealWithEvidence[]> {
      const rows = await db()
        .selectFrom('safeguards_appeal')
        .selectAll()
        .where('status', '=', status)
        .orderBy('created_at', status === 'pending' ? 'asc' : 'desc')
        .limit(Math.max(1, Math.min(200, limit)))
        .execute();
      const out: AppealWithEvidence[] = [];
      for (const r of rows) {
        const a = await withEvidence(toAppeal(r));
        if (a !== undefined) out.push(a);
      }
      return out;
    },

    /** Grant (lift the lever) or deny, with a reason; audited, and the owner is told. */
    async decide(
      id: string,
      grant: boolean,
      reason: string,
      actor: LeverActor,
    ): Promise<AppealWithEvidence> {
      const why = reason.trim();
      if (why.length === 0 || why.length > MAX_REASON_CHARS)
        throw invalid(
          `A decision needs a reason (1 to ${MAX_REASON_CHARS} characters).`,
          `Una decisión necesita un motivo (de 1 a ${MAX_REASON_CHARS} caracteres).`,
        );
      const current = await row(id);
      if (current === undefined) throw appealErrors.create('appeal_not_found');
      if (current.status !== 'pending') throw appealErrors.create('appeal_decided');
      const now = deps.now();
      const status: AppealStatus = grant ? 'granted' : 'denied';
      const r = await db()
        .updateTable('safeguards_appeal')
        .set({ status, decided_at: now, decided_by: actor.id, decision_reason: why })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw appealErrors.create('appeal_decided');
      let lifted = false;
      if (grant) {
        const lever = await deps.levers.get(current.lever_id);
        if (lever !== undefined && inForce(lever, now)) {
          await deps.levers.lift(
            { id: lever.id },
            `appeal granted: ${why}`.slice(0, MAX_REASON_CHARS),
            actor,
            { tellOwner: false },
          );
          lifted = true;
        }
      }
      await deps.audit.append({
        actor: actor.id,
        action: `safeguards.appeal.${status}`,
        subject: current.target,
        outcome: 'success',
        data: { appeal: id, lever: current.lever_id, reason: why, lifted },
        ...(actor.requestId === undefined ? {} : { requestId: actor.requestId }),
      });
      const lever = await deps.levers.get(current.lever_id);
      if (lever !== undefined)
        try {
          await deps.notices.tell(grant ? 'appeal.granted' : 'appeal.denied', lever, why, id);
        } catch (err) {
          deps.logger.warn({ err, appeal: id }, 'could not tell the owner about an appeal');
        }
      const decided = await row(id);
      const shown = decided === undefined ? undefined : await withEvidence(toAppeal(decided));
      if (shown === undefined) throw appealErrors.create('appeal_not_found');
      return shown;
    },
  };
}

function categoryIds(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown;
    if (!Array.isArray(v)) return [];
    return v.flatMap((c: unknown) => {
      const x = c as { id?: unknown; score?: unknown } | null;
      return typeof x?.id === 'string' && typeof x.score === 'number' && x.score > 0 ? [x.id] : [];
    });
  } catch {
    return [];
  }
}
