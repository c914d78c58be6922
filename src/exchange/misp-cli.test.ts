/**
 * MISP in and out through the real program: `intel import --format misp` of a
 * feed directory and an event file, `intel export --format misp-feed`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';

const EVENT_UUID = '6a1f2b3c-4d5e-4f60-8a7b-8c9d0e1f2a3b';
const event = (tlp: string, domain: string, uuid: string) => ({
  Event: {
    uuid: EVENT_UUID,
    info: 'Fake bank sign-in pages',
    date: '2026-11-30',
    timestamp: '1796000000',
    Orgc: { name: 'Partner CERT', uuid: '1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d' },
    Tag: [{ name: tlp }],
    Attribute: [
      { uuid, type: 'domain', value: domain, to_ids: true, timestamp: '1796000000' },
      {
        uuid: '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f',
        type: 'btc',
        value: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
        to_ids: true,
      },
    ],
  },
});

describe('shieldwall intel with MISP', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir('sw-misp-');
    expect((await cliOn(dir)('admin', 'org', 'create', 'Partner CERT', '--tier', '2')).code).toBe(
      0,
    );
  });
  afterAll(() => removeDir(dir));
  const shieldwall = (...args: string[]) => cliOn(dir)(...args);

  it('imports a MISP feed directory and an event file, saying what had no STIX form', async () => {
    const feed = join(dir, 'feed');
    mkdirSync(feed);
    writeFileSync(join(feed, 'manifest.json'), JSON.stringify({ [EVENT_UUID]: { info: 'x' } }));
    writeFileSync(
      join(feed, `${EVENT_UUID}.json`),
      JSON.stringify(
        event('tlp:white', 'secure-bank-login.example', '2b2b2b2b-2b2b-4b2b-8b2b-2b2b2b2b2b2b'),
      ),
    );
    const run = await shieldwall('--json', 'intel', 'import', '--format', 'misp', feed);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      events: number;
      added: number;
      skipped: { type: string }[];
    };
    expect(result.events).toBe(1);
    // identity + indicator + report
    expect(result.added).toBe(3);
    expect(result.skipped.map((s) => s.type)).toEqual(['btc']);

    const file = join(dir, 'event.json');
    writeFileSync(
      file,
      JSON.stringify({
        response: [
          event('tlp:amber', 'internal-only.example', '3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c'),
          { Event: { info: 'no uuid' } },
        ],
      }),
    );
    const second = await shieldwall(
      'intel',
      'import',
      '--format',
      'misp',
      '--org',
      'Partner CERT',
      file,
    );
    // The event without a uuid is refused (exit 1); the other still goes in.
    expect(second.code).toBe(1);
    expect(second.stdout).toContain('the MISP event has no valid uuid');
    // The same event uuid and timestamp: its author and report are the versions already stored.
    expect(second.stdout).toContain(
      '1 MISP event converted: 1 objects added, 2 already there, 1 refused',
    );
  });

  it('exports a MISP feed with only TLP:CLEAR unless asked, and updates the same event the next time', async () => {
    const out = join(dir, 'out-feed');
    const run = await shieldwall(
      '--json',
      'intel',
      'export',
      '--format',
      'misp-feed',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { event: string; exported: number; withheld: number };
    expect(result.exported).toBe(1);
    expect(result.withheld).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(Object.keys(manifest)).toEqual([result.event]);
    const written = JSON.parse(readFileSync(join(out, `${result.event}.json`), 'utf8')) as {
      Event: { Attribute: { type: string; value: string }[] };
    };
    expect(written.Event.Attribute.map((a) => a.value)).toEqual(['secure-bank-login.example']);
    expect(readFileSync(join(out, 'hashes.csv'), 'utf8').trim().split('\n')).toHaveLength(1);

    const all = JSON.parse(
      (
        await shieldwall(
          '--json',
          'intel',
          'export',
          '--format',
          'misp-feed',
          '--out',
          out,
          '--max-tlp',
          'amber',
        )
      ).stdout,
    ) as { event: string; exported: number };
    // What anyone may read: the AMBER event stays with its audience even when AMBER is allowed in the feed.
    expect(all.exported).toBe(1);
    const partner = JSON.parse(
      (
        await shieldwall(
          '--json',
          'intel',
          'export',
          '--format',
          'misp-feed',
          '--out',
          out,
          '--max-tlp',
          'amber',
          '--as-org',
          'Partner CERT',
        )
      ).stdout,
    ) as { event: string; exported: number };
    expect(partner.event).toBe(result.event);
    expect(partner.exported).toBe(2);
  });

  it('asks for --out and refuses standard input for MISP (exit 2)', async () => {
    expect((await shieldwall('intel', 'export', '--format', 'misp-feed')).code).toBe(2);
    expect((await shieldwall('intel', 'import', '--format', 'misp', '-')).code).toBe(2);
    expect((await shieldwall('intel', 'import', '--format', 'misp', join(dir, 'nope'))).code).toBe(
      2,
    );
  });
});
