/**
 * What every /v1 refusal looks like on the wire, whichever path served it (the
 * lean one or Fastify's): anything thrown is mapped to a gateway error, then to
 * OpenAI's error shape with its status, Retry-After and step-up link.
 */
import type { FastifyError } from 'fastify';
import { ShieldwallError } from '../platform/errors.js';
import { gatewayErrors, openAiError } from './errors.js';

export interface ErrorReply {
  readonly status: number;
  readonly code: string;
  /** Seconds, for Retry-After on a 429. */
  readonly retryAfter: string | undefined;
  /** The JSON text of the OpenAI-shaped body. */
  readonly body: string;
  /** Our failure (log it as an error) rather than a refusal of the caller. */
  readonly ours: boolean;
}

/** The OpenAI-shaped reply for anything thrown while answering a /v1 call. */
export function errorReply(err: unknown): ErrorReply {
  const e = toGatewayError(err);
  const retry = e.details?.retryAfterSeconds;
  const param = typeof e.details?.param === 'string' ? e.details.param : null;
  const shaped = openAiError(e, param);
  const link = e.details?.link;
  return {
    status: e.status,
    code: e.code,
    retryAfter: e.status === 429 && typeof retry === 'number' ? String(retry) : undefined,
    body: JSON.stringify(typeof link === 'string' ? { error: { ...shaped.error, link } } : shaped),
    ours: e.status >= 500 && e.code !== 'upstream_unavailable',
  };
}

/** Map anything thrown to a gateway error (OpenAI-shaped by `errorReply`). */
export function toGatewayError(err: unknown): ShieldwallError {
  if (err instanceof ShieldwallError) {
    if (err.code in gatewayErrors.table) return err;
    if (err.code === 'rate_limited')
      return gatewayErrors.create('rate_limited', {
        message: err.message,
        ...(err.details === undefined ? {} : { details: { ...err.details } }),
      });
    if (err.code === 'unauthenticated') return gatewayErrors.create('invalid_api_key');
    if (err.code === 'forbidden') return gatewayErrors.create('tier_insufficient');
    if (err.status === 503)
      return gatewayErrors.create('upstream_overloaded', { message: err.message });
    return new ShieldwallError(err.code, err.status, err.message);
  }
  const fe = err as Partial<FastifyError>;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return gatewayErrors.create('request_too_large');
  if (typeof fe.code === 'string' && fe.code.startsWith('FST_ERR_CTP_')) return notJson();
  // A JSON parser's own error (Fastify passes some on with status 400 and no code).
  if (err instanceof SyntaxError || fe.statusCode === 400) return notJson();
  return new ShieldwallError('internal_error', 500, 'Something went wrong on our side.');
}

/** The refusal of a body that is not a JSON object. */
export function notJson(): ShieldwallError {
  return gatewayErrors.create('invalid_request', {
    message: 'The request body must be JSON (Content-Type: application/json).',
  });
}
