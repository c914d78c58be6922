/**
 * The security bar for every /api/access route, found from the OpenAPI document
 * rather than listed by hand (a new route cannot be forgotten): with no
 * credentials, a revoked API key or a forged session cookie, every route that
 * needs someone signed in answers 401; with a real session but no CSRF token,
 * every state-changing one answers 403 csrf_failed; and nothing in the access
 * tables changes. Request bodies are generated from each route's own schema,
 * so validation (400) is not what answers.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../platform/test-support/test-server.js';
import { type Access, accessForPlatform } from './access-service.js';

/** Routes anyone may call: signing up and in, and links from mail. */
const PUBLIC = new Set([
  'GET /api/access/tiers',
  'POST /api/access/account/sign-up',
  'POST /api/access/account/verify-email',
  'POST /api/access/account/sign-in',
  'POST /api/access/account/sign-in/second-factor',
  'POST /api/access/account/password-reset/request',
  'POST /api/access/account/password-reset/complete',
  'POST /api/access/account/recovery/start',
  'POST /api/access/account/recovery/confirm',
  'POST /api/access/account/recovery/complete',
  'POST /api/access/account/trusted-contact/stop',
  'POST /api/access/passkeys/sign-in/options',
  'POST /api/access/passkeys/sign-in',
  // Signing out without a session only clears the cookie (204): nothing to refuse.
  'POST /api/access/account/sign-out',
]);

type Schema = Record<string, unknown>;

/** A sample that satisfies each string pattern our schemas use. */
const SAMPLES: Record<string, () => string> = {
  '^[A-Za-z0-9_-]{16,64}$': () => 'a'.repeat(32),
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$': () => randomUUID(),
  '^[A-Za-z0-9_-]+$': () => 'abcdef'.repeat(10),
  '^[a-z][a-z0-9.:*-]*$': () => 'scam.check',
  '^sw_live_[0-9A-Za-z]{12}$': () => `sw_live_${'a'.repeat(12)}`,
  '^[A-Za-z0-9_-]{43}$': () => 'a'.repeat(43),
  '^[0-9a-f]{64}$': () => '0'.repeat(64),
  '^[A-Za-z0-9_-]+={0,2}$': () => 'abcd',
};

/** The smallest value a JSON Schema accepts (enough for the schemas TypeBox writes). */
function sample(schema: Schema | undefined, name = ''): unknown {
  if (schema === undefined) return undefined;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const)
    if (Array.isArray(schema[key])) return sample((schema[key] as Schema[])[0], name);
  if (Array.isArray(schema.allOf))
    return Object.assign({}, ...(schema.allOf as Schema[]).map((s) => sample(s, name) as object));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const out: Record<string, unknown> = {};
      for (const key of (schema.required ?? []) as string[]) out[key] = sample(props[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: Number(schema.minItems ?? 0) }, () =>
        sample(schema.items as Schema),
      );
    case 'integer':
    case 'number':
      return Number(schema.minimum ?? 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default: {
      const pattern = schema.pattern as string | undefined;
      if (pattern !== undefined) {
        const make = SAMPLES[pattern];
        if (make === undefined)
          throw new Error(`no sample for the pattern ${pattern} (${name}): add one`);
        return make();
      }
      if (schema.format === 'date-time') return new Date().toISOString();
      if (/email/.test(name)) return 'nobody@example.org';
      return 'x'.repeat(Math.max(Number(schema.minLength ?? 1), 12));
    }
  }
}

interface Route {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

describe('every /api/access route', () => {
  let server: TestServer;
  let access: Access;
  let routes: Route[] = [];
  let revokedKey: string;
  let session: string;
  let n = 0;

  const call = (r: Route, headers: Record<string, string>) => {
    n += 1;
    const withBody = r.body !== undefined;
    return fetch(`${server.url}${r.path}`, {
      method: r.method,
      headers: {
        'x-forwarded-for': `100.64.${Math.floor(n / 250)}.${n % 250}`,
        ...(withBody ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(withBody ? { body: JSON.stringify(r.body) } : {}),
    });
  };
  const snapshot = async () => {
    const db = server.platform.store.db<Record<string, Record<string, unknown>>>();
    const out: string[] = [];
    for (const t of [
      'access_user',
      'access_org',
      'access_member',
      'access_tier_grant',
      'access_invitation',
      'access_passkey',
      'access_trusted_contact',
      'access_recovery',
      'access_verification_request',
      'access_verification_evidence',
    ])
      out.push(JSON.stringify(await db.selectFrom(t).selectAll().execute()));
    const keys = await db.selectFrom('access_api_key').selectAll().execute();
    out.push(JSON.stringify(keys.map(({ last_used_at: _, ...k }) => k)));
    return out.join('\n');
  };

  beforeAll(async () => {
    server = await startTestServer({ env: { SHIELDWALL_TRUST_PROXY: 'true' } });
    access = accessForPlatform(server.platform);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody?: { content?: Record<string, { schema?: Schema }> };
            parameters?: { in: string; name: string; schema?: Schema }[];
          }
        >
      >;
    };
    for (const [template, ops] of Object.entries(doc.paths)) {
      if (!template.startsWith('/api/access/')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const params = new Map(
          (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => [p.name, p.schema]),
        );
        const path = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
          encodeURIComponent(String(sample(params.get(name), name))),
        );
        const query = (op.parameters ?? []).filter(
          (p) => p.in === 'query' && (p as { required?: boolean }).required,
        );
        const qs = query
          .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name)))}`)
          .join('&');
        routes.push({
          method: method.toUpperCase(),
          path: qs === '' ? path : `${path}?${qs}`,
          body: sample(op.requestBody?.content?.['application/json']?.schema),
        });
      }
    }
    // A revoked key of a verified organization, and a real session without its CSRF token.
    const org = await access.directory.createOrg({ name: 'Gatekeepers', tier: 2 }, { id: 'test' });
    const created = await access.keys.create(
      { owner: { type: 'org', id: org.id } },
      { id: 'test' },
    );
    await access.keys.revoke(created.info.id, 'test', { id: 'test' });
    revokedKey = created.key;
    await fetch(`${server.url}/api/access/account/sign-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'pat@example.org',
        display_name: 'Pat',
        password: 'harbor lantern quilt 27',
      }),
    });
    const signIn = await fetch(`${server.url}/api/access/account/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pat@example.org', password: 'harbor lantern quilt 27' }),
    });
    session = /sw_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1] as string;
    routes = routes.filter((r) => r.method !== 'HEAD');
  });
  afterAll(async () => {
    await access?.close();
    await server?.close();
  });

  it('found the routes and a session to test with', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(session).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('refuses no credentials, a revoked key and a forged cookie with 401 on every non-public route, changing nothing', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path.replace(/\?.*$/, '')}`;
      const template = [...PUBLIC].some((p) => p === key);
      for (const [what, headers] of [
        ['no credentials', {}],
        ['revoked key', { authorization: `Bearer ${revokedKey}` }],
        ['forged cookie', { cookie: `sw_session=${'F'.repeat(43)}` }],
      ] as const) {
        const res = await call(r, headers);
        if (template) {
          if (res.status >= 500) wrong.push(`${key} (${what}): ${res.status}`);
        } else if (res.status !== 401)
          wrong.push(`${key} (${what}): ${res.status} ${(await res.text()).slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a real session without its CSRF token on every state-changing route (403 csrf_failed)', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.path.replace(/\?.*$/, '')}`;
      if (r.method === 'GET' || PUBLIC.has(key)) continue;
      const res = await call(r, { cookie: `sw_session=${session}` });
      const body = (await res.json().catch(() => ({}))) as { code?: string };
      if (res.status !== 403 || body.code !== 'csrf_failed')
        wrong.push(`${key}: ${res.status} ${body.code}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toBe(before);
  });
});
