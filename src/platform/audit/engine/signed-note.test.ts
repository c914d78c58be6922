/**
 * C2SP signed notes and checkpoints: the reference example of golang.org/x/mod/sumdb/note
 * (the PeterNeumann key, note and signature) reproduced byte for byte, round
 * trips, and hostile input that must be refused without throwing.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.js';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import type { Sha256 } from './merkle.js';
import {
  ed25519KeyHash,
  type NoteSigner,
  type NoteVerifier,
  openNote,
  parseNote,
  parseVerifierKey,
  signNote,
  verifierKeyString,
} from './signed-note.js';

const h: Sha256 = { sha256: (b) => new Uint8Array(createHash('sha256').update(b).digest()) };

// From golang.org/x/mod/sumdb/note (note_test.go / example_test.go).
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SEED_B64 = 'AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz'; // 0x01 || seed
const TEXT =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const SIG_LINE =
  '— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

function peterKeys(): { signer: NoteSigner; verifier: NoteVerifier } {
  const seed = (fromBase64(SEED_B64) as Uint8Array).slice(1);
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  const raw = Buffer.from(
    createPublicKey(privateKey).export({ format: 'jwk' }).x as string,
    'base64url',
  );
  const keyHash = ed25519KeyHash(h, 'PeterNeumann', raw);
  const publicKey = createPublicKey(privateKey);
  return {
    signer: {
      name: 'PeterNeumann',
      keyHash,
      sign: (m) => new Uint8Array(sign(null, m, privateKey)),
    },
    verifier: { name: 'PeterNeumann', keyHash, verify: (m, s) => verify(null, m, publicKey, s) },
  };
}

describe('signed notes', () => {
  const { signer, verifier } = peterKeys();

  it('reproduces the Go reference note and verifier key byte for byte', () => {
    expect(signNote(TEXT, signer)).toBe(`${TEXT}\n${SIG_LINE}`);
    const parsed = parseVerifierKey(h, VKEY);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(verifierKeyString(h, 'PeterNeumann', parsed.value.publicKey)).toBe(VKEY);
    expect(toHex(parsed.value.keyHash)).toBe('c74f20a3');
  });

  it('opens the reference note and refuses it once changed', () => {
    const note = `${TEXT}\n${SIG_LINE}`;
    expect(openNote(note, verifier)).toEqual({ ok: true, value: TEXT });
    expect(openNote(note.replace('cryptography', 'cryptographY'), verifier).ok).toBe(false);
    expect(openNote(note.replace('x08go', 'x08gp'), verifier).ok).toBe(false);
    expect(openNote(`${TEXT}\n`, verifier).ok).toBe(false);
    expect(openNote(`${TEXT}\n${SIG_LINE}${SIG_LINE}`, verifier).ok).toBe(false);
    const other = { ...verifier, name: 'Someone' };
    expect(openNote(note, other).ok).toBe(false);
  });

  it('keeps other signers’ lines (witness cosignatures) and ignores them', () => {
    const cosig =
      '— witness.example AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n';
    const note = `${TEXT}\n${SIG_LINE}${cosig}`;
    expect(openNote(note, verifier)).toEqual({ ok: true, value: TEXT });
    const parsed = parseNote(note);
    expect(parsed.ok && parsed.value.signatures.map((s) => s.name)).toEqual([
      'PeterNeumann',
      'witness.example',
    ]);
  });

  it.each([
    ['no blank line', `${TEXT}${SIG_LINE}`],
    ['no final newline', `${TEXT}\n${SIG_LINE.trimEnd()}`],
    ['control character', `hello\tworld\n\n${SIG_LINE}`],
    ['bad dash', `${TEXT}\n${SIG_LINE.replace('—', '-')}`],
    ['bad base64', `${TEXT}\n${SIG_LINE.replace('AM=', 'AM')}`],
    ['space in name', `${TEXT}\n${SIG_LINE.replace('PeterNeumann', 'Peter Neumann')}`],
    ['too long', `${'a'.repeat(70_000)}\n\n${SIG_LINE}`],
  ])('refuses a malformed note: %s', (_what, note) => {
    expect(parseNote(note).ok).toBe(false);
    expect(openNote(note, verifier).ok).toBe(false);
  });

  it('refuses mangled verifier keys', () => {
    for (const bad of [
      VKEY.slice(0, -1),
      VKEY.replace('c74f20a3', 'c74f20a4'),
      VKEY.replace('+A', '+B'),
      `x${VKEY}`,
      'a+b',
      '',
    ]) {
      expect(parseVerifierKey(h, bad).ok).toBe(false);
    }
  });

  it('round-trips verifier keys whose base64 contains "+" (regression: split on the first two only)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (publicKey) => {
        const key = verifierKeyString(h, 'log.example/audit', publicKey);
        const parsed = parseVerifierKey(h, key);
        expect(parsed.ok && parsed.value.publicKey).toEqual(publicKey);
      }),
      { numRuns: 200 },
    );
    const plus = Uint8Array.from({ length: 32 }, () => 0xfb);
    expect(verifierKeyString(h, 'n', plus)).toMatch(/\+.*\+.*\+/);
    expect(parseVerifierKey(h, verifierKeyString(h, 'n', plus)).ok).toBe(true);
  });

  it('never throws on hostile input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(() => parseNote(text)).not.toThrow();
        expect(() => parseCheckpoint(text)).not.toThrow();
        expect(() => openCheckpoint(text, verifier)).not.toThrow();
        expect(() => parseVerifierKey(h, text)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('checkpoints', () => {
  const { signer, verifier } = peterKeys();
  const root = fromHex(
    '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
  ) as Uint8Array;

  it('formats the C2SP body and round-trips it', () => {
    const body = formatCheckpoint({ origin: 'PeterNeumann', size: 8, root });
    expect(body).toBe('PeterNeumann\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n');
    expect(parseCheckpoint(body)).toEqual({
      ok: true,
      value: { origin: 'PeterNeumann', size: 8, root, extensions: [] },
    });
  });

  it('opens a signed checkpoint only with the right key and origin', () => {
    const note = signCheckpoint({ origin: 'PeterNeumann', size: 8, root }, signer);
    expect(openCheckpoint(note, verifier).ok).toBe(true);
    expect(openCheckpoint(note.replace('\n8\n', '\n9\n'), verifier).ok).toBe(false);
    const foreign = signCheckpoint({ origin: 'other.example', size: 8, root }, signer);
    expect(openCheckpoint(foreign, verifier).ok).toBe(false);
  });

  it.each([
    ['leading zero', 'o\n08\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n'],
    ['negative', 'o\n-1\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n'],
    ['huge', 'o\n99999999999999999\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n'],
    ['short root', 'o\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqt\n'],
    ['non-canonical base64', 'o\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqtl0lgz+Nw7/RgQyh=\n'],
    ['two lines', 'o\n8\n'],
    ['empty extension', 'o\n8\nXcnaeacGWamtVZy3Ad7Zoqudgjqtl0lgz+Nw7/RgQyg=\n\n'],
  ])('refuses a malformed checkpoint: %s', (_what, text) => {
    expect(parseCheckpoint(text).ok).toBe(false);
  });
});

describe('base64 and hex', () => {
  it('round-trip any bytes and agree with Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const b64 = toBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(b64)).toEqual(bytes);
        expect(fromHex(toHex(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuse lenient spellings', () => {
    for (const bad of ['AB==', 'A===', 'AA=', 'AA AA', 'AA==AA==', '@@@@'])
      expect(fromBase64(bad)).toBeUndefined();
    for (const bad of ['ABCD', 'abc', 'zz', ' 00']) expect(fromHex(bad)).toBeUndefined();
    expect(utf8('—')).toEqual(Uint8Array.of(0xe2, 0x80, 0x94));
  });
});
