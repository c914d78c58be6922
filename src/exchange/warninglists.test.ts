/**
 * The warninglists shipped in models/ (built from the MISP warninglists by
 * scripts/build-warninglists.ts): they load without ../shared, hold what the
 * matcher needs, and are what the build script makes of the source lists.
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadWarninglists, onWarninglist, WARNINGLISTS_FILE } from './warninglists.js';

const SOURCE = join(import.meta.dirname, '../../../shared/data/intel/misp-warninglists');

describe('shipped warninglists', () => {
  it('load from models/ and name the list that holds a value', () => {
    const { index } = loadWarninglists();
    expect(index.lists.map((l) => l.name)).toEqual(
      expect.arrayContaining([
        'tranco10k',
        'public-dns-v4',
        'amazon-aws',
        'google-gcp',
        'cloudflare',
        'empty-hashes',
      ]),
    );
    expect(onWarninglist('8.8.8.8')?.list).toBe('public-dns-v4');
    expect(onWarninglist('www.google.com')).not.toBeNull();
    expect(onWarninglist('https://www.google.com/')).not.toBeNull();
    expect(onWarninglist('https://sites.google.com/view/phish')).toBeNull();
    expect(onWarninglist('d41d8cd98f00b204e9800998ecf8427e')?.list).toBe('empty-hashes');
    expect(onWarninglist('10.20.30.40')?.list).toBe('rfc1918');
    expect(onWarninglist('parcel-fee-evil.example')).toBeNull();
    expect(onWarninglist('not a value')).toBeNull();
    expect(onWarninglist('github.com', 'domain')).not.toBeNull();
  });

  it('know the public suffixes, including private ones', () => {
    const { isPublicSuffix } = loadWarninglists();
    for (const s of ['com', 'co.uk', 'github.io', 'com.br']) expect(isPublicSuffix(s)).toBe(true);
    for (const s of ['bbc.co.uk', 'evil.github.io', 'example.com'])
      expect(isPublicSuffix(s)).toBe(false);
    expect(onWarninglist('evil.github.io')).toBeNull();
  });

  it.skipIf(!existsSync(SOURCE))(
    'are what the build script makes of the MISP lists',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'sw-warninglists-'));
      try {
        const out = join(dir, 'w.txt.gz');
        execFileSync(
          process.execPath,
          ['--import', 'tsx', 'scripts/build-warninglists.ts', `--from=${SOURCE}`, `--out=${out}`],
          {
            cwd: join(import.meta.dirname, '../..'),
          },
        );
        expect(gunzipSync(readFileSync(out)).toString('utf8')).toBe(
          gunzipSync(readFileSync(WARNINGLISTS_FILE)).toString('utf8'),
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
