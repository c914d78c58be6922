/**
 * Shieldwall's own signatures: round trips with Ed25519 and P-256 keys, the `files` and
 * `shards` methods, datasets of many small files, and the exact OMS v1.0 payload shape
 * (compared field by field with a reference test vector when the vectors are present).
 */
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeys } from './key-material.js';
import { signModel, verifyModel } from './model-signing.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

function modelDir(files: Record<string, string | Buffer>): string {
  const root = join(mkdtempSync(join(tmpdir(), 'sw-sign-')), 'my-model');
  temps.push(root);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

const NOW = new Date();
const decode = (bundle: string) => {
  const b = JSON.parse(bundle);
  return {
    bundle: b,
    statement: JSON.parse(Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8')),
  };
};

describe('sign then verify', () => {
  for (const algorithm of ['ed25519', 'p256'] as const) {
    it(`round-trips with ${algorithm}, and names every change`, async () => {
      const keys = generateKeys(algorithm);
      const dir = modelDir({
        'config.json': '{}',
        'weights/a.bin': Buffer.alloc(70_000, 7),
        'b.txt': 'b',
        'ignore-me': 'x',
      });
      const sig = join(dir, 'model.sig');
      const { bundle } = await signModel({
        model: dir,
        key: createPrivateKey(keys.privatePem),
        signaturePath: sig,
        ignore: ['ignore-me'],
      });
      writeFileSync(sig, bundle);
      const trust = { kind: 'key', publicKeyPem: keys.publicPem } as const;
      const ok = await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW });
      expect(ok).toMatchObject({ valid: true, modelName: 'my-model', files: 3 });
      // ignore-me is recorded in the signature, so changing it changes nothing.
      writeFileSync(join(dir, 'ignore-me'), 'changed');
      expect(
        await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
      ).toMatchObject({ valid: true });
      writeFileSync(join(dir, 'weights/a.bin'), Buffer.alloc(70_000, 8));
      writeFileSync(join(dir, 'new.bin'), 'n');
      rmSync(join(dir, 'b.txt'));
      const bad = await verifyModel({
        model: dir,
        signaturePath: sig,
        trust,
        ignore: [],
        now: NOW,
      });
      expect(bad).toMatchObject({
        valid: false,
        diff: { modified: ['weights/a.bin'], added: ['new.bin'], removed: ['b.txt'] },
      });
    });
  }

  it('writes the OMS v1.0 payload exactly (fields as in the reference test vectors)', async () => {
    const vectorDir = join(
      import.meta.dirname,
      '../../../shared/data/provenance/model-transparency/v1.1.0-sigstore',
    );
    const present = existsSync(vectorDir);
    const dir = modelDir(
      present
        ? {
            'signme-1': readFileSync(join(vectorDir, 'signme-1')),
            'signme-2': readFileSync(join(vectorDir, 'signme-2')),
          }
        : { 'signme-1': 'a', 'signme-2': 'b' },
    );
    const keys = generateKeys('p256');
    const { bundle } = await signModel({
      model: dir,
      key: createPrivateKey(keys.privatePem),
      signaturePath: join(dir, 'model.sig'),
      ignore: [],
    });
    const { bundle: b, statement } = decode(bundle);
    expect(b.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(Object.keys(b.verificationMaterial.publicKey)).toEqual(['hint']);
    expect(b.dsseEnvelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.predicateType).toBe('https://model_signing/signature/v1.0');
    expect(statement.subject).toHaveLength(1);
    expect(statement.subject[0].name).toBe('my-model');
    expect(statement.predicate.serialization).toEqual({
      method: 'files',
      hash_type: 'sha256',
      allow_symlinks: false,
      ignore_paths: ['.git', '.gitattributes', '.github', '.gitignore', 'model.sig'],
    });
    if (!present) return;
    const ref = JSON.parse(
      Buffer.from(
        JSON.parse(readFileSync(join(vectorDir, 'model.sig'), 'utf8')).dsseEnvelope.payload,
        'base64',
      ).toString('utf8'),
    );
    // Same files, same content as the reference vector: same fields, resources and subject digest.
    expect(new Set(Object.keys(statement))).toEqual(new Set(Object.keys(ref)));
    expect(new Set(Object.keys(statement.predicate))).toEqual(new Set(Object.keys(ref.predicate)));
    expect(new Set(Object.keys(statement.predicate.serialization))).toEqual(
      new Set(Object.keys(ref.predicate.serialization)),
    );
    expect(statement.predicate.resources).toEqual(
      ref.predicate.resources.map((r: Record<string, string>) => ({
        name: r.name,
        algorithm: r.algorithm,
        digest: r.digest,
      })),
    );
    expect(statement.subject[0].digest).toEqual(ref.subject[0].digest);
  });

  it('signs in shards: every shard listed, a change names its file', async () => {
    const keys = generateKeys('ed25519');
    const dir = modelDir({ 'big.bin': Buffer.alloc(10_000, 1), empty: '', 'small.txt': 's' });
    const sig = join(dir, 'model.sig');
    const { bundle } = await signModel({
      model: dir,
      key: createPrivateKey(keys.privatePem),
      signaturePath: sig,
      ignore: [],
      shardSize: 4096,
    });
    writeFileSync(sig, bundle);
    const names = decode(bundle).statement.predicate.resources.map((r: { name: string }) => r.name);
    expect(names).toEqual([
      'big.bin:0:4096',
      'big.bin:4096:8192',
      'big.bin:8192:10000',
      'empty:0:0',
      'small.txt:0:1',
    ]);
    expect(decode(bundle).statement.predicate.serialization.shard_size).toBe(4096);
    const trust = { kind: 'key', publicKeyPem: keys.publicPem } as const;
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({ valid: true });
    const b = readFileSync(join(dir, 'big.bin'));
    b[9000] = 9;
    writeFileSync(join(dir, 'big.bin'), b);
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({
      valid: false,
      diff: { modified: ['big.bin'], added: [], removed: [] },
    });
  });

  it('signs a dataset of many small files the same way', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) files[`shard-${i % 7}/row-${i}.json`] = JSON.stringify({ i });
    const dir = modelDir(files);
    const keys = generateKeys('p256');
    const sig = join(dir, '..', 'dataset.sig');
    const { bundle, manifest } = await signModel({
      model: dir,
      key: createPrivateKey(keys.privatePem),
      signaturePath: sig,
      ignore: [],
    });
    expect(manifest.resources).toHaveLength(1500);
    writeFileSync(sig, bundle);
    const trust = { kind: 'key', publicKeyPem: keys.publicPem } as const;
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({ valid: true, files: 1500 });
    writeFileSync(join(dir, 'shard-6/row-1000.json'), '{"i":1}');
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({
      valid: false,
      diff: { modified: ['shard-6/row-1000.json'] },
    });
  });

  it('hashes the same on one thread and on many (shards of one file spread over workers)', async () => {
    const big = Buffer.alloc(3_000_000);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31) & 0xff;
    const dir = modelDir({ 'big.bin': big, 'a.txt': 'a', 'sub/b.txt': 'b' });
    const { hashModel } = await import('./model-hasher.js');
    for (const method of ['files', 'shards'] as const) {
      const one = await hashModel(dir, { method, shardSize: 500_000, ignorePaths: [], threads: 1 });
      const many = await hashModel(dir, {
        method,
        shardSize: 500_000,
        ignorePaths: [],
        threads: 4,
      });
      expect(many.resources).toEqual(one.resources);
    }
    const { createHash } = await import('node:crypto');
    const files = await hashModel(dir, { method: 'files', ignorePaths: [], threads: 3 });
    expect(files.resources.find((r) => r.name === 'big.bin')?.digest).toBe(
      createHash('sha256').update(big).digest('hex'),
    );
  });

  it('verifies P-384 keys with SHA-384', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    const dir = modelDir({ w: 'w' });
    const sig = join(dir, 'model.sig');
    const { bundle } = await signModel({
      model: dir,
      key: pair.privateKey,
      signaturePath: sig,
      ignore: [],
    });
    writeFileSync(sig, bundle);
    const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(
      await verifyModel({
        model: dir,
        signaturePath: sig,
        trust: { kind: 'key', publicKeyPem },
        ignore: [],
        now: NOW,
      }),
    ).toMatchObject({ valid: true });
  });
});
