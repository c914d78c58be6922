/**
 * A person with an account, signed in over HTTP the way the web page does it (sign
 * up, sign in): their user id and the headers every later call needs (session cookie,
 * CSRF token, JSON, a client address). For route tests that need a signed-in person
 * rather than an API key — e.g. actions a stolen key must not be able to take. Only
 * the public HTTP API is used, so any module's tests can use it.
 */
import { randomUUID } from 'node:crypto';

export const TEST_PASSWORD = 'Plum-Tractor-Velvet-93';

export interface SignedInPerson {
  readonly userId: string;
  readonly email: string;
  readonly headers: Readonly<Record<string, string>>;
}

let people = 0;

export async function signedInPerson(
  baseUrl: string,
  options: { readonly email?: string; readonly language?: string; readonly ip?: string } = {},
): Promise<SignedInPerson> {
  people += 1;
  const email = options.email ?? `person-${randomUUID().slice(0, 8)}@example.org`;
  const json = {
    'content-type': 'application/json',
    'x-forwarded-for': options.ip ?? `192.0.2.${(people % 250) + 1}`,
    'accept-language': options.language ?? 'en',
  };
  const up = await fetch(`${baseUrl}/api/access/account/sign-up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, display_name: `Person ${people}`, password: TEST_PASSWORD }),
  });
  if (up.status !== 202) throw new Error(`sign-up answered ${up.status}: ${await up.text()}`);
  const signIn = await fetch(`${baseUrl}/api/access/account/sign-in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await signIn.json()) as { user_id: string; csrf_token: string };
  return {
    userId: body.user_id,
    email,
    headers: { ...json, cookie, 'x-csrf-token': body.csrf_token },
  };
}
