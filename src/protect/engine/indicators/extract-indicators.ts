/**
 * Pull the checkable things out of a message: links, domains, email
 * addresses, phone numbers, crypto wallets and payment handles, each with the
 * span of the original text it came from.
 *
 * How: refang a copy of the text (keeping an offset map), then let one
 * linear regex (ANCHORS) find the places where an indicator can start: `://`,
 * `@`, `$`, digits, a dot inside a word, a 26-character token. The scanner for
 * that anchor reads forward and says where to continue, always forward, so
 * the whole pass is linear and ordinary words cost almost nothing.
 * Limits: the first MAX_SCAN_CHARS characters are read, at most
 * MAX_INDICATORS distinct indicators are returned.
 */
import type { Evidence, Indicator, IndicatorType } from '../types.js';
import { scanAddress } from './address-scanner.js';
import { normaliseWallet, type WalletKind, walletKind } from './crypto-wallets.js';
import { type Found, scanBareHost, scanSchemeUrl, UrlNormaliser } from './link-scanner.js';
import { inferMarket, type Market } from './market-hints.js';
import { findCashtag, findVenmoHandle, handleFromUrl, upiFromUri } from './payment-handles.js';
import { findPhone, phoneFromDigits } from './phone-parse.js';
import { originalSpan, type Refanged, refangWithMap } from './refang.js';
import {
  isAsciiAlnum,
  isAsciiLetter,
  isBoundaryBefore,
  isDigit,
  isLabelChar,
} from './scan-chars.js';

export const MAX_INDICATORS = 1000;
export const MAX_SCAN_CHARS = 500_000;
const MAX_EXCERPT = 200;
const MAX_WALLET = 110;

interface Scan {
  readonly s: string;
  /** Lower-cased `s`, same length (for context words). */
  readonly lower: string;
  /** The text's phone-numbering market, worked out on first use (only numbers need it). */
  market(): Market | undefined;
  readonly venmo: boolean;
  readonly cashApp: boolean;
  readonly urls: UrlNormaliser;
  /** Checksums already verified in this text (a wallet pasted 200 times is checked once). */
  readonly wallets: Map<string, WalletKind | undefined>;
}

function cachedWalletKind(scan: Scan, token: string): WalletKind | undefined {
  if (scan.wallets.has(token)) return scan.wallets.get(token);
  const kind = walletKind(token);
  if (scan.wallets.size < 10_000) scan.wallets.set(token, kind);
  return kind;
}

/** Collects indicators once each, maps spans back to the original text, stops at the cap. */
class Sink {
  readonly out: Indicator[] = [];
  private readonly seen = new Set<string>();
  constructor(
    private readonly text: string,
    private readonly field: Evidence['field'],
    private readonly map: Refanged,
  ) {}
  get full(): boolean {
    return this.out.length >= MAX_INDICATORS;
  }
  /** Adds the indicator unless it is already there (or the cap is reached); true when added. */
  add(type: IndicatorType, value: string, start: number, end: number): boolean {
    const key = `${type}\u0000${value}`;
    if (this.full || this.seen.has(key)) return false;
    this.seen.add(key);
    const span = originalSpan(this.map, start, end);
    let clipped = Math.min(span.end, span.start + MAX_EXCERPT);
    const last = this.text.charCodeAt(clipped - 1);
    if (clipped < span.end && clipped > span.start && last >= 0xd800 && last <= 0xdbff) clipped--;
    const excerpt = this.text.slice(span.start, clipped);
    this.out.push({
      type,
      value,
      evidence: { field: this.field, start: span.start, end: clipped, excerpt },
    });
    return true;
  }
}

/** Lower case without changing length, so offsets in `lower` are offsets in `s`. */
function lowerSameLength(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const l = s.charAt(i).toLowerCase();
    out += l.length === 1 ? l : s.charAt(i);
  }
  return out;
}

function emitLinks(sink: Sink, found: readonly Found[]): void {
  for (const f of found) {
    const added = sink.add(f.type, f.value, f.start, f.end);
    if (!added || f.url === undefined) continue;
    for (const d of derivedFromUrl(f.url)) sink.add(d.type, d.value, f.start, f.end);
  }
}

/** A payment handle or WhatsApp number carried by a link (`paypal.me/x`, `wa.me/447…`). */
function derivedFromUrl(url: URL): { type: IndicatorType; value: string }[] {
  const out: { type: IndicatorType; value: string }[] = [];
  const handle = handleFromUrl(url);
  if (handle !== undefined) out.push({ type: 'payment_handle', value: handle });
  const host = url.hostname.replace(/^www\./, ''); // anchored literal: constant time
  const digits =
    host === 'wa.me'
      ? url.pathname.slice(1)
      : host === 'api.whatsapp.com'
        ? (url.searchParams.get('phone') ?? '')
        : '';
  const phone = digits === '' ? undefined : phoneFromDigits(digits);
  if (phone !== undefined) out.push({ type: 'phone', value: phone });
  return out;
}

// One class with a bounded count, sticky: the end of an ASCII letter/digit run, found natively.
const ALNUM_RUN = /[A-Za-z0-9]{0,111}/y;

function wordEnd(s: string, i: number): number {
  ALNUM_RUN.lastIndex = i;
  return ALNUM_RUN.exec(s) === null ? i : ALNUM_RUN.lastIndex;
}

/** Walk back over host-label characters to the start of the word (at most 256); -1 when too long. */
function wordStartBefore(s: string, at: number): number {
  let k = at;
  while (k > 0 && isLabelChar(s.charCodeAt(k - 1), false)) {
    k--;
    if (at - k > 256) return -1;
  }
  return k;
}

/** Everything that can start at a word boundary: phone, wallet, bare domain. Returns where to continue. */
function atWordStart(scan: Scan, sink: Sink, i: number): { to: number; emitted: boolean } {
  const { s } = scan;
  const c = s.charCodeAt(i);
  let to = i + 1;
  if (isDigit(c) || c === 0x2b || c === 0x28) {
    const phone = findPhone(s, i, scan.lower, scan.market());
    if ('value' in phone) {
      sink.add('phone', phone.value, phone.start, phone.end);
      return { to: phone.end, emitted: true };
    }
    // Every later start inside a rejected digit run would be rejected too.
    to = phone.skip;
    if (!isAsciiAlnum(c)) return { to, emitted: false };
  }
  if (isAsciiAlnum(c)) {
    const end = wordEnd(s, i);
    const kind =
      end - i >= 26 && end - i <= MAX_WALLET && !isAsciiAlnum(s.charCodeAt(end))
        ? cachedWalletKind(scan, s.slice(i, end))
        : undefined;
    if (kind !== undefined) {
      sink.add('crypto_wallet', normaliseWallet(s.slice(i, end), kind), i, end);
      return { to: end, emitted: true };
    }
  }
  if (isLabelChar(c, false)) {
    const host = scanBareHost(s, i, scan.urls);
    if ('found' in host) {
      emitLinks(sink, host.found);
      return { to: host.end, emitted: true };
    }
    to = Math.max(to, host.skip);
  }
  return { to, emitted: false };
}

function atAnchor(
  scan: Scan,
  sink: Sink,
  i: number,
  lastEnd: number,
): { to: number; emitted: boolean } | undefined {
  const { s } = scan;
  const c = s.charCodeAt(i);
  if (c === 0x3a && s.charCodeAt(i + 1) === 0x2f && s.charCodeAt(i + 2) === 0x2f) {
    if (i - 3 >= lastEnd && scan.lower.startsWith('upi', i - 3)) return upiUri(scan, sink, i);
    const r = scanSchemeUrl(s, i, lastEnd, scan.urls);
    if (!('found' in r)) return { to: r.skip, emitted: false };
    emitLinks(sink, r.found);
    return { to: r.end, emitted: true };
  }
  if (c === 0x40) {
    const r = scanAddress(s, i, lastEnd);
    if (r !== undefined && 'found' in r) {
      emitLinks(sink, r.found);
      return { to: r.end, emitted: true };
    }
    const venmo = r === undefined && scan.venmo ? findVenmoHandle(s, i) : undefined;
    if (venmo !== undefined) sink.add('payment_handle', venmo.value, venmo.start, venmo.end);
    return {
      to: venmo?.end ?? (r !== undefined && 'skip' in r ? r.skip : i + 1),
      emitted: venmo !== undefined,
    };
  }
  if (c === 0x24 && isBoundaryBefore(s, i) && isAsciiLetter(s.charCodeAt(i + 1))) {
    const tag = findCashtag(s, i, scan.cashApp);
    if (tag !== undefined) sink.add('payment_handle', tag.value, tag.start, tag.end);
    return { to: tag?.end ?? i + 1, emitted: tag !== undefined };
  }
  return undefined;
}

/**
 * Where an indicator can start, found by the regex engine rather than a JS loop
 * over every character. Each alternative is a literal, a single class, one
 * class under `+` after a disjoint optional class, or a fixed count of one
 * class, so the search is linear: `://`; `@` or `$`; digits, maybe after `+`
 * or `(` (phones, wallets and hosts that start with a digit); a label
 * character, a dot and a label character (inside a host name); 26 letters or
 * digits in a row (a wallet address).
 */
const ANCHORS = /:\/\/|[@$]|[+(]?[0-9]+|[\w\u00c0-\u058f-]\.[\w\u00c0-\u058f]|[A-Za-z0-9]{26}/g;

function atMatch(
  scan: Scan,
  sink: Sink,
  at: number,
  match: string,
  lastEnd: number,
): { to: number; emitted: boolean } {
  const c = match.charCodeAt(0);
  if (c === 0x3a || c === 0x40 || c === 0x24)
    return atAnchor(scan, sink, at, lastEnd) ?? { to: at + 1, emitted: false };
  const start = c === 0x2b || c === 0x28 ? at : wordStartBefore(scan.s, at);
  if (start < lastEnd || !isBoundaryBefore(scan.s, start))
    return { to: at + match.length, emitted: false };
  return atWordStart(scan, sink, start);
}

function upiUri(scan: Scan, sink: Sink, colon: number): { to: number; emitted: boolean } {
  let end = colon;
  while (end < scan.s.length && scan.s.charCodeAt(end) > 0x20 && end - colon < 1024) end++;
  const value = upiFromUri(scan.s.slice(colon - 3, end));
  if (value !== undefined) sink.add('payment_handle', value, colon - 3, end);
  return { to: end, emitted: value !== undefined };
}

/**
 * @example
 * extractIndicators('Pay at hxxps://paypal-verify[.]top/login or call +44 7700 900123', 'text')
 *   .map((i) => `${i.type} ${i.value}`);
 * // ['url https://paypal-verify.top/login', 'domain paypal-verify.top', 'phone +447700900123']
 */
export function extractIndicators(text: string, field: Evidence['field']): Indicator[] {
  const r = refangWithMap(text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text);
  const s = r.text;
  const lower = lowerSameLength(s);
  let market: { readonly value: Market | undefined } | undefined;
  const scan: Scan = {
    s,
    lower,
    market: () => {
      market ??= { value: inferMarket(s) };
      return market.value;
    },
    venmo: lower.includes('venmo'),
    cashApp:
      lower.includes('cash app') ||
      lower.includes('cashapp') ||
      lower.includes('cash.app') ||
      lower.includes('cashtag'),
    urls: new UrlNormaliser(),
    wallets: new Map(),
  };
  const sink = new Sink(text, field, r);
  let lastEnd = 0;
  ANCHORS.lastIndex = 0;
  for (let m = ANCHORS.exec(s); m !== null && !sink.full; m = ANCHORS.exec(s)) {
    const step = atMatch(scan, sink, m.index, m[0], lastEnd);
    if (step.emitted) lastEnd = step.to;
    ANCHORS.lastIndex = Math.max(ANCHORS.lastIndex, step.to);
  }
  return sink.out;
}
