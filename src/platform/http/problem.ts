import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { ShieldwallError } from '../errors.js';

/**
 * Errors on the API are RFC 9457 problem details (`application/problem+json`):
 * a stable `code` clients can branch on, a plain `title`/`detail`, the HTTP
 * status, and the request id to quote when asking for help. Never a stack trace.
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

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  408: 'Request timeout',
  409: 'Conflict',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
  502: 'Bad gateway',
  503: 'Service unavailable',
};

/** Turn anything thrown in a handler into a problem; the cause goes to the log only. */
export function toProblem(err: unknown, request: FastifyRequest): Problem {
  const base = { instance: request.url.split('?')[0] ?? '/', requestId: String(request.id) };
  if (err instanceof ShieldwallError) {
    return {
      type: `urn:shieldwall:error:${err.code}`,
      title: titles[err.status] ?? 'Error',
      status: err.status,
      detail: err.message,
      code: err.code,
      ...base,
    };
  }
  const fe = err as Partial<FastifyError> & {
    validation?: { instancePath?: string; message?: string; params?: Record<string, unknown> }[];
  };
  if (fe.validation !== undefined) {
    const where = fe.validationContext ?? 'body';
    return {
      type: 'urn:shieldwall:error:validation_failed',
      title: titles[400] as string,
      status: 400,
      detail: `The request ${where} is not valid: ${fe.message ?? ''}`.trim(),
      code: 'validation_failed',
      errors: fe.validation.map((v) => ({
        path: `${where}${v.instancePath ?? ''}${extraPath(v.params)}`,
        message: v.message ?? 'is not valid',
      })),
      ...base,
    };
  }
  const mapped = fe.code === undefined ? undefined : fastifyCodes[fe.code];
  if (mapped !== undefined) {
    return {
      type: `urn:shieldwall:error:${mapped.code}`,
      title: titles[mapped.status] ?? 'Error',
      status: mapped.status,
      detail: mapped.detail,
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
    title: titles[status] ?? 'Error',
    status,
    detail:
      status === 500
        ? 'Something went wrong on our side. Quote the request id if you report it.'
        : (fe.message ?? 'Bad request.'),
    code: status === 500 ? 'internal' : 'bad_request',
    ...base,
  };
}

function extraPath(params: Record<string, unknown> | undefined): string {
  const extra = params?.additionalProperty ?? params?.missingProperty;
  return typeof extra === 'string' ? `/${extra}` : '';
}

/** Fastify's own error codes, said plainly. */
const fastifyCodes: Record<string, { code: string; status: number; detail: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'body_too_large',
    status: 413,
    detail: 'The request body is larger than this server accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    detail: 'This endpoint does not accept that Content-Type. Send application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'bad_request',
    status: 400,
    detail: 'The Content-Length header does not match the body.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'malformed_json',
    status: 400,
    detail: 'The body is empty but the Content-Type says JSON.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'malformed_json',
    status: 400,
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    detail: 'The request has a body but no Content-Type.',
  },
  FST_ERR_CTP_INVALID_TYPE: {
    code: 'unsupported_media_type',
    status: 415,
    detail: 'The Content-Type header is not valid.',
  },
  FST_ERR_BAD_URL: { code: 'bad_request', status: 400, detail: 'The URL is not valid.' },
  FST_ERR_ASYNC_CONSTRAINT: {
    code: 'bad_request',
    status: 400,
    detail: 'The request could not be routed.',
  },
};

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem);
}
