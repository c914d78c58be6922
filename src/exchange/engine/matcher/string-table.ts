/**
 * An open-addressing hash table (linear probing) of (kind, string) keys with
 * no object per entry. Every entry is a record in one pool: four 32-bit words
 * (entry number, ref, kind | flags | warn, byte length) followed by the key in
 * UTF-8, and each slot holds a record's place and its hash side by side. A
 * probe that misses reads one slot; a hit reads the slot and the record, whose
 * key bytes follow its header in the same cache line or the next: with a
 * million entries each other array read is a cache (and TLB) miss of its own,
 * and those misses, not the instructions, are most of a lookup's time. A match
 * is exact even for values crafted to collide: hashes only pick the record.
 *
 * Keys are hashed from their last character to their first, so the hashes of
 * every suffix of a name (`evil.example`, `example`) come out of one pass over
 * it: see domain-probe.ts.
 */

import {
  doubleSlots,
  type EntryTable,
  emptySlots,
  fmix32,
  grow,
  hasSlack,
  resizeSlots,
  slotsFor,
} from './entry-columns.js';
import { filterOfSlots, KeyFilter } from './key-filter.js';

const EMPTY = -1;
/** Header words of a record: entry number, ref, kind (bits 0–7) | flags (8–15) | warn (16–31), byte length. */
const H = 4;
/** The longest key in UTF-8 bytes (values are at most 8,192 UTF-16 units, so 24,576 bytes). */
const MAX_KEY_BYTES = 0xffff;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

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

export class StringTable implements EntryTable {
  /** The records, as words; `bytes` is the same memory, for the keys. */
  private words: Int32Array;
  private bytes8: Uint8Array;
  /** Words of the pool in use (records start on a word). */
  private used = 0;
  /** Per entry: the word where its record starts. */
  private at: Int32Array;
  /** Per entry: the next entry of the same owner (read only when indicators change, so kept apart). */
  private next: Int32Array;
  /** Per slot: the record's first word (-1 when empty) and the key's hash, side by side. */
  private slots: Int32Array;
  private mask: number;
  /** Says at once, from cache, that most absent keys are absent (key-filter.ts). */
  private filter: KeyFilter;
  /**
   * False during a reserved bulk load (from `reserve` to `trim`): the filter is then neither read
   * nor kept, and `trim` builds it from the slots in one pass. A key added in a load is nearly
   * always new, so reading the filter first was a cache miss spent only to learn that, and the
   * slot probe that follows misses anyway; building it afterwards reads the slots in order.
   */
  private filterLive = true;
  count = 0;
  readonly seed: number;
  /**
   * The entry found last and its record: a lookup reads the entry's columns right after finding
   * it, and `at[e]` would be one more cache miss per hit with a million entries.
   */
  private lastEntry = -1;
  private lastWord = 0;

  constructor(seed = 0, capacity = 16) {
    this.seed = seed >>> 0;
    this.words = new Int32Array(capacity * (H + 4));
    this.bytes8 = new Uint8Array(this.words.buffer);
    this.at = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = emptySlots(size);
    this.mask = size - 1;
    this.filter = new KeyFilter(size);
  }

  /** The entry of (kind, s) or -1. */
  find(kind: number, s: string): number {
    let h = hashStart(this.seed);
    for (let i = s.length - 1; i >= 0; i--) h = step(h, s.charCodeAt(i));
    return this.findHashed(kind, s, 0, finish(h, kind, s.length));
  }

  /** The entry of (kind, s.slice(start)) whose finished hash is given, or -1. */
  findHashed(kind: number, s: string, start: number, hash: number): number {
    if (this.filterLive && !this.filter.mayHold(hash)) return -1;
    const h = hash | 0;
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const w = slots[2 * slot] as number;
      if (w === EMPTY) return -1;
      if (slots[2 * slot + 1] === h && this.equals(w, kind, s, start)) {
        const e = this.words[w] as number;
        this.lastEntry = e;
        this.lastWord = w;
        return e;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /** The entry of (kind, s), added (with ref -1, no flags, no warninglist) when absent. */
  intern(kind: number, s: string): number {
    let h = hashStart(this.seed);
    for (let i = s.length - 1; i >= 0; i--) h = step(h, s.charCodeAt(i));
    const hash = finish(h, kind, s.length);
    const found = this.findHashed(kind, s, 0, hash);
    if (found !== -1) return found;
    const e = this.count;
    this.ensure(e + 1);
    this.ensurePool(this.used + H + Math.ceil((s.length * 3) / 4));
    const w = this.used;
    const at = w * 4 + H * 4;
    const pool = this.bytes8;
    let n = 0;
    for (; n < s.length; n++) {
      const c = s.charCodeAt(n);
      if (c >= 0x80) break;
      pool[at + n] = c;
    }
    // Outside ASCII: the whole key as UTF-8 (at most 3 bytes per UTF-16 unit).
    if (n < s.length) n = encoder.encodeInto(s, pool.subarray(at)).written;
    if (n > MAX_KEY_BYTES) throw new RangeError('key too long for the table');
    this.words[w] = e;
    this.words[w + 1] = -1;
    this.words[w + 2] = kind & 0xff;
    this.words[w + 3] = n;
    this.used = w + H + ((n + 3) >> 2);
    this.at[e] = w;
    this.next[e] = -1;
    this.count = e + 1;
    let slot = hash & this.mask;
    while (this.slots[2 * slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = w;
    this.slots[2 * slot + 1] = hash | 0;
    if (this.filterLive) this.filter.add(hash);
    return e;
  }

  /** The key text of entry `e`. */
  text(e: number): string {
    const w = this.wordOf(e);
    const start = (w + H) * 4;
    return decoder.decode(this.bytes8.subarray(start, start + (this.words[w + 3] as number)));
  }

  kindOf(e: number): number {
    return (this.words[this.wordOf(e) + 2] as number) & 0xff;
  }

  refOf(e: number): number {
    return this.words[this.wordOf(e) + 1] as number;
  }
  setRef(e: number, ref: number): void {
    this.words[this.wordOf(e) + 1] = ref;
  }
  flagsOf(e: number): number {
    return ((this.words[this.wordOf(e) + 2] as number) >>> 8) & 0xff;
  }
  setFlags(e: number, flags: number): void {
    const w = this.wordOf(e) + 2;
    this.words[w] = ((this.words[w] as number) & ~0xff00) | ((flags & 0xff) << 8);
  }
  warnOf(e: number): number {
    return (this.words[this.wordOf(e) + 2] as number) >>> 16;
  }
  setWarn(e: number, warn: number): void {
    const w = this.wordOf(e) + 2;
    this.words[w] = ((this.words[w] as number) & 0xffff) | ((warn & 0xffff) << 16);
  }
  nextOf(e: number): number {
    return this.next[e] as number;
  }
  setNext(e: number, next: number): void {
    this.next[e] = next;
  }

  /** Bytes held by the table's arrays (for the bench and for operators). */
  get bytes(): number {
    return (
      this.words.byteLength +
      this.slots.byteLength +
      this.at.byteLength +
      this.next.byteLength +
      this.filter.byteLength
    );
  }

  /**
   * Room for `entries` more keys of `keyBytes` UTF-8 bytes in all, made at once. A bulk load that
   * knows its size then grows each array once instead of doubling it a dozen times or more: every
   * doubling copies the array, and every large new buffer counts against V8's external-memory
   * limit, which starts a full garbage collection of the whole heap (about 0.2 s each with the
   * million inputs of the intel bench alive). An estimate is fine: past it, the arrays double.
   */
  reserve(entries: number, keyBytes: number): void {
    const n = this.count + entries;
    if (n > this.at.length) {
      // At least double, so that many small reservations still grow geometrically.
      const size = Math.max(n, 2 * this.at.length);
      this.at = grow(this.at, new Int32Array(size));
      this.next = grow(this.next, new Int32Array(size));
    }
    const size = slotsFor(n);
    if (size > this.mask + 1) {
      this.slots = resizeSlots(this.slots, size);
      this.mask = size - 1;
    }
    this.filterLive = false;
    // Each record: its header and its key rounded up to a word.
    const words = this.used + entries * (H + 1) + Math.ceil(keyBytes / 4);
    if (words > this.words.length) {
      this.words = grow(this.words, new Int32Array(Math.max(words, 2 * this.words.length)));
      this.bytes8 = new Uint8Array(this.words.buffer);
    }
  }

  /** Give back the slack of doubling once a bulk load is over (not a little slack: a copy is a new buffer). */
  trim(): void {
    if (!this.filterLive) {
      this.filter = filterOfSlots(this.slots);
      this.filterLive = true;
    }
    if (hasSlack(this.used, this.words.length)) {
      this.words = this.words.slice(0, Math.max(16, this.used));
      this.bytes8 = new Uint8Array(this.words.buffer);
    }
    const n = Math.max(16, this.count);
    if (hasSlack(n, this.at.length)) {
      this.at = this.at.slice(0, n);
      this.next = this.next.slice(0, n);
    }
  }

  private wordOf(e: number): number {
    return e === this.lastEntry ? this.lastWord : (this.at[e] as number);
  }

  /** Does the record at word `w` hold (kind, s.slice(start))? */
  private equals(w: number, kind: number, s: string, start: number): boolean {
    const words = this.words;
    if (((words[w + 2] as number) & 0xff) !== kind) return false;
    const len = words[w + 3] as number;
    if (s.length - start > len) return false; // UTF-8 is never shorter than UTF-16 code units
    const off = (w + H) * 4;
    const pool = this.bytes8;
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
    for (let i = 0; i < len; i++) if (this.bytes8[off + i] !== bytes[i]) return false;
    return true;
  }

  private ensure(n: number): void {
    if (n > this.at.length) {
      let size = Math.max(16, this.at.length);
      while (size < n) size *= 2;
      this.at = grow(this.at, new Int32Array(size));
      this.next = grow(this.next, new Int32Array(size));
    }
    // Load factor at most 3/4: the slots at twice the size.
    if (n * 4 > (this.mask + 1) * 3) {
      this.slots = doubleSlots(this.slots);
      this.mask = this.slots.length / 2 - 1;
      this.filter = filterOfSlots(this.slots);
    }
  }

  /** Room for `n` words in the pool. */
  private ensurePool(n: number): void {
    if (n <= this.words.length) return;
    let size = Math.max(16, this.words.length);
    while (size < n) size *= 2;
    this.words = grow(this.words, new Int32Array(size));
    this.bytes8 = new Uint8Array(this.words.buffer);
  }
}
