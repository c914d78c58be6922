/**
 * IPv4 and IPv6 addresses and CIDR ranges, found by longest prefix: a range is
 * stored as (family, prefix length, network words) in an open-addressing hash
 * table over typed arrays, and a lookup probes once per prefix length that is
 * in use, most specific first. Real feeds use few lengths (/32, /24, /128, /64
 * …), so a lookup is a handful of probes whatever the number of ranges. An
 * entry is one record of eight 32-bit words (network, family and prefix with
 * flags, ref, warn, next): a hit reads the slot and one record.
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
import { formatIpv4, formatIpv6 } from './ip-address.js';
import { filterOfSlots, KeyFilter } from './key-filter.js';

const EMPTY = -1;

/** An address as four 32-bit words, most significant first (IPv4 uses word 0 only). */
export type IpWords = readonly [number, number, number, number];

/** Words per entry record: network (4), meta | flags << 16, ref, warn, next. */
const R = 8;

export class IpPrefixTable implements EntryTable {
  /** Per entry: see R. Meta is bit 8 for IPv6 and bits 0–7 the prefix length (IPv6 lengths 0–128 fit). */
  private rec: Int32Array;
  /** Per slot: the entry (-1 when empty) and its hash, side by side. */
  private slots: Int32Array;
  private mask: number;
  /** Says at once, from cache, that most absent keys are absent (key-filter.ts). */
  private filter: KeyFilter;
  count = 0;
  /** Prefix lengths in use, most specific first, per family. */
  private lengths4: number[] = [];
  private lengths6: number[] = [];
  private readonly scratch = new Int32Array(4);

  constructor(capacity = 16) {
    this.rec = new Int32Array(capacity * R);
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = emptySlots(size);
    this.mask = size - 1;
    this.filter = new KeyFilter(size);
  }

  /** The entry of exactly this range, added when absent (ref -1, no flags). `prefix` is 0–32 or 0–128. */
  intern(v6: boolean, address: IpWords, prefix: number): number {
    const net = this.masked(v6, address, prefix);
    const found = this.probe(v6, net, prefix);
    if (found !== -1) return found;
    const e = this.count;
    this.ensure(e + 1);
    const r = e * R;
    this.rec.set(net, r);
    this.rec[r + 4] = (v6 ? 0x100 : 0) | prefix;
    this.rec[r + 5] = -1;
    this.rec[r + 6] = 0;
    this.rec[r + 7] = -1;
    this.count = e + 1;
    const hash = this.hash(v6, net, prefix);
    let slot = hash & this.mask;
    while (this.slots[2 * slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = e;
    this.slots[2 * slot + 1] = hash | 0;
    this.filter.add(hash);
    const lengths = v6 ? this.lengths6 : this.lengths4;
    if (!lengths.includes(prefix)) {
      lengths.push(prefix);
      lengths.sort((x, y) => y - x);
    }
    return e;
  }

  /**
   * Every entry whose range holds `address`, most specific first, passed to
   * `visit` (which returns false to stop).
   */
  containing(v6: boolean, address: IpWords, visit: (entry: number) => boolean): void {
    const lengths = v6 ? this.lengths6 : this.lengths4;
    for (let i = 0; i < lengths.length; i++) {
      const prefix = lengths[i] as number;
      const e = this.probe(v6, this.masked(v6, address, prefix), prefix);
      if (e !== -1 && !visit(e)) return;
    }
  }

  /** The prefix length of entry `e`. */
  prefixOf(e: number): number {
    return (this.rec[e * R + 4] as number) & 0xff;
  }

  refOf(e: number): number {
    return this.rec[e * R + 5] as number;
  }
  setRef(e: number, ref: number): void {
    this.rec[e * R + 5] = ref;
  }
  flagsOf(e: number): number {
    return (this.rec[e * R + 4] as number) >>> 16;
  }
  setFlags(e: number, flags: number): void {
    const w = this.rec[e * R + 4] as number;
    this.rec[e * R + 4] = (w & 0xffff) | ((flags & 0xff) << 16);
  }
  warnOf(e: number): number {
    return this.rec[e * R + 6] as number;
  }
  setWarn(e: number, warn: number): void {
    this.rec[e * R + 6] = warn & 0xffff;
  }
  nextOf(e: number): number {
    return this.rec[e * R + 7] as number;
  }
  setNext(e: number, next: number): void {
    this.rec[e * R + 7] = next;
  }

  /** The range of entry `e` as text, e.g. `192.0.2.0/24` or `2001:db8::/32` (a host has no suffix). */
  text(e: number): string {
    const r = e * R;
    const m = this.rec[r + 4] as number;
    const v6 = (m & 0x100) !== 0;
    const prefix = m & 0xff;
    const addr = v6
      ? formatIpv6(this.rec.subarray(r, r + 4))
      : formatIpv4((this.rec[r] as number) >>> 0);
    return prefix === (v6 ? 128 : 32) ? addr : `${addr}/${prefix}`;
  }

  get bytes(): number {
    return this.rec.byteLength + this.slots.byteLength + this.filter.byteLength;
  }

  /** Room for `entries` more ranges, made at once (see StringTable.reserve). */
  reserve(entries: number): void {
    const n = this.count + entries;
    if (n * R > this.rec.length)
      this.rec = grow(this.rec, new Int32Array(Math.max(n * R, 2 * this.rec.length)));
    const size = slotsFor(n);
    if (size > this.mask + 1) {
      this.slots = resizeSlots(this.slots, size);
      this.mask = size - 1;
      this.filter = filterOfSlots(this.slots);
    }
  }

  /** Give back the slack of doubling once a bulk load is over (not a little slack: a copy is a new buffer). */
  trim(): void {
    const n = Math.max(16, this.count) * R;
    if (hasSlack(n, this.rec.length)) this.rec = this.rec.slice(0, n);
  }

  /** `address` with the bits past `prefix` cleared, in the scratch words (int32). */
  private masked(v6: boolean, address: IpWords, prefix: number): Int32Array {
    const out = this.scratch;
    const n = v6 ? 4 : 1;
    for (let i = 0; i < 4; i++) {
      if (i >= n) {
        out[i] = 0;
        continue;
      }
      const bits = Math.min(32, Math.max(0, prefix - i * 32));
      const w = address[i] as number;
      out[i] = bits === 0 ? 0 : bits === 32 ? w : w & (~0 << (32 - bits));
    }
    return out;
  }

  private hash(v6: boolean, net: Int32Array, prefix: number): number {
    let h = fmix32((v6 ? 0x100 : 0) | prefix);
    for (let i = 0; i < (v6 ? 4 : 1); i++) h = fmix32(h ^ Math.imul(net[i] as number, 0x9e3779b1));
    return h;
  }

  private probe(v6: boolean, net: Int32Array, prefix: number): number {
    const meta = (v6 ? 0x100 : 0) | prefix;
    const hash = this.hash(v6, net, prefix);
    if (!this.filter.mayHold(hash)) return -1;
    const slots = this.slots;
    const rec = this.rec;
    let slot = hash & this.mask;
    for (;;) {
      const e = slots[2 * slot] as number;
      if (e === EMPTY) return -1;
      const r = e * R;
      if (
        slots[2 * slot + 1] === (hash | 0) &&
        ((rec[r + 4] as number) & 0xffff) === meta &&
        rec[r] === net[0] &&
        rec[r + 1] === net[1] &&
        rec[r + 2] === net[2] &&
        rec[r + 3] === net[3]
      )
        return e;
      slot = (slot + 1) & this.mask;
    }
  }

  private ensure(n: number): void {
    if (n * R > this.rec.length) {
      let size = Math.max(16, this.rec.length / R);
      while (size < n) size *= 2;
      this.rec = grow(this.rec, new Int32Array(size * R));
    }
    if (n * 4 > (this.mask + 1) * 3) {
      this.slots = doubleSlots(this.slots);
      this.mask = this.slots.length / 2 - 1;
      this.filter = filterOfSlots(this.slots);
    }
  }
}
