import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import type { ScamChecker } from './engine/index.js';
import type { CheckInput, CheckResult, IndicatorType } from './engine/types.js';
import { protectErrors } from './errors.js';
import type { ProtectTables } from './protect-tables.js';
import { toWire, type WireResult } from './wire-format.js';

export interface ReportInput {
  readonly kind: string;
  readonly verdict: string;
  readonly score: number;
  readonly category: string;
  readonly indicators: readonly { readonly type: IndicatorType; readonly value: string }[];
  readonly reason_codes: readonly string[];
  /** The message itself, only when the person chose to include it; then the server re-checks it. */
  readonly content?: string;
  readonly comment?: string;
}

/** A shared result: the verdict and advice, never the message and never evidence excerpts. */
export type SharedResult = Omit<WireResult, 'reasons' | 'indicators' | 'notes'> & {
  readonly reasons: { code: string; message: string }[];
  readonly indicators: { type: IndicatorType; value: string }[];
};

/** Subject the exchange module follows to turn reports into shared intelligence. */
export const REPORT_CREATED = 'protect.report.created';

export interface ProtectService {
  check(input: CheckInput): CheckResult;
  report(input: ReportInput, requestId: string): Promise<{ id: string }>;
  share(result: SharedResult, requestId: string): Promise<{ token: string; expiresAt: string }>;
  getShare(token: string): Promise<SharedResult>;
}

export function createProtectService(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly bus: Bus;
  readonly checker: ScamChecker;
  readonly now: () => number;
  readonly shareDays: number;
}): ProtectService {
  const db = deps.store.db<ProtectTables>();
  return {
    check: (input) => deps.checker.check(input),

    async report(input, requestId) {
      // With the message at hand, judge it here rather than trust the client's summary.
      const judged =
        input.content === undefined
          ? undefined
          : toWire(deps.checker.check({ kind: 'auto', content: input.content }));
      const row = {
        id: randomUUID(),
        created_at: deps.now(),
        kind: judged?.kind ?? input.kind,
        verdict: judged?.verdict ?? input.verdict,
        score: judged?.score ?? input.score,
        category: judged?.category ?? input.category,
        indicators: JSON.stringify(
          judged?.indicators.map(({ type, value }) => ({ type, value })) ?? input.indicators,
        ),
        reason_codes: JSON.stringify(judged?.reasons.map((r) => r.code) ?? input.reason_codes),
        content: input.content ?? null,
        comment: input.comment ?? null,
      };
      await db.insertInto('protect_report').values(row).execute();
      await deps.audit.append({
        actor: 'public',
        action: 'protect.report.created',
        subject: `report:${row.id}`,
        data: {
          kind: row.kind,
          verdict: row.verdict,
          category: row.category,
          withMessage: row.content !== null,
        },
        requestId,
      });
      const event = {
        id: row.id,
        kind: row.kind,
        verdict: row.verdict,
        category: row.category,
        indicators: JSON.parse(row.indicators) as unknown,
        // True when the server judged the message itself (verdict and indicators are its own, not the client's).
        judged: judged !== undefined,
      };
      await deps.bus.publish(REPORT_CREATED, event, { msgId: row.id });
      return { id: row.id };
    },

    async share(result, requestId) {
      const token = randomBytes(24).toString('base64url');
      const now = deps.now();
      const expiresAt = now + deps.shareDays * 86_400_000;
      await db
        .insertInto('protect_share')
        .values({
          token_hash: hashToken(token),
          created_at: now,
          expires_at: expiresAt,
          result: JSON.stringify(shareable(result)),
        })
        .execute();
      await deps.audit.append({
        actor: 'public',
        action: 'protect.share.created',
        data: { verdict: result.verdict, expiresAt: new Date(expiresAt).toISOString() },
        requestId,
      });
      return { token, expiresAt: new Date(expiresAt).toISOString() };
    },

    async getShare(token) {
      const row = await db
        .selectFrom('protect_share')
        .select(['result', 'expires_at'])
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (row === undefined || row.expires_at <= deps.now())
        throw protectErrors.create('share_not_found');
      return JSON.parse(row.result) as SharedResult;
    },
  };
}

/**
 * Exactly the fields a share holds. The request schema checks only the top level,
 * so a client sending a whole check result would otherwise have its evidence
 * excerpts (pieces of the message) and weights stored with the share.
 */
function shareable(r: SharedResult): SharedResult {
  return {
    kind: r.kind,
    verdict: r.verdict,
    score: r.score,
    category: r.category,
    reasons: r.reasons.map(({ code, message }) => ({ code, message })),
    next_steps: r.next_steps.map(({ code, message, priority }) => ({ code, message, priority })),
    indicators: r.indicators.map(({ type, value }) => ({ type, value })),
    language: { code: r.language.code, supported: r.language.supported },
    checked: [...r.checked],
    truncated: r.truncated,
    model_version: r.model_version,
  };
}

/** Only the hash is stored, so a copy of the database does not hand out working links. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
