/**
 * The reviewer's side: the queue, one request in full, approve, deny, and the
 * appeal decided by a second reviewer. Routes check the `access.review`
 * capability; this file enforces who may decide what, and audits refusals.
 */
import type { ShieldwallError } from '../../platform/errors.js';
import type { TierGrant } from '../directory.js';
import { verificationErrors } from './errors.js';
import { type Context, checkOptionalText, checkText } from './verification-context.js';
import { evidenceRow } from './verification-evidence.js';
import {
  QUEUED_STATUSES,
  type VerificationEvidenceRow,
  type VerificationRequestRow,
  type VerificationTables,
} from './verification-tables.js';
import type { Person, ReviewView } from './verification-types.js';

const MAX_REASON = 2000;
const MAX_NOTE = 4000;
const QUEUE_LIMIT = 200;

export interface DecisionInput {
  /** Shown to the applicant: say what was missing or what to do. */
  readonly reason: string;
  /** For reviewers only. */
  readonly internalNote?: string;
}

export function createReviewUseCases(ctx: Context) {
  const { deps } = ctx;

  /** Why this reviewer may not decide this request, or null when they may. */
  const conflict = async (reviewerId: string, row: VerificationRequestRow) =>
    conflictOf(
      reviewerId,
      await deps.directory.orgsOf(reviewerId),
      row,
      (await ctx.evidenceOf([row.id])).get(row.id) ?? [],
    );

  const requireNoConflict = async (
    reviewer: Person,
    row: VerificationRequestRow,
    action: string,
  ) => {
    const why = await conflict(reviewer.userId, row);
    if (why !== null)
      throw await ctx.refuse(reviewer, action, row.id, verificationErrors.create('own_request'), {
        conflict: why,
      });
  };

  const requireStatus = async (
    reviewer: Person,
    row: VerificationRequestRow,
    status: VerificationRequestRow['status'],
    action: string,
  ) => {
    if (row.status !== status)
      throw await ctx.refuse(
        reviewer,
        action,
        row.id,
        verificationErrors.create('wrong_status', {
          message: `The request is ${row.status}, not ${status}.`,
        }),
      );
  };

  /** Organizations are approved only with a proof that stands on its own. */
  const requireSatisfied = async (
    reviewer: Person,
    row: VerificationRequestRow,
    action: string,
  ) => {
    if (row.subject_type !== 'org') return;
    const evidence = (await ctx.evidenceOf([row.id])).get(row.id) ?? [];
    if (!evidence.some((e) => e.satisfied === 1))
      throw await ctx.refuse(
        reviewer,
        action,
        row.id,
        verificationErrors.create('evidence_required'),
      );
  };

  /**
   * Grant the tier beside any other grants (an approval for tier 2 must not take
   * away a tier 3 an intermediary vouched); undo the status change when the grant
   * fails so nothing is half done.
   */
  const grant = async (
    reviewer: Person,
    row: VerificationRequestRow,
    undo: () => Promise<void>,
  ) => {
    const days = deps.policy().tiers[row.requested_tier]?.grantDays ?? null;
    let g: TierGrant;
    try {
      g = await deps.directory.addGrant(
        { type: row.subject_type, id: row.subject_id },
        row.requested_tier,
        `approved by identity verification (request ${row.id})`,
        ctx.actorOf(reviewer),
        { expiresInMs: days === null ? null : days * 86_400_000, source: `verification:${row.id}` },
      );
    } catch (err) {
      await undo();
      throw err;
    }
    await ctx
      .db()
      .updateTable('access_verification_request')
      .set({ grant_id: g.id, granted_until: g.expiresAt })
      .where('id', '=', row.id)
      .execute();
    return g;
  };

  const one = async (id: string) =>
    (await ctx.reviewViews([await ctx.requestRow(id)]))[0] as ReviewView;

  return {
    /** Requests waiting for this reviewer (pending and appealed), oldest first. */
    async queue(reviewer: Person): Promise<ReviewView[]> {
      const rows = await ctx
        .db()
        .selectFrom('access_verification_request')
        .selectAll()
        .where('status', 'in', [...QUEUED_STATUSES])
        .orderBy('queued_at')
        .orderBy('id')
        .limit(QUEUE_LIMIT * 2)
        .execute();
      const views = await ctx.reviewViews(rows);
      const evidence = await ctx.evidenceOf(rows.map((r) => r.id));
      const orgs = await deps.directory.orgsOf(reviewer.userId);
      const mine: ReviewView[] = [];
      for (const [i, v] of views.entries()) {
        if (mine.length >= QUEUE_LIMIT) break;
        if (v.appeal?.deniedBy === reviewer.userId && v.status === 'appealed') continue;
        const row = rows[i] as VerificationRequestRow;
        if (conflictOf(reviewer.userId, orgs, row, evidence.get(row.id) ?? []) !== null) continue;
        mine.push(v);
      }
      return mine;
    },

    /** One request in full; refused (and audited) for the reviewer's own or their organization's. */
    async get(reviewer: Person, id: string): Promise<ReviewView> {
      const row = await ctx.requestRow(id);
      await requireNoConflict(reviewer, row, 'viewed');
      return one(row.id);
    },

    /** A document's bytes, for a reviewer to open. */
    async document(reviewer: Person, id: string, evidenceId: string) {
      const row = await ctx.requestRow(id);
      await requireNoConflict(reviewer, row, 'viewed');
      const e = await evidenceRow(ctx, row.id, evidenceId);
      const doc = await ctx
        .db()
        .selectFrom('access_verification_document')
        .select('content_base64')
        .where('evidence_id', '=', e.id)
        .executeTakeFirst();
      if (e.kind !== 'document' || doc === undefined) throw ctx.notFound();
      return {
        fileName: e.file_name ?? 'document',
        mediaType: e.media_type ?? 'application/octet-stream',
        sha256: e.sha256 ?? '',
        contentBase64: doc.content_base64,
      };
    },

    async approve(reviewer: Person, id: string, input: DecisionInput): Promise<ReviewView> {
      return decide(reviewer, id, 'approved', input);
    },

    async deny(reviewer: Person, id: string, input: DecisionInput): Promise<ReviewView> {
      return decide(reviewer, id, 'denied', input);
    },

    /** Decide an appeal: never by the reviewer who denied (refused and audited). */
    async decideAppeal(
      reviewer: Person,
      id: string,
      input: DecisionInput & { decision: 'approve' | 'deny' },
    ): Promise<ReviewView> {
      const reason = checkText(input.reason, 'The reason', MAX_REASON);
      const note = checkOptionalText(input.internalNote, 'The internal note', MAX_NOTE);
      const approve = input.decision === 'approve';
      const action = approve ? 'appeal_approved' : 'appeal_denied';
      const row = await ctx.requestRow(id);
      await requireNoConflict(reviewer, row, action);
      await requireStatus(reviewer, row, 'appealed', action);
      const appeal = await ctx
        .db()
        .selectFrom('access_verification_appeal')
        .selectAll()
        .where('request_id', '=', row.id)
        .executeTakeFirst();
      if (appeal === undefined) throw ctx.notFound();
      if (appeal.denied_by === reviewer.userId)
        throw await ctx.refuse(
          reviewer,
          action,
          row.id,
          verificationErrors.create('same_reviewer'),
        );
      if (approve) await requireSatisfied(reviewer, row, action);
      const now = deps.now();
      const status = approve ? 'appeal_approved' : 'appeal_denied';
      await deps.store.transaction<VerificationTables, void>(async (trx) => {
        const res = await trx
          .updateTable('access_verification_request')
          .set({ status, open_key: null, updated_at: now })
          .where('id', '=', row.id)
          .where('status', '=', 'appealed')
          .executeTakeFirst();
        if (Number(res.numUpdatedRows) !== 1) throw decidedMeanwhile();
        await trx
          .updateTable('access_verification_appeal')
          .set({
            reviewer_id: reviewer.userId,
            decision: approve ? 'approved' : 'denied',
            reason,
            internal_note: note,
            decided_at: now,
          })
          .where('request_id', '=', row.id)
          .where('reviewer_id', 'is', null)
          .execute();
      });
      const g = approve
        ? await grant(reviewer, row, async () => {
            await deps.store.transaction<VerificationTables, void>(async (trx) => {
              await trx
                .updateTable('access_verification_request')
                .set({ status: 'appealed', open_key: `${row.subject_type}:${row.subject_id}` })
                .where('id', '=', row.id)
                .execute();
              await trx
                .updateTable('access_verification_appeal')
                .set({
                  reviewer_id: null,
                  decision: null,
                  reason: null,
                  internal_note: null,
                  decided_at: null,
                })
                .where('request_id', '=', row.id)
                .execute();
            });
          })
        : null;
      await ctx.audit(reviewer, action, row.id, {
        subject: `${row.subject_type}:${row.subject_id}`,
        tier: row.requested_tier,
        ...(g === null ? {} : { grant: g.id }),
      });
      return one(row.id);
    },
  };

  async function decide(
    reviewer: Person,
    id: string,
    decision: 'approved' | 'denied',
    input: DecisionInput,
  ): Promise<ReviewView> {
    const reason = checkText(input.reason, 'The reason', MAX_REASON);
    const note = checkOptionalText(input.internalNote, 'The internal note', MAX_NOTE);
    const row = await ctx.requestRow(id);
    await requireNoConflict(reviewer, row, decision);
    await requireStatus(reviewer, row, 'pending', decision);
    if (decision === 'approved') await requireSatisfied(reviewer, row, decision);
    const now = deps.now();
    await deps.store.transaction<VerificationTables, void>(async (trx) => {
      const res = await trx
        .updateTable('access_verification_request')
        .set({ status: decision, open_key: null, updated_at: now })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw decidedMeanwhile();
      await trx
        .insertInto('access_verification_decision')
        .values({
          request_id: row.id,
          reviewer_id: reviewer.userId,
          decision,
          reason,
          internal_note: note,
          decided_at: now,
        })
        .execute();
    });
    const g =
      decision === 'approved'
        ? await grant(reviewer, row, async () => {
            await deps.store.transaction<VerificationTables, void>(async (trx) => {
              await trx
                .deleteFrom('access_verification_decision')
                .where('request_id', '=', row.id)
                .execute();
              await trx
                .updateTable('access_verification_request')
                .set({ status: 'pending', open_key: `${row.subject_type}:${row.subject_id}` })
                .where('id', '=', row.id)
                .execute();
            });
          })
        : null;
    await ctx.audit(reviewer, decision, row.id, {
      subject: `${row.subject_type}:${row.subject_id}`,
      tier: row.requested_tier,
      ...(g === null ? {} : { grant: g.id }),
    });
    return one(row.id);
  }
}

/** The reviewer is the applicant, the subject, one of its members, or a sponsor of it. */
function conflictOf(
  reviewerId: string,
  orgs: ReadonlyMap<string, unknown>,
  row: VerificationRequestRow,
  evidence: readonly VerificationEvidenceRow[],
): 'own_request' | 'member_of_subject' | 'sponsor' | null {
  if (row.applicant_id === reviewerId) return 'own_request';
  if (row.subject_type === 'user' && row.subject_id === reviewerId) return 'own_request';
  if (row.subject_type === 'org' && orgs.has(row.subject_id)) return 'member_of_subject';
  // Vouching for a request and then deciding it is the same conflict.
  for (const e of evidence)
    if (
      e.kind === 'sponsor' &&
      ((e.sponsor_type === 'user' && e.sponsor_id === reviewerId) ||
        (e.sponsor_type === 'org' && e.sponsor_id !== null && orgs.has(e.sponsor_id)))
    )
      return 'sponsor';
  return null;
}

function decidedMeanwhile(): ShieldwallError {
  return verificationErrors.create('wrong_status', {
    message: 'Another reviewer decided this request a moment ago. Reload it.',
  });
}
