/**
 * Canonical JSON: the leaf bytes. Same value ⇒ same bytes whatever the key order;
 * output is valid JSON that reads back to the value; hostile input is refused, never thrown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, MAX_DEPTH } from './canonical-json.js';

const canon = (value: unknown, max = 1_000_000) => {
  const r = canonicalJson(value, max);
  if (!r.ok) throw new Error(r.reason);
  return r.text;
};

function shuffleKeys(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, seed));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  entries.sort(
    (a, b) =>
      ((a[0].length * 31 + seed) % 7) - ((b[0].length * 31 + seed) % 7) || (seed % 2 ? 1 : -1),
  );
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, seed + 1)]));
}

const json = fc.jsonValue({ maxDepth: 6 });

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units and writes no whitespace', () => {
    expect(
      canon({ b: 1, a: [1, { d: null, c: 'x y' }], A: true, é: 0, '\u{1F600}': 2, '\uFB01': 3 }),
    ).toBe('{"A":true,"a":[1,{"c":"x y","d":null}],"b":1,"é":0,"\u{1F600}":2,"\uFB01":3}');
    expect(canon({ n: -0, e: 1e21, f: 0.1, u: undefined })).toBe('{"e":1e+21,"f":0.1,"n":0}');
  });

  it('gives the same bytes whatever the key order, and reads back to the same value', () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, seed) => {
        const text = canon(value);
        expect(canon(shuffleKeys(value, seed))).toBe(text);
        expect(canon(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON cannot hold, and never throws on anything', () => {
    for (const bad of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      1n,
      () => 1,
      Symbol('x'),
      new Date(0),
      new Map(),
      [undefined],
      '\udc00',
    ]) {
      expect(canonicalJson({ x: bad }, 1000).ok).toBe(false);
    }
    let deep: unknown = 1;
    for (let i = 0; i < MAX_DEPTH + 1; i++) deep = [deep];
    expect(canonicalJson(deep, 1000)).toEqual({
      ok: false,
      reason: expect.stringContaining('nested'),
    });
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => canonicalJson(value, 10_000)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the size budget without building the whole text', () => {
    expect(canonicalJson({ s: 'x'.repeat(100) }, 50)).toEqual({
      ok: false,
      reason: 'is too large',
    });
    expect(
      canonicalJson(
        Array.from({ length: 100_000 }, () => 1),
        1000,
      ).ok,
    ).toBe(false);
    expect(canonicalJson({ s: 'x'.repeat(40) }, 50).ok).toBe(true);
  });
});
