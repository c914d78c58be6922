/**
 * What every key table keeps per entry, column by column (struct of arrays, no
 * object per entry): the indicator it belongs to, the next entry of the same
 * indicator (a linked list through typed arrays), the warninglist that covers
 * its value (0 = none) and how a domain entry matches.
 */

/** A domain entry matches the name itself. */
export const MATCH_SELF = 1;
/** A domain entry matches every name below it. */
export const MATCH_BELOW = 2;

export class EntryColumns {
  /** Owner (indicator slot, or list number in a warninglist table); -1 when the entry is dead. */
  ref: Int32Array;
  /** Next entry of the same owner, -1 at the end. */
  next: Int32Array;
  /** 1 + the warninglist covering this value; 0 when none. */
  warn: Uint16Array;
  /** MATCH_SELF | MATCH_BELOW for domains; MATCH_SELF for the rest. */
  flags: Uint8Array;
  count = 0;

  constructor(capacity: number) {
    this.ref = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    this.warn = new Uint16Array(capacity);
    this.flags = new Uint8Array(capacity);
  }

  get capacity(): number {
    return this.ref.length;
  }

  /** Resize the columns to `size` entries, keeping what is there. */
  protected growColumns(size: number): void {
    if (size <= this.ref.length) return;
    this.ref = grow(this.ref, new Int32Array(size));
    this.next = grow(this.next, new Int32Array(size));
    this.warn = grow(this.warn, new Uint16Array(size));
    this.flags = grow(this.flags, new Uint8Array(size));
  }
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
