/**
 * /api/access/account/recovery (recovering an account that lost every second
 * factor, with a waiting period) and /api/access/account/trusted-contact.
 */
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import type { AccountRoutesDeps } from './account-routes.js';
import {
  Accepted,
  problems,
  ResetCompleteRequest,
  ResetRequest,
  TokenRequest,
} from './account-schemas.js';
import { answerMessages } from './answer-messages.js';
import { contextOf, iso, requireSession, withRetryAfter } from './route-support.js';
import { CONTACT_ALERTS } from './trusted-contact.js';

const BASE = '/api/access/account';
const tags = ['access'];
const noContent = { 204: Type.Null(), ...problems };
const Recovery = Type.Union([
  Type.Object({ started_at: Type.String(), completes_at: Type.String() }),
  Type.Null(),
]);
const Contact = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  email: Type.String({ minLength: 3, maxLength: 320 }),
  alerts: Type.Array(
    Type.Unsafe<(typeof CONTACT_ALERTS)[number]>(Type.String({ enum: [...CONTACT_ALERTS] })),
    { maxItems: CONTACT_ALERTS.length },
  ),
});

export function registerRecoveryRoutes(app: App, deps: AccountRoutesDeps): void {
  const { accounts } = deps;

  app.post(
    `${BASE}/recovery/start`,
    {
      schema: {
        tags,
        summary: 'Lost every second factor: mail a link to start recovering the account',
        body: ResetRequest,
        response: { 202: Accepted, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const ctx = contextOf(request);
        await accounts.startRecovery(request.body.email, ctx);
        return reply.code(202).send({
          message: answerMessages.t(ctx.locale ?? 'en', 'recovery_sent'),
        });
      }),
  );

  app.post(
    `${BASE}/recovery/confirm`,
    {
      schema: {
        tags,
        summary: 'Open the mailed link: starts the waiting period (nothing changes yet)',
        body: TokenRequest,
        response: { 200: Type.Object({ completes_at: Type.String() }), ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => ({
        completes_at: iso(
          (await accounts.confirmRecovery(request.body.token, contextOf(request))).completesAt,
        ),
      })),
  );

  app.post(
    `${BASE}/recovery/complete`,
    {
      schema: {
        tags,
        summary: 'After the wait: a new password; old second factors and passkeys are removed',
        body: ResetCompleteRequest,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        await accounts.completeRecovery(
          request.body.token,
          request.body.new_password,
          contextOf(request),
        );
        return reply.code(204).send(null);
      }),
  );

  app.get(
    `${BASE}/recovery`,
    {
      schema: {
        tags,
        summary: 'A recovery of your account in progress (shown on every signed-in device)',
        response: { 200: Type.Object({ recovery: Recovery }), ...problems },
      },
    },
    async (request) => {
      const status = await accounts.recoveryStatus(await requireSession(app, request));
      return {
        recovery:
          status === null
            ? null
            : { started_at: iso(status.startedAt), completes_at: iso(status.completesAt) },
      };
    },
  );

  app.post(
    `${BASE}/recovery/cancel`,
    { schema: { tags, summary: 'Stop a recovery of your account', response: noContent } },
    async (request, reply) => {
      await accounts.cancelRecovery(await requireSession(app, request), contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${BASE}/trusted-contact`,
    {
      schema: {
        tags,
        summary: 'Your trusted contact (gets the alerts you chose; no access to your account)',
        response: {
          200: Type.Object({
            contact: Type.Union([
              Type.Intersect([Contact, Type.Object({ since: Type.String() })]),
              Type.Null(),
            ]),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const c = await accounts.trustedContact(await requireSession(app, request));
      return {
        contact:
          c === null
            ? null
            : { name: c.name, email: c.email, alerts: [...c.alerts], since: iso(c.since) },
      };
    },
  );

  app.put(
    `${BASE}/trusted-contact`,
    {
      schema: {
        tags,
        summary: 'Name your trusted contact and the alerts they get',
        body: Type.Object(Contact.properties, { additionalProperties: false }),
        response: {
          200: Type.Object({
            name: Type.String(),
            email: Type.String(),
            alerts: Type.Array(Type.String()),
          }),
          ...problems,
        },
      },
    },
    async (request) => {
      const c = await accounts.setTrustedContact(
        await requireSession(app, request),
        request.body,
        contextOf(request),
      );
      return { name: c.name, email: c.email, alerts: [...c.alerts] };
    },
  );

  app.delete(
    `${BASE}/trusted-contact`,
    { schema: { tags, summary: 'Remove your trusted contact', response: noContent } },
    async (request, reply) => {
      await accounts.removeTrustedContact(await requireSession(app, request), contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/trusted-contact/stop`,
    {
      schema: {
        tags,
        summary: 'For the contact: stop the alerts (the link in their mail)',
        body: TokenRequest,
        response: noContent,
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        await accounts.stopContactAlerts(request.body.token, contextOf(request));
        return reply.code(204).send(null);
      }),
  );
}
