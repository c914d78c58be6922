/**
 * "No secret ever appears in logs or API responses after creation": a whole run
 * of the access flows on the real server, logging at trace level into a buffer,
 * collecting every secret it makes — passwords, session tokens and CSRF tokens,
 * TOTP seeds and codes, recovery codes, mailed tokens, API keys — and then
 * searching every log line, the audit log and the later API answers for each.
 */
import { PassThrough } from 'node:stream';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';

const PASSWORD = 'umbrella kettle orchard 93';
const NEW_PASSWORD = 'lighthouse pepper violin 58';

describe('no secret in logs, the audit log or later answers', () => {
  let server: TestServer;
  const log: Buffer[] = [];
  const secrets = new Set<string>([PASSWORD, NEW_PASSWORD]);
  const later: string[] = [];
  let n = 0;

  const call = async (
    method: string,
    path: string,
    body?: unknown,
    session?: { cookie: string; csrf: string },
    key?: string,
  ) => {
    n += 1;
    const headers: Record<string, string> = {
      'x-forwarded-for': `192.0.2.${n}`,
      'user-agent': 'Mozilla/5.0 Firefox/128.0',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (session !== undefined)
      Object.assign(headers, {
        cookie: `sw_session=${session.cookie}`,
        'x-csrf-token': session.csrf,
      });
    if (key !== undefined) headers.authorization = `Bearer ${key}`;
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const cookie = /sw_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    return {
      status: res.status,
      text,
      json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown>,
      cookie,
    };
  };
  const outbox = async (to: string) =>
    (
      await server.platform.store
        .db<{ access_mail_outbox: { to_address: string; body: string; created_at: number } }>()
        .selectFrom('access_mail_outbox')
        .select(['body', 'created_at'])
        .where('to_address', '=', to)
        .orderBy('created_at')
        .execute()
    ).map((r) => r.body);
  const tokenIn = async (to: string, path: string) => {
    for (const body of (await outbox(to)).reverse()) {
      const m = new RegExp(`${path}#token=([A-Za-z0-9_-]+)`).exec(body);
      if (m?.[1] !== undefined) return m[1];
    }
    throw new Error(`no ${path} mail`);
  };

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => log.push(c));
    server = await startTestServer({
      env: { SHIELDWALL_LOG_LEVEL: 'trace', SHIELDWALL_TRUST_PROXY: 'true' },
      logStream: stream,
    });

    // An account: sign up, verify, sign in.
    expect(
      (
        await call('POST', '/api/access/account/sign-up', {
          email: 'kai@example.org',
          display_name: 'Kai',
          password: PASSWORD,
        })
      ).status,
    ).toBeLessThan(300);
    const verifyToken = await tokenIn('kai@example.org', '/access/verify-email');
    secrets.add(verifyToken);
    await call('POST', '/api/access/account/verify-email', { token: verifyToken });
    const signIn = await call('POST', '/api/access/account/sign-in', {
      email: 'kai@example.org',
      password: PASSWORD,
    });
    const session = { cookie: signIn.cookie as string, csrf: signIn.json.csrf_token as string };
    secrets.add(session.cookie).add(session.csrf);

    // A second factor and its recovery codes.
    const enrol = await call('POST', '/api/access/account/totp/enrol', {}, session);
    const seed = enrol.json.secret as string;
    secrets.add(seed).add(enrol.json.uri as string);
    const code = await generate({ secret: seed });
    const confirmed = await call('POST', '/api/access/account/totp/confirm', { code }, session);
    for (const c of (confirmed.json.recovery_codes as string[]) ?? []) secrets.add(c);
    expect(confirmed.status, confirmed.text).toBe(200);

    // A wrong password and a wrong code are logged as refusals, never as values.
    await call('POST', '/api/access/account/sign-in', {
      email: 'kai@example.org',
      password: `${PASSWORD}x`,
    });
    secrets.add(`${PASSWORD}x`);

    // An organization and an API key, used, then revoked.
    const org = await call('POST', '/api/access/orgs', { name: 'Kai Water' }, session);
    const created = await call(
      'POST',
      '/api/access/keys',
      { org: org.json.id, name: 'ci' },
      session,
    );
    expect(created.status, created.text).toBe(201);
    const key = created.json.key as string;
    secrets.add(key).add(key.slice(21, 53));
    expect((await call('GET', '/api/access/me', undefined, undefined, key)).status).toBe(200);
    await fetch(`${server.url}/api/access/me`, {
      headers: { authorization: `Basic ${Buffer.from(`taxii:${key}`).toString('base64')}` },
    });
    const revoked = await call(
      'DELETE',
      `/api/access/keys/${created.json.id as string}`,
      { reason: 'rotating' },
      session,
    );
    expect(revoked.status).toBe(200);
    expect((await call('GET', '/api/access/me', undefined, undefined, key)).status).toBe(401);

    // An invitation and a password reset: tokens only in mail.
    await call(
      'POST',
      `/api/access/orgs/${org.json.id as string}/invitations`,
      { email: 'lee@example.org', role: 'member' },
      session,
    );
    const invite = /\n\n([A-Za-z0-9_-]{32})\n\n/.exec(
      (await outbox('lee@example.org'))[0] ?? '',
    )?.[1];
    expect(invite).toBeDefined();
    secrets.add(invite as string);
    await call('POST', '/api/access/account/password-reset/request', { email: 'kai@example.org' });
    const reset = await tokenIn('kai@example.org', '/access/reset');
    secrets.add(reset);
    const done = await call('POST', '/api/access/account/password-reset/complete', {
      token: reset,
      new_password: NEW_PASSWORD,
    });
    expect(done.status, done.text).toBeLessThan(300);

    // What the API still says afterwards.
    const again = await call('POST', '/api/access/account/sign-in', {
      email: 'kai@example.org',
      password: NEW_PASSWORD,
    });
    const pending = again.json.pending_token as string | undefined;
    if (pending !== undefined) secrets.add(pending);
    const finish = await call('POST', '/api/access/account/sign-in/second-factor', {
      pending_token: pending,
      code: await generate({ secret: seed, epoch: Math.floor(Date.now() / 1000) + 30 }),
    });
    expect(finish.status, finish.text).toBe(200);
    const s2 = { cookie: finish.cookie as string, csrf: finish.json.csrf_token as string };
    secrets.add(s2.cookie).add(s2.csrf);
    for (const path of [
      '/api/access/me',
      `/api/access/keys?org=${String(org.json.id)}`,
      '/api/access/account/sessions',
      '/api/access/orgs',
    ])
      later.push((await call('GET', path, undefined, s2)).text);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('wrote plenty of log lines at trace level (the search is not vacuous)', () => {
    const text = Buffer.concat(log).toString('utf8');
    expect(text.split('\n').length).toBeGreaterThan(50);
    expect(text).toContain('/api/access/keys');
    expect(secrets.size).toBeGreaterThan(15);
  });

  it('no secret appears in any log line', () => {
    const text = Buffer.concat(log).toString('utf8');
    for (const s of secrets)
      expect(text.includes(s), `a secret (${s.slice(0, 4)}…) is in the log`).toBe(false);
  });

  it('no secret appears in the audit log', async () => {
    const entries = (await server.platform.audit.entries({ limit: 1000 })).entries
      .map((e) => e.canonical)
      .join('\n');
    expect(entries).toContain('access.key.created');
    for (const s of secrets)
      expect(entries.includes(s), `a secret (${s.slice(0, 4)}…) is in the audit log`).toBe(false);
  });

  it('no secret comes back in later API answers', () => {
    const text = later.join('\n');
    expect(text).toContain('kai@example.org');
    for (const s of secrets)
      expect(text.includes(s), `a secret (${s.slice(0, 4)}…) came back`).toBe(false);
  });
});
