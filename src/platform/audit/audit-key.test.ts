import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadOrCreateAuditKey } from './audit-key.js';
import { removeDir, tempDir } from './test-support/audit-fixture.js';

const dir = tempDir('sw-audit-key-');
afterAll(() => removeDir(dir));

describe.skipIf(process.platform === 'win32')('audit signing key', () => {
  it('is created on first start, mode 0600 in a new directory, and reloaded after', async () => {
    const path = join(dir, 'new', 'nested', 'audit.pem');
    const first = await loadOrCreateAuditKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const again = await loadOrCreateAuditKey(path);
    expect(again.created).toBe(false);
    expect(again.publicKey).toEqual(first.publicKey);
    expect(first.publicKey).toHaveLength(32);
    const message = new TextEncoder().encode('tree head');
    expect(again.verify(message, first.sign(message))).toBe(true);
    expect(again.verify(message, new Uint8Array(64))).toBe(false);
  });

  it('ends with one key when several processes start at once', async () => {
    const path = join(dir, 'race', 'audit.pem');
    const keys = await Promise.all(Array.from({ length: 8 }, () => loadOrCreateAuditKey(path)));
    expect(keys.filter((k) => k.created)).toHaveLength(1);
    for (const k of keys) expect(k.publicKey).toEqual(keys[0]?.publicKey);
  });

  it('refuses a key file other users can read, saying how to fix it', async () => {
    const path = join(dir, 'open.pem');
    await loadOrCreateAuditKey(path);
    chmodSync(path, 0o644);
    await expect(loadOrCreateAuditKey(path)).rejects.toMatchObject({
      code: 'audit_key_invalid',
      message: expect.stringContaining(`chmod 600 ${path}`),
    });
  });

  it('refuses keys that are not Ed25519 PKCS#8 PEM', async () => {
    const rsa = join(dir, 'rsa.pem');
    const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
    });
    writeFileSync(rsa, pem, { mode: 0o600 });
    await expect(loadOrCreateAuditKey(rsa)).rejects.toMatchObject({
      message: expect.stringContaining('must be Ed25519'),
    });
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a key', { mode: 0o600 });
    await expect(loadOrCreateAuditKey(junk)).rejects.toMatchObject({ code: 'audit_key_invalid' });
  });
});
