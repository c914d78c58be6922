import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBundle } from './bundle-shape.js';
import { buildStatement, diffManifests, parseStatement, rootDigest } from './oms-statement.js';
import { pae } from './pae.js';
import { compareResourceNames, isIgnored, isSafeRelativePath } from './path-rules.js';

const sha256 = (d: Uint8Array) => createHash('sha256').update(d).digest();
const hex = (s: string) => createHash('sha256').update(s).digest('hex');

describe('pae', () => {
  it('matches the DSSE v1.0 example', () => {
    // From the DSSE protocol document: PAE("http://example.com/HelloWorld", "hello world").
    const out = Buffer.from(
      pae('http://example.com/HelloWorld', Buffer.from('hello world')),
    ).toString();
    expect(out).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });
});

describe('path rules', () => {
  it('accepts plain relative paths and refuses escapes', () => {
    for (const ok of ['a', 'a/b.bin', '.', 'x:y']) expect(isSafeRelativePath(ok)).toBe(true);
    for (const bad of ['', '..', '../a', 'a/..', '/a', 'a//b', 'a/./b', 'a\\b', 'a\0b'])
      expect(isSafeRelativePath(bad)).toBe(false);
  });
  it('ignores a directory and everything below it, not its prefix siblings', () => {
    expect(isIgnored('.git/config', ['.git'])).toBe(true);
    expect(isIgnored('.gitignore', ['.git'])).toBe(false);
  });
  it('orders by path components, then shard offsets numerically', () => {
    const names = ['a-b', 'a/b', 'a:10:20', 'a:2:10'];
    expect([...names].sort((x, y) => compareResourceNames(x, y, false))).toEqual([
      'a/b',
      'a-b',
      'a:10:20',
      'a:2:10',
    ]);
    const shards = ['w:10:20', 'w:2:10', 'w:0:2'];
    expect([...shards].sort((x, y) => compareResourceNames(x, y, true))).toEqual([
      'w:0:2',
      'w:2:10',
      'w:10:20',
    ]);
  });
});

describe('statements', () => {
  const manifest = {
    modelName: 'm',
    serialization: {
      method: 'files',
      hash_type: 'sha256',
      allow_symlinks: false,
      ignore_paths: [],
    },
    resources: [
      { name: 'b', algorithm: 'sha256', digest: hex('b') },
      { name: 'a', algorithm: 'sha256', digest: hex('a') },
    ],
  } as const;

  it('build then parse round-trips, sorted, with the subject digest over the digests', () => {
    const st = buildStatement(manifest, sha256);
    const parsed = parseStatement(JSON.parse(JSON.stringify(st)), sha256);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.manifest.resources.map((r) => r.name)).toEqual(['a', 'b']);
    expect((st.subject as { digest: { sha256: string } }[])[0]?.digest.sha256).toBe(
      rootDigest(parsed.manifest.resources, sha256),
    );
  });

  it('diffs at file level', () => {
    const local = {
      ...manifest,
      resources: [
        { name: 'a', algorithm: 'sha256', digest: hex('A') },
        { name: 'c', algorithm: 'sha256', digest: hex('c') },
      ],
    } as const;
    expect(diffManifests(manifest, local)).toEqual({
      modified: ['a'],
      added: ['c'],
      removed: ['b'],
    });
  });

  it('never throws on hostile statements or bundles', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        parseStatement(v, sha256);
        parseBundle(v);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
