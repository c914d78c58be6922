/**
 * BLAKE3 as the per-file digest (`--hash blake3`): official test vectors through the worker
 * pool, sign/verify round trips, tampering, a statement whose label and digests disagree,
 * and unknown algorithms refused with a clear error.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/cli/program.js';
import { signStatement } from './dsse-bundle.js';
import { buildStatement } from './engine/oms-statement.js';
import { hashRanges } from './hash-pool.js';
import { provenanceModule } from './index.js';
import { generateKeys } from './key-material.js';
import { hashModel, sha256 } from './model-hasher.js';
import { signModel, verifyModel } from './model-signing.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function modelDir(files: Record<string, string | Buffer>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'sw-blake3-')), 'my-model');
  temps.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

const NOW = new Date();
const keys = generateKeys('ed25519');
const key = createPrivateKey(keys.privatePem);
const trust = { kind: 'key', publicKeyPem: keys.publicPem } as const;
const payloadOf = (bundle: string) =>
  JSON.parse(Buffer.from(JSON.parse(bundle).dsseEnvelope.payload, 'base64').toString('utf8'));

describe('BLAKE3 digests in the hashing workers', () => {
  it('match the official BLAKE3 test vectors', async () => {
    // From the BLAKE3 reference (test_vectors.json: input byte i is i % 251) and its README.
    const vectors: [Buffer, string][] = [
      [Buffer.alloc(0), 'af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262'],
      [Buffer.from([0]), '2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213'],
      [Buffer.from('abc'), '6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85'],
    ];
    const dir = modelDir(Object.fromEntries(vectors.map(([b], i) => [`v${i}`, b])));
    const digests = await hashRanges(
      vectors.map(([b], i) => ({
        path: join(dir, `v${i}`),
        start: 0,
        end: b.length,
        size: b.length,
      })),
      2,
      'blake3',
    );
    expect(digests).toEqual(vectors.map(([, hex]) => hex));
  });

  it('streams ranges larger than the read buffer, and shards hash independently', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024 + 17);
    for (let i = 0; i < big.length; i++) big[i] = i % 251;
    const dir = modelDir({ big });
    const path = join(dir, 'big');
    const { createBLAKE3 } = await import('hash-wasm');
    const oneShot = async (b: Buffer) => (await createBLAKE3()).init().update(b).digest('hex');
    const half = 4 * 1024 * 1024 + 3;
    const [whole, first, second] = await hashRanges(
      [
        { path, start: 0, end: big.length, size: big.length },
        { path, start: 0, end: half, size: big.length },
        { path, start: half, end: big.length, size: big.length },
      ],
      2,
      'blake3',
    );
    expect(whole).toBe(await oneShot(big));
    expect(first).toBe(await oneShot(big.subarray(0, half)));
    expect(second).toBe(await oneShot(big.subarray(half)));
  });
});

describe('sign and verify with --hash blake3', () => {
  it('records blake3 as the reference names it, verifies, and names a tampered file', async () => {
    const dir = modelDir({ 'config.json': '{}', 'w/a.bin': Buffer.alloc(70_000, 7), 'b.txt': 'b' });
    const sig = join(dir, 'model.sig');
    const { bundle } = await signModel({
      model: dir,
      key,
      signaturePath: sig,
      ignore: [],
      algorithm: 'blake3',
    });
    writeFileSync(sig, bundle);
    const statement = payloadOf(bundle);
    expect(statement.predicate.serialization.hash_type).toBe('blake3');
    const byName = Object.fromEntries(
      statement.predicate.resources.map(
        (r: { name: string; algorithm: string; digest: string }) => {
          expect(r.algorithm).toBe('blake3');
          return [r.name, r.digest];
        },
      ),
    );
    const { blake3 } = await import('hash-wasm');
    expect(byName['b.txt']).toBe(await blake3('b'));
    // The subject stays SHA-256 over the resource digests, as in the reference.
    expect(Object.keys(statement.subject[0].digest)).toEqual(['sha256']);
    const opts = { model: dir, signaturePath: sig, trust, ignore: [], now: NOW };
    expect(await verifyModel(opts)).toMatchObject({ valid: true, files: 3, algorithm: 'blake3' });
    writeFileSync(join(dir, 'w/a.bin'), Buffer.alloc(70_000, 8));
    expect(await verifyModel(opts)).toMatchObject({
      valid: false,
      diff: { modified: ['w/a.bin'], added: [], removed: [] },
    });
  });

  it('round-trips the shards method', async () => {
    const dir = modelDir({ 'w.bin': Buffer.alloc(50_000, 3), 's.txt': 'small' });
    const sig = join(dir, 'model.sig');
    const { bundle } = await signModel({
      model: dir,
      key,
      signaturePath: sig,
      ignore: [],
      shardSize: 16_384,
      algorithm: 'blake3',
    });
    writeFileSync(sig, bundle);
    expect(payloadOf(bundle).predicate.resources).toHaveLength(5);
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({ valid: true, method: 'shards', algorithm: 'blake3' });
  });

  type Forgeable = {
    predicate: { serialization: { hash_type: string }; resources: { algorithm: string }[] };
  };
  /** A correctly signed statement built from a sha256 manifest, then edited by `edit`. */
  async function forged(dir: string, edit: (s: Forgeable) => void): Promise<string> {
    const manifest = await hashModel(dir, { method: 'files', ignorePaths: ['model.sig'] });
    const statement = buildStatement(manifest, sha256) as Forgeable;
    edit(statement);
    const sig = join(dir, 'model.sig');
    writeFileSync(sig, signStatement(statement, key));
    return sig;
  }

  it('is invalid when a statement claims blake3 but lists sha256 digests', async () => {
    const dir = modelDir({ 'a.txt': 'a', 'b.txt': 'b' });
    const sig = await forged(dir, (s) => {
      s.predicate.serialization.hash_type = 'blake3';
      for (const r of s.predicate.resources) r.algorithm = 'blake3';
    });
    const result = await verifyModel({
      model: dir,
      signaturePath: sig,
      trust,
      ignore: [],
      now: NOW,
    });
    expect(result).toMatchObject({ valid: false, diff: { modified: ['a.txt', 'b.txt'] } });
  });

  it('is invalid when resources and hash_type name different algorithms', async () => {
    const dir = modelDir({ 'a.txt': 'a' });
    const sig = await forged(dir, (s) => {
      s.predicate.serialization.hash_type = 'blake3';
    });
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/does not match hash_type blake3/),
    });
  });

  it('refuses an unknown algorithm with a clear error, never a verdict', async () => {
    const dir = modelDir({ 'a.txt': 'a' });
    const sig = await forged(dir, (s) => {
      s.predicate.serialization.hash_type = 'blake2b';
      for (const r of s.predicate.resources) r.algorithm = 'blake2b';
    });
    await expect(
      verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).rejects.toThrow(/hash algorithm "blake2b".*supports sha256 and blake3/);
  });
});

describe('shieldwall model sign --hash', () => {
  async function shieldwall(cwd: string, args: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const err: Buffer[] = [];
    stdout.resume();
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await runCli({
      argv: args,
      env: {},
      stdin: Readable.from([]),
      stdout,
      stderr,
      cwd,
      version: '0.0.0-test',
      webRoot: null,
      modules: [provenanceModule],
    });
    return { code, stderr: Buffer.concat(err).toString() };
  }

  it('signs with blake3, verifies, and refuses other names as a usage error', async () => {
    const dir = modelDir({ 'a.txt': 'a' });
    const work = join(dir, '..');
    writeFileSync(join(work, 'k'), keys.privatePem);
    writeFileSync(join(work, 'k.pub'), keys.publicPem);
    const [k, out] = [join(work, 'k'), join(work, 'm.sig')];
    const sign = (hash: string) =>
      shieldwall(work, ['model', 'sign', dir, '--key', k, '--out', out, '--hash', hash]);
    expect((await sign('blake3')).code).toBe(0);
    expect(
      payloadOf(readFileSync(join(work, 'm.sig'), 'utf8')).predicate.serialization.hash_type,
    ).toBe('blake3');
    const verify = await shieldwall(work, [
      'model',
      'verify',
      dir,
      '--sig',
      out,
      '--pub',
      `${k}.pub`,
    ]);
    expect(verify.code, verify.stderr).toBe(0);
    const bad = await sign('md5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/sha256, blake3/);
  });
});
