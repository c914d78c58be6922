/**
 * Compact weights for the model files: only non-zero weights are stored, as
 * delta-coded indices (LEB128 varints) followed by IEEE half-precision values
 * (little-endian), all base64 in the JSON. Half precision keeps three
 * significant digits — far finer than the noise in a trained weight — and the
 * training script scores its metrics with the decoded weights, so what is
 * measured is exactly what ships.
 */

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

/** Round a number to the nearest half-precision value, as its 16 bits. */
export function toFloat16Bits(value: number): number {
  F32[0] = value;
  const x = U32[0] as number;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant !== 0 ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    // Subnormal half: shift the implicit 1 in and round to nearest even.
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    const rounded = (mant + half - 1 + ((mant >>> shift) & 1)) >>> shift;
    return sign | rounded;
  }
  const rounded = mant + 0xfff + ((mant >>> 13) & 1);
  if (rounded & 0x800000) {
    mant = 0;
    e += 1;
    if (e >= 0x1f) return sign | 0x7c00;
  } else mant = rounded;
  return sign | (e << 10) | (mant >>> 13);
}

/** 2^(e - 15) for each exponent field e: a table, not a power per weight (cold-start decoding). */
const EXPONENT_SCALE = Float64Array.from({ length: 32 }, (_, e) => 2 ** (e - 15));

export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >>> 10) & 0x1f;
  const mant = bits & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * (1 + mant / 1024) * (EXPONENT_SCALE[exp] as number);
}

/** Weights as their stored half-precision values (what a loaded model will use). */
export function quantize(weights: ArrayLike<number>): Float32Array {
  const out = new Float32Array(weights.length);
  for (let i = 0; i < weights.length; i++)
    out[i] = fromFloat16Bits(toFloat16Bits(weights[i] as number));
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    parts.push(
      B64.charAt(n >>> 18),
      B64.charAt((n >>> 12) & 63),
      b === undefined ? '=' : B64.charAt((n >>> 6) & 63),
      c === undefined ? '=' : B64.charAt(n & 63),
    );
  }
  return parts.join('');
}

/** Standard base64 with its padding, and nothing else (a linear-time check). */
const BASE64_SHAPE = /^[A-Za-z0-9+/]*={0,2}$/;

type NodeBuffer = { from(text: string, encoding: 'base64'): Uint8Array };

/**
 * Decode base64; null when the text is not well-formed base64. The shipped models are ~1 MB of
 * base64 read on every cold start, before any loop here is optimised: the runtime's own decoder
 * (Buffer in Node, `atob` in a browser) does it 3-20 times faster than a loop of ours.
 */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !BASE64_SHAPE.test(text)) return null;
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  if (buffer !== undefined) return new Uint8Array(buffer.from(text, 'base64'));
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Encode the non-zero weights (after half-precision rounding) of a dense array. */
export function encodeSparseWeights(weights: ArrayLike<number>): { count: number; data: string } {
  const varints: number[] = [];
  const halves: number[] = [];
  let prev = -1;
  for (let i = 0; i < weights.length; i++) {
    const h = toFloat16Bits(weights[i] as number);
    if ((h & 0x7fff) === 0) continue;
    let delta = i - prev;
    prev = i;
    while (delta >= 0x80) {
      varints.push((delta & 0x7f) | 0x80);
      delta >>>= 7;
    }
    varints.push(delta);
    halves.push(h & 0xff, h >>> 8);
  }
  return { count: halves.length / 2, data: toBase64(Uint8Array.from([...varints, ...halves])) };
}

/** Decode into a dense array of `dim` weights; null when the data does not fit `dim` and `count`. */
export function decodeSparseWeights(data: string, count: number, dim: number): Float32Array | null {
  const bytes = fromBase64(data);
  if (bytes === null || count < 0 || bytes.length < count * 2) return null;
  const out = new Float32Array(dim);
  const valuesAt = bytes.length - count * 2;
  let p = 0;
  let index = -1;
  for (let k = 0; k < count; k++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      if (p >= valuesAt || shift > 28) return null;
      const b = bytes[p++] as number;
      delta |= (b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
    }
    index += delta;
    if (delta === 0 || index >= dim) return null;
    const v = valuesAt + 2 * k;
    out[index] = fromFloat16Bits((bytes[v] as number) | ((bytes[v + 1] as number) << 8));
  }
  return p === valuesAt ? out : null;
}
