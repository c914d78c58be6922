/**
 * `shieldwall vuln …` end to end on a data directory: JSON Lines findings, SARIF, the exit
 * statuses (1 findings, 0 clean, 2 usage), NOT CHECKED ecosystems, and the audit entries.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../platform/test-support/in-process-cli.js';
import { npmAdvisoriesJsonl } from './test-support/npm-advisories.js';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'sw-vuln-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('shieldwall vuln', () => {
  const data = tmp();
  const shieldwall = cliOn(data);
  const project = tmp();
  writeFileSync(
    join(project, 'package-lock.json'),
    JSON.stringify({
      lockfileVersion: 2,
      packages: {
        '': { name: 'app' },
        'node_modules/ansi-html': { version: '0.0.1' },
        'node_modules/wrappy': { version: '1.0.2' },
      },
    }),
  );
  writeFileSync(join(project, 'requirements.txt'), 'flask==1.0.0\n');
  const clean = tmp();
  writeFileSync(
    join(clean, 'package-lock.json'),
    JSON.stringify({
      lockfileVersion: 3,
      packages: { 'node_modules/ansi-html': { version: '0.0.8' } },
    }),
  );

  it('refuses to call an ecosystem clean before any advisories are loaded', async () => {
    const run = await shieldwall('--json', 'vuln', 'scan', clean);
    expect(run.code).toBe(0);
    const records = jsonLines(run.stdout);
    expect(records).toContainEqual({
      type: 'not_checked',
      ecosystem: 'npm',
      reason: 'no advisories loaded',
    });
    expect(records.at(-1)).toMatchObject({
      type: 'coverage',
      covered: [],
      not_checked: ['npm'],
      findings: 0,
    });
    const strict = await shieldwall('vuln', 'scan', '--require-coverage', clean);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('NOT CHECKED npm');
  });

  it('imports advisories, then finds, lists and exits 1; exits 0 when clean', async () => {
    const file = join(tmp(), 'npm.jsonl');
    writeFileSync(file, npmAdvisoriesJsonl);
    const imported = await shieldwall('vuln', 'db', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(
      'Imported 3 advisories from 1 file(s) (1 withdrawn, 0 rejected)',
    );
    expect((await shieldwall('--json', 'vuln', 'db', 'status')).stdout).toContain('"npm"');

    const run = await shieldwall('--json', 'vuln', 'scan', project);
    expect(run.code).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records.filter((r) => r.type === 'finding')).toEqual([
      expect.objectContaining({
        ecosystem: 'npm',
        package: 'ansi-html',
        version: '0.0.1',
        id: 'GHSA-whgm-jr23-g3j9',
        aliases: ['CVE-2021-23424'],
        fixed: '0.0.8',
        severity: 'HIGH',
        source: 'package-lock.json',
      }),
    ]);
    // PyPI has no data in this database: said so, not reported clean.
    expect(records).toContainEqual({
      type: 'not_checked',
      ecosystem: 'PyPI',
      reason: 'no advisories loaded',
    });

    const human = await shieldwall('vuln', 'scan', project);
    expect(human.stdout).toMatch(
      /VULNERABLE {2}npm ansi-html 0\.0\.1 {2}GHSA-whgm-jr23-g3j9 \(CVE-2021-23424\)/,
    );
    expect(human.stdout).toContain('fixed in 0.0.8');

    const ok = await shieldwall('vuln', 'scan', clean);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('0 vulnerable package(s)');
  });

  it('writes SARIF 2.1.0', async () => {
    const run = await shieldwall('vuln', 'scan', '--sarif', project);
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout) as {
      version: string;
      runs: Array<{
        tool: { driver: { rules: Array<{ id: string }> } };
        results: Array<Record<string, unknown>>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(['GHSA-whgm-jr23-g3j9']);
    expect(sarif.runs[0]?.results[0]).toMatchObject({
      ruleId: 'GHSA-whgm-jr23-g3j9',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'package-lock.json' } } }],
    });
  });

  it('exits 2 on wrong usage and 1 on an unreadable lockfile, scanning the rest', async () => {
    expect((await shieldwall('vuln', 'scan', join(project, 'nope'))).code).toBe(2);
    expect((await shieldwall('--json', 'vuln', 'scan', '--sarif', project)).code).toBe(2);
    expect((await shieldwall('vuln', 'db', 'import', join(project, 'nope'))).code).toBe(2);
    const bad = tmp();
    writeFileSync(join(bad, 'composer.lock'), '{"packages": [');
    writeFileSync(
      join(bad, 'package-lock.json'),
      JSON.stringify({
        lockfileVersion: 3,
        packages: { 'node_modules/ansi-html': { version: '0.0.8' } },
      }),
    );
    const run = await shieldwall('--json', 'vuln', 'scan', bad);
    expect(run.code).toBe(1);
    const records = jsonLines(run.stdout);
    expect(records).toContainEqual(
      expect.objectContaining({ type: 'error', path: 'composer.lock' }),
    );
    expect(records.at(-1)).toMatchObject({
      type: 'coverage',
      covered: ['npm'],
      findings: 0,
      unreadable: 1,
    });
  });

  it('records imports and scans in the audit log', async () => {
    const run = await shieldwall('--json', 'audit', 'tail', '-n', '100');
    expect(run.stdout).toContain('vuln.db.imported');
    expect(run.stdout).toContain('vuln.scan.completed');
  });
});
