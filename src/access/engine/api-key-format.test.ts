import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  API_KEY_PATTERN,
  API_KEY_RANDOM_BYTES,
  crc32,
  formatApiKey,
  isApiKeyId,
  parseApiKey,
} from './api-key-format.js';

describe('API key format', () => {
  it('round-trips and is recognizable to scanners', () => {
    const { key, keyId, secret } = formatApiKey(randomBytes(API_KEY_RANDOM_BYTES));
    expect(key.startsWith(`${keyId}_`)).toBe(true);
    expect(API_KEY_PATTERN.test(`token = "${key}"`)).toBe(true);
    expect(isApiKeyId(keyId)).toBe(true);
    expect(parseApiKey(key)).toEqual({ keyId, secret });
  });

  it('CRC-32 matches the standard check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
  });

  it('any single-character change is refused by the checksum or the shape', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.nat(),
        fc.constantFrom(...'0aZ9_-'),
        (bytes, pos, ch) => {
          const { key } = formatApiKey(bytes);
          const i = 8 + (pos % (key.length - 8));
          if (key[i] === ch) return;
          const changed = key.slice(0, i) + ch + key.slice(i + 1);
          expect(parseApiKey(changed)).toBeUndefined();
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses other strings quickly', () => {
    expect(parseApiKey('')).toBeUndefined();
    expect(parseApiKey('sw_live_')).toBeUndefined();
    expect(parseApiKey('x'.repeat(10_000))).toBeUndefined();
  });
});
