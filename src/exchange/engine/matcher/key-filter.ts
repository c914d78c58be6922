/**
 * A blocked Bloom filter over the keys' 32-bit hashes, in front of a hash
 * table's slots: about 4 bits per slot (1 MB for a million keys, small enough
 * to stay in the core's cache), each key's 3 bits in one 64-byte block, so a
 * lookup of a value that is not held — half of all lookups, and most of the
 * parent-domain and prefix-length probes — reads one cached line instead of
 * the slot array, which is a cache and TLB miss with a million entries. It
 * never says no for a key that is held (tables never delete keys), and says
 * yes for a few per cent of the rest, which then read the slots as before.
 */

/** 16 words = 512 bits = one cache line per block. */
const BLOCK_WORDS = 16;

export class KeyFilter {
  private bits: Int32Array;
  private shift: number;

  /** A filter for a table of `slots` slots (a power of two, at least 16). */
  constructor(slots: number) {
    const blocks = Math.max(1, slots >>> 7); // 512 bits per 128 slots: 4 bits per slot
    this.bits = new Int32Array(blocks * BLOCK_WORDS);
    this.shift = 32 - Math.log2(blocks);
  }

  add(hash: number): void {
    const b = this.blockOf(hash);
    const bits = this.bits;
    bits[b + ((hash >>> 5) & 15)] = (bits[b + ((hash >>> 5) & 15)] as number) | (1 << (hash & 31));
    bits[b + ((hash >>> 14) & 15)] =
      (bits[b + ((hash >>> 14) & 15)] as number) | (1 << ((hash >>> 9) & 31));
    bits[b + ((hash >>> 23) & 15)] =
      (bits[b + ((hash >>> 23) & 15)] as number) | (1 << ((hash >>> 18) & 31));
  }

  /** False when the key of `hash` is certainly not held. */
  mayHold(hash: number): boolean {
    const b = this.blockOf(hash);
    const bits = this.bits;
    return (
      ((bits[b + ((hash >>> 5) & 15)] as number) & (1 << (hash & 31))) !== 0 &&
      ((bits[b + ((hash >>> 14) & 15)] as number) & (1 << ((hash >>> 9) & 31))) !== 0 &&
      ((bits[b + ((hash >>> 23) & 15)] as number) & (1 << ((hash >>> 18) & 31))) !== 0
    );
  }

  get byteLength(): number {
    return this.bits.byteLength;
  }

  /** The block of a hash, from bits the in-block positions do not use (a multiplicative remix). */
  private blockOf(hash: number): number {
    return this.shift >= 32 ? 0 : (Math.imul(hash, 0x9e3779b1) >>> this.shift) * BLOCK_WORDS;
  }
}

/** The filter of a slot array ((entry, hash) pairs, -1 when empty), rebuilt after the slots grow. */
export function filterOfSlots(slots: Int32Array): KeyFilter {
  const f = new KeyFilter(slots.length / 2);
  for (let i = 0; i < slots.length; i += 2) if (slots[i] !== -1) f.add(slots[i + 1] as number);
  return f;
}
