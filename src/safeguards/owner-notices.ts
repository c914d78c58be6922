/**
 * Owner notices: when a lever on something of theirs is pulled or lifted (by an operator, the CLI
 * or a policy threshold) and when their appeal is decided, the owner gets a notice in the app, and
 * a signed webhook when their organization has set one up. The notice row is the webhook's outbox
 * too, so whichever process pulls the lever writes it and the running servers deliver it
 * (owner-webhooks.ts). Telling the owner never undoes or holds up the lever: failures are logged.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Logger } from '../platform/logger.js';
import type { Store } from '../platform/ports/store.js';
import type { Lever } from './engine/lever-rules.js';
import type { LeverChange } from './lever-service.js';
import type { NoticeData, NoticeKind, NoticeLever } from './notice-text.js';
import type { SafeguardsNoticeRow, SafeguardsTables } from './safeguards-tables.js';

/** Notices one owner keeps; older ones are removed as new ones come. */
export const MAX_NOTICES_PER_OWNER = 200;
/** Notes (lift reasons, decisions) are kept to this many characters in a notice. */
const MAX_NOTE = 500;

export interface Notice {
  readonly id: string;
  readonly owner: string;
  readonly kind: NoticeKind;
  readonly leverId: string;
  readonly appealId: string | null;
  readonly createdAt: number;
  readonly readAt: number | null;
  readonly data: NoticeData;
  readonly webhook: 'none' | 'pending' | 'delivered' | 'failed';
}

export type OwnerNotices = ReturnType<typeof createOwnerNotices>;

/** The lever as its owner may see it (no evidence: the request ids are for reviewers). */
export function noticeLever(l: Lever): NoticeLever {
  return {
    id: l.id,
    kind: l.kind,
    target: l.target,
    tier: l.tier,
    mode: l.mode,
    reason: l.reason,
    expiresAt: l.expiresAt === null ? null : new Date(l.expiresAt).toISOString(),
    automatic: l.automatic,
  };
}

function toNotice(r: SafeguardsNoticeRow): Notice {
  return {
    id: r.id,
    owner: r.owner,
    kind: r.kind as NoticeKind,
    leverId: r.lever_id,
    appealId: r.appeal_id,
    createdAt: Number(r.created_at),
    readAt: r.read_at === null ? null : Number(r.read_at),
    data: JSON.parse(r.data) as NoticeData,
    webhook: r.webhook_status as Notice['webhook'],
  };
}

export function createOwnerNotices(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly logger: Pick<Logger, 'warn'>;
  readonly now: () => number;
  /** Whose a canonical target is (`org:…`, `user:…`), or null. */
  readonly ownerOf: (target: string) => Promise<string | null>;
}) {
  const db = () => deps.store.db<SafeguardsTables>();

  async function hasWebhook(owner: string): Promise<boolean> {
    if (!owner.startsWith('org:')) return false;
    const row = await db()
      .selectFrom('safeguards_webhook')
      .select('org_id')
      .where('org_id', '=', owner.slice(4))
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Store one notice (and queue its webhook); returns it, or null when the target has no owner. */
  async function tell(
    kind: NoticeKind,
    lever: Lever,
    note: string | null,
    appealId: string | null = null,
  ): Promise<Notice | null> {
    const owner = await deps.ownerOf(lever.target);
    if (owner === null) return null;
    const now = deps.now();
    const webhook = await hasWebhook(owner);
    const row: SafeguardsNoticeRow = {
      id: randomUUID(),
      owner,
      kind,
      lever_id: lever.id,
      appeal_id: appealId,
      created_at: now,
      read_at: null,
      data: JSON.stringify({
        lever: noticeLever(lever),
        note: note === null ? null : note.slice(0, MAX_NOTE),
      } satisfies NoticeData),
      webhook_status: webhook ? 'pending' : 'none',
      webhook_attempts: 0,
      next_attempt_at: webhook ? now : null,
      lease_until: null,
      last_error: null,
    };
    await db().insertInto('safeguards_notice').values(row).execute();
    await trim(owner);
    await deps.audit.append({
      actor: 'system:safeguards',
      action: 'safeguards.owner.notified',
      subject: owner,
      outcome: 'success',
      data: { notice: row.id, kind, lever: lever.id, webhook },
    });
    return toNotice(row);
  }

  /** Keep an owner's newest MAX_NOTICES_PER_OWNER notices (undelivered webhooks included). */
  async function trim(owner: string): Promise<void> {
    const old = await db()
      .selectFrom('safeguards_notice')
      .select('id')
      .where('owner', '=', owner)
      .orderBy('created_at', 'desc')
      .offset(MAX_NOTICES_PER_OWNER)
      .limit(100)
      .execute();
    if (old.length > 0)
      await db()
        .deleteFrom('safeguards_notice')
        .where(
          'id',
          'in',
          old.map((o) => o.id),
        )
        .execute();
  }

  return {
    tell,

    /** The lever service's `notify`: never throws (the lever is in force whatever happens here). */
    async leverChanged(change: LeverChange): Promise<void> {
      try {
        await tell(
          change.type,
          change.lever,
          change.type === 'lever.lifted' ? change.reason : null,
        );
      } catch (err) {
        deps.logger.warn({ err, lever: change.lever.id }, 'could not tell the owner about a lever');
      }
    },

    /** The notices of these owners, newest first. */
    async list(owners: readonly string[], limit = 50): Promise<Notice[]> {
      if (owners.length === 0) return [];
      const rows = await db()
        .selectFrom('safeguards_notice')
        .selectAll()
        .where('owner', 'in', [...owners])
        .orderBy('created_at', 'desc')
        .limit(Math.max(1, Math.min(200, limit)))
        .execute();
      return rows.map(toNotice);
    },

    /** Mark one of these owners' notices read; false when there is no such notice of theirs. */
    async markRead(id: string, owners: readonly string[]): Promise<boolean> {
      if (owners.length === 0) return false;
      const r = await db()
        .updateTable('safeguards_notice')
        .set({ read_at: deps.now() })
        .where('id', '=', id)
        .where('owner', 'in', [...owners])
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}
