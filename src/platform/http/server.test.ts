import { request as httpRequest } from 'node:http';
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../../modules.js';
import type { ShieldwallModule } from '../module.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';

/** A module that exists only in this test, to exercise the server's edges with real routes. */
function edgeModule(slow: { release?: () => void; started?: () => void }): ShieldwallModule {
  return {
    id: 'edge',
    title: 'Edge test',
    summary: 'test routes',
    routes(app) {
      app.post(
        '/api/echo',
        {
          schema: {
            body: Type.Object(
              { name: Type.String({ maxLength: 20 }), n: Type.Integer() },
              { additionalProperties: false },
            ),
          },
        },
        async (request) => ({ hello: request.body.name, n: request.body.n }),
      );
      app.get('/api/slow', async () => {
        await new Promise<void>((resolve) => {
          slow.release = resolve;
          slow.started?.();
        });
        return { finished: true };
      });
      app.get('/api/boom', async () => {
        throw new Error('secret internal detail at /srv/x.ts:12');
      });
    },
  };
}

describe('HTTP server', () => {
  let server: TestServer;
  const slow: { release?: () => void; started?: () => void } = {};
  beforeAll(async () => {
    server = await startTestServer({ modules: [...modules, edgeModule(slow)] });
  });
  afterAll(async () => {
    await server.close();
  });
  const url = (path: string) => `${server.url}${path}`;

  it('answers /healthz and /readyz with every check', async () => {
    expect(await (await fetch(url('/healthz'))).json()).toEqual({ status: 'ok' });
    const ready = await fetch(url('/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { migrations: 'ok', store: 'ok', bus: 'ok', limiter: 'ok' },
    });
  });

  it('exposes Prometheus metrics that count requests by route', async () => {
    await fetch(url('/healthz'));
    const res = await fetch(url('/metrics'));
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(
      /shieldwall_http_requests_total\{[^}]*route="\/healthz"[^}]*status="200"[^}]*\} \d+/,
    );
    expect(text).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await fetch(url('/api/openapi.json'))).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/api/modules', '/api/echo']),
    );
    expect(doc.paths['/api/echo']?.post).toMatchObject({
      requestBody: { content: { 'application/json': {} } },
    });
  });

  it('sends security headers and a request id', async () => {
    const res = await fetch(url('/healthz'), { headers: { 'x-request-id': 'trace-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc.123');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    // A hostile request id is replaced, not echoed into logs and headers.
    const bad = await fetch(url('/healthz'), { headers: { 'x-request-id': 'x'.repeat(500) } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a valid body', async () => {
    const res = await fetch(url('/api/echo'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada', n: 3 }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ hello: 'Ada', n: 3 });
  });

  const problemCases: [string, RequestInit & { path?: string }, number, string][] = [
    [
      'malformed JSON',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": "Ada",' },
      400,
      'malformed_json',
    ],
    [
      'wrong content type',
      { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b' },
      415,
      'unsupported_media_type',
    ],
    [
      'a body that breaks the schema',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Ada', n: 'x', extra: 1 }),
      },
      400,
      'validation_failed',
    ],
    [
      'an oversized body',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), n: 1 }),
      },
      413,
      'body_too_large',
    ],
    ['an unknown API route', { method: 'GET', path: '/api/nothing-here' }, 404, 'not_found'],
    ['an unknown method', { method: 'DELETE', path: '/healthz' }, 404, 'not_found'],
  ];
  it.each(problemCases)('answers %s with problem details', async (_name, init, status, code) => {
    const res = await fetch(url(init.path ?? '/api/echo'), init);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status, code, type: `urn:shieldwall:error:${code}` });
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
    expect(String(body.detail).length).toBeGreaterThan(10);
    // ... and keeps serving.
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });

  it('names the fields that failed validation', async () => {
    const res = await fetch(url('/api/echo'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ada' }),
    });
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toContain('body/n');
  });

  it('never sends internal error details to clients', async () => {
    const res = await fetch(url('/api/boom'));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toContain('.ts:');
    expect(JSON.parse(text)).toMatchObject({ code: 'internal' });
  });

  it('lists installed modules for the web navigation', async () => {
    const list = (await (await fetch(url('/api/modules'))).json()) as { id: string }[];
    expect(list.map((m) => m.id)).toContain('audit');
  });

  it('drains in-flight requests on shutdown and refuses new ones', async () => {
    const local = await startTestServer({ modules: [edgeModule(slow)] });
    const started = new Promise<void>((resolve) => {
      slow.started = resolve;
    });
    const inFlight = get(`${local.url}/api/slow`);
    await started;
    const stopping = local.server.shutdown('test');
    await new Promise((r) => setTimeout(r, 100));
    // The listener is closed: a new connection is refused while the old request still runs.
    await expect(get(`${local.url}/healthz`)).rejects.toThrow(
      /ECONNREFUSED|ECONNRESET|socket hang up/,
    );
    slow.release?.();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ finished: true });
    expect(await stopping).toEqual({ clean: true });
    await local.close();
  });
});

/** A plain http GET on a fresh connection (fetch would reuse a keep-alive socket). */
function get(target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(target, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
