/**
 * The /api/audit routes on a minimal Fastify app with the same validator
 * settings and problem-details error handler as the real server.
 */
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app.js';
import { createEventStreams } from '../http/event-stream.js';
import { sendProblem, toProblem } from '../http/problem.js';
import { nodeSha256 } from './audit-key.js';
import { registerAuditRoutes } from './audit-routes.js';
import {
  fromHex,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  verifyInclusion,
} from './engine/index.js';
import {
  appendMany,
  type LogFixture,
  openSqliteLog,
  removeDir,
} from './test-support/audit-fixture.js';

const hex = (s: string) => fromHex(s) as Uint8Array;

async function buildApp(fx: LogFixture): Promise<App> {
  const app: App = Fastify({
    ajv: { customOptions: { allErrors: false, coerceTypes: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  await app.register(swagger, {
    openapi: { openapi: '3.1.0', info: { title: 't', version: '0' } },
  });
  app.setErrorHandler((err, request, reply) => sendProblem(reply, toProblem(err, request)));
  registerAuditRoutes(app, fx.audit, { eventStream: createEventStreams(app, fx.bus) });
  await app.ready();
  return app;
}

describe('audit routes', () => {
  let fx: LogFixture;
  let app: App;
  beforeAll(async () => {
    fx = await openSqliteLog();
    await appendMany(fx.audit, 12);
    app = await buildApp(fx);
  });
  afterAll(async () => {
    await app.close();
    await fx.close();
    removeDir(fx.dir);
  });

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('serves the checkpoint as a signed note that verifies with the published key', async () => {
    const res = await get('/api/audit/checkpoint');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const key = (await get('/api/audit/public-key')).json<{
      pem: string;
      verifierKey: string;
      origin: string;
    }>();
    expect(key.pem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const parsed = parseVerifierKey(nodeSha256, key.verifierKey);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const verifier = {
      ...parsed.value,
      verify: (m: Uint8Array, s: Uint8Array) => fx.key.verify(m, s),
    };
    const opened = openCheckpoint(res.body, verifier);
    expect(opened.ok && opened.value.size).toBe(12);
  });

  it('serves the checkpoint as JSON on Accept: application/json', async () => {
    const res = await get('/api/audit/checkpoint', { accept: 'application/json' });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json()).toMatchObject({
      size: 12,
      origin: fx.audit.origin,
      text: expect.stringContaining('\n12\n'),
    });
  });

  it('lists entries with defaults and bounds', async () => {
    const all = (await get('/api/audit/entries')).json<{
      entries: { index: number }[];
      treeSize: number;
      next: number | null;
    }>();
    expect(all.entries).toHaveLength(12);
    expect(all).toMatchObject({ treeSize: 12, next: null });
    const page = (await get('/api/audit/entries?from=2&limit=3')).json<{
      entries: { index: number }[];
      next: number;
    }>();
    expect(page.entries.map((e) => e.index)).toEqual([2, 3, 4]);
    expect(page.next).toBe(5);
    for (const bad of ['limit=1001', 'limit=0', 'limit=abc', 'from=-1']) {
      const res = await get(`/api/audit/entries?${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
  });

  it('serves one entry, or a problem', async () => {
    const entry = (await get('/api/audit/entries/3')).json<{
      index: number;
      actor: string;
      canonical: string;
    }>();
    expect(entry).toMatchObject({ index: 3, actor: 'user:3' });
    expect(JSON.parse(entry.canonical)).toMatchObject({ index: 3, v: 1 });
    const missing = await get('/api/audit/entries/99');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'audit_entry_not_found', status: 404 });
    expect((await get('/api/audit/entries/-1')).statusCode).toBe(400);
    expect((await get('/api/audit/entries/1e400')).statusCode).toBe(400);
  });

  it('serves inclusion proofs that verify', async () => {
    const res = await get('/api/audit/proof/inclusion?index=2&treeSize=7');
    expect(res.statusCode).toBe(200);
    const p = res.json<{
      index: number;
      treeSize: number;
      leafHash: string;
      root: string;
      proof: string[];
    }>();
    const input = {
      index: 2,
      size: 7,
      leafHash: hex(p.leafHash),
      proof: p.proof.map(hex),
      root: hex(p.root),
    };
    expect(verifyInclusion(nodeSha256, input).ok).toBe(true);
    expect((await get('/api/audit/proof/inclusion?index=5')).json()).toMatchObject({
      treeSize: 12,
    });
    expect((await get('/api/audit/proof/inclusion')).statusCode).toBe(400);
    expect((await get('/api/audit/proof/inclusion?index=1&treeSize=0')).statusCode).toBe(400);
    expect((await get('/api/audit/proof/inclusion?index=1&treeSize=13')).json()).toMatchObject({
      code: 'audit_range_invalid',
    });
    expect((await get('/api/audit/proof/inclusion?index=12')).json()).toMatchObject({
      code: 'audit_entry_not_found',
    });
  });

  it('serves consistency proofs that verify', async () => {
    const p = (await get('/api/audit/proof/consistency?from=3&to=12')).json<{
      fromRoot: string;
      toRoot: string;
      proof: string[];
    }>();
    const input = {
      fromSize: 3,
      toSize: 12,
      fromRoot: hex(p.fromRoot),
      toRoot: hex(p.toRoot),
      proof: p.proof.map(hex),
    };
    expect(verifyConsistency(nodeSha256, input).ok).toBe(true);
    expect((await get('/api/audit/proof/consistency?from=5&to=3')).json()).toMatchObject({
      code: 'audit_range_invalid',
    });
    expect((await get('/api/audit/proof/consistency?from=1')).statusCode).toBe(400);
  });

  it('documents every route in the OpenAPI document under the audit tag', () => {
    const doc = app.swagger() as { paths: Record<string, { get?: { tags?: string[] } }> };
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/audit'));
    expect(paths.sort()).toEqual([
      '/api/audit/checkpoint',
      '/api/audit/entries',
      '/api/audit/entries/{index}',
      '/api/audit/proof/consistency',
      '/api/audit/proof/inclusion',
      '/api/audit/public-key',
      '/api/audit/stream',
    ]);
    for (const p of paths) expect(doc.paths[p]?.get?.tags).toEqual(['audit']);
  });

  it('streams appended entries as Server-Sent Events', async () => {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const res = await fetch(`${url}/api/audit/stream`, { signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async (until: string) => {
      while (!text.includes(until)) text += decoder.decode((await reader.read()).value);
    };
    await read(': connected');
    const entry = await fx.audit.append({ actor: 'user:sse', action: 'test.stream.sent' });
    await read('event: appended');
    await read(`"index":${entry.index}`);
    expect(text).toContain(
      `data: {"index":${entry.index},"treeSize":${entry.treeSize},"root":"${entry.root}"}`,
    );
    abort.abort();
  });
});
