import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, FNV_OFFSET, fmix32, fnvRange, hashString, signOf } from './hash.js';

describe('feature hashing', () => {
  // Published FNV-1a 32-bit test vectors (ASCII input equals our UTF-16 variant).
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('FNV-1a(%j) is the published value', (text, expected) => {
    expect(fnvRange(FNV_OFFSET, text)).toBe(expected);
  });

  it('finishes with MurmurHash3 fmix32 (published values)', () => {
    expect(fmix32(0)).toBe(0);
    expect(fmix32(1)).toBe(0x514e28b7);
  });

  // Golden values: a change here changes every model file; retrain if it is intended.
  it.each([
    ['', 0xab3e7c0b],
    ['a', 0x1a80b1b3],
    ['foobar', 0x0c0da6dc],
  ])('hashString(%j) is stable', (text, expected) => {
    expect(hashString(text)).toBe(expected);
  });

  it('hashes a sub-range like the substring', () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(), fc.nat(), (s, a, b) => {
        const start = Math.min(a, s.length);
        const end = Math.min(start + b, s.length);
        expect(fnvRange(FNV_OFFSET, s, start, end)).toBe(fnvRange(FNV_OFFSET, s.slice(start, end)));
      }),
    );
  });

  it('gives buckets in range and signs of ±1', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 24 }), (s, bits) => {
        const h = hashString(s);
        const b = bucketOf(h, bits);
        expect(b).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThan(2 ** bits);
        expect([1, -1]).toContain(signOf(h));
      }),
    );
  });
});
