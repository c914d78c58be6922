/**
 * IPv4 and IPv6 addresses and CIDR ranges, found by longest prefix: a range is
 * stored as (family, prefix length, network words) in an open-addressing hash
 * table over typed arrays, and a lookup probes once per prefix length that is
 * in use, most specific first. Real feeds use few lengths (/32, /24, /128, /64
 * …), so a lookup is a handful of probes whatever the number of ranges.
 */
import { EntryColumns, fmix32, grow } from './entry-columns.js';
import { formatIpv4, formatIpv6 } from './ip-address.js';

const EMPTY = -1;

/** An address as four 32-bit words, most significant first (IPv4 uses word 0 only). */
export type IpWords = readonly [number, number, number, number];

export class IpPrefixTable extends EntryColumns {
  private words: Uint32Array;
  /** Bit 7: IPv6; bits 0–7 otherwise the prefix length (IPv6 lengths 0–128 fit with the flag in a Uint16). */
  private meta: Uint16Array;
  /** Per slot: the entry (-1 when empty) and its hash, side by side. */
  private slots: Int32Array;
  private mask: number;
  /** Prefix lengths in use, most specific first, per family. */
  private lengths4: number[] = [];
  private lengths6: number[] = [];
  private readonly scratch = new Uint32Array(4);

  constructor(capacity = 16) {
    super(capacity);
    this.words = new Uint32Array(capacity * 4);
    this.meta = new Uint16Array(capacity);
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size * 2).fill(EMPTY);
    this.mask = size - 1;
  }

  /** The entry of exactly this range, added when absent (ref -1, no flags). `prefix` is 0–32 or 0–128. */
  intern(v6: boolean, address: IpWords, prefix: number): number {
    const net = this.masked(v6, address, prefix);
    const found = this.probe(v6, net, prefix);
    if (found !== -1) return found;
    const e = this.count;
    this.ensure(e + 1);
    this.words.set(net, e * 4);
    this.meta[e] = (v6 ? 0x100 : 0) | prefix;
    this.ref[e] = -1;
    this.next[e] = -1;
    this.warn[e] = 0;
    this.flags[e] = 0;
    this.count = e + 1;
    this.place(e);
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
    for (const prefix of lengths) {
      const e = this.probe(v6, this.masked(v6, address, prefix), prefix);
      if (e !== -1 && !visit(e)) return;
    }
  }

  /** The prefix length of entry `e`. */
  prefixOf(e: number): number {
    return (this.meta[e] as number) & 0xff;
  }

  /** The range of entry `e` as text, e.g. `192.0.2.0/24` or `2001:db8::/32` (a host has no suffix). */
  text(e: number): string {
    const m = this.meta[e] as number;
    const v6 = (m & 0x100) !== 0;
    const prefix = m & 0xff;
    const w = this.words.subarray(e * 4, e * 4 + 4);
    const addr = v6 ? formatIpv6(w) : formatIpv4(w[0] as number);
    return prefix === (v6 ? 128 : 32) ? addr : `${addr}/${prefix}`;
  }

  get bytes(): number {
    return (
      this.words.byteLength +
      this.meta.byteLength +
      this.slots.byteLength +
      this.ref.byteLength +
      this.next.byteLength +
      this.warn.byteLength +
      this.flags.byteLength
    );
  }

  private masked(v6: boolean, address: IpWords, prefix: number): Uint32Array {
    const out = this.scratch;
    const n = v6 ? 4 : 1;
    for (let i = 0; i < 4; i++) {
      if (i >= n) {
        out[i] = 0;
        continue;
      }
      const bits = Math.min(32, Math.max(0, prefix - i * 32));
      const w = address[i] as number;
      out[i] = bits === 0 ? 0 : bits === 32 ? w : (w & (~0 << (32 - bits))) >>> 0;
    }
    return out;
  }

  private hash(v6: boolean, net: Uint32Array, prefix: number): number {
    let h = fmix32((v6 ? 0x100 : 0) | prefix);
    for (let i = 0; i < (v6 ? 4 : 1); i++) h = fmix32(h ^ Math.imul(net[i] as number, 0x9e3779b1));
    return h;
  }

  private probe(v6: boolean, net: Uint32Array, prefix: number): number {
    const meta = (v6 ? 0x100 : 0) | prefix;
    const hash = this.hash(v6, net, prefix);
    const slots = this.slots;
    let slot = hash & this.mask;
    for (;;) {
      const e = slots[2 * slot] as number;
      if (e === EMPTY) return -1;
      const o = e * 4;
      if (
        slots[2 * slot + 1] === (hash | 0) &&
        this.meta[e] === meta &&
        this.words[o] === net[0] &&
        this.words[o + 1] === net[1] &&
        this.words[o + 2] === net[2] &&
        this.words[o + 3] === net[3]
      )
        return e;
      slot = (slot + 1) & this.mask;
    }
  }

  private place(e: number): void {
    const m = this.meta[e] as number;
    const net = this.words.subarray(e * 4, e * 4 + 4);
    const hash = this.hash((m & 0x100) !== 0, net, m & 0xff);
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
      this.words = grow(this.words, new Uint32Array(size * 4));
      this.meta = grow(this.meta, new Uint16Array(size));
    }
    if (n * 4 > (this.mask + 1) * 3) {
      this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
      this.mask = this.slots.length / 2 - 1;
      for (let e = 0; e < this.count; e++) this.place(e);
    }
  }
}
