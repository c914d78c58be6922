import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../platform/logger.js';
import { createUpstreamSource, DEFAULT_UPSTREAM, readGatewayText } from './upstream-source.js';

const logger = pino({ level: 'silent' }) as unknown as Logger;
const file = (text: string) => {
  const f = join(mkdtempSync(join(tmpdir(), 'sw-gw-src-')), 'gateway.yaml');
  writeFileSync(f, text);
  return f;
};
const one = (name: string) =>
  `version: 1\nupstreams:\n  - { name: ${name}, base_url: "http://${name}.local/v1", api_key_env: KEY_${name.toUpperCase()}, models: [m] }\n`;

describe('upstream source', () => {
  it('reloads the file when it changes, and keeps the last good one when an edit is broken', async () => {
    const f = file(one('a'));
    const src = createUpstreamSource({
      file: f,
      env: { KEY_A: 'ka', KEY_B: 'kb' },
      client: { listModels: async () => undefined },
      logger,
      pollMs: 20,
    });
    try {
      const names = () => src.config().upstreams.map((u) => u.name);
      expect(names()).toEqual(['a']);
      expect(src.apiKey(src.config().upstreams[0] as never)).toBe('ka');
      writeFileSync(f, one('b'));
      for (let i = 0; i < 100 && names()[0] !== 'b'; i++) await sleep(20);
      expect(names()).toEqual(['b']);
      expect(src.apiKey(src.config().upstreams[0] as never)).toBe('kb');
      writeFileSync(f, 'version: 1\nupstreams:\n  - { name: Bad Name }\n');
      await sleep(200);
      expect(names()).toEqual(['b']);
    } finally {
      src.close();
    }
  });

  it('adds upstreamUrl as the `default` upstream serving what it lists, with upstreamKey', async () => {
    const src = createUpstreamSource({
      url: 'http://127.0.0.1:9/v1',
      key: 'secret',
      env: {},
      client: { listModels: async () => ['x', 'y'] },
      logger,
    });
    try {
      await src.refresh();
      const [u] = src.config().upstreams;
      expect(u?.name).toBe(DEFAULT_UPSTREAM);
      expect(u?.models).toBe('all');
      expect(src.apiKey(u as never)).toBe('secret');
      expect([...(src.discovered().get(DEFAULT_UPSTREAM) ?? [])]).toEqual(['x', 'y']);
    } finally {
      src.close();
    }
  });

  it('refuses a file with aliases or mistakes, saying where', () => {
    expect(() => readGatewayText('version: 1\nupstreams: &a []\nroutes: *a\n')).toThrow(/YAML/);
    expect(() => readGatewayText('version: 2\nupstreams: []\n')).toThrow(/\/version/);
  });
});
