import type { FastifyReply, FastifyRequest } from 'fastify';
import Type, { type Static } from 'typebox';
import type { Locale } from '../platform/engine-kit/i18n/messages.js';
import type { App } from '../platform/http/app.js';
import { ProblemSchema } from '../platform/http/problem.js';
import type { Limiter } from '../platform/ports/limiter.js';
import { answerLocale, toCheckInput } from './check-input.js';
import { protectErrors } from './errors.js';
import {
  BatchRequest,
  BatchResponse,
  CheckRequest,
  CheckResultSchema,
  ReportRequest,
  SharedResultSchema,
  ShareRequest,
} from './protect-schemas.js';
import type { ProtectService, SharedResult } from './protect-service.js';
import { batchLine, toWire } from './wire-format.js';

/** A whole 25 MB email as a JSON string, with room for escaping. */
const CHECK_BODY_LIMIT = 40 * 1024 * 1024;
const problems = { 400: ProblemSchema, 404: ProblemSchema, 413: ProblemSchema, 429: ProblemSchema };

/**
 * The scam checker's HTTP API. Checks done here are rate-limited per client
 * address through the limiter port (shared across instances with Redis);
 * nothing a person checks is stored unless they press "report".
 */
export function registerProtectRoutes(
  app: App,
  deps: { service: ProtectService; limiter: Limiter; checksPerMinute: number },
): void {
  const limit = async (request: FastifyRequest, reply: FastifyReply, cost: number) => {
    const decision = await deps.limiter.consume(
      `protect:check:${request.ip}`,
      { limit: deps.checksPerMinute, windowMs: 60_000 },
      cost,
    );
    if (!decision.allowed) {
      const seconds = Number.isFinite(decision.retryAfterMs)
        ? Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        : 60;
      reply.header('retry-after', String(seconds));
      request.log.info({ cost }, 'scam check rate-limited');
      throw protectErrors.create('rate_limited', {
        message:
          cost > deps.checksPerMinute
            ? `A batch may hold at most ${deps.checksPerMinute} items per minute.`
            : undefined,
      });
    }
  };

  app.post(
    '/api/check',
    {
      bodyLimit: CHECK_BODY_LIMIT,
      schema: {
        tags: ['protect'],
        summary: 'Is this a scam? Check a text message, email, link or phone number',
        body: CheckRequest,
        response: { 200: CheckResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const locale = answerLocale(request.body.locale, request.headers['accept-language']);
      const input = { ...toCheckInput(request.body), locale };
      await limit(request, reply, 1);
      if (request.body.locale === undefined) reply.header('vary', 'accept-language');
      return toWire(deps.service.check(input));
    },
  );

  app.post(
    '/api/check/batch',
    {
      bodyLimit: CHECK_BODY_LIMIT,
      schema: {
        tags: ['protect'],
        summary: 'Check up to 100 items; a bad item gets an error and the rest go on',
        body: BatchRequest,
        response: { 200: BatchResponse, ...problems },
      },
    },
    async (request, reply) => {
      await limit(request, reply, Math.max(1, request.body.items.length));
      const locale = answerLocale(request.body.locale, request.headers['accept-language']);
      if (request.body.locale === undefined) reply.header('vary', 'accept-language');
      return {
        results: request.body.items.map((item) => checkOne(deps.service, item, locale)),
      };
    },
  );

  app.post(
    '/api/reports',
    {
      bodyLimit: CHECK_BODY_LIMIT,
      schema: {
        tags: ['protect'],
        summary:
          'Report a scam, so it can warn others (the message is included only if you choose)',
        body: ReportRequest,
        response: { 201: Type.Object({ id: Type.String() }), ...problems },
      },
    },
    async (request, reply) => {
      await limit(request, reply, 1);
      const created = await deps.service.report(request.body, String(request.id));
      return reply.code(201).send(created);
    },
  );

  app.post(
    '/api/shares',
    {
      schema: {
        tags: ['protect'],
        summary: 'Share a result (never the message) with a trusted contact by link',
        body: ShareRequest,
        response: {
          201: Type.Object({ token: Type.String(), url: Type.String(), expires_at: Type.String() }),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      await limit(request, reply, 1);
      const { token, expiresAt } = await deps.service.share(
        request.body as SharedResult,
        String(request.id),
      );
      return reply.code(201).send({ token, url: `/shared/${token}`, expires_at: expiresAt });
    },
  );

  app.get(
    '/api/shares/:token',
    {
      schema: {
        tags: ['protect'],
        summary: "Read a shared result, in the reader's language (?lang=, else Accept-Language)",
        params: Type.Object({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }),
        querystring: Type.Object(
          { lang: Type.Optional(Type.String({ maxLength: 35 })) },
          { additionalProperties: false },
        ),
        response: { 200: SharedResultSchema, ...problems },
      },
    },
    async (request, reply) => {
      const locale = answerLocale(request.query.lang, request.headers['accept-language']);
      reply.header('vary', 'accept-language');
      return deps.service.getShare(request.params.token, locale);
    },
  );
}

function checkOne(
  service: ProtectService,
  item: Static<typeof BatchRequest>['items'][number],
  locale: Locale,
) {
  const id = item.id ?? null;
  try {
    return batchLine(id, service.check({ ...toCheckInput(item), locale }));
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'internal';
    return {
      id,
      error: {
        code,
        message: code === 'internal' ? 'This item could not be checked.' : (err as Error).message,
      },
    };
  }
}
