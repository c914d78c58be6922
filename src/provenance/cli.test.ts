/** `shieldwall model keygen|sign|verify` through the real program: files, modes, exit statuses. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/cli/program.js';
import { provenanceModule } from './index.js';

const work = mkdtempSync(join(tmpdir(), 'sw-model-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function shieldwall(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const code = await runCli({
    argv: args,
    env: {},
    stdin: Readable.from([]),
    stdout,
    stderr,
    cwd: work,
    version: '0.0.0-test',
    webRoot: null,
    modules: [provenanceModule],
  });
  return { code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('shieldwall model', () => {
  it('keygen, sign, verify: 0 when valid, 1 naming the changed file, 2 on usage errors', async () => {
    const key = join(work, 'k');
    expect(
      (await shieldwall(['model', 'keygen', '--out', key, '--algorithm', 'ed25519'])).code,
    ).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${key}.pub`, 'utf8')).toContain('BEGIN PUBLIC KEY');
    // Never overwrites an existing key.
    expect((await shieldwall(['model', 'keygen', '--out', key])).code).toBe(1);

    const model = join(work, 'model');
    mkdirSync(model);
    writeFileSync(join(model, 'weights.bin'), 'weights');
    writeFileSync(join(model, 'notes.txt'), 'notes');
    const sig = join(model, 'model.sig');
    const signed = await shieldwall([
      'model',
      'sign',
      model,
      '--key',
      key,
      '--out',
      sig,
      '--ignore',
      'notes.txt',
    ]);
    expect(signed.code).toBe(0);
    const ok = await shieldwall([
      '--json',
      'model',
      'verify',
      model,
      '--sig',
      sig,
      '--pub',
      `${key}.pub`,
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, files: 1 });

    writeFileSync(join(model, 'weights.bin'), 'weightz');
    const bad = await shieldwall(['model', 'verify', model, '--sig', sig, '--pub', `${key}.pub`]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/INVALID[\s\S]*modified: weights\.bin/);

    expect((await shieldwall(['model', 'verify', model, '--sig', sig])).code).toBe(2);
    expect(
      (await shieldwall(['model', 'verify', model, '--sig', sig, '--identity', 'a@b.c'])).code,
    ).toBe(2);
    expect(
      (await shieldwall(['model', 'sign', model, '--key', key, '--out', sig, '--shard-size', '0']))
        .code,
    ).toBe(2);
    expect(
      (
        await shieldwall([
          'model',
          'verify',
          model,
          '--sig',
          join(work, 'missing.sig'),
          '--pub',
          `${key}.pub`,
        ])
      ).code,
    ).toBe(1);
  });
});
