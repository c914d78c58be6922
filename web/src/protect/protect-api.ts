import type { Locale, Params } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ApiError, type GetOptions, getJson, isRecord, postJson } from '../api.js';
import { type MessageRefShown, parseWireResult, type ShownResult } from './check-result.js';

/**
 * The scam checker's server API (src/protect/protect-routes.ts; shapes in
 * protect-schemas.ts, which are authoritative). Limits below mirror those
 * schemas, so a long result is trimmed here rather than refused there.
 */

/** A check on the server takes longer than a page load for a big email. */
const CHECK_TIMEOUT_MS = 60_000;
/** `GET /api/shares/:token` accepts only tokens of this shape. */
export const SHARE_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** What to check on the server, and the language to answer in. */
export type ServerCheck =
  | { readonly kind: 'auto'; readonly text: string; readonly locale?: Locale }
  | { readonly kind: 'email'; readonly raw: string; readonly locale?: Locale };

export function checkOnServer(body: ServerCheck, options: GetOptions = {}): Promise<ShownResult> {
  return postJson('/api/check', body, parseWireResult, {
    timeoutMs: CHECK_TIMEOUT_MS,
    ...options,
  }).catch(plainly);
}

export interface ReportExtras {
  /** The message itself, only when the person ticked "Include the message itself". */
  readonly content?: string;
  readonly comment?: string;
}

export function sendReport(result: ShownResult, extras: ReportExtras): Promise<{ id: string }> {
  const body = {
    kind: result.kind,
    verdict: result.verdict,
    score: result.score,
    category: result.category,
    indicators: result.indicators
      .filter(({ value }) => value.length > 0 && value.length <= 2048)
      .slice(0, 200)
      .map(({ type, value }) => ({ type, value })),
    reason_codes: result.reasons.map(({ code }) => code.slice(0, 100)).slice(0, 50),
    ...(extras.content === undefined || extras.content === '' ? {} : { content: extras.content }),
    ...(extras.comment === undefined || extras.comment.trim() === ''
      ? {}
      : { comment: extras.comment.trim().slice(0, 2000) }),
  };
  return postJson('/api/reports', body, parseCreated, { timeoutMs: CHECK_TIMEOUT_MS }).catch(
    plainly,
  );
}

export interface CreatedShare {
  /** The page to open, e.g. `/shared/<token>`. */
  readonly path: string;
  readonly expiresAt: Date | null;
}

/** Share the result (never the message) by a link that expires. */
export function shareResult(result: ShownResult): Promise<CreatedShare> {
  return postJson('/api/shares', toShareRequest(result), parseShare).catch(plainly);
}

/** A shared result, its words in `locale` (the reader's language) where the server can say them. */
export function fetchSharedResult(
  token: string,
  { locale, ...options }: GetOptions & { readonly locale?: Locale } = {},
): Promise<ShownResult> {
  const query = locale === undefined ? '' : `?lang=${locale}`;
  return getJson(`/api/shares/${encodeURIComponent(token)}${query}`, parseWireResult, options);
}

/** Params within the share schema's bounds (8 values of at most 300 characters), or none. */
function boundedParams(params: Params | undefined): { params?: Params } {
  if (params === undefined) return {};
  const entries = Object.entries(params).slice(0, 8);
  return {
    params: Object.fromEntries(
      entries.map(([name, value]) => [
        name,
        typeof value === 'string' ? value.slice(0, 300) : value,
      ]),
    ),
  };
}

function boundedRefs(refs: readonly MessageRefShown[] | undefined, lines: number) {
  if (refs === undefined || refs.length !== lines || lines > 20) return {};
  return {
    checked_refs: refs.map(({ key, params }) => ({
      key: key.slice(0, 100),
      ...boundedParams(params),
    })),
  };
}

/** The body of `POST /api/shares`: the result only, within the schema's limits. */
export function toShareRequest(result: ShownResult) {
  return {
    kind: result.kind,
    verdict: result.verdict,
    score: result.score,
    category: result.category,
    reasons: result.reasons.slice(0, 20).map(({ code, message, params }) => ({
      code: code.slice(0, 100),
      message: message.slice(0, 1000),
      ...boundedParams(params),
    })),
    next_steps: result.nextSteps.slice(0, 20).map(({ code, message, priority }) => ({
      code: code.slice(0, 100),
      message: message.slice(0, 1000),
      priority: Math.round(priority),
    })),
    indicators: result.indicators
      .filter(({ value }) => value.length > 0 && value.length <= 2048)
      .slice(0, 50)
      .map(({ type, value }) => ({ type, value })),
    language: { code: result.language.code, supported: result.language.supported },
    checked: result.checked.slice(0, 20).map((line) => line.slice(0, 300)),
    // So whoever opens the link reads it in their own language.
    ...boundedRefs(result.checkedRefs, result.checked.length),
    truncated: result.truncated,
    // The schema allows 100 characters; the engine's version string can be a little longer.
    model_version: result.modelVersion.slice(0, 100),
  };
}

function parseCreated(value: unknown): { id: string } | null {
  return isRecord(value) && typeof value.id === 'string' ? { id: value.id } : null;
}

function parseShare(value: unknown): CreatedShare | null {
  if (!isRecord(value) || typeof value.token !== 'string' || !SHARE_TOKEN.test(value.token))
    return null;
  const expires = typeof value.expires_at === 'string' ? new Date(value.expires_at) : null;
  return {
    path: `/shared/${value.token}`,
    expiresAt: expires === null || Number.isNaN(expires.getTime()) ? null : expires,
  };
}

/**
 * The server's own words are meant for people, except for a request it found
 * malformed (a bug on our side, or a server of another version): say that plainly.
 */
function plainly(err: unknown): never {
  if (err instanceof ApiError && err.code === 'validation_failed') {
    throw new ApiError(
      'problem',
      'The server could not accept this. The server and this web page may be different versions: try reloading the page.',
      err.status,
      err.code,
    );
  }
  throw err;
}
