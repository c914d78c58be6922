/**
 * A Bloom filter of common and breached passwords, so sign-up and password
 * changes can refuse them with no network call (NIST SP 800-63B §3.1.1.2).
 * `scripts/build-password-filter.ts` builds `models/common-passwords.bin`;
 * the server only reads it.
 *
 * File layout (little-endian):
 *   0  "SWPF"        magic
 *   4  u8  version   1
 *   5  u8  k         hash functions
 *   6  u16 reserved  0
 *   8  u32 m         bits in the array
 *  12  u32 n         entries added
 *  16  m/8 bytes     the bit array (bit i is byte i>>3, mask 1<<(i&7))
 *
 * Indexes are double hashing over SHA-256 of the normalised text: the first two
 * 32-bit words h1, h2 give index_i = (h1 + i·h2) mod m (Kirsch–Mitzenmacher),
 * which keeps the false-positive rate of k independent hashes.
 */
import { createHash } from 'node:crypto';

const MAGIC = 'SWPF';
const HEADER_BYTES = 16;
/** Largest bit array accepted when loading (64 MiB of bits): a corrupt header must not allocate wildly. */
const MAX_BITS = 2 ** 29;

export interface PasswordFilter {
  readonly k: number;
  readonly m: number;
  readonly n: number;
  has(normalised: string): boolean;
}

/** How a password (or a list entry) is put into and looked up in the filter. */
export function normaliseForFilter(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function indexes(text: string, k: number, m: number): number[] {
  const digest = createHash('sha256').update(text, 'utf8').digest();
  const h1 = digest.readUInt32LE(0);
  // An odd step never cycles early when m is even (`>>> 0` keeps it unsigned).
  const h2 = (digest.readUInt32LE(4) | 1) >>> 0;
  const out: number[] = [];
  // h1 + i·h2 stays below 2^36 for k ≤ 16, exact in a double.
  for (let i = 0; i < k; i++) out.push((h1 + i * h2) % m);
  return out;
}

function view(k: number, m: number, n: number, bits: Uint8Array): PasswordFilter {
  return {
    k,
    m,
    n,
    has(normalised) {
      for (const i of indexes(normalised, k, m))
        if (((bits[i >>> 3] as number) & (1 << (i & 7))) === 0) return false;
      return true;
    },
  };
}

/** Size a filter for `entries` at `falsePositiveRate` and fill it. */
export function buildPasswordFilter(
  entries: Iterable<string>,
  falsePositiveRate: number,
): { filter: PasswordFilter; bytes: Uint8Array } {
  const unique = new Set<string>();
  for (const e of entries) unique.add(normaliseForFilter(e));
  const n = unique.size;
  const m = Math.ceil((-n * Math.log(falsePositiveRate)) / Math.LN2 ** 2 / 8) * 8;
  const k = Math.max(1, Math.min(16, Math.round((m / n) * Math.LN2)));
  const bytes = new Uint8Array(HEADER_BYTES + m / 8);
  const header = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) header.setUint8(i, MAGIC.charCodeAt(i));
  header.setUint8(4, 1);
  header.setUint8(5, k);
  header.setUint32(8, m, true);
  header.setUint32(12, n, true);
  const bits = bytes.subarray(HEADER_BYTES);
  for (const e of unique)
    for (const i of indexes(e, k, m)) bits[i >>> 3] = (bits[i >>> 3] as number) | (1 << (i & 7));
  return { filter: view(k, m, n, bits), bytes };
}

/** Read a filter file's bytes; throws a plain error when they are not one. */
export function readPasswordFilter(bytes: Uint8Array): PasswordFilter {
  if (bytes.length < HEADER_BYTES) throw new Error('password filter: file too short');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  const k = header.getUint8(5);
  const m = header.getUint32(8, true);
  const n = header.getUint32(12, true);
  if (magic !== MAGIC || header.getUint8(4) !== 1)
    throw new Error('password filter: not a version 1 filter file');
  if (k < 1 || k > 16 || m < 8 || m > MAX_BITS || m % 8 !== 0)
    throw new Error('password filter: header out of range');
  if (bytes.length !== HEADER_BYTES + m / 8)
    throw new Error('password filter: size does not match its header');
  return view(k, m, n, bytes.subarray(HEADER_BYTES));
}
