/**
 * `shieldwall audit verify|tail` against a real log, through the real output
 * helpers (captured streams), with exit codes as the program would see them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOutput } from '../cli/output.js';
import type { CliContext } from '../module.js';
import { registerAuditCommands } from './audit-cli.js';
import {
  appendMany,
  type LogFixture,
  openSqliteLog,
  removeDir,
} from './test-support/audit-fixture.js';
import type { VerifyReport } from './verify-report.js';

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function capture(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}

function cli(fx: LogFixture, options: { json?: boolean; until?: () => Promise<void> } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = { stdout: capture(stdout), stderr: capture(stderr), exitCode: 0 };
  const context: CliContext = {
    platform: () => Promise.reject(new Error('not composed in this test')),
    dataDir: () => Promise.reject(new Error('no data directory in this test')),
    out: createOutput({
      json: () => options.json === true,
      stdout,
      stderr,
      onExitCode: (code) => {
        out.exitCode = Math.max(out.exitCode, code);
      },
    }),
    stdin: new PassThrough(),
  };
  const program = new Command('shieldwall').exitOverride();
  registerAuditCommands(program, context, {
    open: async () => ({ audit: fx.audit, bus: fx.bus }),
    ...(options.until === undefined ? {} : { until: options.until }),
  });
  return {
    out,
    run: async (...args: string[]): Promise<Run> => {
      await program.parseAsync(args, { from: 'user' });
      return { stdout: out.stdout(), stderr: out.stderr(), exitCode: out.exitCode };
    },
  };
}

describe('shieldwall audit', () => {
  let fx: LogFixture;
  beforeEach(async () => {
    fx = await openSqliteLog();
    await appendMany(fx.audit, 30);
  });
  afterEach(async () => {
    await fx.close();
    removeDir(fx.dir);
  });

  it('verify: a clean log exits 0 and says so', async () => {
    const r = await cli(fx).run('audit', 'verify');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('30 entries checked');
    expect(r.stdout).toContain('OK: every entry matches');
  });

  it('verify: a tampered log exits 1 and names each entry, in words or JSON', async () => {
    const db = new Database(fx.file);
    db.exec(
      `update audit_entry set content = replace(content, '"user:12"', '"user:13"') where idx = 12`,
    );
    db.exec('delete from audit_entry where idx = 20');
    db.close();
    const text = await cli(fx).run('audit', 'verify');
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain('2 problems found:');
    expect(text.stdout).toContain('  - Entry 12 was changed');
    expect(text.stdout).toContain('  - Entry 20 is missing');
    const json = await cli(fx, { json: true }).run('audit', 'verify');
    const report = JSON.parse(json.stdout) as VerifyReport;
    expect(json.exitCode).toBe(1);
    expect(report.problems.map((p) => [p.kind, p.index])).toEqual([
      ['content_modified', 12],
      ['index_gap', 20],
    ]);
  });

  it('verify --checkpoint: catches truncation against a saved checkpoint file', async () => {
    const file = join(fx.dir, 'cp.txt');
    writeFileSync(file, (await fx.audit.checkpoint()).text);
    const db = new Database(fx.file);
    db.exec('delete from audit_entry where idx >= 28');
    db.close();
    expect((await cli(fx).run('audit', 'verify')).exitCode).toBe(0);
    const r = await cli(fx).run('audit', 'verify', '--checkpoint', file);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('NOT consistent with your checkpoint of 30 entries.');
    expect(r.stdout).toContain('Entries 28–29 are gone');
    await expect(
      cli(fx).run('audit', 'verify', '--checkpoint', join(fx.dir, 'nope.txt')),
    ).rejects.toMatchObject({
      code: 'usage',
    });
  });

  it('tail: prints the last N entries, as lines or JSON Lines', async () => {
    const text = await cli(fx).run('audit', 'tail', '-n', '3');
    expect(
      text.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['#27', '#28', '#29']);
    const json = await cli(fx, { json: true }).run('audit', 'tail');
    const lines = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { index: number });
    expect(lines.map((l) => l.index)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    await expect(cli(fx).run('audit', 'tail', '-n', '0')).rejects.toMatchObject({ code: 'usage' });
    await expect(cli(fx).run('audit', 'tail', '-n', 'x')).rejects.toMatchObject({ code: 'usage' });
  });

  it('tail --follow: prints new entries as they are appended, then stops', async () => {
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => {
      stop = resolve;
    });
    const c = cli(fx, { until: () => stopped });
    const running = c.run('audit', 'tail', '-n', '1', '--follow');
    await expect.poll(() => c.out.stdout()).toContain('#29');
    await fx.audit.append({ actor: 'user:new', action: 'access.key.revoked', subject: 'key:k1' });
    await fx.audit.append({ actor: 'user:new', action: 'access.tier.changed' });
    await expect.poll(() => c.out.stdout()).toContain('#31');
    stop();
    const r = await running;
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['#29', '#30', '#31']);
    expect(r.stdout).toContain('user:new  access.key.revoked  key:k1');
  });
});
