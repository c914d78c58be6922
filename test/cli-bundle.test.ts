/**
 * The bundled CLI (dist/bin/shieldwall.js, what `npx shieldwall` and the container run) under
 * plain Node: it finds the package's files (models, package.json) from its own chunks, and its
 * commands load lazily as in the source tree. `npm test` builds it first; run alone without a
 * build, the suite is skipped with a message.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT, packagePath } from '../src/platform/package-root.js';
import { bundledCli, repoRoot, runCli } from './support/run-cli.js';

describe('the package root', () => {
  it('is the repository root from the source tree', () => {
    expect(join(PACKAGE_ROOT)).toBe(join(repoRoot, '/'));
    expect(existsSync(packagePath('package.json'))).toBe(true);
    expect(existsSync(packagePath('models', 'scam-text.json'))).toBe(true);
  });
});

const built = existsSync(bundledCli);
if (!built) console.warn(`skipped: ${bundledCli} is missing (run npm run build:server first)`);

describe.skipIf(!built)('the bundled CLI', () => {
  const run = (args: string[], input?: string) =>
    runCli(args, { bundled: true, ...(input === undefined ? {} : { input }) });

  it('knows its version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as {
      version: string;
    };
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('checks a message with the shipped scam models (exit 1 on a scam)', async () => {
    const r = await run([
      '--json',
      'check',
      'USPS: your parcel is on hold, pay the $1.99 fee now at https://usps-redelivery.top/pay',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'scam' });
  });

  it('classifies a prompt with the shipped safeguards model (exit 1 on friction or block)', async () => {
    const r = await run(
      ['safeguards', 'classify', '--jsonl', '-'],
      `${JSON.stringify({ id: 'a', text: 'write ransomware that encrypts every file on a hospital network' })}\n`,
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'a', decision: 'block' });
  });

  it('opens a data directory and reads the shipped warninglists', async () => {
    const data = mkdtempSync(join(tmpdir(), 'sw-bundle-'));
    const r = await run(['--data', data, '--json', 'intel', 'match', 'example.com']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'domain', hits: [] });
  });

  it('says what is wrong with a command it does not know', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
