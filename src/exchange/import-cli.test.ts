/**
 * `shieldwall intel import FILE...` through the real program: the format told from each file's
 * content, several files in one run (a line each), and nothing imported when one file is wrong.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';
import { formatOfHead } from './import-cli.js';

describe('the format of an import file, from its start', () => {
  it('tells a STIX bundle, MISP events and a plain list apart', () => {
    expect(formatOfHead('{"type": "bundle", "id": "bundle--1", "objects": []}')).toBe('stix');
    expect(formatOfHead('\uFEFF\n  {\n "objects": [], "type": "bundle"}')).toBe('stix');
    expect(formatOfHead('{"Event": {"uuid": "x", "Attribute": []}}')).toBe('misp');
    expect(formatOfHead('{"response": [{"Event": {}}]}')).toBe('misp');
    expect(formatOfHead('[{"Event": {}}]')).toBe('misp');
    expect(formatOfHead('# my list\nevil.example\n10.0.0.0/8\n')).toBe('list');
    expect(formatOfHead('value,comment\nevil.example,phishing\n')).toBe('list');
    expect(formatOfHead('')).toBe('list');
  });

  it('reads a bundle as STIX even when an object in it has a property named Event or response', () => {
    const early = '{"type": "bundle", "objects": [{"type": "note", "x_src": {"Event": 1}}]}';
    expect(formatOfHead(early)).toBe('stix');
    const late = '{"objects": [{"type": "note", "x_reply": {"response": 1}}], "type" :\n "bundle"}';
    expect(formatOfHead(late)).toBe('stix');
  });
});

describe('shieldwall intel import FILE...', () => {
  let dir = '';
  let bundle = '';
  let misp = '';
  let list = '';
  afterAll(() => removeDir(dir));
  const shieldwall = (...args: string[]) => cliOn(dir)(...args);
  const matches = async (value: string) => (await shieldwall('intel', 'match', value)).code === 1;

  beforeAll(() => {
    dir = tempDir('sw-import-');
    bundle = join(dir, 'bundle.json');
    misp = join(dir, 'event.json');
    list = join(dir, 'list.txt');
    writeFileSync(
      bundle,
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
        objects: [
          {
            type: 'indicator',
            spec_version: '2.1',
            id: 'indicator--1e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
            created: '2026-12-05T10:00:00.000Z',
            modified: '2026-12-05T10:00:00.000Z',
            pattern: "[domain-name:value = 'bundle-shop.example']",
            pattern_type: 'stix',
            valid_from: '2026-12-05T10:00:00Z',
          },
        ],
      }),
    );
    writeFileSync(
      misp,
      JSON.stringify({
        Event: {
          uuid: '7a1f2b3c-4d5e-4f60-8a7b-8c9d0e1f2a3b',
          info: 'Fake parcel pages',
          date: '2026-11-30',
          timestamp: '1796000000',
          Orgc: { name: 'Partner CERT', uuid: '1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d' },
          Tag: [{ name: 'tlp:clear' }],
          Attribute: [
            {
              uuid: '3c3c3c3c-3c3c-4c3c-8c3c-3c3c3c3c3c3c',
              type: 'domain',
              value: 'misp-parcel.example',
              to_ids: true,
              timestamp: '1796000000',
            },
          ],
        },
      }),
    );
    writeFileSync(list, '# from a partner\nlisted-parcel.example\n');
  });

  it('refuses the whole run when one file cannot be read: nothing is imported', async () => {
    const run = await shieldwall('intel', 'import', list, join(dir, 'missing.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.json');
    expect(await matches('listed-parcel.example')).toBe(false);
  });

  it('imports a bundle, a MISP event and a plain list in one run, a JSON line each', async () => {
    const run = await shieldwall('--json', 'intel', 'import', bundle, misp, list);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; format: string; added: number });
    expect(lines.map((l) => [l.file, l.format, l.added])).toEqual([
      [bundle, 'stix', 1],
      [misp, 'misp', 3], // the event's organization, the event and its indicator
      [list, 'list', 1],
    ]);
    for (const value of ['bundle-shop.example', 'misp-parcel.example', 'listed-parcel.example'])
      expect(await matches(`https://${value}/pay`), value).toBe(true);
    // In words, one line per file naming it; one file alone prints as it always did.
    // (a list's values get a new version at each import; a bundle's objects are already there).
    const words = await shieldwall('intel', 'import', list, bundle);
    expect(words.stdout).toMatch(
      /^\S*list\.txt: 1 added, 0 already there, 0 refused, 0 lines skipped\n\S*bundle\.json: 0 added, 1 already there, 0 refused\n$/,
    );
    expect((await shieldwall('intel', 'import', bundle)).stdout).toBe(
      '0 added, 1 already there, 0 refused\n',
    );
  });

  it('reads a directory as a MISP feed without --format', async () => {
    const feed = join(dir, 'feed');
    mkdirSync(feed);
    const event = JSON.parse(readFileSync(misp, 'utf8')) as {
      Event: { uuid: string; Attribute: [{ value: string; uuid: string }] };
    };
    event.Event.uuid = '5e5e5e5e-1111-4222-8333-444455556666';
    Object.assign(event.Event.Attribute[0], {
      value: 'feed-parcel.example',
      uuid: '5e5e5e5e-7777-4888-8999-aaaabbbbcccc',
    });
    writeFileSync(join(feed, 'manifest.json'), JSON.stringify({ [event.Event.uuid]: {} }));
    writeFileSync(join(feed, `${event.Event.uuid}.json`), JSON.stringify(event));
    const run = await shieldwall('--json', 'intel', 'import', feed);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ events: 1, added: 2 }); // the organization was already there
    expect(await matches('https://feed-parcel.example/pay')).toBe(true);
  });

  it('reads standard input once, as a list or a bundle, never as MISP', async () => {
    const fromStdin = await cliOn(dir, {}, 'stdin-parcel.example\n')('intel', 'import', '-');
    expect(fromStdin.code).toBe(0);
    expect(await matches('stdin-parcel.example')).toBe(true);
    expect((await shieldwall('intel', 'import', '-', '-')).code).toBe(2);
    expect((await shieldwall('intel', 'import', '--format', 'misp', '-')).code).toBe(2);
  });
});
