import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dictionary } from '@zxcvbn-ts/language-common';
import { describe, expect, it } from 'vitest';
import { buildPasswordFilter, readPasswordFilter } from './password-filter.js';
import {
  checkNewPassword,
  hashPassword,
  isCommonPassword,
  needsRehash,
  verifyPassword,
} from './passwords.js';

const list = dictionary['passwords-common'] as string[];
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!@#$%^&*()-_=+';
const random20 = () => Array.from(randomBytes(20), (b) => ALPHABET[b % ALPHABET.length]).join('');

// Measured once at load, so the rate is in the test's name.
const TRIALS = 20_000;
let falsePositives = 0;
for (let i = 0; i < TRIALS; i++) if (isCommonPassword(random20())) falsePositives++;
const fpr = falsePositives / TRIALS;

describe('common-password filter', () => {
  it('refuses every entry of the list it was built from, in any case', () => {
    const missed = list.filter((p) => !isCommonPassword(p));
    expect(missed).toEqual([]);
    expect(isCommonPassword('PassWord')).toBe(true);
    expect(isCommonPassword('QWERTYUIOP')).toBe(true);
  });

  it('refuses a common word with a short decoration after it', () => {
    expect(isCommonPassword('dragon2024!')).toBe(true);
    expect(isCommonPassword('sunshine99')).toBe(true);
  });

  it(`accepts random 20-character strings (measured false positives ${(fpr * 100).toFixed(3)}% of ${TRIALS})`, () => {
    expect(fpr).toBeLessThan(0.005);
  });

  it('is the shipped file, and the file matches a fresh build of the list', () => {
    const file = readFileSync(
      fileURLToPath(new URL('../../../models/common-passwords.bin', import.meta.url)),
    );
    const shipped = readPasswordFilter(file);
    const fresh = buildPasswordFilter(list, 0.001);
    expect(shipped.n).toBe(list.length);
    expect(Buffer.from(fresh.bytes).equals(file)).toBe(true);
    expect(file.length).toBeLessThan(120_000);
  });

  it('refuses a damaged filter file instead of answering from it', () => {
    const good = buildPasswordFilter(['one', 'two'], 0.01).bytes;
    expect(() => readPasswordFilter(good.subarray(0, 10))).toThrow(/too short/);
    expect(() => readPasswordFilter(good.subarray(0, good.length - 1))).toThrow(/size/);
    const bad = Uint8Array.from(good);
    bad[0] = 0x58;
    expect(() => readPasswordFilter(bad)).toThrow(/not a version 1/);
  });
});

describe('password rules', () => {
  it('wants 8 to 256 characters, counting characters not bytes', () => {
    expect(() => checkNewPassword('short1!')).toThrow(/8 to 256/);
    expect(() => checkNewPassword('x'.repeat(100) + 'y'.repeat(157))).toThrow(/8 to 256/);
    expect(checkNewPassword('🐢🐢🐢🐢 slow and sure')).toBe('🐢🐢🐢🐢 slow and sure');
    expect(() => checkNewPassword('aaaaaaaaaaaa')).toThrow(/repeated/);
  });

  it('has no composition rules: a long lowercase phrase is fine', () => {
    expect(checkNewPassword('correct quilt moth evening')).toBe('correct quilt moth evening');
  });

  it('refuses common passwords and the account’s own name or address', () => {
    expect(() => checkNewPassword('password123')).toThrow(/common or leaked/);
    expect(() => checkNewPassword('Iloveyou1')).toThrow(/common or leaked/);
    expect(() =>
      checkNewPassword('alice.smith@example.com', { email: 'alice.smith@example.com' }),
    ).toThrow(/your name/);
  });

  it('hashes with argon2id at the OWASP parameters and verifies after NFKC normalisation', async () => {
    const hashed = await hashPassword('ｆｕｌｌ width phrase');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(hashed)).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$abc$def')).toBe(true);
    expect(await verifyPassword(hashed, 'full width phrase')).toBe(true);
    expect(await verifyPassword(hashed, 'full width phrasE')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});
