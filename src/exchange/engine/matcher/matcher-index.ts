/**
 * The indicator matcher: every value named by a known-bad indicator, in
 * compact tables (no object per entry), looked up at millions per second.
 *
 * - Domains match themselves and every name below them (`evil.example` covers
 *   `a.evil.example`); a public suffix is refused as an indicator value.
 * - URLs match after normalisation (value-normalizer.ts); a URL also matches by
 *   its host against domain and IP indicators.
 * - IPv4/IPv6 addresses and CIDR ranges match by longest prefix.
 * - Hashes (MD5, SHA-1, SHA-256), email addresses (also by their domain), phone
 *   numbers (E.164) and wallet addresses match exactly.
 *
 * Each indicator (STIX id, confidence 0–100, source) is one row of typed
 * arrays; its values are linked to it through the tables' `next` columns, so a
 * new version or a revocation takes them all out. A value on a warninglist is
 * held but not matched (`lookup(…, { suppressed: true })` says why).
 */
import { probeDomain } from './domain-probe.js';
import { MATCH_BELOW, MATCH_SELF } from './entry-columns.js';
import { clampConfidence, compactId, expandId, IndicatorColumns } from './indicator-rows.js';
import { IpPrefixTable } from './ip-prefix-table.js';
import type { PublicSuffixRule } from './public-suffix-rule.js';
import { StringTable } from './string-table.js';
import {
  classifyValue,
  ipText,
  normalizeAs,
  normalizeEmail,
  normalizeUrl,
  parseIp,
  parseIpv4,
  type ValueKind,
} from './value-normalizer.js';
import type { WarninglistHit, WarninglistIndex } from './warninglist-index.js';

/** Table kinds of the string tables (the IP table holds `ip`). */
const KIND_CODE: Readonly<Record<Exclude<ValueKind, 'ip'>, number>> = {
  domain: 1,
  url: 2,
  email: 3,
  hash: 4,
  phone: 5,
  wallet: 6,
};
const KIND_NAME: readonly ValueKind[] = ['ip', 'domain', 'url', 'email', 'hash', 'phone', 'wallet'];
const ID = 7;
const IP_FLAG = 0x8000_0000;

export interface IndicatorInput {
  readonly stixId: string;
  /** 0–100, as in STIX. */
  readonly confidence: number;
  /** Where it comes from, in plain words (interned: a few distinct sources for millions of indicators). */
  readonly source: string;
  readonly values: readonly { readonly kind: ValueKind; readonly value: string }[];
}

export interface AddResult {
  readonly indexed: number;
  readonly refused: readonly {
    readonly kind: ValueKind;
    readonly value: string;
    readonly reason: string;
  }[];
}

/** How a looked-up value met an indicator's value. */
export type MatchVia = 'exact' | 'parent-domain' | 'url-host' | 'email-domain' | 'cidr';

export interface MatchHit {
  /** Row of the indicator: read it with `indicator(hit.slot)`. */
  readonly slot: number;
  /** The kind of the indicator's value that matched; its text is `valueOf(hit)`. */
  readonly kind: ValueKind;
  /** The matched value's entry in the index. */
  readonly entry: number;
  readonly via: MatchVia;
  /** Set only when asked for suppressed hits: the warninglist that keeps this one from matching. */
  readonly warninglist?: WarninglistHit;
}

export interface IndicatorView {
  readonly stixId: string;
  /** 0–100 */
  readonly confidence: number;
  readonly source: string;
}

export interface MatcherOptions {
  readonly isPublicSuffix: PublicSuffixRule;
  readonly warninglists?: WarninglistIndex;
  /** Hash seed (pass a random one in a server: colliding keys cannot then be prepared in advance). */
  readonly seed?: number;
}

const NO_HITS: readonly MatchHit[] = Object.freeze([]);

export type MatcherIndex = ReturnType<typeof createMatcherIndex>;

export function createMatcherIndex(options: MatcherOptions) {
  const seed = (options.seed ?? 0) >>> 0;
  const values = new StringTable(seed);
  const ids = new StringTable(seed ^ 0x9e3779b9);
  const ips = new IpPrefixTable();
  const rows = new IndicatorColumns();
  rows.first.fill(-1);
  const sources: string[] = [];
  const sourceNumber = new Map<string, number>();
  /** Further owners of a value several indicators name (rare): entry handle → slots. */
  const shared = new Map<number, number[]>();
  let live = 0;

  const internSource = (s: string) => {
    let n = sourceNumber.get(s);
    if (n === undefined) {
      n = sources.length;
      sources.push(s);
      sourceNumber.set(s, n);
    }
    return n;
  };

  /** An entry handle: a string-table entry, or an IP-table entry with the top bit set. */
  const tableOf = (h: number) => ((h & IP_FLAG) !== 0 ? ips : values);
  const entryOf = (h: number) => h & ~IP_FLAG;

  function warnOf(kind: ValueKind, value: string): number {
    const w = options.warninglists?.check(kind, value);
    return w === null || w === undefined ? 0 : 1;
  }

  function link(slot: number, h: number, warn: number, flags: number): void {
    const t = tableOf(h);
    const e = entryOf(h);
    t.setFlags(e, t.flagsOf(e) | flags);
    t.setWarn(e, warn);
    const owner = t.refOf(e);
    if (owner === -1) {
      t.setRef(e, slot);
    } else if (owner !== slot) {
      const more = shared.get(h) ?? [];
      if (!more.includes(slot)) more.push(slot);
      shared.set(h, more);
    } else return;
    // Prepend to the slot's list of entries (through a side map when the entry already has an owner).
    if (owner === -1) {
      t.setNext(e, rows.first[slot] as number);
      rows.first[slot] = h;
    } else {
      const extra = extraLinks.get(slot) ?? [];
      extra.push(h);
      extraLinks.set(slot, extra);
    }
  }
  /** Entries a slot names that another indicator owns (rare). */
  const extraLinks = new Map<number, number[]>();

  function unlink(slot: number, h: number): void {
    const t = tableOf(h);
    const e = entryOf(h);
    const more = shared.get(h);
    if (t.refOf(e) === slot) {
      const heir = more?.shift();
      t.setRef(e, heir ?? -1);
      if (heir !== undefined) {
        // The heir owns it now: move the link from its side list into its chain.
        const extra = extraLinks.get(heir);
        if (extra !== undefined) {
          const i = extra.indexOf(h);
          if (i !== -1) extra.splice(i, 1);
          if (extra.length === 0) extraLinks.delete(heir);
        }
        t.setNext(e, rows.first[heir] as number);
        rows.first[heir] = h;
      }
    } else if (more !== undefined) {
      const i = more.indexOf(slot);
      if (i !== -1) more.splice(i, 1);
    }
    if (more !== undefined && more.length === 0) shared.delete(h);
  }

  function removeSlot(slot: number): void {
    let h = rows.first[slot] as number;
    rows.first[slot] = -1;
    while (h !== -1) {
      const t = tableOf(h);
      const e = entryOf(h);
      const next = t.nextOf(e);
      t.setNext(e, -1);
      unlink(slot, h);
      h = next;
    }
    for (const x of extraLinks.get(slot) ?? []) unlink(slot, x);
    extraLinks.delete(slot);
  }

  function add(input: IndicatorInput): AddResult {
    const idEntry = ids.intern(ID, compactId(input.stixId));
    rows.ensure(ids.count);
    if (ids.refOf(idEntry) === 1) removeSlot(idEntry);
    else live++;
    ids.setRef(idEntry, 1);
    rows.confidence[idEntry] = clampConfidence(input.confidence);
    rows.source[idEntry] = internSource(input.source);
    let indexed = 0;
    const refused: { kind: ValueKind; value: string; reason: string }[] = [];
    for (const v of input.values) {
      const why = addValue(idEntry, v.kind, v.value);
      if (why === null) indexed++;
      else refused.push({ kind: v.kind, value: v.value, reason: why });
    }
    return { indexed, refused };
  }

  function addValue(slot: number, kind: ValueKind, raw: string): string | null {
    if (kind === 'ip') {
      const ip = parseIp(raw);
      if (ip === null) return 'not an IPv4 or IPv6 address or CIDR range';
      const text = ipText(ip);
      link(slot, ips.intern(ip.v6, ip.words, ip.prefix) | IP_FLAG, warnOf('ip', text), MATCH_SELF);
      return null;
    }
    const value = normalizeAs(kind, raw);
    if (value === null) return `not a valid ${kind}`;
    if (kind === 'domain' && options.isPublicSuffix(value))
      return `${value} is a public suffix: it would match every site registered under it`;
    const flags = kind === 'domain' ? MATCH_SELF | MATCH_BELOW : MATCH_SELF;
    link(slot, values.intern(KIND_CODE[kind], value), warnOf(kind, value), flags);
    return null;
  }

  /**
   * Size the tables for adding `inputs`, before a large batch: each array then grows once instead
   * of doubling its way up (string-table.ts `reserve` says why that matters). Values already held
   * or refused leave some room unused, which `trim` gives back.
   */
  function reserveFor(inputs: readonly IndicatorInput[]): void {
    let ipValues = 0;
    let otherValues = 0;
    let chars = 0;
    for (const input of inputs)
      for (const v of input.values) {
        if (v.kind === 'ip') ipValues++;
        else {
          otherValues++;
          chars += v.value.length;
        }
      }
    // A compact id is 36 characters (indicator-rows.ts); a normalized value may gain a few
    // characters (a URL's '/'), and most are ASCII: one byte per character.
    ids.reserve(inputs.length, inputs.length * 36);
    values.reserve(otherValues, chars + 4 * otherValues);
    ips.reserve(ipValues);
    rows.ensure(ids.count + inputs.length, true);
  }

  function remove(stixId: string): boolean {
    const idEntry = ids.find(ID, compactId(stixId));
    if (idEntry === -1 || ids.refOf(idEntry) !== 1) return false;
    removeSlot(idEntry);
    ids.setRef(idEntry, -1);
    live--;
    return true;
  }

  // The lookup in progress (lookups are synchronous and never nest): the hits so far, made only
  // on the first hit, and what the visitors below need, so that a miss allocates nothing.
  let out: MatchHit[] | null = null;
  let via: MatchVia = 'exact';
  let withSuppressed = false;
  let queryPrefix = 0;
  const queryWords: [number, number, number, number] = [0, 0, 0, 0];

  /** Hits of one entry handle (its owner and any further indicators naming the same value). */
  function collect(h: number, how: MatchVia): void {
    const t = tableOf(h);
    const e = entryOf(h);
    const owner = t.refOf(e);
    if (owner === -1) return;
    const warned = t.warnOf(e) !== 0;
    if (warned && !withSuppressed) return;
    const kind = t === ips ? 'ip' : (KIND_NAME[values.kindOf(e)] as ValueKind);
    const warninglist = warned ? options.warninglists?.check(kind, t.text(e)) : undefined;
    out ??= [];
    const more = shared.size === 0 ? undefined : shared.get(h);
    for (let i = -1; i < (more?.length ?? 0); i++) {
      const slot = i === -1 ? owner : (more?.[i] as number);
      out.push(
        warninglist === undefined || warninglist === null
          ? { slot, kind, entry: h, via: how }
          : { slot, kind, entry: h, via: how, warninglist },
      );
    }
  }

  const visitDomain = (e: number, below: boolean): boolean => {
    collect(e, below && via === 'exact' ? 'parent-domain' : via);
    return true;
  };

  const visitIp = (e: number): boolean => {
    const p = ips.prefixOf(e);
    if (p > queryPrefix) return true; // a range query matches only ranges that hold all of it
    collect(e | IP_FLAG, via === 'exact' && p !== queryPrefix ? 'cidr' : via);
    return true;
  };

  function lookupDomain(name: string, how: MatchVia): void {
    via = how;
    const before = out?.length ?? 0;
    // A single label is a public suffix, never an indicator: no need to probe it.
    probeDomain(values, KIND_CODE.domain, name, visitDomain, true);
    // The probe goes from the broadest parent to the name itself; give the most specific first.
    if (out !== null && out.length - before > 1) {
      const mine = out.splice(before).reverse();
      out.push(...mine);
    }
  }

  function lookupIp(raw: string, how: MatchVia): void {
    via = how;
    // One IPv4 address, the usual query: parsed into a reused array, nothing allocated.
    const w4 = parseIpv4(raw);
    if (w4 !== null) {
      queryWords[0] = w4;
      queryPrefix = 32;
      ips.containing(false, queryWords, visitIp);
      return;
    }
    const ip = parseIp(raw);
    if (ip === null) return;
    queryPrefix = ip.prefix;
    ips.containing(ip.v6, ip.words, visitIp);
  }

  /** Indicators that match `raw` read as `kind`; an empty array when none (or when `raw` is not a `kind`). */
  function lookup(
    kind: ValueKind,
    raw: string,
    opts?: { suppressed?: boolean },
  ): readonly MatchHit[] {
    out = null;
    withSuppressed = opts?.suppressed === true;
    switch (kind) {
      case 'ip':
        lookupIp(raw, 'exact');
        break;
      case 'domain': {
        if (mayBeIp(raw) && parseIp(raw) !== null) lookupIp(raw, 'exact');
        else {
          const name = normalizeAs('domain', raw);
          if (name !== null) lookupDomain(name, 'exact');
        }
        break;
      }
      case 'url': {
        const u = normalizeUrl(raw);
        if (u === null) break;
        const e = values.find(KIND_CODE.url, u.url);
        if (e !== -1) collect(e, 'exact');
        if (mayBeIp(u.host) && parseIp(u.host) !== null) lookupIp(u.host, 'url-host');
        else lookupDomain(u.host, 'url-host');
        break;
      }
      case 'email': {
        const v = normalizeEmail(raw);
        if (v === null) break;
        const e = values.find(KIND_CODE.email, v);
        if (e !== -1) collect(e, 'exact');
        lookupDomain(v.slice(v.lastIndexOf('@') + 1), 'email-domain');
        break;
      }
      default: {
        const v = normalizeAs(kind, raw);
        if (v === null) break;
        const e = values.find(KIND_CODE[kind], v);
        if (e !== -1) collect(e, 'exact');
      }
    }
    const hits = out ?? NO_HITS;
    out = null;
    return hits;
  }

  return {
    /** Add an indicator, or replace the values of one already held (a new version). */
    add,
    reserveFor,
    /** Take an indicator out (revoked, expired, no longer shared); false when it was not held. */
    remove,
    lookup,
    /** Guess what `raw` is (URL, e-mail, IP, hash, wallet, phone, domain) and look it up. */
    lookupAny(raw: string, opts?: { suppressed?: boolean }) {
      const c = classifyValue(raw);
      return c === null
        ? { kind: null, value: null, hits: NO_HITS }
        : { kind: c.kind, value: c.value, hits: lookup(c.kind, c.value, opts) };
    },
    /** The canonical text of the indicator value a hit matched. */
    valueOf(hit: MatchHit): string {
      return tableOf(hit.entry).text(entryOf(hit.entry));
    },
    indicator(slot: number): IndicatorView {
      return {
        stixId: expandId(ids.text(slot)),
        confidence: rows.confidence[slot] as number,
        source: sources[rows.source[slot] as number] ?? '',
      };
    },
    /** Confidence (0–100) and source of a hit's indicator, without building its id. */
    confidence: (slot: number) => rows.confidence[slot] as number,
    source: (slot: number) => sources[rows.source[slot] as number] ?? '',
    has: (stixId: string) => {
      const e = ids.find(ID, compactId(stixId));
      return e !== -1 && ids.refOf(e) === 1;
    },
    /** Indicators held. */
    get size(): number {
      return live;
    },
    /** Values held (including those of removed indicators, whose rows are reused when they come back). */
    get entries(): number {
      return values.count + ips.count;
    },
    /** Bytes in the typed arrays (the interned sources and rare side maps are not counted). */
    get bytes(): number {
      return values.bytes + ids.bytes + ips.bytes + rows.confidence.byteLength * 9;
    },
    /** Give back growth slack (tables grow by doubling) after a bulk load. */
    trim(): void {
      values.trim();
      ids.trim();
      ips.trim();
      rows.trim(ids.count);
    },
  };
}

/** A host name's last label is never all digits, and only an IPv6 address has a colon. */
function mayBeIp(s: string): boolean {
  const last = s.trim();
  const c = last.charCodeAt(last.length - 1);
  return (c >= 48 && c <= 57) || last.includes(':');
}
