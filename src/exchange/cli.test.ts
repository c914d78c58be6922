/**
 * `shieldwall intel` through the real program on a temporary data directory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';

describe('shieldwall intel', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('sw-intel-');
  });
  afterAll(() => removeDir(dir));

  const shieldwall = (...args: string[]) => cliOn(dir)(...args);

  const indicator = (id: string, pattern: string) => ({
    type: 'indicator',
    spec_version: '2.1',
    id,
    created: '2026-12-05T10:00:00.000Z',
    modified: '2026-12-05T10:00:00.000Z',
    pattern,
    pattern_type: 'stix',
    valid_from: '2026-12-05T10:00:00Z',
  });

  it('imports a bundle, lists refused objects with exit 1, and exports what went in', async () => {
    const file = join(dir, 'bundle.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'bundle',
        id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
        objects: [
          indicator(
            'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
            "[url:value = 'https://parcel-fee.example/pay']",
          ),
          indicator(
            'indicator--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
            "[url:value = 'unterminated]",
          ),
        ],
      }),
    );
    const run = await shieldwall('--json', 'intel', 'import', file);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      added: number;
      refused: { id: string; message: string }[];
    };
    expect(result.added).toBe(1);
    expect(result.refused).toEqual([
      {
        id: 'indicator--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        message: expect.stringContaining('not a valid STIX pattern'),
      },
    ]);
    const again = await shieldwall('intel', 'import', file);
    expect(again.stdout).toContain('0 added, 1 already there, 1 refused');
    const exported = JSON.parse((await shieldwall('intel', 'export')).stdout) as {
      type: string;
      objects: { id: string }[];
    };
    expect(exported.type).toBe('bundle');
    expect(exported.objects.map((o) => o.id)).toEqual([
      'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
    ]);
  });

  it('wrong input is a usage error (exit 2)', async () => {
    const notBundle = join(dir, 'not-bundle.json');
    writeFileSync(notBundle, JSON.stringify({ objects: [] }));
    expect((await shieldwall('intel', 'import', notBundle)).code).toBe(2);
    expect((await shieldwall('intel', 'import', join(dir, 'missing.json'))).code).toBe(2);
    expect((await shieldwall('intel', 'import', notBundle, '--collection', 'nope')).code).toBe(2);
  });
});
