/**
 * An open-addressing hash table (linear probing) of (kind, string) keys with
 * no object per entry: the key text lives once in a UTF-8 byte pool, and every
 * entry is a row across typed arrays (pool offset and length, a 32-bit hash,
 * the kind, and the payload columns of EntryColumns). Each slot holds the entry
 * and its hash side by side, so a probe compares hashes without leaving the
 * slot array and reads the pool bytes only on a hash hit: a match is exact
 * even for values crafted to collide.
 *
 * Keys are hashed from their last character to their first, so the hashes of
 * every suffix of a name (`evil.example`, `example`) come out of one pass over
 * it: see domain-probe.ts.
 */
import { EntryColumns, fmix32, grow } from './entry-columns.js';

const EMPTY = -1;
const encoder = new TextEncoder();

/** Start of the right-to-left hash state of a key, from the table's seed. */
export function hashStart(seed: number): number {
  return (0x811c9dc5 ^ seed) >>> 0;
}

/** One character into the state (FNV-1a). */
export function step(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** The hash of a key from its state, its kind and its length. */
export function finish(h: number, kind: number, length: number): number {
  return fmix32(h ^ Math.imul(kind + 1, 0x9e3779b1) ^ Math.imul(length, 0x85ebca77));
}

export class StringTable extends EntryColumns {
  private pool = new Uint8Array(1024);
  private poolUsed = 0;
  /** Per entry: pool offset, and kind (top 8 bits) with byte length, side by side (one cache line). */
  private spans: Uint32Array;
  private hashes: Uint32Array;
  /** Per slot: the entry (-1 when empty) and its hash, side by side, so a probe that misses reads one cache line. */
  private slots: Int32Array;
  private mask: number;
  readonly seed: number;

  constructor(seed = 0, capacity = 16) {
    super(capacity);
    this.seed = seed >>> 0;
    this.spans = new Uint32Array(capacity * 2);
    this.hashes = new Uint32Array(capacity);
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(EMPTY);
    this.mask = size - 1;
  }

  /** The entry of (kind, s) or -1. */
  find(kind: number, s: string): number {
    let h = hashStart(this.seed);
    for (let i = s.length - 1; i >= 0; i--) h = step(h, s.charCodeAt(i));
    return this.findHashed(kind, s, 0, finish(h, kind, s.length));
  }

  /** The entry of (kind, s.slice(start)) whose finished hash is given, or -1. */
  findHashed(kind: number, s: string, start: number, hash: number): number {
    const h = hash | 0;
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const e = slots[2 * slot] as number;
      if (e === EMPTY) return -1;
      if (slots[2 * slot + 1] === h && this.equals(e, kind, s, start)) return e;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The entry of (kind, s), added (with ref -1, no flags) when absent. */
  intern(kind: number, s: string): number {
    let h = hashStart(this.seed);
    for (let i = s.length - 1; i >= 0; i--) h = step(h, s.charCodeAt(i));
    const hash = finish(h, kind, s.length);
    const found = this.findHashed(kind, s, 0, hash);
    if (found !== -1) return found;
    const e = this.count;
    this.ensure(e + 1);
    this.ensurePool(this.poolUsed + s.length * 3);
    const at = this.poolUsed;
    let n = 0;
    for (; n < s.length; n++) {
      const c = s.charCodeAt(n);
      if (c >= 0x80) break;
      this.pool[at + n] = c;
    }
    // Outside ASCII: the whole key as UTF-8 (at most 3 bytes per UTF-16 unit).
    if (n < s.length) n = encoder.encodeInto(s, this.pool.subarray(at)).written;
    this.spans[2 * e] = at;
    if (n >= 1 << 24) throw new RangeError('key too long for the table');
    this.spans[2 * e + 1] = ((kind << 24) | n) >>> 0;
    this.poolUsed += n;
    this.hashes[e] = hash;
    this.ref[e] = -1;
    this.next[e] = -1;
    this.warn[e] = 0;
    this.flags[e] = 0;
    this.count = e + 1;
    this.place(e);
    return e;
  }

  /** The key text of entry `e`. */
  text(e: number): string {
    const start = this.spans[2 * e] as number;
    const len = (this.spans[2 * e + 1] as number) & 0xffffff;
    return decoder.decode(this.pool.subarray(start, start + len));
  }

  kindOf(e: number): number {
    return (this.spans[2 * e + 1] as number) >>> 24;
  }

  /** Bytes held by the table's arrays (for the bench and for operators). */
  get bytes(): number {
    return (
      this.pool.byteLength +
      this.slots.byteLength +
      this.spans.byteLength +
      this.hashes.byteLength +
      this.ref.byteLength +
      this.next.byteLength +
      this.warn.byteLength +
      this.flags.byteLength
    );
  }

  /** Give back the slack of doubling once a bulk load is over. */
  trim(): void {
    this.pool = this.pool.slice(0, Math.max(16, this.poolUsed));
    const n = Math.max(16, this.count);
    this.spans = this.spans.slice(0, 2 * n);
    this.hashes = this.hashes.slice(0, n);
    this.ref = this.ref.slice(0, n);
    this.next = this.next.slice(0, n);
    this.warn = this.warn.slice(0, n);
    this.flags = this.flags.slice(0, n);
  }

  private equals(e: number, kind: number, s: string, start: number): boolean {
    const word = this.spans[2 * e + 1] as number;
    if (word >>> 24 !== kind) return false;
    const off = this.spans[2 * e] as number;
    const len = word & 0xffffff;
    if (s.length - start > len) return false; // UTF-8 is never shorter than UTF-16 code units
    const pool = this.pool;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(start + i);
      if (c >= 0x80 || Number.isNaN(c)) return this.equalsSlow(off, len, s, start);
      if (pool[off + i] !== c) return false;
    }
    return s.length - start === len;
  }

  private equalsSlow(off: number, len: number, s: string, start: number): boolean {
    const bytes = encoder.encode(s.slice(start));
    if (bytes.length !== len) return false;
    for (let i = 0; i < len; i++) if (this.pool[off + i] !== bytes[i]) return false;
    return true;
  }

  private place(e: number): void {
    const hash = this.hashes[e] as number;
    let slot = hash & this.mask;
    while (this.slots[2 * slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = e;
    this.slots[2 * slot + 1] = hash | 0;
  }

  private ensure(n: number): void {
    if (n > this.capacity) {
      let size = Math.max(16, this.capacity);
      while (size < n) size *= 2;
      this.growColumns(size);
      this.spans = grow(this.spans, new Uint32Array(size * 2));
      this.hashes = grow(this.hashes, new Uint32Array(size));
    }
    // Load factor at most 3/4: rebuild the slots at twice the size.
    if (n * 4 > (this.mask + 1) * 3) {
      this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
      this.mask = this.slots.length / 2 - 1;
      for (let e = 0; e < this.count; e++) this.place(e);
    }
  }

  private ensurePool(n: number): void {
    if (n <= this.pool.length) return;
    let size = this.pool.length;
    while (size < n) size *= 2;
    this.pool = grow(this.pool, new Uint8Array(size));
  }
}

const decoder = new TextDecoder();
