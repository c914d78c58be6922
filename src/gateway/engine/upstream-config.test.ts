import { describe, expect, it } from 'vitest';
import { candidatesFor, modelsForTier, tierAllowsModel } from './model-routing.js';
import { parseGatewayConfig } from './upstream-config.js';

const doc = {
  version: 1,
  upstreams: [
    { name: 'a', base_url: 'http://a.local/v1', api_key_env: 'A_KEY', models: ['shared'] },
    { name: 'b', base_url: 'https://b.example/v1/', timeout_ms: 5000, retries: 0 },
    { name: 'c', base_url: 'http://c.local/v1', models: '*' },
  ],
  routes: [
    { model: 'defender-small', tiers: '0-1', upstream: 'a', upstream_model: 'llama3.2:3b' },
    { model: 'defender-small', tiers: 3, upstream: 'b', upstream_model: 'big-cyber' },
    { model: 'defender-small', tiers: '0-1', upstream: 'b', upstream_model: 'small-b' },
  ],
};

describe('gateway config', () => {
  it('parses upstreams and routes', () => {
    const r = parseGatewayConfig(doc);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.config.upstreams.map((u) => [u.name, u.baseUrl, u.timeoutMs, u.retries])).toEqual([
      ['a', 'http://a.local/v1', 60_000, 1],
      ['b', 'https://b.example/v1', 5000, 0],
      ['c', 'http://c.local/v1', 60_000, 1],
    ]);
    expect(r.config.upstreams[2]?.models).toBe('all');
    expect(r.config.routes[1]).toMatchObject({
      minTier: 3,
      maxTier: 3,
      upstreamModel: 'big-cyber',
    });
  });

  it('refuses keys in the file, credentials in URLs, unknown upstreams, each with its path', () => {
    const r = parseGatewayConfig({
      version: 1,
      upstreams: [
        { name: 'a', base_url: 'http://user:pw@a.local/v1', api_key: 'sk-123' },
        { name: 'a', base_url: 'ftp://x' },
      ],
      routes: [{ model: 'm', upstream: 'nope', tiers: '3-1' }],
    });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/upstreams/0/api_key',
        '/upstreams/0/base_url',
        '/upstreams/1/name',
        '/upstreams/1/base_url',
        '/routes/0/upstream',
        '/routes/0/tiers',
      ]),
    );
  });
});

describe('model routing', () => {
  const r = parseGatewayConfig(doc);
  if (!r.ok) throw new Error('bad fixture');
  const config = r.config;
  const discovered = new Map([['c', new Set(['general', 'defender-small'])]]);

  it('puts routes for the tier first, in file order, then upstreams serving the name', () => {
    expect(
      candidatesFor(config, 'defender-small', 1, discovered).map((c) => [c.upstream.name, c.model]),
    ).toEqual([
      ['a', 'llama3.2:3b'],
      ['b', 'small-b'],
      ['c', 'defender-small'],
    ]);
    expect(
      candidatesFor(config, 'defender-small', 3, discovered).map((c) => [c.upstream.name, c.model]),
    ).toEqual([
      ['b', 'big-cyber'],
      ['c', 'defender-small'],
    ]);
    expect(candidatesFor(config, 'shared', 0, discovered).map((c) => c.upstream.name)).toEqual([
      'a',
    ]);
    expect(candidatesFor(config, 'unknown', 0, discovered)).toEqual([]);
  });

  it('tries an `all` upstream whose list could not be read', () => {
    expect(candidatesFor(config, 'anything', 0, new Map()).map((c) => c.upstream.name)).toEqual([
      'c',
    ]);
  });

  it('lists for a tier only what its model list allows', () => {
    expect(modelsForTier(config, 1, ['defender-small'], discovered)).toEqual(['defender-small']);
    expect(modelsForTier(config, 3, ['*'], discovered)).toEqual([
      'defender-small',
      'general',
      'shared',
    ]);
    expect(modelsForTier(config, 0, [], discovered)).toEqual([]);
    expect(tierAllowsModel(['*'], 'x')).toBe(true);
    expect(tierAllowsModel(['a'], 'x')).toBe(false);
  });
});
