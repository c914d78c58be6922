import { ApiError, isRecord, languageHeader, type Parser, rememberSessionCsrf } from '../api.js';
import { type AccountMessageKey, accountMessages } from '../i18n/account-messages.js';
import { currentLocale } from '../i18n/locale.js';

/**
 * Requests of the account pages. Like api.ts (whose errors it shares), plus
 * what a signed-in session needs: PUT, PATCH and DELETE, and the session's CSRF
 * token in `x-csrf-token` on every change. The token lives only in memory;
 * after a reload `GET /api/access/account/session` gives it again.
 *
 * Every request says the person's language in `Accept-Language`, so the
 * server's own sentences (problem details, "check your email") come in it; the
 * sentences written here are in it too.
 */
let csrfToken: string | null = null;

/** Remember (or forget, with null) the CSRF token of the current session. */
export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
  rememberSessionCsrf(token);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const TIMEOUT_MS = 15_000;

/** A sentence of this module in the language chosen now (errors are made outside components). */
const say = (key: AccountMessageKey, params?: Readonly<Record<string, string | number>>) =>
  accountMessages.t(currentLocale(), key, params);

export function apiGet<T>(path: string, parse: Parser<T>, signal?: AbortSignal): Promise<T> {
  return request('GET', path, undefined, parse, signal);
}

/** A change: POST (the default), PUT, PATCH or DELETE, with a JSON body when given. */
export function apiSend<T>(
  path: string,
  body: unknown,
  parse: Parser<T>,
  method: Exclude<Method, 'GET'> = 'POST',
): Promise<T> {
  return request(method, path, body, parse);
}

async function request<T>(
  method: Method,
  path: string,
  body: unknown,
  parse: Parser<T>,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...languageHeader() };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  let response: Response;
  let answer: unknown;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: signal === undefined ? timeout : AbortSignal.any([signal, timeout]),
    });
    const text = await response.text();
    answer = text === '' ? null : parseJson(text);
  } catch (err) {
    if (signal?.aborted === true) throw err;
    throw timeout.aborted
      ? new ApiError('timeout', say('client.timeout'))
      : new ApiError('unreachable', say('client.unreachable'));
  }
  if (!response.ok) throw problem(response.status, answer);
  const parsed = parse(answer);
  if (parsed === null)
    throw new ApiError('unexpected', say('client.not_understood'), response.status);
  return parsed;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function problem(status: number, body: unknown): ApiError {
  const p = isRecord(body) ? body : {};
  const detail = typeof p.detail === 'string' && p.detail !== '' ? p.detail : undefined;
  const code = typeof p.code === 'string' ? p.code : undefined;
  return new ApiError('problem', detail ?? say('client.server_error', { status }), status, code);
}

/** A message a person can read, whatever was thrown. */
export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  const passkey = passkeyMessage(err);
  if (passkey !== undefined) return passkey;
  return say('client.page_error');
}

/** Whether `err` is the server's answer with this problem code. */
export function isProblem(err: unknown, code: string): boolean {
  return err instanceof ApiError && err.code === code;
}

/**
 * The browser's WebAuthn refusals (from @simplewebauthn/browser, which keeps
 * the DOMException's name and adds a `code`) in plain words.
 */
function passkeyMessage(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : '';
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || err.name === 'InvalidStateError')
    return say('client.passkey_exists');
  if (
    err.name === 'NotAllowedError' ||
    err.name === 'AbortError' ||
    code === 'ERROR_CEREMONY_ABORTED'
  )
    return say('client.passkey_cancelled');
  if (err.name === 'SecurityError') return say('client.passkey_refused');
  return undefined;
}
