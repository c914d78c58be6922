/**
 * /api/access/account settings, for a signed-in session: sessions, TOTP,
 * recovery codes, password change, advanced protection and the language of its mail.
 */
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import type { AccountRoutesDeps } from './account-routes.js';
import {
  AdvancedProtectionRequest,
  CodeRequest,
  LanguageRequest,
  PasswordChangeRequest,
  problems,
  RecoveryCodes,
  RenameRequest,
  SessionParams,
  SessionSchema,
  TotpEnrolment,
} from './account-schemas.js';
import { contextOf, iso, requireSession, withRetryAfter } from './route-support.js';

const BASE = '/api/access/account';
const tags = ['access'];
const noContent = { 204: Type.Null(), ...problems };

export function registerAccountSettingsRoutes(app: App, deps: AccountRoutesDeps): void {
  const { accounts } = deps;

  app.put(
    `${BASE}/language`,
    {
      schema: {
        tags,
        summary: 'Choose the language of your account’s emails (the web picker sets it too)',
        body: LanguageRequest,
        response: {
          200: Type.Object({ language: LanguageRequest.properties.language }),
          ...problems,
        },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      return {
        language: await accounts.setLanguage(session, request.body.language, contextOf(request)),
      };
    },
  );

  app.get(
    `${BASE}/sessions`,
    {
      schema: {
        tags,
        summary: 'Your signed-in sessions (the one making this request is marked current)',
        response: { 200: Type.Object({ sessions: Type.Array(SessionSchema) }), ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      const sessions = await accounts.listSessions(session);
      return {
        sessions: sessions.map((s) => ({
          id: s.id,
          device_name: s.deviceName,
          user_agent: s.userAgent,
          ip: s.ip,
          created_at: iso(s.createdAt),
          last_seen_at: iso(s.lastSeenAt),
          expires_at: iso(s.expiresAt),
          authenticated_at: iso(s.authenticatedAt),
          current: s.current,
        })),
      };
    },
  );

  app.patch(
    `${BASE}/sessions/:id`,
    {
      schema: {
        tags,
        summary: 'Rename a session ("Work laptop")',
        params: SessionParams,
        body: RenameRequest,
        response: noContent,
      },
    },
    async (request, reply) => {
      const session = await requireSession(app, request);
      await accounts.renameSession(session, request.params.id, request.body.name);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    `${BASE}/sessions/:id`,
    {
      schema: { tags, summary: 'Sign a session out', params: SessionParams, response: noContent },
    },
    async (request, reply) => {
      const session = await requireSession(app, request);
      await accounts.revokeSession(session, request.params.id, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/sessions/revoke-others`,
    {
      schema: {
        tags,
        summary: 'Sign out every session but this one',
        response: { 200: Type.Object({ ended: Type.Integer() }), ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      return { ended: await accounts.revokeOtherSessions(session, contextOf(request)) };
    },
  );

  app.post(
    `${BASE}/totp/enrol`,
    {
      schema: {
        tags,
        summary:
          'Start setting up an authenticator app (needs a recent step-up); the secret is shown once',
        response: { 200: TotpEnrolment, ...problems },
      },
    },
    async (request) => accounts.beginTotp(await requireSession(app, request)),
  );

  app.post(
    `${BASE}/totp/confirm`,
    {
      schema: {
        tags,
        summary: 'Turn the authenticator app on with a code from it; answers your recovery codes',
        body: CodeRequest,
        response: { 200: RecoveryCodes, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const session = await requireSession(app, request);
        const { recoveryCodes } = await accounts.confirmTotp(
          session,
          request.body.code,
          contextOf(request),
        );
        return { recovery_codes: recoveryCodes };
      }),
  );

  app.post(
    `${BASE}/totp/disable`,
    {
      schema: {
        tags,
        summary: 'Turn the authenticator app off (needs a recent step-up)',
        response: noContent,
      },
    },
    async (request, reply) => {
      const session = await requireSession(app, request);
      await accounts.disableTotp(session, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/recovery-codes`,
    {
      schema: {
        tags,
        summary: 'Make new recovery codes (needs a recent step-up); the old ones stop working',
        response: { 200: RecoveryCodes, ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      const { recoveryCodes } = await accounts.regenerateRecoveryCodes(session, contextOf(request));
      return { recovery_codes: recoveryCodes };
    },
  );

  app.post(
    `${BASE}/password`,
    {
      schema: {
        tags,
        summary: 'Change your password (needs a recent step-up); signs out your other sessions',
        body: PasswordChangeRequest,
        response: { 200: Type.Object({ other_sessions_ended: Type.Integer() }), ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      const { otherSessionsEnded } = await accounts.changePassword(
        session,
        request.body.new_password,
        contextOf(request),
      );
      return { other_sessions_ended: otherSessionsEnded };
    },
  );

  app.put(
    `${BASE}/advanced-protection`,
    {
      schema: {
        tags,
        summary: 'Turn advanced protection on or off (needs a recent step-up; on needs a passkey)',
        body: AdvancedProtectionRequest,
        response: { 200: AdvancedProtectionRequest, ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      await accounts.setAdvancedProtection(session, request.body.enabled, contextOf(request));
      return { enabled: request.body.enabled };
    },
  );
}
