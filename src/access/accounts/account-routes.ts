/**
 * /api/access/account: getting in and out (sign-up, email verification,
 * sign-in, the second factor, sign-out, step-up, password reset) and the
 * current session. Settings live in account-settings-routes.ts.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import { accessErrors } from '../errors.js';
import {
  Accepted,
  CurrentSession,
  problems,
  ResetCompleteRequest,
  ResetRequest,
  SecondFactorRequest,
  SignInRequest,
  SignInResponse,
  SignUpRequest,
  StepUpRequest,
  TokenRequest,
} from './account-schemas.js';
import { csrfTokenOf } from './account-secrets.js';
import { registerAccountSettingsRoutes } from './account-settings-routes.js';
import type { Accounts } from './accounts.js';
import { answerMessages } from './answer-messages.js';
import { registerRecoveryRoutes } from './recovery-routes.js';
import { contextOf, iso, requireSession, withRetryAfter } from './route-support.js';
import { clearedSessionCookie, sessionCookie, sessionTokenOf } from './session-cookie.js';
import type { SignInResult } from './sign-in.js';

export interface AccountRoutesDeps {
  readonly accounts: Accounts;
  readonly now: () => number;
}

const BASE = '/api/access/account';
const tags = ['access'];

export function registerAccountRoutes(app: App, deps: AccountRoutesDeps): void {
  const { accounts } = deps;

  const answerSignIn = (result: SignInResult, request: FastifyRequest, reply: FastifyReply) => {
    if (result.kind === 'second_factor')
      return {
        status: 'second_factor' as const,
        pending_token: result.pendingToken,
        expires_at: iso(result.expiresAt),
        methods: [...result.methods],
      };
    reply.header('set-cookie', sessionCookie(request, result.token, result.expiresAt, deps.now()));
    return {
      status: 'signed_in' as const,
      user_id: result.userId,
      csrf_token: result.csrfToken,
      expires_at: iso(result.expiresAt),
    };
  };

  app.post(
    `${BASE}/sign-up`,
    {
      schema: {
        tags,
        summary: 'Create an account; a link to confirm the email address is mailed',
        body: SignUpRequest,
        response: { 202: Accepted, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const b = request.body;
        const ctx = contextOf(request);
        await accounts.signUp(
          { email: b.email, displayName: b.display_name, password: b.password },
          ctx,
        );
        return reply.code(202).send({
          message: answerMessages.t(ctx.locale ?? 'en', 'sign_up_sent'),
        });
      }),
  );

  app.post(
    `${BASE}/verify-email`,
    {
      schema: {
        tags,
        summary: 'Confirm an email address with the token from the mail',
        body: TokenRequest,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        await accounts.verifyEmail(request.body.token, contextOf(request));
        return reply.code(204).send(null);
      }),
  );

  app.post(
    `${BASE}/sign-in`,
    {
      schema: {
        tags,
        summary: 'Sign in with email and password (a second step follows when a code is needed)',
        body: SignInRequest,
        response: { 200: SignInResponse, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const b = request.body;
        const result = await accounts.signIn(
          {
            email: b.email,
            password: b.password,
            ...(b.device_name === undefined ? {} : { deviceName: b.device_name }),
          },
          contextOf(request),
        );
        return answerSignIn(result, request, reply);
      }),
  );

  app.post(
    `${BASE}/sign-in/second-factor`,
    {
      schema: {
        tags,
        summary: 'Finish signing in with a code from the authenticator app or a recovery code',
        body: SecondFactorRequest,
        response: { 200: SignInResponse, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const b = request.body;
        const result = await accounts.completeSignIn(
          b.pending_token,
          secondFactorOf(b, true),
          contextOf(request),
        );
        return answerSignIn(result, request, reply);
      }),
  );

  app.post(
    `${BASE}/sign-out`,
    {
      schema: {
        tags,
        summary: 'Sign out of this session',
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      // Whatever state the cookie is in, the browser should forget it.
      reply.header('set-cookie', clearedSessionCookie(request));
      const session = await requireSession(app, request).catch((err: unknown) => {
        if (accessErrors.is(err, 'unauthenticated')) return null;
        throw err;
      });
      if (session !== null) await accounts.signOut(session, contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${BASE}/session`,
    {
      schema: {
        tags,
        summary: 'The current session, its CSRF token, and how the account is protected',
        response: { 200: CurrentSession, ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      const token = sessionTokenOf(request);
      if (token === undefined) throw accessErrors.create('unauthenticated');
      const account = await accounts.overview(session);
      const expiresAt = (await accounts.resolveSession(token))?.expiresAt ?? deps.now();
      return {
        session: {
          id: session.sessionId,
          expires_at: iso(expiresAt),
          authenticated_at: iso(session.authenticatedAt),
        },
        csrf_token: csrfTokenOf(token),
        account: {
          user_id: account.userId,
          email: account.email,
          display_name: account.displayName,
          email_verified: account.emailVerified,
          has_password: account.hasPassword,
          totp_enabled: account.totpEnabled,
          recovery_codes_left: account.recoveryCodesLeft,
          passkeys: account.passkeys,
          advanced_protection: account.advancedProtection,
          language: account.language,
        },
      };
    },
  );

  app.post(
    `${BASE}/step-up`,
    {
      schema: {
        tags,
        summary: 'Confirm it is you again before a sensitive change (valid 10 minutes)',
        body: StepUpRequest,
        response: { 200: Type.Object({ authenticated_at: Type.String() }), ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const session = await requireSession(app, request);
        const { authenticatedAt } = await accounts.stepUp(
          session,
          { password: request.body.password, ...secondFactorOf(request.body, false) },
          contextOf(request),
        );
        return { authenticated_at: iso(authenticatedAt) };
      }),
  );

  app.post(
    `${BASE}/password-reset/request`,
    {
      schema: {
        tags,
        summary: 'Mail a link to reset a forgotten password',
        body: ResetRequest,
        response: { 202: Accepted, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        const ctx = contextOf(request);
        await accounts.requestPasswordReset(request.body.email, ctx);
        return reply.code(202).send({
          message: answerMessages.t(ctx.locale ?? 'en', 'reset_sent'),
        });
      }),
  );

  app.post(
    `${BASE}/password-reset/complete`,
    {
      schema: {
        tags,
        summary: 'Choose a new password with the token from the mail; signs out every session',
        body: ResetCompleteRequest,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        await accounts.completePasswordReset(
          request.body.token,
          request.body.new_password,
          contextOf(request),
        );
        return reply.code(204).send(null);
      }),
  );

  registerAccountSettingsRoutes(app, deps);
  registerRecoveryRoutes(app, deps);
}

/** The code or recovery code of a request: one of them, or (when not `required`) neither. */
function secondFactorOf(b: { code?: string; recovery_code?: string }, required: boolean) {
  const given = Number(b.code !== undefined) + Number(b.recovery_code !== undefined);
  if (given === 0 && !required) return {};
  if (given !== 1)
    throw accessErrors.create('invalid_input', {
      message: 'Send either the code from your authenticator app or one recovery code.',
      es: 'Envíe el código de su aplicación de autenticación o un código de recuperación, solo uno de los dos.',
    });
  return b.code !== undefined ? { code: b.code } : { recoveryCode: b.recovery_code as string };
}
