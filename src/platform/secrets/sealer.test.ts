import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSealer, loadOrCreateSecretKey } from './sealer.js';

const key = new Uint8Array(32).fill(7);

describe('sealer', () => {
  it('round-trips and never stores the plaintext', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('JBSWY3DPEHPK3PXP', 'access_user.totp_secret:u1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(sealer.open(sealed, 'access_user.totp_secret:u1')).toBe('JBSWY3DPEHPK3PXP');
    // A fresh nonce each time: equal secrets do not look equal in the database.
    expect(sealer.seal('JBSWY3DPEHPK3PXP', 'access_user.totp_secret:u1')).not.toBe(sealed);
  });

  it('refuses a value moved to another row, a changed value, or another key', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('s3cret', 'intel_webhook.secret:w1');
    expect(() => sealer.open(sealed, 'intel_webhook.secret:w2')).toThrow(/cannot be opened/);
    // One character of the tag changed (the second-to-last: the last one also carries padding bits).
    // It must differ from the one it replaces: choosing by the last character, as this line once did,
    // left the value unchanged whenever the second-to-last was already 'A' (1 run in 64).
    const at = sealed.length - 2;
    const flipped = `${sealed.slice(0, at)}${sealed[at] === 'A' ? 'B' : 'A'}${sealed.slice(at + 1)}`;
    expect(flipped).not.toBe(sealed);
    expect(() => sealer.open(flipped, 'intel_webhook.secret:w1')).toThrow(/cannot be opened/);
    expect(() =>
      createSealer(new Uint8Array(32).fill(8)).open(sealed, 'intel_webhook.secret:w1'),
    ).toThrow(/another key/);
    expect(() => sealer.open('sw1.abc', 'x:y')).toThrow(/cannot be opened/);
  });

  it('reads values written before sealing as legacy plain text', () => {
    const sealer = createSealer(key);
    expect(sealer.isLegacy('JBSWY3DPEHPK3PXP')).toBe(true);
    expect(sealer.open('JBSWY3DPEHPK3PXP', 'a:b')).toBe('JBSWY3DPEHPK3PXP');
    expect(sealer.isLegacy(sealer.seal('x', 'a:b'))).toBe(false);
  });
});

describe('loadOrCreateSecretKey', () => {
  it('creates a private key file once and reads the same key again', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sw-secret-')), 'secret.key');
    const first = loadOrCreateSecretKey({ path });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(loadOrCreateSecretKey({ path })).toEqual(first);
    expect(first.length).toBe(32);
    expect(readFileSync(path, 'utf8').trim()).toHaveLength(43);
  });

  it('reads a key written by openssl rand -base64 32 and rejects a wrong length', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sw-secret-'));
    writeFileSync(join(dir, 'ok.key'), `${Buffer.alloc(32, 9).toString('base64')}\n`, {
      mode: 0o600,
    });
    expect(loadOrCreateSecretKey({ path: join(dir, 'ok.key') })).toEqual(
      new Uint8Array(32).fill(9),
    );
    writeFileSync(join(dir, 'short.key'), 'c2hvcnQ=\n', { mode: 0o600 });
    expect(() => loadOrCreateSecretKey({ path: join(dir, 'short.key') })).toThrow(/openssl rand/);
  });

  it('refuses a key file others can read', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sw-secret-')), 'secret.key');
    writeFileSync(path, `${Buffer.alloc(32, 1).toString('base64url')}\n`, { mode: 0o644 });
    expect(() => loadOrCreateSecretKey({ path })).toThrow(/chmod 600/);
  });
});
