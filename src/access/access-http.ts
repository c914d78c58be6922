/**
 * The HTTP side of authorization, shared by every module's routes: who is asking
 * (an API key as `Authorization: Bearer`, an API key as the password of HTTP
 * Basic for TAXII clients that only speak Basic, or a signed-in session cookie),
 * and may they do this. Modules get the gate with `accessGate(app)` and call
 * `gate.require(request, 'intel.write', { orgId })`; nobody checks tiers by hand.
 */
import type { FastifyRequest } from 'fastify';
import type { App } from '../platform/http/app.js';
import type { Limiter } from '../platform/ports/limiter.js';
import type { Authenticator } from './authenticator.js';
import { can, type Principal, type Resource, type TierPolicy, tierAt } from './engine/index.js';
import { accessErrors } from './errors.js';

/** A signed-in session, as the sessions part of the module resolves it from the request. */
export interface SessionAuth {
  readonly userId: string;
  readonly sessionId: string;
  /** When the person last proved who they are in this session (sign-in or step-up), epoch ms. */
  readonly authenticatedAt: number;
}

/**
 * Resolves the session cookie of a request, or null when there is none. Must
 * throw `unauthenticated` for a cookie that is forged, expired or revoked, and
 * `csrf_failed` for a state-changing request without the session's CSRF token.
 */
export type SessionResolver = (request: FastifyRequest) => Promise<SessionAuth | null>;

export interface AccessGate {
  /** Who is asking: anonymous without credentials; 401 for credentials that are not valid. */
  principal(request: FastifyRequest): Promise<Principal>;
  /** The session behind the request, when it was made with one. */
  session(request: FastifyRequest): Promise<SessionAuth | null>;
  /**
   * Require a capability (and, for a resource, ownership). Anonymous callers get
   * 401, callers whose tier lacks it 403, and callers asking for someone else's
   * resource 404, so nothing about it is revealed.
   */
  require(request: FastifyRequest, capability: string, resource?: Resource): Promise<Principal>;
}

const GATE = Symbol.for('shieldwall.access.gate');
const RESOLVED = Symbol('shieldwall.access.principal');

type WithGate = { [GATE]?: AccessGate };
type WithPrincipal = {
  [RESOLVED]?: Promise<{ principal: Principal; session: SessionAuth | null }>;
};

/**
 * How recently a session must have proved who it is (signed in, or confirmed with
 * a password, code or passkey) for sensitive actions: creating keys, changing
 * tiers, turning off a second factor, reviewing verifications.
 */
export const STEP_UP_MS = 10 * 60_000;

/** Failed credential checks one address may make per minute before it is refused with 429. */
export const FAILED_AUTH_PER_MINUTE = 30;

/**
 * The gate the access module installed on this server.
 *
 * @example
 * const gate = accessGate(app);
 * app.post('/api/things', async (request) => {
 *   const who = await gate.require(request, 'intel.write', { orgId: request.body.orgId, minRole: 'analyst' });
 * });
 */
export function accessGate(app: App): AccessGate {
  // Looked up when a request is handled, not when routes are registered, so a
  // module may register its routes before the access module installs the gate.
  const gate = (): AccessGate => {
    const installed = (app as unknown as WithGate)[GATE];
    if (installed === undefined)
      throw new Error('the access module is not registered on this server');
    return installed;
  };
  return {
    principal: (request) => gate().principal(request),
    session: (request) => gate().session(request),
    require: (request, capability, resource) => gate().require(request, capability, resource),
  };
}

export function installAccessGate(
  app: App,
  deps: {
    readonly authenticator: Authenticator;
    readonly policy: () => TierPolicy;
    readonly limiter: Limiter;
    /** Set once the sessions part is wired; without it session cookies are ignored. */
    readonly sessions?: SessionResolver;
  },
): AccessGate {
  const anonymous = (): Principal => ({
    kind: 'anonymous',
    tier: 0,
    capabilities: deps.policy().anonymous,
  });

  const refuse = async (request: FastifyRequest, why: string): Promise<never> => {
    const decision = await deps.limiter.consume(`access:authfail:${request.ip}`, {
      limit: FAILED_AUTH_PER_MINUTE,
      windowMs: 60_000,
    });
    request.log.info({ why }, 'credentials refused');
    if (!decision.allowed) throw accessErrors.create('rate_limited');
    throw accessErrors.create('unauthenticated', {
      message: 'The API key or session is not valid (unknown, revoked or expired).',
    });
  };

  const resolve = async (request: FastifyRequest) => {
    const key = presentedKey(request);
    if (key === 'malformed') return refuse(request, 'malformed authorization header');
    if (key !== undefined) {
      const principal =
        deps.authenticator.authenticateKeyCached(key) ??
        (await deps.authenticator.authenticateKey(key));
      if (principal === null) return refuse(request, 'api key not valid');
      return { principal, session: null };
    }
    const session = deps.sessions === undefined ? null : await deps.sessions(request);
    if (session !== null) {
      const principal = await deps.authenticator.userPrincipal(session.userId);
      if (principal === null) return refuse(request, 'account disabled');
      return { principal, session };
    }
    return { principal: anonymous(), session: null };
  };

  /**
   * Each tier's `requests_per_minute`, per principal (per address when anonymous),
   * counted once per request through the limiter port (shared across instances
   * with Redis). Routes that never ask the gate (the scam checker) have their own.
   */
  const limit = async (request: FastifyRequest, principal: Principal) => {
    const who =
      principal.kind === 'user'
        ? `user:${principal.userId}`
        : principal.kind === 'org'
          ? `org:${principal.orgId}`
          : `ip:${request.ip}`;
    const perMinute = tierAt(deps.policy(), principal.tier).rateLimits.requestsPerMinute;
    const decision = await deps.limiter.consume(`access:rate:${who}`, {
      limit: perMinute,
      windowMs: 60_000,
    });
    if (!decision.allowed) {
      const seconds = Number.isFinite(decision.retryAfterMs)
        ? Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        : 60;
      throw accessErrors.create('rate_limited', {
        message: `Your access level allows ${perMinute} requests a minute. Please wait ${seconds} s.`,
        details: { retryAfterSeconds: seconds },
      });
    }
  };

  const resolved = (request: FastifyRequest) => {
    const r = request as unknown as WithPrincipal;
    r[RESOLVED] ??= resolve(request).then(async (who) => {
      await limit(request, who.principal);
      return who;
    });
    return r[RESOLVED];
  };

  const gate: AccessGate = {
    principal: async (request) => (await resolved(request)).principal,
    session: async (request) => (await resolved(request)).session,
    async require(request, capability, resource) {
      const principal = await gate.principal(request);
      const decision = can(principal, capability, resource);
      if (decision.allowed) return principal;
      if (principal.kind === 'anonymous') throw accessErrors.create('unauthenticated');
      request.log.info(
        { capability, reason: decision.reason, tier: principal.tier },
        'access denied',
      );
      if (decision.reason === 'not_owner') throw accessErrors.create('not_found');
      throw accessErrors.create('forbidden', {
        message:
          decision.reason === 'role'
            ? 'Your role in this organization does not allow this.'
            : `Your access level (tier ${principal.tier}) does not include ${capability}.`,
      });
    },
  };
  app.decorate(GATE as unknown as string, gate);
  return gate;
}

const BEARER = /^Bearer ([A-Za-z0-9_]{1,200})$/;
const BASIC = /^Basic ([A-Za-z0-9+/=]{1,400})$/;

/** The API key in the Authorization header, `malformed` for a header we cannot read, undefined for none. */
function presentedKey(request: FastifyRequest): string | 'malformed' | undefined {
  const header = request.headers.authorization;
  if (header === undefined) return undefined;
  const bearer = BEARER.exec(header);
  if (bearer !== null) return bearer[1];
  const basic = BASIC.exec(header);
  if (basic !== null) {
    // TAXII clients that only speak Basic: any user name, the key as the password.
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon < 0 ? 'malformed' : decoded.slice(colon + 1);
  }
  return 'malformed';
}
