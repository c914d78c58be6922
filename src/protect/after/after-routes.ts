/**
 * "After a scam" over HTTP: the recovery checklist, where to report by country, and trusted-contact
 * alerts (the "Tell my trusted contact" button, and the automatic alert when a signed-in person
 * who chose it gets a `scam` verdict from POST /api/check). Thin: parse, call, map errors.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { AccessGate } from '../../access/index.js';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import { ShieldwallError } from '../../platform/errors.js';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import type { Category } from '../engine/types.js';
import { CATEGORIES } from '../engine/types.js';
import { afterErrors } from './after-errors.js';
import {
  AlertOffer,
  AlertRequestSchema,
  ChannelsQuery,
  ChannelsResponse,
  RecoveryQuery,
  RecoveryResponse,
} from './after-schemas.js';
import { localeOf, recoveryChecklist, reportChannels } from './after-service.js';
import { type AlertRequest, type ContactAlertService, throwUnlessSent } from './contact-alert.js';

const tags = ['protect'];
const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  409: ProblemSchema,
  429: ProblemSchema,
};
/** The checker's answer is a few kilobytes; anything far larger is not worth parsing here. */
const MAX_VERDICT_PAYLOAD = 1_000_000;

export interface AfterRoutesDeps {
  readonly gate: AccessGate;
  readonly alerts: ContactAlertService;
}

export function registerAfterRoutes(app: App, deps: AfterRoutesDeps): void {
  app.get(
    '/api/protect/recovery',
    {
      schema: {
        tags,
        summary:
          'What to do now: the recovery checklist for what happened (password, card, gift_card, …), most urgent first',
        querystring: RecoveryQuery,
        response: { 200: RecoveryResponse, ...problems },
      },
    },
    async (request) => {
      const q = request.query as {
        what: string;
        country?: string;
        category?: string;
        locale?: Locale;
      };
      const answer = recoveryChecklist({
        what: q.what,
        country: q.country,
        category: q.category,
        locale: localeOf(q.locale, request.headers['accept-language']),
      });
      return { ...answer, what: [...answer.what], steps: [...answer.steps] };
    },
  );

  app.get(
    '/api/protect/report-channels',
    {
      schema: {
        tags,
        summary: 'Where to report a scam in a country: official websites, numbers and addresses',
        querystring: ChannelsQuery,
        response: { 200: ChannelsResponse, ...problems },
      },
    },
    async (request) => {
      const q = request.query as { country: string; category?: string; locale?: Locale };
      const answer = reportChannels({
        country: q.country,
        category: q.category,
        locale: localeOf(q.locale, request.headers['accept-language']),
      });
      return { ...answer, channels: [...answer.channels] };
    },
  );

  app.get(
    '/api/protect/contact-alert',
    {
      schema: {
        tags,
        summary:
          'Whether a "Tell my trusted contact" button applies: signed in, and which protect alerts the contact gets',
        response: { 200: AlertOffer, ...problems },
      },
    },
    async (request) => {
      const userId = await signedInUser(deps.gate, request, { optional: true });
      if (userId === null) return { signed_in: false, alerts: [] };
      return { signed_in: true, alerts: await deps.alerts.offered(userId) };
    },
  );

  app.post(
    '/api/protect/contact-alert',
    {
      schema: {
        tags,
        summary:
          'Tell my trusted contact: the reason only (kind of scam, what may have happened), never the message',
        body: AlertRequestSchema,
        response: { 200: Type.Object({ sent: Type.Literal(true) }), ...problems },
      },
    },
    async (request) => {
      const userId = await signedInUser(deps.gate, request, { optional: false });
      if (userId === null) throw afterErrors.create('not_signed_in');
      const outcome = await deps.alerts.alert(userId, request.body as AlertRequest, {
        requestId: String(request.id),
        via: 'button',
      });
      throwUnlessSent(outcome);
      return { sent: true as const };
    },
  );

  watchCheckVerdicts(app, deps);
}

/**
 * The signed-in person behind a request, or null. With `optional`, a server without the access
 * module is "signed out" rather than an error; a forged cookie or a missing CSRF token still is.
 */
async function signedInUser(
  gate: AccessGate,
  request: FastifyRequest,
  options: { optional: boolean },
): Promise<string | null> {
  try {
    return (await gate.session(request))?.userId ?? null;
  } catch (err) {
    if (options.optional && !(err instanceof ShieldwallError)) return null;
    throw err;
  }
}

/**
 * A `scam` verdict from POST /api/check to a signed-in person (session cookie, with its CSRF
 * token) alerts their trusted contact when they chose `scam_high_risk`. Read from the answer
 * after it is sent, so the check itself is never slowed down or failed by it. Requests with an
 * API key, or with no cookie at all, are not looked at (and not counted by the gate).
 */
function watchCheckVerdicts(app: App, deps: AfterRoutesDeps): void {
  const verdicts = new WeakMap<FastifyRequest, Category>();
  app.addHook('onSend', async (request, reply, payload) => {
    if (
      request.routeOptions.url === '/api/check' &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      payload.length <= MAX_VERDICT_PAYLOAD &&
      request.headers.cookie !== undefined &&
      request.headers.authorization === undefined
    ) {
      const category = scamCategory(payload);
      if (category !== undefined) verdicts.set(request, category);
    }
    return payload;
  });
  app.addHook('onResponse', async (request) => {
    const category = verdicts.get(request);
    if (category === undefined) return;
    verdicts.delete(request);
    try {
      const userId = (await deps.gate.session(request))?.userId;
      if (userId === undefined) return;
      await deps.alerts.alert(
        userId,
        { kind: 'scam_high_risk', category },
        { requestId: String(request.id), via: 'api_check' },
      );
    } catch (err) {
      // A cross-site POST without the CSRF token lands here too: expected, so not a warning.
      request.log.info({ err }, 'no trusted-contact alert for this verdict');
    }
  });
}

function scamCategory(payload: string): Category | undefined {
  try {
    const answer = JSON.parse(payload) as { verdict?: unknown; category?: unknown };
    if (answer.verdict !== 'scam') return undefined;
    return (CATEGORIES as readonly unknown[]).includes(answer.category)
      ? (answer.category as Category)
      : 'other';
  } catch {
    return undefined;
  }
}
