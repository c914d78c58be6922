/**
 * `shieldwall intel match` through the real program on a temporary data
 * directory: grep-like exit statuses, JSON Lines, standard input, warninglists.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';

const indicator = (n: number, pattern: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: `indicator--${n}e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f`,
  created: '2026-12-05T10:00:00.000Z',
  modified: '2026-12-05T10:00:00.000Z',
  pattern,
  pattern_type: 'stix',
  valid_from: '2026-12-05T10:00:00Z',
  ...extra,
});

describe('shieldwall intel match', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('sw-intel-match-');
    const file = join(dir, 'bundle.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
        objects: [
          indicator(1, "[domain-name:value = 'parcel-fee.example']", { confidence: 90 }),
          indicator(2, "[ipv4-addr:value = '45.137.21.0/24']"),
          indicator(
            3,
            "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
          ),
          // On a warninglist (a public DNS resolver): held, never matched.
          indicator(4, "[ipv4-addr:value = '8.8.8.8']"),
          // Not TLP:CLEAR: never in the public matcher.
          indicator(5, "[domain-name:value = 'amber-only.example']", {
            object_marking_refs: ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'],
          }),
          {
            type: 'vulnerability',
            spec_version: '2.1',
            id: 'vulnerability--6e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
            created: '2026-12-05T10:00:00.000Z',
            modified: '2026-12-05T10:00:00.000Z',
            name: 'PAN-OS GlobalProtect command injection',
            external_references: [{ source_name: 'cve', external_id: 'CVE-2024-3400' }],
          },
        ],
      }),
    );
    const run = await cliOn(dir)('intel', 'import', file);
    expect(run.code).toBe(0);
  });
  afterAll(() => removeDir(dir));

  const shieldwall = (...args: string[]) => cliOn(dir)(...args);

  it('prints each hit with its indicator and source, and exits 1', async () => {
    const run = await shieldwall('intel', 'match', 'https://www.Parcel-Fee.example/pay');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('domain parcel-fee.example');
    expect(run.stdout).toContain('indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
    expect(run.stdout).toContain('confidence 0.90');
    expect(run.stdout).toContain('shared threat intelligence');
  });

  it('finds a CVE that a shared vulnerability names, in any case', async () => {
    const run = await shieldwall('--json', 'intel', 'match', 'cve-2024-3400', 'CVE-2024-9999');
    expect(run.code).toBe(1);
    const [hit, none] = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(hit).toMatchObject({
      kind: 'cve',
      value: 'CVE-2024-3400',
      hits: [{ indicator: 'vulnerability--6e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', type: 'cve' }],
    });
    expect(none).toMatchObject({ kind: 'cve', value: 'CVE-2024-9999', hits: [] });
  });

  it('exits 0 when nothing matches, 2 without values', async () => {
    const none = await shieldwall(
      'intel',
      'match',
      'harmless.example',
      '203.0.113.1',
      'amber-only.example',
    );
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('harmless.example: no match');
    expect(none.stdout).not.toContain('indicator--5');
    expect((await shieldwall('intel', 'match')).code).toBe(2);
  });

  it('writes one JSON Lines record per value, with suppressed hits and their warninglist', async () => {
    const run = await shieldwall(
      '--json',
      'intel',
      'match',
      '45.137.21.23',
      '8.8.8.8',
      'AEC070645FE53EE3B3763059376134F058CC337247C978ADD178B6CCDFB0019F',
      'nonsense',
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      query: '45.137.21.23',
      kind: 'ip',
      hits: [
        {
          indicator: 'indicator--2e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
          value: '45.137.21.0/24',
          via: 'cidr',
        },
      ],
    });
    expect(lines[1]).toMatchObject({
      query: '8.8.8.8',
      hits: [],
      suppressed: [
        {
          indicator: 'indicator--4e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
          warninglist: 'public-dns-v4',
        },
      ],
    });
    expect(lines[2]).toMatchObject({ kind: 'hash', hits: [{ type: 'hash' }] });
    expect(lines[3]).toMatchObject({ query: 'nonsense', kind: null, hits: [] });
  });

  it('reads one value per line from standard input with "-"', async () => {
    const run = await cliOn(dir, {}, 'harmless.example\r\nmail@parcel-fee.example\n\n')(
      '--json',
      'intel',
      'match',
      '-',
    );
    expect(run.code).toBe(1);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; hits: unknown[] });
    expect(lines.map((l) => [l.query, l.hits.length])).toEqual([
      ['harmless.example', 0],
      ['mail@parcel-fee.example', 1],
    ]);
  });

  it('imports a plain list (--format list) whose values then match; again, nothing is duplicated', async () => {
    const list = join(dir, 'iocs.txt');
    writeFileSync(list, '# a plain list\nlisted-shop.example\n185.220.101.0/24\nnot a value\n');
    const first = await shieldwall('--json', 'intel', 'import', list, '--format', 'list');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      added: 2,
      refused: [],
      skipped: [{ line: 4 }],
    });
    const run = await shieldwall(
      'intel',
      'match',
      'https://pay.listed-shop.example/x',
      '185.220.101.7',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('domain listed-shop.example (the link’s host)');
    expect(run.stdout).toContain('ip 185.220.101.0/24 (in the range)');
    const exported = JSON.parse((await shieldwall('intel', 'export')).stdout) as {
      objects: { id: string; name?: string }[];
    };
    const fromList = exported.objects.filter((o) => o.name?.endsWith('(from iocs.txt)'));
    expect(fromList).toHaveLength(2);
    // The same value always gets the same indicator id: a second import makes new versions, not new indicators.
    await shieldwall('intel', 'import', list, '--format', 'list');
    const again = JSON.parse((await shieldwall('intel', 'export')).stdout) as {
      objects: { id: string; name?: string }[];
    };
    expect(
      new Set(again.objects.filter((o) => o.name?.endsWith('(from iocs.txt)')).map((o) => o.id)),
    ).toEqual(new Set(fromList.map((o) => o.id)));
  });
});
