import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import { localizeLines, localizeReason, localizeStep, type ScamChecker } from './engine/index.js';
import type {
  CheckInput,
  CheckResult,
  IndicatorType,
  Locale,
  MessageRef,
  Params,
} from './engine/types.js';
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

/**
 * A shared result: the verdict and advice, never the message and never evidence
 * excerpts. Reasons keep their params and `checked` its refs, so whoever opens
 * the link reads it in their own language; shares made before that have only
 * the English words, which are shown as they are.
 */
export type SharedResult = Omit<
  WireResult,
  'reasons' | 'indicators' | 'notes' | 'note_refs' | 'checked_refs' | 'locale'
> & {
  readonly reasons: { code: string; message: string; params?: Params }[];
  readonly indicators: { type: IndicatorType; value: string }[];
  readonly checked_refs?: MessageRef[];
  /** The language of the words: as sent when sharing, the reader's when read back. */
  readonly locale?: string;
};

/** Subject the exchange module follows to turn reports into shared intelligence. */
export const REPORT_CREATED = 'protect.report.created';

export interface ProtectService {
  check(input: CheckInput): CheckResult;
  report(input: ReportInput, requestId: string): Promise<{ id: string }>;
  share(result: SharedResult, requestId: string): Promise<{ token: string; expiresAt: string }>;
  /** The shared result with its words in `locale` where they can be said again. */
  getShare(token: string, locale?: Locale): Promise<SharedResult & { locale: Locale }>;
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

    async getShare(token, locale = 'en') {
      const row = await db
        .selectFrom('protect_share')
        .select(['result', 'expires_at'])
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (row === undefined || row.expires_at <= deps.now())
        throw protectErrors.create('share_not_found');
      return localizeShared(JSON.parse(row.result) as SharedResult, locale);
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
    reasons: r.reasons.map(({ code, message, params }) =>
      params === undefined ? { code, message } : { code, message, params: { ...params } },
    ),
    next_steps: r.next_steps.map(({ code, message, priority }) => ({ code, message, priority })),
    indicators: r.indicators.map(({ type, value }) => ({ type, value })),
    language: { code: r.language.code, supported: r.language.supported },
    checked: [...r.checked],
    ...(r.checked_refs === undefined || r.checked_refs.length !== r.checked.length
      ? {}
      : {
          checked_refs: r.checked_refs.map(({ key, params }) =>
            params === undefined ? { key } : { key, params: { ...params } },
          ),
        }),
    truncated: r.truncated,
    model_version: r.model_version,
  };
}

/** A stored share in the reader's language: each sentence whose code and params are known is said again. */
function localizeShared(r: SharedResult, locale: Locale): SharedResult & { locale: Locale } {
  const { locale: _stored, ...rest } = r;
  return {
    ...rest,
    reasons: r.reasons.map((reason) => localizeReason(locale, reason)),
    next_steps: r.next_steps.map((step) => localizeStep(locale, step)),
    checked:
      r.checked_refs === undefined ? r.checked : localizeLines(locale, r.checked_refs, r.checked),
    locale,
  };
}

/** Only the hash is stored, so a copy of the database does not hand out working links. */
function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
