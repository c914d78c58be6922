/**
 * `shieldwall intel sync` through the real program: subscriptions are added,
 * listed with their state, synced on demand (exit 1 when a sync fails) and removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, tempDir } from '../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../platform/test-support/in-process-cli.js';

describe('shieldwall intel sync', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('sw-sync-');
  });
  afterAll(() => removeDir(dir));
  const shieldwall = (...args: string[]) => cliOn(dir)(...args);

  it('adds, lists, runs and removes a subscription', async () => {
    // Nothing listens on port 9 (discard): the sync fails, clearly, with exit 1.
    const url = 'http://127.0.0.1:9/taxii2/default/collections/abc/';
    const added = await shieldwall('--json', 'intel', 'sync', 'add', url, '--every', '30');
    expect(added.code).toBe(0);
    const sub = JSON.parse(added.stdout) as { id: string; url: string; intervalSeconds: number };
    expect(sub).toMatchObject({ url, intervalSeconds: 30 });

    const run = await shieldwall('intel', 'sync', 'run', sub.id);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${sub.id}: FAILED: cannot reach http://127.0.0.1:9`);

    const listed = await shieldwall('intel', 'sync', 'list');
    expect(listed.stdout).toContain(`${sub.id}  ${url}`);
    expect(listed.stdout).toContain('never synced  LAST ERROR: cannot reach');

    expect((await shieldwall('intel', 'sync', 'add', url)).code).toBe(2);
    expect((await shieldwall('intel', 'sync', 'remove', sub.id)).code).toBe(0);
    expect((await shieldwall('intel', 'sync', 'list')).stdout.trim()).toBe('');
  });

  it('refuses bad subscriptions with a clear message', async () => {
    const notCollection = await shieldwall('intel', 'sync', 'add', 'https://example.com/taxii2/');
    expect(notCollection.code).toBe(2);
    expect(notCollection.stderr).toContain('ending in /collections/<id>/');
    const both = await shieldwall(
      'intel',
      'sync',
      'add',
      'https://example.com/taxii2/r/collections/x/',
      '--key-env',
      'A',
      '--password-env',
      'B',
      '--user',
      'u',
    );
    expect(both.code).toBe(2);
  });
});
