/**
 * `shieldwall recovery` and `shieldwall report-channels` run in-process: human text, --json,
 * and wrong usage (exit 2) naming the known choices or countries.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../platform/test-support/in-process-cli.js';

const data = mkdtempSync(join(tmpdir(), 'sw-after-cli-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));
const shieldwall = cliOn(data);

describe('shieldwall recovery', () => {
  it('prints the checklist grouped by urgency, most urgent first', async () => {
    const run = await shieldwall('recovery', '--what', 'password,card', '--country', 'US');
    expect(run.code).toBe(0);
    const text = run.stdout;
    expect(text.indexOf('DO THIS NOW')).toBeLessThan(text.indexOf('DO THIS TODAY'));
    expect(text.indexOf('DO THIS TODAY')).toBeLessThan(text.indexOf('DO THIS THIS WEEK'));
    expect(text).toMatch(/^DO THIS NOW\n1\. Call your bank now/);
    expect(text).toContain('Equifax, Experian and TransUnion');
  });

  it('--json and --locale es give the same steps as the API', async () => {
    const run = await shieldwall('--json', 'recovery', '--what', 'remote_access', '--locale', 'es');
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout) as {
      locale: string;
      steps: { id: string; text: string }[];
    };
    expect(answer.locale).toBe('es');
    expect(answer.steps[0]?.id).toBe('disconnect_device');
    expect(answer.steps[0]?.text).toMatch(/^Desconecte/);
  });

  it('an unknown choice, language or missing --what is wrong usage (exit 2)', async () => {
    const bad = await shieldwall('recovery', '--what', 'password,lottery');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('lottery');
    expect(bad.stderr).toContain('gift_card');
    expect((await shieldwall('recovery', '--what', 'card', '--locale', 'fr')).code).toBe(2);
    expect((await shieldwall('recovery')).code).toBe(2);
  });
});

describe('shieldwall report-channels', () => {
  it('lists a country’s channels with their review date', async () => {
    const run = await shieldwall('report-channels', '--country', 'gb');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Report Fraud (England, Wales and Northern Ireland)');
    expect(run.stdout).toContain('report@phishing.gov.uk');
    expect(run.stdout).toMatch(/reviewed \d{4}-\d\d-\d\d/);
  });

  it('--json', async () => {
    const run = await shieldwall(
      '--json',
      'report-channels',
      '--country',
      'IN',
      '--category',
      'job_task',
    );
    const answer = JSON.parse(run.stdout) as { country: string; channels: { id: string }[] };
    expect(answer.country).toBe('IN');
    expect(answer.channels[0]?.id).toBe('in-1930');
  });

  it('an unknown country is wrong usage listing the known ones', async () => {
    const run = await shieldwall('report-channels', '--country', 'ZZ');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Known countries:');
    expect(run.stderr).toContain('US');
  });

  it('is documented in --help', async () => {
    const help = await shieldwall('--help');
    expect(help.stdout).toContain('recovery');
    expect(help.stdout).toContain('report-channels');
  });
});
