/**
 * `shieldwall practice list` and `shieldwall exercise create|results|end` on a data directory that
 * a running server shares: JSON Lines, exit statuses (2 for wrong usage, nothing stored), audit.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../../access/index.js';
import { removeDir, tempDir } from '../../platform/audit/test-support/audit-fixture.js';
import { cliOn } from '../../platform/test-support/in-process-cli.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('shieldwall practice / exercise', () => {
  const data = tempDir('sw-practice-cli-');
  const shieldwall = cliOn(data);
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ dataDir: data });
    const access = await accessServices(server.platform);
    const org = await access.directory.createOrg(
      { name: 'Lopez Family', tier: 0 },
      { id: 'operator:test' },
    );
    await access.directory.createOrg({ name: 'Nobody Home', tier: 0 }, { id: 'operator:test' });
    for (const name of ['ana', 'luis']) {
      const id = randomUUID();
      await server.platform.store
        .db<{ access_user: Record<string, unknown> }>()
        .insertInto('access_user')
        .values({
          id,
          email: `${name}@lopez.example`,
          display_name: name,
          created_at: Date.now(),
          email_verified_at: Date.now(),
          password_hash: null,
          totp_secret: null,
          totp_enabled_at: null,
          advanced_protection: 0,
          staff_roles: '[]',
          disabled_at: null,
        })
        .execute();
      await access.directory.addMember(org.id, id, name === 'ana' ? 'owner' : 'member', {
        id: 'operator:test',
      });
    }
    await access.close();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    removeDir(data);
  });

  it('lists the practice messages as JSON Lines', async () => {
    const run = await shieldwall('--json', 'practice', 'list');
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.length).toBeGreaterThanOrEqual(30);
    expect(lines[0]).toMatchObject({ id: 'delivery-fee-text', scam: true, kind: 'sms' });
    const human = await shieldwall('practice', 'list');
    expect(human.stdout).toContain('genuine-bank-fraud-alert');
  });

  it('refuses wrong usage with exit 2 and stores nothing', async () => {
    for (const args of [
      ['--org', 'Lopez Family', '--messages', 'no-such-message'],
      ['--org', 'Lopez Family', '--messages', 'genuine-bank-fraud-alert'],
      ['--org', 'Lopez Family', '--messages', 'delivery-fee-text', '--days', '0'],
      ['--org', 'Lopez Family', '--messages', 'delivery-fee-text', '--days', 'ten'],
      ['--org', 'No Such Org', '--messages', 'delivery-fee-text'],
      ['--org', 'Nobody Home', '--messages', 'delivery-fee-text'],
      ['--org', 'Lopez Family', '--messages', ','],
    ]) {
      const run = await shieldwall('exercise', 'create', ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.length).toBeGreaterThan(0);
    }
    const results = await shieldwall('--json', 'exercise', 'results', '--org', 'Lopez Family');
    expect(results.code).toBe(0);
    expect(results.stdout.trim()).toBe('');
  });

  it('creates an exercise, reports its figures and ends it, all audited', async () => {
    const created = await shieldwall(
      '--json',
      'exercise',
      'create',
      '--org',
      'Lopez Family',
      '--messages',
      'delivery-fee-text,family-new-number-text',
      '--days',
      '14',
      '--name',
      'Family practice',
    );
    expect(created.code, created.stderr).toBe(0);
    const exercise = JSON.parse(created.stdout) as {
      id: string;
      sampleIds: string[];
      metrics: { delivered: number };
    };
    expect(exercise.sampleIds).toEqual(['delivery-fee-text', 'family-new-number-text']);

    const results = await shieldwall('--json', 'exercise', 'results', '--org', 'Lopez Family');
    const [line] = jsonLines(results.stdout);
    expect(line).toMatchObject({ id: exercise.id, name: 'Family practice' });
    const human = await shieldwall('exercise', 'results', '--org', 'Lopez Family');
    expect(human.stdout).toMatch(/reported 0 of \d+ delivered/);

    const ended = await shieldwall('exercise', 'end', '--org', 'Lopez Family', '--id', exercise.id);
    expect(ended.code).toBe(0);
    expect(ended.stdout).toContain('Ended');
    const again = await shieldwall('exercise', 'end', '--org', 'Lopez Family', '--id', exercise.id);
    expect(again.code).not.toBe(0);

    const audit = await server.platform.audit.entries({ from: 0, limit: 500 });
    const mine = audit.entries.filter((e) => e.action.startsWith('protect.exercise.'));
    expect(mine.map((e) => e.action)).toEqual([
      'protect.exercise.created',
      'protect.exercise.ended',
    ]);
    expect(mine[0]?.actor).toMatch(/^cli:/);
  });

  it('documents every command in --help', async () => {
    const help = await shieldwall('exercise', 'create', '--help');
    expect(help.stdout).toContain('--messages');
    expect(help.stdout).toContain('--days');
  });
});
