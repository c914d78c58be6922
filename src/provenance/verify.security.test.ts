/**
 * Hostile input for signing and verification: symbolic links (and loops), path traversal in
 * signed manifests, files changing under the hasher, unsupported formats, junk signature
 * files. Never a false "valid", never a hang.
 */
import { createPrivateKey } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rootDigest } from './engine/oms-statement.js';
import { pae } from './engine/pae.js';
import { hashRanges } from './hash-pool.js';
import { generateKeys, signBytes } from './key-material.js';
import { sha256 } from './model-hasher.js';
import { signModel, verifyModel } from './model-signing.js';

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'sw-sec-'));
  temps.push(d);
  return d;
}

const keys = generateKeys('p256');
const key = createPrivateKey(keys.privatePem);
const trust = { kind: 'key', publicKeyPem: keys.publicPem } as const;
const NOW = new Date();

/** A bundle signed with our key over an arbitrary statement (a malicious signer, or a confused one). */
function signedBundle(statement: unknown): string {
  const payload = Buffer.from(JSON.stringify(statement));
  const sig = signBytes(key, pae('application/vnd.in-toto+json', payload));
  return JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: '' }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: sig.toString('base64') }],
    },
  });
}

function statementFor(
  resources: { name: string; digest: string }[],
  serialization: Record<string, unknown> = {},
) {
  const full = resources.map((r) => ({ ...r, algorithm: 'sha256' as const }));
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'm', digest: { sha256: rootDigest(full, sha256) } }],
    predicateType: 'https://model_signing/signature/v1.0',
    predicate: {
      serialization: {
        method: 'files',
        hash_type: 'sha256',
        allow_symlinks: false,
        ...serialization,
      },
      resources: full,
    },
  };
}

describe('symbolic links are refused', () => {
  it('refuses to sign or verify a model containing a link, and a link loop does not hang', async () => {
    const dir = join(tmp(), 'm');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'w.bin'), 'w');
    const sig = join(dir, '..', 'm.sig');
    writeFileSync(
      sig,
      (await signModel({ model: dir, key, signaturePath: sig, ignore: [] })).bundle,
    );
    symlinkSync('/etc/passwd', join(dir, 'sub', 'evil'));
    symlinkSync('.', join(dir, 'sub', 'loop'));
    await expect(
      signModel({ model: dir, key, signaturePath: sig, ignore: [] }),
    ).rejects.toMatchObject({ code: 'symlink_refused' });
    await expect(
      verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).rejects.toMatchObject({
      code: 'symlink_refused',
    });
    // Ignoring the links is the documented way out.
    expect(
      await verifyModel({
        model: dir,
        signaturePath: sig,
        trust,
        ignore: ['sub/evil', 'sub/loop'],
        now: NOW,
      }),
    ).toMatchObject({ valid: true });
  });

  it('refuses a signature made while following links', async () => {
    const dir = join(tmp(), 'm');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a'), 'a');
    const sig = join(dir, '..', 'm.sig');
    writeFileSync(
      sig,
      signedBundle(statementFor([{ name: 'a', digest: sha256hex('a') }], { allow_symlinks: true })),
    );
    await expect(
      verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).rejects.toMatchObject({ code: 'format_unsupported' });
  });
});

const sha256hex = (s: string) => Buffer.from(sha256(Buffer.from(s))).toString('hex');

describe('signed manifests cannot leave the model', () => {
  for (const name of ['../outside', '/etc/passwd', 'a/../../b', 'a\\..\\b', 'a//b', './a']) {
    it(`a resource named ${JSON.stringify(name)} is invalid`, async () => {
      const dir = join(tmp(), 'm');
      mkdirSync(dir);
      const sig = join(dir, '..', 'm.sig');
      writeFileSync(sig, signedBundle(statementFor([{ name, digest: sha256hex('x') }])));
      const result = await verifyModel({
        model: dir,
        signaturePath: sig,
        trust,
        ignore: [],
        now: NOW,
      });
      expect(result).toMatchObject({ valid: false });
    });
  }

  it('an unsafe recorded ignore path is refused', async () => {
    const dir = join(tmp(), 'm');
    mkdirSync(dir);
    const sig = join(dir, '..', 'm.sig');
    writeFileSync(sig, signedBundle(statementFor([], { ignore_paths: ['../x'] })));
    await expect(
      verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).rejects.toMatchObject({ code: 'format_unsupported' });
  });

  it('a subject digest that does not match the resources is invalid', async () => {
    const dir = join(tmp(), 'm');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a'), 'a');
    const st = statementFor([{ name: 'a', digest: sha256hex('a') }]);
    st.subject[0] = { name: 'm', digest: { sha256: '0'.repeat(64) } };
    const sig = join(dir, '..', 'm.sig');
    writeFileSync(sig, signedBundle(st));
    expect(
      await verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).toMatchObject({ valid: false });
  });

  it('the legacy v0.2 predicate is refused with a clear error', async () => {
    const dir = join(tmp(), 'm');
    mkdirSync(dir);
    const sig = join(dir, '..', 'm.sig');
    writeFileSync(
      sig,
      signedBundle({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [],
        predicateType: 'https://model_signing/Digests/v0.1',
        predicate: {},
      }),
    );
    await expect(
      verifyModel({ model: dir, signaturePath: sig, trust, ignore: [], now: NOW }),
    ).rejects.toMatchObject({ code: 'format_unsupported' });
  });
});

describe('files changing under the hasher', () => {
  it('a size different from the one listed fails as file_changed', async () => {
    const f = join(tmp(), 'f');
    writeFileSync(f, 'hello');
    await expect(hashRanges([{ path: f, start: 0, end: 5, size: 6 }], 1)).rejects.toMatchObject({
      code: 'file_changed',
    });
    expect(await hashRanges([{ path: f, start: 0, end: 5, size: 5 }], 1)).toEqual([
      sha256hex('hello'),
    ]);
  });
});

describe('junk signature files are never valid', () => {
  it('random JSON and random bytes', async () => {
    const dir = join(tmp(), 'm');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a'), 'a');
    const sig = join(dir, '..', 'm.sig');
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string()), async (text) => {
        writeFileSync(sig, text);
        const result = await verifyModel({
          model: dir,
          signaturePath: sig,
          trust,
          ignore: [],
          now: NOW,
        }).catch(() => ({ valid: false }));
        return result.valid === false;
      }),
      { numRuns: 100 },
    );
  });
});
