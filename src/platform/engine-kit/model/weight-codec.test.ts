import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSparseWeights,
  encodeSparseWeights,
  fromBase64,
  fromFloat16Bits,
  quantize,
  toBase64,
  toFloat16Bits,
} from './weight-codec.js';

describe('half precision', () => {
  it.each([
    [0, 0x0000],
    [1, 0x3c00],
    [-2, 0xc000],
    [0.5, 0x3800],
    [65504, 0x7bff],
    [0.1, 0x2e66],
    [2 ** -24, 0x0001],
    [1e6, 0x7c00],
  ])('%d encodes as its IEEE 754 binary16 bits', (value, bits) => {
    expect(toFloat16Bits(value)).toBe(bits);
  });

  it('round-trips every half value exactly and rounds others to within half a step', () => {
    for (let bits = 0; bits < 0x7c00; bits += 7) {
      expect(toFloat16Bits(fromFloat16Bits(bits))).toBe(bits);
    }
    fc.assert(
      fc.property(fc.double({ min: -60000, max: 60000, noNaN: true }), (x) => {
        const q = fromFloat16Bits(toFloat16Bits(x));
        expect(Math.abs(q - x)).toBeLessThanOrEqual(Math.max(Math.abs(x) * 2 ** -11, 2 ** -25));
      }),
    );
  });
});

describe('base64', () => {
  it('agrees with Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
    );
  });

  it('agrees with Node without Buffer too, as in a browser (atob)', () => {
    const buffer = globalThis.Buffer;
    try {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
          const text = buffer.from(bytes).toString('base64');
          Reflect.deleteProperty(globalThis, 'Buffer');
          try {
            expect(fromBase64(text)).toEqual(bytes);
          } finally {
            globalThis.Buffer = buffer;
          }
        }),
      );
    } finally {
      globalThis.Buffer = buffer;
    }
  });

  it('rejects text that is not base64', () => {
    for (const bad of ['abc', 'ab!d', 'a=bc', '====', 'A===', 'ab\ncd==', 'abcd ', '-_ab'])
      expect(fromBase64(bad), bad).toBeNull();
  });
});

describe('sparse weights', () => {
  it('keeps exactly the non-zero half-precision weights', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.double({ min: -8, max: 8, noNaN: true })), {
          maxLength: 300,
        }),
        (values) => {
          const { count, data } = encodeSparseWeights(values);
          const decoded = decodeSparseWeights(data, count, values.length);
          expect(decoded).toEqual(quantize(values).map((v) => (Object.is(v, -0) ? 0 : v)));
        },
      ),
    );
  });

  it('refuses data that does not fit the declared shape', () => {
    const { count, data } = encodeSparseWeights([0, 1, 0, 0, 2]);
    expect(decodeSparseWeights(data, count, 5)).not.toBeNull();
    expect(decodeSparseWeights(data, count, 3)).toBeNull();
    expect(decodeSparseWeights(data, count + 1, 5)).toBeNull();
    expect(decodeSparseWeights('!!!!', count, 5)).toBeNull();
  });
});
