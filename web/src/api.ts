/**
 * The one way the web UI talks to the server: GET or POST JSON with a timeout, and
 * every failure turned into an {@link ApiError} whose message a person can read.
 * Errors from the server are RFC 9457 problem details (`{ title, detail, code }`);
 * their `detail` is written for people, so we show it as it is. Every call says which language the
 * person chose (Accept-Language), so those problems come back in it.
 */
import type { Locale } from '../../src/platform/engine-kit/i18n/messages.js';
import { currentLocale } from './i18n/locale.js';

/** What went wrong, for code that wants to react differently (e.g. offer "Try again"). */
export type ApiErrorKind = 'unreachable' | 'timeout' | 'problem' | 'unexpected';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    /** HTTP status, when the server answered. */
    readonly status?: number,
    /** The problem's stable `code`, when the server sent one. */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Checks an answer's shape; returns null when it is not what the page expects. */
export type Parser<T> = (value: unknown) => T | null;

export interface GetOptions {
  /** Cancels the request, e.g. when the page is left. Aborts are rethrown as they are. */
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** GET `path` (same origin) as JSON and check its shape with `parse`. */
export function getJson<T>(path: string, parse: Parser<T>, options: GetOptions = {}): Promise<T> {
  return requestJson(
    path,
    { method: 'GET', headers: { accept: 'application/json', ...languageHeader() } },
    parse,
    options,
  );
}

/** POST `body` as JSON to `path` (same origin) and check the answer's shape with `parse`. */
export function postJson<T>(
  path: string,
  body: unknown,
  parse: Parser<T>,
  options: GetOptions = {},
): Promise<T> {
  return requestJson(
    path,
    {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...languageHeader(),
      },
      body: JSON.stringify(body),
    },
    parse,
    options,
  );
}

/** The language the person chose in the picker (else their browser's), for every API call. */
export function languageHeader(): { 'accept-language': string } {
  return { 'accept-language': currentLocale() };
}

/** The CSRF token of the session this page knows is signed in (set by the account pages), else null. */
let sessionCsrf: string | null = null;

/**
 * Called by the account pages when they learn a session's CSRF token (sign-in, loading the
 * account) or that there is none (sign-out), so a language change can be saved on the account.
 */
export function rememberSessionCsrf(token: string | null): void {
  sessionCsrf = token;
}

/**
 * Remember `locale` on the signed-in account too, so its emails come in that language. Only
 * when this page knows someone is signed in: asking the server first would answer every
 * signed-out visitor's language change with a 401. Never throws (the page has already switched).
 */
export async function saveAccountLanguage(locale: Locale): Promise<void> {
  if (sessionCsrf === null) return;
  try {
    await fetch('/api/access/account/language', {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        'x-csrf-token': sessionCsrf,
        ...languageHeader(),
      },
      body: JSON.stringify({ language: locale }),
      signal: AbortSignal.timeout(DEFAULT_TIMEOUT_MS),
    });
  } catch {
    // Offline or the server is busy: the emails keep the account's previous language.
  }
}

async function requestJson<T>(
  path: string,
  init: RequestInit,
  parse: Parser<T>,
  options: GetOptions,
): Promise<T> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal =
    options.signal === undefined ? timeout : AbortSignal.any([options.signal, timeout]);
  let response: Response;
  let body: unknown;
  try {
    response = await fetch(path, { ...init, signal });
    body = await readJson(response);
  } catch (err) {
    if (options.signal?.aborted === true) throw err;
    if (timeout.aborted) {
      throw new ApiError(
        'timeout',
        'The Shieldwall server is taking too long to answer. Please try again in a moment.',
      );
    }
    throw new ApiError(
      'unreachable',
      "We can't reach the Shieldwall server. Check your internet connection, or ask the person who looks after it whether it is running.",
    );
  }
  if (!response.ok) throw problemError(response.status, body);
  const parsed = parse(body);
  if (parsed === null) {
    throw new ApiError(
      'unexpected',
      "The server sent an answer this page doesn't understand. The server and this web page may be different versions: try reloading the page.",
      response.status,
    );
  }
  return parsed;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy's HTML error page, say: handled as "not the expected shape" by the caller.
    return null;
  }
}

function problemError(status: number, body: unknown): ApiError {
  const problem = isRecord(body) ? body : {};
  const detail =
    typeof problem.detail === 'string' && problem.detail !== '' ? problem.detail : undefined;
  const title =
    typeof problem.title === 'string' && problem.title !== '' ? problem.title : undefined;
  const code = typeof problem.code === 'string' ? problem.code : undefined;
  const message =
    detail ??
    title ??
    `The Shieldwall server could not answer (error ${status}). Please try again in a moment.`;
  return new ApiError('problem', message, status, code);
}

/** True for a plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
