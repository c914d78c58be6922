/** SLSA provenance: the chain dataset -> training run -> model holds, and breaks where it should. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/cli/program.js';
import { attestTraining, verifyTrainingChain } from './attestation.js';
import { provenanceModule } from './index.js';
import { generateKeys, loadPrivateKey } from './key-material.js';

const work = mkdtempSync(join(tmpdir(), 'sw-attest-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
function tree(name: string, files: Record<string, string>): string {
  const d = join(work, name);
  mkdirSync(d, { recursive: true });
  for (const [f, c] of Object.entries(files)) writeFileSync(join(d, f), c);
  return d;
}

const COMMIT = 'a'.repeat(40);
const keys = generateKeys('p256');

describe('model attest', () => {
  it('signs SLSA v1 provenance and verifies the chain; each broken link is named', async () => {
    const model = tree('model', { 'w.safetensors': 'weights' });
    const train = tree('train', { 'a.jsonl': '1' });
    const evalSet = tree('eval', { 'b.jsonl': '2' });
    const other = tree('other', { 'c.jsonl': '3' });
    const { bundle } = await attestTraining({
      model,
      datasets: [train, evalSet],
      repository: 'https://example.org/train.git',
      commit: COMMIT,
      builderId: 'https://ci.example.org/run/1',
      key: loadPrivateKey(keys.privatePem),
      ignore: [],
    });
    const statement = JSON.parse(
      Buffer.from(JSON.parse(bundle).dsseEnvelope.payload, 'base64').toString(),
    );
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(statement.predicate.buildDefinition.resolvedDependencies[0].digest).toEqual({
      gitCommit: COMMIT,
    });
    const base = { bundleText: bundle, publicKeyPem: keys.publicPem, model, ignore: [] };
    expect(
      await verifyTrainingChain({ ...base, datasets: [train, evalSet], commit: COMMIT }),
    ).toMatchObject({ valid: true });
    const wrong = await verifyTrainingChain({ ...base, datasets: [other], commit: 'b'.repeat(40) });
    expect(wrong.valid).toBe(false);
    expect(wrong.problems.join('\n')).toMatch(/other was not used[\s\S]*commit/);
    writeFileSync(join(model, 'w.safetensors'), 'weightz');
    expect((await verifyTrainingChain({ ...base, datasets: [] })).problems[0]).toContain(
      'not the one',
    );
    const otherKey = generateKeys('p256').publicPem;
    expect(
      await verifyTrainingChain({ ...base, publicKeyPem: otherKey, datasets: [] }),
    ).toMatchObject({ valid: false });
  });

  it('through the CLI: create, verify (0), tampered model (1), bad commit (2)', async () => {
    const run = async (args: string[]) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      const code = await runCli({
        argv: args,
        env: {},
        stdin: Readable.from([]),
        stdout: out,
        stderr: new PassThrough(),
        cwd: work,
        version: '0',
        webRoot: null,
        modules: [provenanceModule],
      });
      return { code, out: Buffer.concat(chunks).toString() };
    };
    writeFileSync(join(work, 'k'), keys.privatePem);
    writeFileSync(join(work, 'k.pub'), keys.publicPem);
    const model = tree('cli-model', { w: 'w' });
    const data = tree('cli-data', { d: 'd' });
    const att = join(work, 'att.json');
    expect(
      (
        await run([
          'model',
          'attest',
          'create',
          model,
          '--repo',
          'https://x/y.git',
          '--commit',
          COMMIT,
          '--key',
          join(work, 'k'),
          '--out',
          att,
          '--dataset',
          data,
        ])
      ).code,
    ).toBe(0);
    expect(readFileSync(att, 'utf8')).toContain('dsseEnvelope');
    expect(
      (
        await run([
          'model',
          'attest',
          'verify',
          att,
          '--pub',
          join(work, 'k.pub'),
          '--model',
          model,
          '--dataset',
          data,
        ])
      ).code,
    ).toBe(0);
    writeFileSync(join(model, 'w'), 'changed');
    const bad = await run([
      'model',
      'attest',
      'verify',
      att,
      '--pub',
      join(work, 'k.pub'),
      '--model',
      model,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('INVALID');
    expect(
      (
        await run([
          'model',
          'attest',
          'create',
          model,
          '--repo',
          'r',
          '--commit',
          'abc',
          '--key',
          join(work, 'k'),
          '--out',
          att,
        ])
      ).code,
    ).toBe(2);
  });
});
