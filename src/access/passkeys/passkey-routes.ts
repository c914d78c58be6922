/**
 * /api/access/passkeys: add, list, rename and remove passkeys; sign in with one
 * (usernameless); confirm it is you (step-up) with one. The browser side is
 * `navigator.credentials.create()` / `.get()` with the options these return.
 */
import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { App } from '../../platform/http/app.js';
import { ProblemSchema } from '../../platform/http/problem.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import { STEP_UP_MS } from '../access-http.js';
import type { Accounts } from '../accounts/index.js';
import { contextOf, requireSession, withRetryAfter } from '../accounts/route-support.js';
import { sessionCookie } from '../accounts/session-cookie.js';
import type { Authenticator } from '../authenticator.js';
import { accessErrors } from '../errors.js';
import type { Passkeys, RelyingParty } from './passkeys.js';

const BASE = '/api/access/passkeys';
const tags = ['access'];
const problems = {
  400: ProblemSchema,
  401: ProblemSchema,
  403: ProblemSchema,
  404: ProblemSchema,
  429: ProblemSchema,
};
/** Sign-in ceremonies one address may start per minute. */
const SIGN_INS_PER_MINUTE = 30;

const B64 = (max: number) =>
  Type.String({ minLength: 1, maxLength: max, pattern: '^[A-Za-z0-9_-]+={0,2}$' });
/** A PublicKeyCredential as JSON (WebAuthn Level 3 `toJSON()`), with every field bounded. */
const Credential = (
  response: Record<string, ReturnType<typeof B64>>,
  optional: Record<string, ReturnType<typeof B64>> = {},
) =>
  Type.Object({
    id: B64(1400),
    rawId: B64(1400),
    type: Type.Literal('public-key'),
    response: Type.Object(
      {
        ...response,
        ...Object.fromEntries(Object.entries(optional).map(([k, v]) => [k, Type.Optional(v)])),
        transports: Type.Optional(Type.Array(Type.String({ maxLength: 32 }), { maxItems: 10 })),
      },
      { additionalProperties: true, maxProperties: 12 },
    ),
    clientExtensionResults: Type.Object({}, { additionalProperties: true, maxProperties: 20 }),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 32 })),
  });
const Registration = Credential({ clientDataJSON: B64(4096), attestationObject: B64(65_536) });
const Assertion = Credential(
  { clientDataJSON: B64(4096), authenticatorData: B64(4096), signature: B64(1024) },
  { userHandle: B64(128) },
);
const Options = Type.Object({ challenge: Type.String() }, { additionalProperties: true });
const PasskeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  last_used_at: Type.Union([Type.String(), Type.Null()]),
  backed_up: Type.Boolean(),
});
const IdParams = Type.Object({ id: B64(1400) });
const iso = (ms: number) => new Date(ms).toISOString();

export interface PasskeyRoutesDeps {
  readonly passkeys: Passkeys;
  readonly accounts: Accounts;
  readonly authenticator: Authenticator;
  readonly limiter: Limiter;
  readonly now: () => number;
  /** `publicUrl` from the configuration; without it the RP is the host the request came to. */
  readonly publicUrl?: string;
}

export function registerPasskeyRoutes(app: App, deps: PasskeyRoutesDeps): void {
  const { passkeys, accounts } = deps;

  const relyingParty = (request: FastifyRequest): RelyingParty => {
    const url =
      deps.publicUrl === undefined ? `${request.protocol}://${request.host}` : deps.publicUrl;
    const { origin, hostname } = new URL(url);
    // Browsers bind passkeys to a host name; an IP address cannot hold one.
    if (/^[0-9.]+$/.test(hostname) || hostname.includes(':'))
      throw accessErrors.create('invalid_input', {
        message: `Passkeys need a host name, not an address: open Shieldwall at ${origin.replace(hostname, 'localhost')} or set publicUrl.`,
      });
    return { id: hostname, name: 'Shieldwall', origins: [origin] };
  };
  const actor = (request: FastifyRequest, userId?: string) => ({
    id: userId === undefined ? 'anonymous' : `user:${userId}`,
    requestId: String(request.id),
  });
  const limitSignIns = async (request: FastifyRequest) => {
    const decision = await deps.limiter.consume(`access:passkey-sign-in:${request.ip}`, {
      limit: SIGN_INS_PER_MINUTE,
      windowMs: 60_000,
    });
    if (!decision.allowed)
      throw accessErrors.create('rate_limited', {
        details: { retryAfterSeconds: Math.max(1, Math.ceil(decision.retryAfterMs / 1000)) },
      });
  };
  const recent = (authenticatedAt: number) => {
    if (deps.now() - authenticatedAt > STEP_UP_MS) throw accessErrors.create('step_up_required');
  };

  app.post(
    `${BASE}/register/options`,
    {
      schema: {
        tags,
        summary: 'Start adding a passkey: options for navigator.credentials.create()',
        response: { 200: Options, ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      const facts = await deps.authenticator.userFacts(session.userId);
      if (facts === undefined) throw accessErrors.create('unauthenticated');
      return passkeys.registrationOptions(relyingParty(request), {
        id: session.userId,
        email: facts.email,
        displayName: facts.displayName,
      });
    },
  );

  app.post(
    `${BASE}/register`,
    {
      schema: {
        tags,
        summary: 'Finish adding a passkey',
        body: Type.Object(
          { credential: Registration, name: Type.Optional(Type.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        response: { 201: PasskeySchema, ...problems },
      },
    },
    async (request, reply) => {
      const session = await requireSession(app, request);
      // A stolen session must not be able to plant a way back in.
      recent(session.authenticatedAt);
      const info = await passkeys.register(
        relyingParty(request),
        session.userId,
        request.body.credential as never,
        request.body.name ?? 'Passkey',
        actor(request, session.userId),
      );
      return reply.code(201).send(out(info));
    },
  );

  app.get(
    `${BASE}`,
    {
      schema: {
        tags,
        summary: 'Your passkeys',
        response: { 200: Type.Array(PasskeySchema), ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      return (await passkeys.list(session.userId)).map(out);
    },
  );

  app.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Rename a passkey',
        params: IdParams,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 60 }) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const session = await requireSession(app, request);
      await passkeys.rename(
        session.userId,
        request.params.id,
        request.body.name,
        actor(request, session.userId),
      );
      return reply.code(204).send(null);
    },
  );

  app.delete(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Remove a passkey',
        params: IdParams,
        response: { 204: Type.Null(), ...problems },
      },
    },
    async (request, reply) => {
      const session = await requireSession(app, request);
      recent(session.authenticatedAt);
      await passkeys.remove(session.userId, request.params.id, actor(request, session.userId));
      return reply.code(204).send(null);
    },
  );

  app.post(
    `${BASE}/sign-in/options`,
    {
      schema: {
        tags,
        summary: 'Start signing in with a passkey: options for navigator.credentials.get()',
        response: { 200: Options, ...problems },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        await limitSignIns(request);
        return passkeys.authenticationOptions(relyingParty(request));
      }),
  );

  app.post(
    `${BASE}/sign-in`,
    {
      schema: {
        tags,
        summary: 'Sign in with a passkey',
        body: Type.Object(
          { credential: Assertion, device_name: Type.Optional(Type.String({ maxLength: 60 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            status: Type.Literal('signed_in'),
            user_id: Type.String(),
            csrf_token: Type.String(),
            expires_at: Type.String(),
          }),
          ...problems,
        },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, async () => {
        await limitSignIns(request);
        const { userId } = await passkeys.authenticate(
          relyingParty(request),
          request.body.credential as never,
          actor(request),
        );
        const result = await accounts.signInVerified(
          userId,
          'passkey',
          contextOf(request),
          request.body.device_name,
        );
        if (result.kind !== 'signed_in') throw accessErrors.create('unauthenticated');
        reply.header(
          'set-cookie',
          sessionCookie(request, result.token, result.expiresAt, deps.now()),
        );
        return {
          status: 'signed_in' as const,
          user_id: result.userId,
          csrf_token: result.csrfToken,
          expires_at: iso(result.expiresAt),
        };
      }),
  );

  app.post(
    `${BASE}/step-up/options`,
    {
      schema: {
        tags,
        summary: 'Start confirming it is you with a passkey',
        response: { 200: Options, ...problems },
      },
    },
    async (request) => {
      await requireSession(app, request);
      return passkeys.authenticationOptions(relyingParty(request));
    },
  );

  app.post(
    `${BASE}/step-up`,
    {
      schema: {
        tags,
        summary: 'Confirm it is you with a passkey (for sensitive changes)',
        body: Type.Object({ credential: Assertion }, { additionalProperties: false }),
        response: { 200: Type.Object({ authenticated_at: Type.String() }), ...problems },
      },
    },
    async (request) => {
      const session = await requireSession(app, request);
      const { userId } = await passkeys.authenticate(
        relyingParty(request),
        request.body.credential as never,
        actor(request, session.userId),
      );
      // Someone else's passkey proves nothing about this session.
      if (userId !== session.userId)
        throw accessErrors.create('unauthenticated', {
          message: 'That passkey belongs to another account.',
        });
      const { authenticatedAt } = await accounts.recordStepUp(
        session,
        'passkey',
        contextOf(request),
      );
      return { authenticated_at: iso(authenticatedAt) };
    },
  );
}

function out(p: {
  id: string;
  name: string;
  createdAt: number;
  lastUsedAt: number | null;
  backedUp: boolean;
}) {
  return {
    id: p.id,
    name: p.name,
    created_at: iso(p.createdAt),
    last_used_at: p.lastUsedAt === null ? null : iso(p.lastUsedAt),
    backed_up: p.backedUp,
  };
}
