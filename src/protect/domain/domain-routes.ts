/**
 * GET or POST /api/protect/domain-check: the email-domain health check over
 * HTTP, open to anyone (a small-business owner need not sign in) but bounded:
 * it makes DNS queries for any name, so each caller (signed-in person, API key's
 * organization, or address) gets a few checks a minute, and the server runs only
 * a few checks at once. Thin: validate, limit, call the service, render.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccessGate } from '../../access/index.js';
import { type Locale, negotiateLocale } from '../../platform/engine-kit/i18n/messages.js';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import type { DomainCheckRequest, DomainCheckService } from './domain-check-service.js';
import { domainErrors } from './domain-errors.js';
import { DomainCheckBody, DomainCheckQuery, DomainCheckResponse } from './domain-schemas.js';
import { toDomainWire } from './domain-wire.js';

export interface DomainRoutesDeps {
  readonly service: DomainCheckService;
  readonly limiter: Limiter;
  readonly gate: AccessGate;
  /** Checks one caller may run per minute. */
  readonly checksPerMinute: number;
  /** Checks running at once on this instance. */
  readonly maxInFlight: number;
}

/** Default bounds: each check asks up to ~60 DNS questions. */
export const DOMAIN_CHECKS_PER_MINUTE = 10;
export const DOMAIN_CHECKS_IN_FLIGHT = 8;

const problems = { 400: ProblemSchema, 401: ProblemSchema, 429: ProblemSchema, 503: ProblemSchema };

export function registerDomainRoutes(app: App, deps: DomainRoutesDeps): void {
  let inFlight = 0;

  const run = async (
    request: FastifyRequest,
    reply: FastifyReply,
    input: DomainCheckRequest,
    explicit: Locale | undefined,
  ) => {
    const principal = await deps.gate.principal(request);
    const who =
      principal.kind === 'user'
        ? `user:${principal.userId}`
        : principal.kind === 'org'
          ? `org:${principal.orgId}`
          : `ip:${request.ip}`;
    const decision = await deps.limiter.consume(`protect:domain:${who}`, {
      limit: deps.checksPerMinute,
      windowMs: 60_000,
    });
    if (!decision.allowed) {
      const seconds = Number.isFinite(decision.retryAfterMs)
        ? Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        : 60;
      reply.header('retry-after', String(seconds));
      request.log.info({ who: principal.kind }, 'domain check rate-limited');
      throw domainErrors.create('rate_limited');
    }
    if (inFlight >= deps.maxInFlight) {
      reply.header('retry-after', '5');
      throw domainErrors.create('busy');
    }
    inFlight++;
    try {
      const result = await deps.service.check(input);
      request.log.info(
        {
          domain: result.report.domain,
          problem: result.report.problem,
          incomplete: result.incomplete,
        },
        'domain checked',
      );
      return toDomainWire(result, explicit ?? negotiateLocale(request.headers['accept-language']));
    } finally {
      inFlight--;
    }
  };

  app.get(
    '/api/protect/domain-check',
    {
      schema: {
        tags: ['protect'],
        summary:
          "Check a domain's email security: SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI, with fixes and a plan to DMARC p=reject",
        querystring: DomainCheckQuery,
        response: { 200: DomainCheckResponse, ...problems },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const selectors =
        q.selectors === undefined ? [] : q.selectors.split(',').filter((s) => s.trim() !== '');
      return run(
        request,
        reply,
        { domain: q.domain, selectors, fetchPolicy: q.mta_sts_policy === true },
        q.locale,
      );
    },
  );

  app.post(
    '/api/protect/domain-check',
    {
      bodyLimit: 16 * 1024,
      schema: {
        tags: ['protect'],
        summary: "Check a domain's email security (same as GET, with the options in a JSON body)",
        body: DomainCheckBody,
        response: { 200: DomainCheckResponse, ...problems },
      },
    },
    async (request, reply) => {
      const b = request.body;
      return run(
        request,
        reply,
        { domain: b.domain, selectors: b.selectors ?? [], fetchPolicy: b.mta_sts_policy === true },
        b.locale,
      );
    },
  );
}
