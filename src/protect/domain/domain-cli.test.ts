/** `shieldwall domain check` run in-process against a DNS server on 127.0.0.1: output and exit codes. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../../platform/test-support/in-process-cli.js';
import { startZoneDnsServer, type ZoneDnsServer } from './test-support/zone-dns-server.js';
import { healthyZone } from './test-support/zone-fixtures.js';

let dns: ZoneDnsServer;
let silent: ZoneDnsServer;
let dataDir: string;

beforeAll(async () => {
  dns = await startZoneDnsServer({
    ...healthyZone('shop.example'),
    'open.example': { txt: ['v=spf1 +all'], mx: [{ priority: 10, exchange: 'mx.open.example' }] },
  });
  silent = await startZoneDnsServer({
    'quiet.example': { fault: 'silent' },
    '_dmarc.quiet.example': { fault: 'silent' },
  });
  dataDir = mkdtempSync(join(tmpdir(), 'sw-domain-cli-'));
});

afterAll(async () => {
  await dns.close();
  await silent.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('shieldwall domain check', () => {
  it('exits 0 for a healthy domain and prints findings, grouped', async () => {
    const run = await cliOn(dataDir)('domain', 'check', 'shop.example', '--resolver', dns.address);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Stopping fake senders (DMARC)');
    expect(run.stdout).toContain('[OK] DMARC rejects fake mail (p=reject)');
  });

  it('exits 1 on a problem, with the records to paste and the plan; --json gives the same as the API', async () => {
    const shieldwall = cliOn(dataDir);
    const human = await shieldwall('domain', 'check', 'open.example', '--resolver', dns.address);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('[FIX NOW] Your SPF lets the whole internet send as you (+all)');
    expect(human.stdout).toContain('open.example  TXT  "v=spf1 mx ~all"');
    expect(human.stdout).toContain(
      '_dmarc.open.example  TXT  "v=DMARC1; p=none; rua=mailto:dmarc-reports@open.example"',
    );
    const json = await shieldwall(
      '--json',
      'domain',
      'check',
      'open.example',
      '--resolver',
      dns.address,
      '--locale',
      'es',
    );
    expect(json.code).toBe(1);
    const body = JSON.parse(json.stdout) as {
      problem: boolean;
      locale: string;
      findings: { key: string; fix: string }[];
    };
    expect(body.problem).toBe(true);
    expect(body.locale).toBe('es');
    expect(body.findings.find((f) => f.key === 'spf.pass_all')?.fix).toContain('Cambie «+all»');
  });

  it('takes the resolver from SHIELDWALL_DNS', async () => {
    const run = await cliOn(dataDir, { SHIELDWALL_DNS: dns.address })(
      'domain',
      'check',
      'shop.example',
    );
    expect(run.code).toBe(0);
  });

  it('exits 2 for bad usage: domain, resolver, selector, locale', async () => {
    const shieldwall = cliOn(dataDir);
    for (const args of [
      ['domain', 'check', 'not a domain', '--resolver', dns.address],
      ['domain', 'check', 'shop.example', '--resolver', 'dns.example:53'],
      [
        'domain',
        'check',
        'shop.example',
        '--resolver',
        dns.address,
        '--dkim-selector',
        'ok,bad one',
      ],
      ['domain', 'check', 'shop.example', '--resolver', dns.address, '--locale', 'xx'],
    ]) {
      const run = await shieldwall(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^shieldwall: /);
    }
  });

  it('exits 2 in bounded time when the DNS server never answers, after printing what timed out', async () => {
    const started = Date.now();
    const run = await cliOn(dataDir)(
      '--json',
      'domain',
      'check',
      'quiet.example',
      '--resolver',
      silent.address,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(2);
    const body = JSON.parse(run.stdout) as {
      incomplete: boolean;
      findings: { key: string; params: { name?: string } }[];
    };
    expect(body.incomplete).toBe(true);
    expect(
      body.findings.filter((f) => f.key === 'lookup.timeout').map((f) => f.params.name),
    ).toContain('_dmarc.quiet.example');
    expect(run.stderr).toContain('incomplete');
  }, 40_000);

  it('documents itself in --help', async () => {
    const run = await cliOn(dataDir)('domain', 'check', '--help');
    expect(run.stdout).toContain('--dkim-selector');
    expect(run.stdout).toContain('Exit status: 0 nothing to fix; 1 a problem');
  });
});
