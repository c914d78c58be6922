import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';
import { startServeProcess, waitForOk } from './support/serve-process.js';

const tempData = () => mkdtempSync(join(tmpdir(), 'sw-cli-'));

describe('shieldwall CLI', () => {
  it('prints help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'config', 'audit']) expect(r.stdout).toContain(cmd);
  });

  it('exits 2 with one readable line on a usage error', async () => {
    const r = await runCli(['serve', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--no-such-flag'");
    const u = await runCli(['frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 naming the bad configuration key', async () => {
    const r = await runCli(['config', 'show'], { env: { SHIELDWALL_PROT: '80' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('SHIELDWALL_PROT');
    expect(r.stderr).toContain('did you mean "SHIELDWALL_PORT"');
  });

  it('shows the effective configuration with secrets masked, as text or JSON', async () => {
    const env = {
      SHIELDWALL_STORE: 'postgres://sw:hunter2@db.example:5432/sw',
      SHIELDWALL_PORT: '9999',
    };
    const text = await runCli(['config', 'show'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/port\s+9999/);
    expect(text.stdout).not.toContain('hunter2');
    const json = await runCli(['--json', 'config', 'show'], { env });
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(parsed.port).toBe(9999);
    expect(parsed.store).toBe('postgres://sw:****@db.example:5432/sw');
  });

  it('migrates a new data directory, then has nothing to do', async () => {
    const data = join(tempData(), 'new-dir');
    const first = await runCli(['--data', data, '--json', 'migrate']);
    // It holds the database and the signing key: this user only.
    expect(statSync(data).mode & 0o777).toBe(0o700);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as { applied: string[]; total: number };
    expect(report.applied.length).toBe(report.total);
    expect(report.total).toBeGreaterThan(0);
    const again = await runCli(['--data', data, 'migrate']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('up to date');
  });

  it('exits 1 with one readable line when the database is unreachable', async () => {
    const r = await runCli(['--data', tempData(), 'migrate'], {
      env: { SHIELDWALL_STORE: 'postgres://nobody@127.0.0.1:1/none' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^shieldwall: PostgreSQL is not reachable/m);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('serves, then stops cleanly on SIGTERM with exit status 0', async () => {
    const server = await startServeProcess({ SHIELDWALL_DATA: tempData() });
    await waitForOk(`${server.url}/readyz`);
    const home = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(await server.stop('SIGTERM')).toBe(0);
    const logs = server.logs();
    expect(logs).toContain('draining in-flight requests');
    expect(logs).toContain('"msg":"stopped"');
  });
});
