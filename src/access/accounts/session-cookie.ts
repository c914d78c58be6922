/**
 * The session cookie on the HTTP side: reading it (a small bounded parser, so no
 * dependency for forty lines), the CSRF check for state-changing requests, and
 * the Set-Cookie values. Implements the access gate's `SessionResolver`.
 *
 * `sw_session` is HttpOnly (scripts never see it), SameSite=Strict (other sites
 * never send it), Path=/, and Secure when the request came over https. Requests
 * that change something (POST, PUT, PATCH, DELETE) must also carry the session's
 * CSRF token in `x-csrf-token`: defence in depth should SameSite ever be lax
 * (older browsers, a same-site subdomain under someone else's control).
 */
import type { FastifyRequest } from 'fastify';
import type { Limiter } from '../../platform/ports/limiter.js';
import { FAILED_AUTH_PER_MINUTE, type SessionResolver } from '../access-http.js';
import { accessErrors } from '../errors.js';
import { csrfTokenOf, safeEqual } from './account-secrets.js';
import { accountErrors } from './errors.js';
import type { ResolvedSession } from './sessions.js';

export const SESSION_COOKIE = 'sw_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Longest Cookie header read, and most pairs looked at: more is not a browser's. */
const COOKIE_HEADER_MAX = 8192;
const COOKIE_PAIRS_MAX = 64;

/**
 * The value of one cookie in a Cookie header, or undefined. The first of
 * duplicates wins (browsers send the most specific path first). Values are not
 * percent-decoded: ours are base64url.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined || header.length > COOKIE_HEADER_MAX) return undefined;
  let start = 0;
  for (let pairs = 0; pairs < COOKIE_PAIRS_MAX && start < header.length; pairs++) {
    let end = header.indexOf(';', start);
    if (end < 0) end = header.length;
    const eq = header.indexOf('=', start);
    if (eq > start && eq < end && header.slice(start, eq).trim() === name) {
      let value = header.slice(eq + 1, end).trim();
      if (value.length >= 2 && value.startsWith('"') && value.endsWith('"'))
        value = value.slice(1, -1);
      return value;
    }
    start = end + 1;
  }
  return undefined;
}

/** Whether the client reached us over https (directly, or through a proxy Fastify trusts). */
function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

export function sessionCookie(
  request: FastifyRequest,
  token: string,
  expiresAt: number,
  now: number,
): string {
  const maxAge = Math.max(0, Math.floor((expiresAt - now) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${isHttps(request) ? '; Secure' : ''}`;
}

export function clearedSessionCookie(request: FastifyRequest): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${isHttps(request) ? '; Secure' : ''}`;
}

/** The session token a request carries in its cookie, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const value = readCookie(request.headers.cookie, SESSION_COOKIE);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The resolver the access gate calls: null without a cookie, `unauthenticated`
 * (401) for a forged, expired or revoked one (counted against the address like
 * a bad API key), `csrf_failed` (403) for a change without the CSRF token.
 *
 * @example
 * installAccessGate(app, { authenticator, policy, limiter,
 *   sessions: createSessionResolver({ resolve: accounts.resolveSession, limiter }) });
 */
export function createSessionResolver(deps: {
  readonly resolve: (token: string) => Promise<ResolvedSession | null>;
  readonly limiter: Limiter;
}): SessionResolver {
  return async (request) => {
    const token = sessionTokenOf(request);
    if (token === undefined) return null;
    const session = await deps.resolve(token);
    if (session === null) {
      const decision = await deps.limiter.consume(`access:authfail:${request.ip}`, {
        limit: FAILED_AUTH_PER_MINUTE,
        windowMs: 60_000,
      });
      request.log.info('session cookie refused');
      if (!decision.allowed) throw accessErrors.create('rate_limited');
      throw accessErrors.create('unauthenticated', {
        message: 'Your session has ended (signed out, expired or revoked). Please sign in again.',
      });
    }
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenOf(token)))
        throw accountErrors.create('csrf_failed');
    }
    return {
      userId: session.userId,
      sessionId: session.sessionId,
      authenticatedAt: session.authenticatedAt,
    };
  };
}
