/**
 * The language of an account over HTTP, on a real server: sign-up stores the language of its
 * Accept-Language and answers in it, the session shows it, PUT /api/access/account/language
 * changes it (session and CSRF token needed), and later mail follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import type { AccountTables } from './account-tables.js';
import { GOOD_PASSWORD } from './test-support/accounts-fixture.js';

describe('PUT /api/access/account/language', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${server.url}/api/access/account${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    });
  const outbox = (to: string) =>
    server.platform.store
      .db<AccountTables>()
      .selectFrom('access_mail_outbox')
      .select(['subject', 'body'])
      .where('to_address', '=', to)
      .orderBy('created_at')
      .execute();

  it('signs up in Spanish, shows the language, and changes it with a session', async () => {
    const email = 'sofia@example.org';
    const signUp = await api('/sign-up', {
      method: 'POST',
      headers: { 'accept-language': 'es-ES,es;q=0.9' },
      body: JSON.stringify({ email, display_name: 'Sofía', password: GOOD_PASSWORD }),
    });
    expect(signUp.status).toBe(202);
    expect(((await signUp.json()) as { message: string }).message).toBe(
      'Revise su correo: le enviamos un enlace para confirmar su dirección.',
    );
    const [confirm] = await outbox(email);
    expect(confirm?.subject).toBe('Confirme su dirección de correo para Shieldwall');
    const token = /verify-email#token=([A-Za-z0-9_-]{43})/.exec(confirm?.body ?? '')?.[1];
    expect(
      (await api('/verify-email', { method: 'POST', body: JSON.stringify({ token }) })).status,
    ).toBe(204);
    const signIn = await api('/sign-in', {
      method: 'POST',
      body: JSON.stringify({ email, password: GOOD_PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers.get('set-cookie')).split(';')[0] ?? '';
    const { csrf_token: csrf } = (await signIn.json()) as { csrf_token: string };

    const session = async () =>
      (
        (await (await api('/session', { headers: { cookie } })).json()) as {
          account: { language: string };
        }
      ).account.language;
    expect(await session()).toBe('es');

    // Without the CSRF token nothing changes.
    const forged = await api('/language', {
      method: 'PUT',
      headers: { cookie },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(forged.status).toBe(403);
    expect(await session()).toBe('es');

    const unknown = await api('/language', {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'accept-language': 'es' },
      body: JSON.stringify({ language: 'fr' }),
    });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { detail: string }).detail).toContain('«language»');

    const put = await api('/language', {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf },
      body: JSON.stringify({ language: 'en' }),
    });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ language: 'en' });
    expect(await session()).toBe('en');

    const reset = await api('/password-reset/request', {
      method: 'POST',
      body: JSON.stringify({ email }),
    });
    expect(((await reset.json()) as { message: string }).message).toBe(
      'If an account uses that address, we sent it a link to reset the password.',
    );
    expect((await outbox(email)).at(-1)?.subject).toBe('Reset your Shieldwall password');
  });

  it('needs a session', async () => {
    const res = await api('/language', { method: 'PUT', body: JSON.stringify({ language: 'es' }) });
    expect(res.status).toBe(401);
  });
});
