/**
 * Passkeys end to end on the real server (same composition as `serve`): an
 * account signs up with a password, adds a passkey, signs in with it from
 * another device, confirms a sensitive change with it — with a software
 * authenticator answering as a browser would for https://shieldwall.test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { createSoftAuthenticator } from './test-support/soft-authenticator.js';

const ORIGIN = 'https://shieldwall.test';
const PASSWORD = 'correct horse battery staple 42';

interface Session {
  cookie: string;
  csrf: string;
}

describe('passkey routes', () => {
  let server: TestServer;
  const auth = createSoftAuthenticator({ origin: ORIGIN });
  let ip = 0;

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    session?: Session,
    csrf = true,
  ) => {
    ip += 1;
    const headers: Record<string, string> = {
      'x-forwarded-for': `198.51.100.${ip}`,
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (session !== undefined) {
      headers.cookie = `sw_session=${session.cookie}`;
      if (csrf) headers['x-csrf-token'] = session.csrf;
    }
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const cookie = /sw_session=([^;]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    return {
      status: res.status,
      body: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
      cookie,
    };
  };
  const sessionOf = (r: { body: Record<string, unknown>; cookie?: string }): Session => ({
    cookie: r.cookie as string,
    csrf: r.body.csrf_token as string,
  });

  let first: Session;

  beforeAll(async () => {
    server = await startTestServer({
      env: { SHIELDWALL_TRUST_PROXY: 'true', SHIELDWALL_PUBLIC_URL: ORIGIN },
    });
    const up = await call('POST', '/api/access/account/sign-up', {
      email: 'pat@example.org',
      display_name: 'Pat',
      password: PASSWORD,
    });
    expect(up.status).toBeLessThan(300);
    const signedIn = await call('POST', '/api/access/account/sign-in', {
      email: 'pat@example.org',
      password: PASSWORD,
    });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    first = sessionOf(signedIn);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('adds a passkey to a signed-in account', async () => {
    const options = await call('POST', '/api/access/passkeys/register/options', {}, first);
    expect(options.status, JSON.stringify(options.body)).toBe(200);
    expect(options.body).toMatchObject({
      rp: { id: 'shieldwall.test' },
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    const credential = auth.create(options.body as never);
    const added = await call(
      'POST',
      '/api/access/passkeys/register',
      { credential, name: 'Work laptop' },
      first,
    );
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const list = await call('GET', '/api/access/passkeys', undefined, first);
    expect(list.body).toMatchObject([{ name: 'Work laptop', last_used_at: null }]);
  });

  it('signs in with the passkey from another device, without an email or password', async () => {
    const options = await call('POST', '/api/access/passkeys/sign-in/options', {});
    const signedIn = await call('POST', '/api/access/passkeys/sign-in', {
      credential: auth.get(options.body as never),
      device_name: 'Phone',
    });
    expect(signedIn.status, JSON.stringify(signedIn.body)).toBe(200);
    const session = sessionOf(signedIn);
    const me = await call('GET', '/api/access/me', undefined, session);
    expect(me.body).toMatchObject({
      kind: 'user',
      email: 'pat@example.org',
      via: 'session',
      security: 'mfa',
    });
    const sessions = await call('GET', '/api/access/account/sessions', undefined, session);
    expect(
      (sessions.body.sessions as { device_name: string }[]).map((s) => s.device_name),
    ).toContain('Phone');
  });

  it('refuses a replayed assertion and one made for another site', async () => {
    const options = await call('POST', '/api/access/passkeys/sign-in/options', {});
    const assertion = auth.get(options.body as never);
    expect(
      (await call('POST', '/api/access/passkeys/sign-in', { credential: assertion })).status,
    ).toBe(200);
    const replay = await call('POST', '/api/access/passkeys/sign-in', { credential: assertion });
    expect(replay.status).toBe(401);
    expect(replay.cookie).toBeUndefined();
    const fresh = await call('POST', '/api/access/passkeys/sign-in/options', {});
    const phished = await call('POST', '/api/access/passkeys/sign-in', {
      credential: auth.get(fresh.body as never, 0, { origin: 'https://shieldwall-login.example' }),
    });
    expect(phished.status).toBe(401);
  });

  it('confirms it is you with the passkey (step-up)', async () => {
    const options = await call('POST', '/api/access/passkeys/step-up/options', {}, first);
    const done = await call(
      'POST',
      '/api/access/passkeys/step-up',
      { credential: auth.get(options.body as never) },
      first,
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(Date.parse(done.body.authenticated_at as string)).toBeGreaterThan(Date.now() - 5000);
  });

  it('needs a session, and its CSRF token, to add or remove passkeys', async () => {
    expect((await call('POST', '/api/access/passkeys/register/options', {})).status).toBe(401);
    expect(
      (await call('POST', '/api/access/passkeys/register/options', {}, first, false)).status,
    ).toBe(403);
    expect(
      (
        await call(
          'POST',
          '/api/access/passkeys/register/options',
          {},
          { cookie: 'forged-token-value-1234567890', csrf: 'x' },
        )
      ).status,
    ).toBe(401);
    const list = await call('GET', '/api/access/passkeys', undefined, first);
    const id = (list.body as unknown as { id: string }[])[0]?.id as string;
    expect(
      (await call('DELETE', `/api/access/passkeys/${id}`, undefined, first, false)).status,
    ).toBe(403);
    expect((await call('GET', '/api/access/passkeys', undefined, first)).body).toHaveLength(1);
  });

  it('bad input is refused at the edge', async () => {
    const bad = await call('POST', '/api/access/passkeys/sign-in', {
      credential: {
        id: 'x',
        rawId: 'x',
        type: 'password',
        response: {},
        clientExtensionResults: {},
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
  });
});
