import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { type Locale, negotiateLocale } from '../engine-kit/i18n/messages.js';
import { messageIn, ShieldwallError, withEnglishDetail } from '../errors.js';
import { type ProblemMessageKey, problemMessages } from './problem-messages.js';
import {
  type ValidationIssue,
  validationDetailEs,
  validationSentenceEs,
} from './validation-messages.js';

/**
 * Errors on the API are RFC 9457 problem details (`application/problem+json`):
 * a stable `code` clients can branch on, a plain `title`/`detail`, the HTTP
 * status, and the request id to quote when asking for help. Never a stack trace.
 * `title` and `detail` are in the language negotiated from Accept-Language (English by default);
 * `code`, `type` and `errors[].path` never change with the language.
 */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'urn:shieldwall:error:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String(),
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), message: Type.String() }), {
        description: 'For validation_failed: each problem and where it is in the request.',
      }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
}

/** Statuses with a title of their own; any other is titled 'Error'. */
const TITLED = new Set([400, 401, 403, 404, 405, 406, 408, 409, 413, 415, 429, 500, 502, 503]);

function titleOf(status: number, locale: Locale): string {
  return TITLED.has(status)
    ? problemMessages.t(locale, `title.${status}` as ProblemMessageKey)
    : problemMessages.t(locale, 'title.other');
}

/**
 * The language a problem is written in: negotiated from the request's Accept-Language (the web UI
 * sends the language the person chose), English when none is shipped.
 */
export function problemLocale(request: FastifyRequest): Locale {
  const header = request.headers['accept-language'];
  return negotiateLocale(typeof header === 'string' ? header : undefined);
}

/** Turn anything thrown in a handler into a problem; the cause goes to the log only. */
export function toProblem(err: unknown, request: FastifyRequest): Problem {
  const locale = problemLocale(request);
  const base = { instance: request.url.split('?')[0] ?? '/', requestId: String(request.id) };
  if (err instanceof ShieldwallError) {
    return {
      type: `urn:shieldwall:error:${err.code}`,
      title: titleOf(err.status, locale),
      status: err.status,
      detail: messageIn(err, locale),
      code: err.code,
      ...base,
    };
  }
  const fe = err as Partial<FastifyError> & { validation?: ValidationIssue[] };
  if (fe.validation !== undefined) {
    const where = fe.validationContext ?? 'body';
    const spanish = locale === 'es';
    return {
      type: 'urn:shieldwall:error:validation_failed',
      title: titleOf(400, locale),
      status: 400,
      detail: spanish
        ? validationDetailEs(where, fe.validation)
        : `The request ${where} is not valid: ${fe.message ?? ''}`.trim(),
      code: 'validation_failed',
      errors: fe.validation.map((v) => ({
        path: `${where}${v.instancePath ?? ''}${extraPath(v.params)}`,
        message: spanish ? validationSentenceEs(where, v) : (v.message ?? 'is not valid'),
      })),
      ...base,
    };
  }
  const mapped = fe.code === undefined ? undefined : fastifyCodes[fe.code];
  if (mapped !== undefined) {
    return {
      type: `urn:shieldwall:error:${mapped.code}`,
      title: titleOf(mapped.status, locale),
      status: mapped.status,
      detail: problemMessages.t(locale, mapped.detail),
      code: mapped.code,
      ...base,
    };
  }
  const status =
    typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500
      ? fe.statusCode
      : 500;
  return {
    type: `urn:shieldwall:error:${status === 500 ? 'internal' : 'bad_request'}`,
    title: titleOf(status, locale),
    status,
    detail: otherDetail(locale, status, fe.message),
    code: status === 500 ? 'internal' : 'bad_request',
    ...base,
  };
}

/** 404 for a path no route answers (the web UI's own pages are served before this). */
export function routeNotFoundProblem(request: FastifyRequest): Problem {
  const locale = problemLocale(request);
  return {
    ...toProblem(new Error('not found'), request),
    type: 'urn:shieldwall:error:not_found',
    title: titleOf(404, locale),
    status: 404,
    code: 'not_found',
    detail: problemMessages.t(locale, 'route_not_found', {
      method: request.method,
      path: request.url.split('?')[0] ?? '/',
    }),
  };
}

/** 503 while migrations have not run; `lastStartError` is the operator-facing reason, as it is. */
export function notReadyProblem(
  request: FastifyRequest,
  lastStartError: string | undefined,
): Problem {
  const locale = problemLocale(request);
  return {
    ...toProblem(new Error('not ready'), request),
    type: 'urn:shieldwall:error:not_ready',
    title: titleOf(503, locale),
    status: 503,
    code: 'not_ready',
    detail: problemMessages.t(locale, 'not_ready', {
      reason: lastStartError === undefined ? '' : ` (${lastStartError})`,
    }),
  };
}

/** Anything else thrown: never its text for a 500; a 4xx keeps Fastify's English words. */
function otherDetail(locale: Locale, status: number, message: string | undefined): string {
  if (status === 500) return problemMessages.t(locale, 'internal');
  if (locale === 'en') return message ?? 'Bad request.';
  const plain = problemMessages.t(locale, 'bad_request');
  // Fastify's own message has no translation: kept after the plain sentence, marked as English.
  return message === undefined ? plain : withEnglishDetail(locale, plain, message);
}

function extraPath(params: Record<string, unknown> | undefined): string {
  const extra = params?.additionalProperty ?? params?.missingProperty;
  return typeof extra === 'string' ? `/${extra}` : '';
}

/** Fastify's own error codes, said plainly (the detail is a key of problemMessages). */
const fastifyCodes: Record<string, { code: string; status: number; detail: ProblemMessageKey }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'body_too_large', status: 413, detail: 'body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    detail: 'unsupported_media_type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    status: 400,
    detail: 'content_length',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', status: 400, detail: 'empty_json' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', status: 400, detail: 'invalid_json' },
  FST_ERR_CTP_EMPTY_TYPE: { code: 'unsupported_media_type', status: 415, detail: 'empty_type' },
  FST_ERR_CTP_INVALID_TYPE: { code: 'unsupported_media_type', status: 415, detail: 'invalid_type' },
  FST_ERR_BAD_URL: { code: 'bad_request', status: 400, detail: 'bad_url' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad_request', status: 400, detail: 'not_routed' },
};

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  // The words depend on Accept-Language, so a shared cache must not hand one language to another.
  varyOn(reply, 'Accept-Language');
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Add `field` to the reply's Vary header once, keeping what is there. */
function varyOn(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  const list = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  if (list.includes('*') || list.some((v) => v.toLowerCase() === field.toLowerCase())) return;
  reply.header('vary', [...list, field].join(', '));
}
