/**
 * What every key table keeps per entry: the indicator it belongs to (`ref`),
 * the next entry of the same indicator (`next`, a linked list through typed
 * arrays), the warninglist that covers its value (`warn`, 0 = none) and how a
 * domain entry matches (`flags`). The tables keep what a lookup reads (key
 * span, ref, warn, flags) side by side in one record, so that a hit costs one
 * cache line per table beyond the hash slot: with a million entries every
 * other column is a cache miss of its own, and misses are most of a hit's cost.
 */

/** A domain entry matches the name itself. */
export const MATCH_SELF = 1;
/** A domain entry matches every name below it. */
export const MATCH_BELOW = 2;

/** The per-entry columns every key table offers (string-table.ts, ip-prefix-table.ts). */
export interface EntryTable {
  /** Owner (indicator slot, or list number in a warninglist table); -1 when the entry is dead. */
  refOf(e: number): number;
  setRef(e: number, ref: number): void;
  /** Next entry of the same owner, -1 at the end. */
  nextOf(e: number): number;
  setNext(e: number, next: number): void;
  /** 1 + the warninglist covering this value; 0 when none (0–65535). */
  warnOf(e: number): number;
  setWarn(e: number, warn: number): void;
  /** MATCH_SELF | MATCH_BELOW for domains; MATCH_SELF for the rest (0–255). */
  flagsOf(e: number): number;
  setFlags(e: number, flags: number): void;
}

export function grow<T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(
  from: T,
  to: T,
): T {
  to.set(from);
  return to;
}

/** murmur3's 32-bit finaliser: every input bit affects every output bit. */
export function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The slot array of an open-addressing table, (entry, hash) pairs, -1 when empty: `size` slots. */
export function emptySlots(size: number): Int32Array {
  return new Int32Array(size * 2).fill(-1);
}

/**
 * The same pairs in a table of twice the size (load factor at most 3/4 again):
 * read from the old slots, which hold every entry's hash, so entries need not keep theirs.
 */
export function doubleSlots(slots: Int32Array): Int32Array {
  return resizeSlots(slots, slots.length);
}

/** The same pairs in a table of `size` slots (a power of two, larger than the table's). */
export function resizeSlots(slots: Int32Array, size: number): Int32Array {
  const out = emptySlots(size);
  const mask = size - 1;
  for (let i = 0; i < slots.length; i += 2) {
    const e = slots[i] as number;
    if (e === -1) continue;
    const hash = slots[i + 1] as number;
    let slot = hash & mask;
    while (out[2 * slot] !== -1) slot = (slot + 1) & mask;
    out[2 * slot] = e;
    out[2 * slot + 1] = hash;
  }
  return out;
}

/** Slots for `n` entries at a load factor of at most 3/4 (a power of two, at least 16). */
export function slotsFor(n: number): number {
  let size = 16;
  while (n * 4 > size * 3) size *= 2;
  return size;
}

/**
 * Whether an array of `length` holding `used` is worth copying into a smaller one: more than an
 * eighth of it unused (a reserved bulk load comes close to its estimate, and the copy would cost
 * a new buffer of the whole size).
 */
export function hasSlack(used: number, length: number): boolean {
  return used < length - (length >> 3);
}
