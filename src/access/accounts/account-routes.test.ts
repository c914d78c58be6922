/**
 * /api/access/account on a real Fastify app with the access gate, the session
 * resolver and the platform's problem-details error handler.
 */
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../platform/http/app.js';
import { type Problem, sendProblem, toProblem } from '../../platform/http/problem.js';
import { installAccessGate } from '../access-http.js';
import { registerAccountRoutes } from './account-routes.js';
import { ATTEMPT_LIMITS } from './attempt-limits.js';
import { createSessionResolver, readCookie } from './session-cookie.js';
import {
  type AccountsFixture,
  accountsFixture,
  BROWSER,
  GOOD_PASSWORD,
} from './test-support/accounts-fixture.js';

const BASE = '/api/access/account';

describe('account routes', () => {
  let fx: AccountsFixture;
  let app: App;
  const secrets: string[] = [GOOD_PASSWORD];
  let ipCounter = 0;

  beforeAll(async () => {
    fx = await accountsFixture();
    app = Fastify({
      loggerInstance: fx.logger as FastifyBaseLogger,
      trustProxy: true,
      ajv: { customOptions: { coerceTypes: true, removeAdditional: false, allowUnionTypes: true } },
    }).withTypeProvider<TypeBoxTypeProvider>();
    await app.register(swagger, {
      openapi: { openapi: '3.1.0', info: { title: 't', version: '0' } },
    });
    app.setErrorHandler((err, request, reply) => {
      const problem = toProblem(err, request);
      request.log.info({ code: problem.code, detail: problem.detail }, 'request rejected');
      return sendProblem(reply, problem);
    });
    installAccessGate(app, {
      authenticator: fx.access.authenticator,
      policy: fx.access.policy,
      limiter: fx.limiter,
      sessions: createSessionResolver({ resolve: fx.accounts.resolveSession, limiter: fx.limiter }),
    });
    registerAccountRoutes(app, { accounts: fx.accounts, now: fx.clock });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await fx?.close();
  });

  interface Caller {
    cookie?: string;
    csrf?: string;
    ip?: string;
    headers?: Record<string, string>;
  }
  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    who: Caller = {},
    body?: Record<string, unknown>,
  ) =>
    app.inject({
      method,
      url: `${BASE}${path}`,
      remoteAddress: who.ip ?? `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
      headers: {
        'user-agent': BROWSER,
        ...(who.cookie === undefined ? {} : { cookie: `theme=dark; sw_session=${who.cookie}` }),
        ...(who.csrf === undefined ? {} : { 'x-csrf-token': who.csrf }),
        ...who.headers,
      },
      ...(body === undefined ? {} : { payload: body }),
    });
  const problem = (res: LightMyRequestResponse, status: number, code?: string): Problem => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const p = res.json() as Problem;
    if (code !== undefined) expect(p.code).toBe(code);
    return p;
  };

  /** Sign up, verify and sign in through the API. */
  const person = async (email: string): Promise<Caller & { userId: string }> => {
    expect(
      (
        await call(
          'POST',
          '/sign-up',
          {},
          { email, display_name: 'Route Person', password: GOOD_PASSWORD },
        )
      ).statusCode,
    ).toBe(202);
    const token = await fx.tokenFrom(email, '/access/verify-email');
    secrets.push(token);
    expect((await call('POST', '/verify-email', {}, { token })).statusCode).toBe(204);
    const res = await call('POST', '/sign-in', {}, { email, password: GOOD_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { csrf_token: string; user_id: string };
    const cookie = readCookie(
      String(res.headers['set-cookie']).split(';')[0],
      'sw_session',
    ) as string;
    secrets.push(cookie, body.csrf_token);
    return { cookie, csrf: body.csrf_token, userId: body.user_id };
  };

  it('signs in with a HttpOnly, SameSite=Strict cookie and hands out the CSRF token', async () => {
    const res = await call(
      'POST',
      '/sign-up',
      {},
      {
        email: 'web@example.org',
        display_name: 'Web',
        password: GOOD_PASSWORD,
      },
    );
    expect(res.statusCode).toBe(202);
    await call(
      'POST',
      '/verify-email',
      {},
      { token: await fx.tokenFrom('web@example.org', '/access/verify-email') },
    );
    const signIn = await call(
      'POST',
      '/sign-in',
      {},
      { email: 'web@example.org', password: GOOD_PASSWORD },
    );
    expect(signIn.statusCode, signIn.body).toBe(200);
    const setCookie = String(signIn.headers['set-cookie']);
    expect(setCookie).toMatch(
      /^sw_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=2592000$/,
    );
    const body = signIn.json() as { status: string; csrf_token: string };
    expect(body.status).toBe('signed_in');
    const cookie = /sw_session=([^;]+)/.exec(setCookie)?.[1] as string;
    secrets.push(cookie, body.csrf_token);
    const session = await call('GET', '/session', { cookie });
    expect(session.statusCode, session.body).toBe(200);
    const s = session.json() as {
      csrf_token: string;
      account: { email: string; totp_enabled: boolean };
    };
    expect(s.csrf_token).toBe(body.csrf_token);
    expect(s.account).toMatchObject({ email: 'web@example.org', totp_enabled: false });
    // Over https (here through a trusted proxy) the cookie is Secure too.
    const secure = await call(
      'POST',
      '/sign-in',
      { headers: { 'x-forwarded-proto': 'https' } },
      {
        email: 'web@example.org',
        password: GOOD_PASSWORD,
      },
    );
    expect(String(secure.headers['set-cookie'])).toMatch(/; Secure$/);
  });

  it('refuses a change without the CSRF token, or with a wrong one, and changes nothing', async () => {
    const a = await person('csrf@example.org');
    const second = await call(
      'POST',
      '/sign-in',
      {},
      { email: 'csrf@example.org', password: GOOD_PASSWORD },
    );
    const secondCookie = /sw_session=([^;]+)/.exec(
      String(second.headers['set-cookie']),
    )?.[1] as string;
    secrets.push(secondCookie);
    problem(
      await call('POST', '/sessions/revoke-others', { cookie: a.cookie }),
      403,
      'csrf_failed',
    );
    problem(
      await call('POST', '/sessions/revoke-others', { cookie: a.cookie, csrf: 'x'.repeat(43) }),
      403,
      'csrf_failed',
    );
    // Another session's token does not fit this one.
    const otherCsrf = (second.json() as { csrf_token: string }).csrf_token;
    problem(
      await call('POST', '/sessions/revoke-others', { cookie: a.cookie, csrf: otherCsrf }),
      403,
      'csrf_failed',
    );
    expect((await call('GET', '/session', { cookie: secondCookie })).statusCode).toBe(200);
    const ok = await call('POST', '/sessions/revoke-others', { cookie: a.cookie, csrf: a.csrf });
    expect(ok.json()).toEqual({ ended: 1 });
    problem(await call('GET', '/session', { cookie: secondCookie }), 401, 'unauthenticated');
  });

  it('answers 401 for a forged, revoked or expired cookie', async () => {
    problem(await call('GET', '/session', { cookie: 'A'.repeat(43) }), 401, 'unauthenticated');
    problem(await call('GET', '/sessions', { cookie: 'not even base64!' }), 401, 'unauthenticated');
    problem(await call('GET', '/session'), 401, 'unauthenticated');
    const a = await person('revoked@example.org');
    const out = await call('POST', '/sign-out', a);
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toContain('Max-Age=0');
    problem(await call('GET', '/session', a), 401, 'unauthenticated');
    const b = await person('expired@example.org');
    fx.clock.advance(721 * 3_600_000);
    problem(await call('GET', '/session', b), 401, 'unauthenticated');
  });

  it('answers 429 with Retry-After to password guessing', async () => {
    await person('guess@example.org');
    let res: LightMyRequestResponse | undefined;
    for (let i = 0; i <= ATTEMPT_LIMITS.password.account.limit; i++)
      res = await call(
        'POST',
        '/sign-in',
        {},
        { email: 'guess@example.org', password: `guess ${i} wrong` },
      );
    problem(res as LightMyRequestResponse, 429, 'rate_limited');
    expect(Number(res?.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('needs a step-up for TOTP and password changes, then does them', async () => {
    const a = await person('settings@example.org');
    fx.clock.advance(11 * 60_000);
    problem(await call('POST', '/totp/enrol', a), 401, 'step_up_required');
    problem(
      await call('POST', '/password', a, { new_password: 'a fresh long phrase 1' }),
      401,
      'step_up_required',
    );
    problem(
      await call('POST', '/step-up', a, { password: 'wrong phrase 12' }),
      403,
      'reauth_failed',
    );
    const up = await call('POST', '/step-up', a, { password: GOOD_PASSWORD });
    expect(up.statusCode, up.body).toBe(200);
    const enrol = await call('POST', '/totp/enrol', a);
    expect(enrol.statusCode, enrol.body).toBe(200);
    const { secret } = enrol.json() as { secret: string };
    const code = await fx.totpCode(secret);
    secrets.push(secret, code);
    const confirm = await call('POST', '/totp/confirm', a, { code });
    expect(confirm.statusCode, confirm.body).toBe(200);
    const codes = (confirm.json() as { recovery_codes: string[] }).recovery_codes;
    secrets.push(...codes);
    expect(codes).toHaveLength(10);
    const changed = await call('POST', '/password', a, { new_password: 'a fresh long phrase 1' });
    expect(changed.json()).toEqual({ other_sessions_ended: 0 });
    secrets.push('a fresh long phrase 1');

    // Two-step sign-in over HTTP.
    fx.clock.advance(60_000);
    const first = await call(
      'POST',
      '/sign-in',
      {},
      { email: 'settings@example.org', password: 'a fresh long phrase 1' },
    );
    const pending = first.json() as { status: string; pending_token: string };
    expect(pending.status).toBe('second_factor');
    expect(first.headers['set-cookie']).toBeUndefined();
    secrets.push(pending.pending_token);
    problem(
      await call('POST', '/sign-in/second-factor', {}, { pending_token: pending.pending_token }),
      400,
      'invalid_input',
    );
    const done = await call(
      'POST',
      '/sign-in/second-factor',
      {},
      {
        pending_token: pending.pending_token,
        recovery_code: codes[0],
      },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(String(done.headers['set-cookie'])).toMatch(/^sw_session=/);
  });

  it('validates every field and says what is wrong', async () => {
    problem(
      await call('POST', '/sign-up', {}, { email: 'x@example.org', display_name: 'X' }),
      400,
      'validation_failed',
    );
    problem(
      await call('POST', '/sign-in', {}, { email: 'x@example.org', password: 'p'.repeat(2000) }),
      400,
      'validation_failed',
    );
    problem(await call('POST', '/verify-email', {}, { token: 'short' }), 400, 'validation_failed');
    const weak = problem(
      await call(
        'POST',
        '/sign-up',
        {},
        { email: 'weak@example.org', display_name: 'W', password: 'Password1' },
      ),
      400,
      'weak_password',
    );
    expect(weak.detail).toMatch(/common or leaked/);
    problem(
      await call(
        'POST',
        '/sign-up',
        {},
        { email: 'not-an-address', display_name: 'W', password: GOOD_PASSWORD },
      ),
      400,
      'invalid_input',
    );
  });

  it('documents every route under the access tag', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith(BASE));
    expect(paths.length).toBeGreaterThanOrEqual(15);
    for (const p of paths)
      for (const op of Object.values(doc.paths[p] ?? {})) expect(op.tags).toEqual(['access']);
  });

  it('never logs a password, token, code or secret', async () => {
    const log = fx.logText();
    expect(log).toContain('request rejected');
    for (const s of secrets) expect(log).not.toContain(s);
    const audit = await fx.auditText();
    for (const s of secrets) expect(audit).not.toContain(s);
  });
});
