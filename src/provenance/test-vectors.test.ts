/**
 * Every OMS test vector of v0.3.1 and later from sigstore/model-transparency verifies,
 * offline; tampered copies never do. The vectors live in ../shared (outside the repo);
 * without them these tests are skipped with a message.
 */
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type TrustInput, verifyModel } from './model-signing.js';

const VECTORS = join(import.meta.dirname, '../../../shared/data/provenance/model-transparency');
const present = existsSync(VECTORS);
if (!present) console.warn(`provenance test vectors not found at ${VECTORS}: skipping`);

const VERSIONS = ['v0.3.1', 'v1.0.0', 'v1.0.1', 'v1.1.0'] as const;
const NOW = new Date('2026-06-01T00:00:00Z');
const pub = () => readFileSync(join(VECTORS, 'keys/signing-key-pub.pem'), 'utf8');
const root = () => readFileSync(join(VECTORS, 'keys/ca-cert.pem'), 'utf8');
const KEYLESS: TrustInput = {
  kind: 'keyless',
  identity: 'stefanb@us.ibm.com',
  issuer: 'https://sigstore.verify.ibm.com/oauth2',
};

interface Vector {
  readonly name: string;
  readonly model: (dir: string) => string;
  readonly trust: () => TrustInput;
}

function vectors(): Vector[] {
  const out: Vector[] = [];
  for (const v of VERSIONS) {
    const singleFile = v === 'v0.3.1' || v === 'v1.0.0';
    out.push({
      name: `${v}-certificate`,
      model: (d) => d,
      trust: () => ({ kind: 'certificate', rootsPem: root() }),
    });
    out.push({
      name: `${v}-elliptic-key`,
      model: (d) => (singleFile ? join(d, 'signme-1') : d),
      trust: () => ({ kind: 'key', publicKeyPem: pub() }),
    });
    out.push({ name: `${v}-sigstore`, model: (d) => d, trust: () => KEYLESS });
  }
  return out;
}

const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A writable copy of one vector folder. */
function copy(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sw-oms-')), name);
  temps.push(dir);
  cpSync(join(VECTORS, name), dir, { recursive: true });
  return dir;
}

function run(v: Vector, dir: string, sig = join(dir, 'model.sig'), trust = v.trust()) {
  return verifyModel({
    model: v.model(dir),
    signaturePath: sig,
    trust,
    ignore: [join(dir, 'ignore-me')],
    now: NOW,
    threads: 2,
  });
}

describe.skipIf(!present)('OMS test vectors (sigstore/model-transparency)', () => {
  for (const v of vectors()) {
    it(`${v.name} verifies`, async () => {
      const result = await run(v, join(VECTORS, v.name));
      expect(result).toMatchObject({ valid: true });
    });

    it(`${v.name}: a changed byte is named as modified`, async () => {
      const dir = copy(v.name);
      const file = join(dir, 'signme-1');
      const bytes = readFileSync(file);
      bytes[0] = (bytes[0] as number) ^ 1;
      writeFileSync(file, bytes);
      const result = await run(v, dir);
      expect(result.valid).toBe(false);
      if (result.valid) return;
      const single = v.model(dir) !== dir;
      expect(result.diff?.modified).toEqual([single ? '.' : 'signme-1']);
    });

    it(`${v.name}: a tampered signature is invalid`, async () => {
      const dir = copy(v.name);
      const sigPath = join(dir, 'model.sig');
      const bundle = JSON.parse(readFileSync(sigPath, 'utf8'));
      const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
      sig[sig.length - 3] = (sig[sig.length - 3] as number) ^ 0x40;
      bundle.dsseEnvelope.signatures[0].sig = sig.toString('base64');
      writeFileSync(sigPath, JSON.stringify(bundle));
      expect((await run(v, dir)).valid).toBe(false);
    });

    it(`${v.name}: a tampered payload is invalid`, async () => {
      const dir = copy(v.name);
      const sigPath = join(dir, 'model.sig');
      const bundle = JSON.parse(readFileSync(sigPath, 'utf8'));
      const payload = Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8');
      bundle.dsseEnvelope.payload = Buffer.from(
        payload.replace(
          /"digest": ?"[0-9a-f]/,
          (m) => `${m.slice(0, -1)}${m.endsWith('0') ? '1' : '0'}`,
        ),
      ).toString('base64');
      expect(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8')).not.toBe(payload);
      writeFileSync(sigPath, JSON.stringify(bundle));
      expect((await run(v, dir)).valid).toBe(false);
    });

    it(`${v.name}: a truncated signature file is invalid`, async () => {
      const dir = copy(v.name);
      const sigPath = join(dir, 'model.sig');
      const text = readFileSync(sigPath, 'utf8');
      writeFileSync(sigPath, text.slice(0, Math.floor(text.length / 2)));
      expect((await run(v, dir)).valid).toBe(false);
    });
  }

  it('the legacy v0.2.0 format is refused with a clear error, never reported valid', async () => {
    const dir = join(VECTORS, 'v0.2.0-certificate');
    await expect(
      verifyModel({
        model: dir,
        signaturePath: join(dir, 'model.sig'),
        trust: { kind: 'certificate', rootsPem: root() },
        ignore: [],
        now: NOW,
      }),
    ).rejects.toMatchObject({ code: 'format_unsupported' });
  });

  it('an added and a removed file are named', async () => {
    const v = vectors().find((x) => x.name === 'v1.1.0-certificate') as Vector;
    const dir = copy(v.name);
    appendFileSync(join(dir, 'extra.bin'), 'x');
    unlinkSync(join(dir, 'signme-2'));
    const result = await run(v, dir);
    expect(result).toMatchObject({
      valid: false,
      diff: { modified: [], added: ['extra.bin'], removed: ['signme-2'] },
    });
  });

  it('a wrong key, a wrong root and a wrong identity are all invalid', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('ec', { namedCurve: 'secp384r1' })
      .publicKey.export({ type: 'spki', format: 'pem' })
      .toString();
    const key = vectors().find((x) => x.name === 'v1.1.0-elliptic-key') as Vector;
    const dir = join(VECTORS, key.name);
    expect((await run(key, dir, undefined, { kind: 'key', publicKeyPem: other })).valid).toBe(
      false,
    );
    const oldKey = vectors().find((x) => x.name === 'v1.0.1-elliptic-key') as Vector;
    expect(
      (
        await run(oldKey, join(VECTORS, oldKey.name), undefined, {
          kind: 'key',
          publicKeyPem: other,
        })
      ).valid,
    ).toBe(false);
    const cert = vectors().find((x) => x.name === 'v1.1.0-certificate') as Vector;
    // The intermediate is not the root: a chain that stops short of the given root fails.
    const intermediate = readFileSync(join(VECTORS, 'keys/int-ca-cert.pem'), 'utf8');
    const leafOnly = readFileSync(join(VECTORS, 'keys/signing-key-cert.pem'), 'utf8');
    expect(
      (
        await run(cert, join(VECTORS, cert.name), undefined, {
          kind: 'certificate',
          rootsPem: leafOnly,
        })
      ).valid,
    ).toBe(false);
    expect(intermediate.length).toBeGreaterThan(0);
    const keyless = vectors().find((x) => x.name === 'v1.1.0-sigstore') as Vector;
    const wrongId: TrustInput = { ...KEYLESS, identity: 'mallory@example.org' };
    expect((await run(keyless, join(VECTORS, keyless.name), undefined, wrongId)).valid).toBe(false);
    const wrongIssuer: TrustInput = { ...KEYLESS, issuer: 'https://accounts.google.com' };
    expect((await run(keyless, join(VECTORS, keyless.name), undefined, wrongIssuer)).valid).toBe(
      false,
    );
  });

  it('certificates are checked for validity at the verification time', async () => {
    const cert = vectors().find((x) => x.name === 'v1.1.0-certificate') as Vector;
    const result = await verifyModel({
      model: join(VECTORS, cert.name),
      signaturePath: join(VECTORS, cert.name, 'model.sig'),
      trust: cert.trust(),
      ignore: ['ignore-me'],
      now: new Date('2040-01-01T00:00:00Z'),
    });
    expect(result).toMatchObject({ valid: false });
  });

  it('a key signature is not accepted as a certificate one (and vice versa)', async () => {
    const key = vectors().find((x) => x.name === 'v1.1.0-elliptic-key') as Vector;
    expect(
      (
        await run(key, join(VECTORS, key.name), undefined, {
          kind: 'certificate',
          rootsPem: root(),
        })
      ).valid,
    ).toBe(false);
    const cert = vectors().find((x) => x.name === 'v1.1.0-certificate') as Vector;
    expect(
      (await run(cert, join(VECTORS, cert.name), undefined, { kind: 'key', publicKeyPem: pub() }))
        .valid,
    ).toBe(false);
  });
});
