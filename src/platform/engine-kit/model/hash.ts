/**
 * Feature hashing. FNV-1a (32-bit) over UTF-16 code units, finished with
 * MurmurHash3's fmix32 so that every output bit depends on every input bit:
 * FNV alone mixes the high bits poorly, and we take the bucket from the low
 * bits and the sign from the top bit, which must be independent.
 *
 * For ASCII input the FNV part equals standard FNV-1a over bytes. Nothing here
 * allocates, so hashing a character n-gram costs a handful of multiplications.
 */

export const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step: fold a UTF-16 code unit into the running hash. */
export function fnvStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a over `text[start, end)`, continuing from `hash`. */
export function fnvRange(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: an avalanche over all 32 bits. */
export function fmix32(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The finished 32-bit hash of a whole string. */
export function hashString(text: string, seed = FNV_OFFSET): number {
  return fmix32(fnvRange(seed, text));
}

/**
 * Signed bucket of a finished hash: low `bits` bits pick the bucket, the top
 * bit picks the sign. Signed hashing makes colliding features cancel out on
 * average instead of always adding up (Weinberger et al. 2009).
 */
export function bucketOf(finished: number, bits: number): number {
  return finished & ((1 << bits) - 1);
}

export function signOf(finished: number): 1 | -1 {
  return finished >>> 31 === 1 ? -1 : 1;
}
