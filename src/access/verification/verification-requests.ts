/**
 * The applicant's side of a request: ask for a tier, see one's requests and
 * their decisions, withdraw, appeal a denial once.
 */
import { randomUUID } from 'node:crypto';
import { roleAtLeast } from '../engine/index.js';
import { accessErrors } from '../errors.js';
import { verificationErrors } from './errors.js';
import { type Context, checkText } from './verification-context.js';
import type { VerificationRequestRow, VerificationTables } from './verification-tables.js';
import type { Person, RequestView } from './verification-types.js';

export const MAX_STATEMENT = 4000;
/** How long after a denial it can still be appealed. */
export const APPEAL_WINDOW_MS = 30 * 86_400_000;
/** New requests one person may file a day: enough for mistakes, not for flooding reviewers. */
const SUBMITS_PER_DAY = 10;

export interface SubmitInput {
  /** An organization the person is owner or admin of, or the person themself. */
  readonly subject: { readonly type: 'org'; readonly id: string } | { readonly type: 'user' };
  readonly tier: number;
  readonly statement: string;
}

export function createRequestUseCases(ctx: Context) {
  const { deps } = ctx;
  const openKey = (r: Pick<VerificationRequestRow, 'subject_type' | 'subject_id'>) =>
    `${r.subject_type}:${r.subject_id}`;

  const one = async (row: VerificationRequestRow) =>
    (await ctx.applicantViews([row]))[0] as RequestView;

  return {
    async submit(person: Person, input: SubmitInput): Promise<RequestView> {
      const maxTier = deps.policy().tiers.length - 1;
      if (!Number.isInteger(input.tier) || input.tier < 1 || input.tier > maxTier)
        throw accessErrors.create('invalid_tier', {
          message: `Ask for a tier from 1 to ${maxTier}.`,
        });
      const statement = checkText(input.statement, 'The statement', MAX_STATEMENT);
      let subjectId = person.userId;
      if (input.subject.type === 'org') {
        const org = await deps.directory.getOrg(input.subject.id);
        const role = (await deps.directory.orgsOf(person.userId)).get(org.id);
        if (role === undefined || !roleAtLeast(role, 'admin')) {
          await ctx.audit(
            person,
            'requested',
            `org:${org.id}`,
            { tier: input.tier, refused: 'not_admin' },
            'denied',
          );
          throw accessErrors.create('not_found', {
            message: `There is no organization "${input.subject.id}".`,
          });
        }
        subjectId = org.id;
      }
      const limit = await deps.limiter.consume(`access:verification:submit:${person.userId}`, {
        limit: SUBMITS_PER_DAY,
        windowMs: 86_400_000,
      });
      if (!limit.allowed) throw accessErrors.create('rate_limited');
      const now = deps.now();
      const row: VerificationRequestRow = {
        id: randomUUID(),
        subject_type: input.subject.type,
        subject_id: subjectId,
        requested_tier: input.tier,
        applicant_id: person.userId,
        statement,
        status: 'pending',
        open_key: `${input.subject.type}:${subjectId}`,
        created_at: now,
        queued_at: now,
        updated_at: now,
        grant_id: null,
        granted_until: null,
        reminded_at: null,
      };
      try {
        await ctx.db().insertInto('access_verification_request').values(row).execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err)) throw verificationErrors.create('request_open');
        throw err;
      }
      await ctx.audit(person, 'requested', row.id, {
        subject: openKey(row),
        tier: row.requested_tier,
      });
      return one(row);
    },

    /** The person's own requests and those of organizations they are owner or admin of, newest first. */
    async listMine(person: Person): Promise<RequestView[]> {
      const orgs = [...(await deps.directory.orgsOf(person.userId))]
        .filter(([, role]) => roleAtLeast(role, 'admin'))
        .map(([id]) => id);
      const rows = await ctx
        .db()
        .selectFrom('access_verification_request')
        .selectAll()
        .where((eb) =>
          eb.or([
            eb.and([eb('subject_type', '=', 'user'), eb('subject_id', '=', person.userId)]),
            ...(orgs.length === 0
              ? []
              : [eb.and([eb('subject_type', '=', 'org'), eb('subject_id', 'in', orgs)])]),
          ]),
        )
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute();
      return ctx.applicantViews(rows);
    },

    async get(person: Person, id: string): Promise<RequestView> {
      return one(await ctx.visibleRow(id, person.userId));
    },

    /** Withdraw a request that is waiting for a decision (or denied, instead of appealing). */
    async withdraw(person: Person, id: string): Promise<RequestView> {
      const row = await ctx.visibleRow(id, person.userId);
      const res = await ctx
        .db()
        .updateTable('access_verification_request')
        .set({ status: 'withdrawn', open_key: null, updated_at: deps.now() })
        .where('id', '=', row.id)
        .where('status', 'in', ['pending', 'denied', 'appealed'])
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1)
        throw verificationErrors.create('wrong_status', {
          message: `A request that is ${row.status} cannot be withdrawn.`,
        });
      await ctx.audit(person, 'withdrawn', row.id, { subject: openKey(row), from: row.status });
      return one(await ctx.requestRow(row.id));
    },

    /** Appeal a denial, once, within 30 days; a different reviewer decides. */
    async appeal(person: Person, id: string, statementText: string): Promise<RequestView> {
      const statement = checkText(statementText, 'The appeal statement', MAX_STATEMENT);
      const row = await ctx.visibleRow(id, person.userId);
      const existing = await ctx
        .db()
        .selectFrom('access_verification_appeal')
        .select('request_id')
        .where('request_id', '=', row.id)
        .executeTakeFirst();
      if (existing !== undefined)
        throw await ctx.refuse(
          person,
          'appealed',
          row.id,
          verificationErrors.create('appeal_used'),
        );
      const decision = await ctx
        .db()
        .selectFrom('access_verification_decision')
        .selectAll()
        .where('request_id', '=', row.id)
        .executeTakeFirst();
      if (row.status !== 'denied' || decision === undefined)
        throw verificationErrors.create('wrong_status', {
          message: 'Only a denied request can be appealed.',
        });
      const now = deps.now();
      if (now - Number(decision.decided_at) > APPEAL_WINDOW_MS)
        throw verificationErrors.create('wrong_status', {
          message: 'A denial can be appealed within 30 days. Make a new request instead.',
        });
      try {
        await deps.store.transaction<VerificationTables, void>(async (trx) => {
          const res = await trx
            .updateTable('access_verification_request')
            .set({ status: 'appealed', open_key: openKey(row), queued_at: now, updated_at: now })
            .where('id', '=', row.id)
            .where('status', '=', 'denied')
            .executeTakeFirst();
          if (Number(res.numUpdatedRows) !== 1) throw verificationErrors.create('wrong_status');
          await trx
            .insertInto('access_verification_appeal')
            .values({
              request_id: row.id,
              statement,
              created_at: now,
              denied_by: decision.reviewer_id,
              reviewer_id: null,
              decision: null,
              reason: null,
              internal_note: null,
              decided_at: null,
            })
            .execute();
        });
      } catch (err) {
        // The subject has another open request (open_key), or a concurrent appeal won.
        if (deps.store.isUniqueViolation(err)) {
          const appealed = await ctx
            .db()
            .selectFrom('access_verification_appeal')
            .select('request_id')
            .where('request_id', '=', row.id)
            .executeTakeFirst();
          throw verificationErrors.create(appealed === undefined ? 'request_open' : 'appeal_used');
        }
        throw err;
      }
      await ctx.audit(person, 'appealed', row.id, { subject: openKey(row) });
      return one(await ctx.requestRow(row.id));
    },
  };
}
