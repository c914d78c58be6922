/**
 * What the account routes share: the request facts the service needs, the
 * session a route requires, and Retry-After on 429.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLocale } from '../../platform/engine-kit/i18n/messages.js';
import { ShieldwallError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app.js';
import { accessGate, type SessionAuth } from '../access-http.js';
import { accessErrors } from '../errors.js';
import type { RequestContext } from './account-deps.js';

export function contextOf(request: FastifyRequest): RequestContext {
  const ua = request.headers['user-agent'];
  const language = request.headers['accept-language'];
  return {
    ip: request.ip,
    userAgent: typeof ua === 'string' ? ua.slice(0, 256) : '',
    requestId: String(request.id),
    locale: negotiateLocale(typeof language === 'string' ? language : undefined),
  };
}

/** The signed-in session behind the request; API keys do not manage accounts. */
export async function requireSession(app: App, request: FastifyRequest): Promise<SessionAuth> {
  const session = await accessGate(app).session(request);
  if (session === null)
    throw accessErrors.create('unauthenticated', {
      message: 'Sign in to manage your account (API keys cannot do this).',
    });
  return session;
}

/** Run a handler; a `rate_limited` refusal gets its Retry-After header. */
export async function withRetryAfter<T>(reply: FastifyReply, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const seconds = err instanceof ShieldwallError ? err.details?.retryAfterSeconds : undefined;
    if (err instanceof ShieldwallError && err.code === 'rate_limited')
      reply.header('retry-after', String(typeof seconds === 'number' ? seconds : 60));
    throw err;
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();
