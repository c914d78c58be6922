/**
 * Find URLs and bare domains in (already refanged) text. Hand-written
 * scanners instead of a URL regex: each call walks forward from a known
 * anchor (`://` or a word start) and the caller jumps past what was read, so
 * the whole scan is linear in the text even for hostile input.
 */
import type { IndicatorType } from '../types.js';
import { DOMAIN_INDEX } from '../url/brand-index.js';
import { classifyIpHost } from '../url/ip-host.js';
import { isAsciiAlnum, isAsciiLetter, isDigit, isLabelChar, isUrlTailChar } from './scan-chars.js';
import { bareDomainEvidence, FILE_EXTENSION_TLDS, KNOWN_TLDS } from './tlds.js';

export interface Found {
  readonly type: IndicatorType;
  readonly value: string;
  /** For links: the parsed URL, when the browser's parser accepted it. */
  readonly url?: URL | undefined;
  /** Span in the scanned (refanged) text. */
  readonly start: number;
  readonly end: number;
}

export type ScanResult =
  | { readonly found: readonly Found[]; readonly end: number }
  | { readonly skip: number };

/** Longest URL value we keep; longer links are cut (the evidence still points at the start). */
export const MAX_URL_VALUE = 4096;
const MAX_HOST = 253;
const MAX_LABELS = 127;
const LINK_SCHEMES = ['https', 'http', 'ftp'];

export interface HostRun {
  readonly end: number;
  readonly labels: readonly (readonly [number, number])[];
  readonly valid: boolean;
}

/** Labels separated by single dots, from `i`. Reads the whole run even when it is too long (then invalid). */
export function readHost(s: string, i: number, anyScript: boolean): HostRun {
  const labels: [number, number][] = [];
  let pos = i;
  let valid = true;
  for (;;) {
    const start = pos;
    while (pos < s.length && isLabelChar(s.charCodeAt(pos), anyScript)) pos++;
    if (pos === start) break;
    let end = pos;
    while (end > start && s.charCodeAt(end - 1) === 0x2d) end--; // `example.com-` in prose
    if (end === start || end - start > 63 || s.charCodeAt(start) === 0x2d) valid = false;
    // Keep reading a 100 KB run of labels (to skip it in one go) without storing them all.
    if (labels.length < MAX_LABELS) labels.push([start, end]);
    else valid = false;
    if (end < pos) {
      pos = end;
      break;
    }
    if (s.charCodeAt(pos) === 0x2e && isLabelChar(s.charCodeAt(pos + 1), anyScript)) pos++;
    else break;
  }
  if (pos - i > MAX_HOST) valid = false;
  return { end: pos, labels, valid };
}

/** Read a path/query/fragment from `pos` and trim trailing punctuation and unbalanced brackets. */
function readTail(s: string, pos: number): number {
  let end = pos;
  while (end < s.length && isUrlTailChar(s.charCodeAt(end))) end++;
  return trimTail(s, pos, end);
}

function trimTail(s: string, start: number, end: number): number {
  let e = end;
  let open = 0;
  let close = 0;
  for (let k = start; k < e; k++) {
    const ch = s.charAt(k);
    if (ch === '(' || ch === '[') open++;
    else if (ch === ')' || ch === ']') close++;
  }
  while (e > start) {
    const ch = s.charAt(e - 1);
    if ('.,;:!?\'"*'.includes(ch)) e--;
    else if ((ch === ')' || ch === ']') && close > open) {
      close--;
      e--;
    } else break;
  }
  return e;
}

interface Normalised {
  readonly value: string;
  readonly url: URL | undefined;
}

/**
 * The WHATWG parser is the reference for what a link means, but each call
 * costs microseconds (a thrown error far more), so one extraction parses at
 * most URL_PARSE_BUDGET distinct candidates; later ones keep their raw text.
 */
const URL_PARSE_BUDGET = 2000;

export class UrlNormaliser {
  private readonly cache = new Map<string, Normalised>();
  normalise(raw: string): Normalised {
    const key = raw.slice(0, MAX_URL_VALUE);
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.cache.size >= URL_PARSE_BUDGET) return { value: key, url: undefined };
    let result: Normalised = { value: key, url: undefined };
    try {
      const url = new URL(raw);
      result = { value: url.href.slice(0, MAX_URL_VALUE), url };
    } catch {
      // not a link a browser would open: keep the text as written
    }
    this.cache.set(key, result);
    return result;
  }
}

/** The URL (normalised by the WHATWG parser when it accepts it) and its host as a domain indicator. */
function urlAndDomain(
  urls: UrlNormaliser,
  raw: string,
  hostText: string,
  span: readonly [number, number],
  hostSpan: readonly [number, number],
): Found[] {
  const { value, url } = urls.normalise(raw);
  const [start, end] = span;
  const found: Found[] = [{ type: 'url', value, start, end, url }];
  const [hostStart, hostEnd] = hostSpan;
  const domain = (url?.hostname ?? hostText).toLowerCase().replace(/\.$/, ''); // literal + anchor: linear
  if (domain.includes('.') && !domain.startsWith('[') && classifyIpHost(domain) === 'none') {
    found.push({ type: 'domain', value: domain, start: hostStart, end: hostEnd });
  }
  return found;
}

/** Port digits and a path after a host that ends at `pos`. */
function readAfterHost(s: string, pos: number): { end: number; port: boolean; path: boolean } {
  let end = pos;
  let port = false;
  if (s.charCodeAt(end) === 0x3a && isDigit(s.charCodeAt(end + 1))) {
    let k = end + 1;
    while (k < s.length && isDigit(s.charCodeAt(k)) && k - end <= 5) k++;
    if (!isAsciiAlnum(s.charCodeAt(k))) {
      end = k;
      port = true;
    }
  }
  const c = s.charAt(end);
  const path = c === '/' || c === '?' || c === '#';
  return { end: path ? readTail(s, end) : end, port, path };
}

/** A URL with `http://`, `https://` or `ftp://` whose `://` starts at `colon`. */
export function scanSchemeUrl(
  s: string,
  colon: number,
  minStart: number,
  urls: UrlNormaliser,
): ScanResult {
  let b = colon;
  while (b > minStart && colon - b < 10 && isAsciiLetter(s.charCodeAt(b - 1))) b--;
  const letters = s.slice(b, colon).toLowerCase();
  const scheme = LINK_SCHEMES.find((x) => letters.endsWith(x));
  if (scheme === undefined) return { skip: colon + 1 };
  const start = colon - scheme.length;
  let hostStart = colon + 3;
  // User-info: the browser goes to what follows the last `@` before the path.
  let k = hostStart;
  while (
    k < s.length &&
    k - hostStart < 512 &&
    isUrlTailChar(s.charCodeAt(k)) &&
    !'/?#'.includes(s.charAt(k))
  )
    k++;
  for (let at = k - 1; at >= hostStart; at--) {
    if (s.charCodeAt(at) === 0x40) {
      hostStart = at + 1;
      break;
    }
  }
  let hostEnd: number;
  if (s.charAt(hostStart) === '[') {
    const close = s.slice(hostStart, hostStart + 64).indexOf(']');
    if (close < 0) return { skip: colon + 3 };
    hostEnd = hostStart + close + 1;
  } else {
    const host = readHost(s, hostStart, true);
    if (host.labels.length === 0 || !host.valid) return { skip: Math.max(host.end, colon + 3) };
    hostEnd = host.end;
  }
  const after = readAfterHost(s, hostEnd);
  const end = after.path ? after.end : trimTail(s, hostEnd, after.end);
  const found = urlAndDomain(
    urls,
    s.slice(start, end),
    s.slice(hostStart, hostEnd),
    [start, end],
    [hostStart, hostEnd],
  );
  return { found, end };
}

function isNumericLabel(s: string, [a, b]: readonly [number, number]): boolean {
  for (let k = a; k < b; k++) if (!isDigit(s.charCodeAt(k))) return false;
  return true;
}

/** A scheme-less link or domain starting at word start `i`: `www.x.com/a`, `bit.ly/x`, `paypal-verify.top`. */
export function scanBareHost(s: string, i: number, urls: UrlNormaliser): ScanResult {
  // Most word starts are plain words: without a dot followed by a label character there is no host.
  let k = i;
  while (k < s.length && isLabelChar(s.charCodeAt(k), false)) k++;
  if (s.charCodeAt(k) !== 0x2e || !isLabelChar(s.charCodeAt(k + 1), false))
    return { skip: Math.max(k, i + 1) };
  const host = readHost(s, i, false);
  const fail = { skip: Math.max(host.end, i + 1) };
  const last = host.labels[host.labels.length - 1];
  if (!host.valid || last === undefined || host.labels.length < 2) return fail;
  if (s.charCodeAt(host.end) === 0x40) return fail; // the local part of an email address
  const after = readAfterHost(s, host.end);
  const tldRaw = s.slice(last[0], last[1]);
  const tld = tldRaw.toLowerCase();
  const hostText = s.slice(i, host.end);
  const www = hostText.slice(0, 4).toLowerCase() === 'www.';
  const ipv4 = host.labels.length === 4 && host.labels.every((l) => isNumericLabel(s, l));
  if (ipv4) {
    if (!after.path && !after.port) return fail; // a bare dotted number in prose may be a version
  } else {
    if (!KNOWN_TLDS.has(tld) && !tld.startsWith('xn--')) return fail;
    if (!www && !after.path && !after.port && !plausibleBareDomain(host, tldRaw, hostText))
      return fail;
    if (FILE_EXTENSION_TLDS.has(tld) && !www && !after.path) return fail;
  }
  const found = urlAndDomain(
    urls,
    `http://${s.slice(i, after.end)}`,
    hostText,
    [i, after.end],
    [i, host.end],
  );
  return { found, end: after.end };
}

/**
 * "home.See you" and "differ.be" are sentences, "paypal.com" is a domain:
 * the TLD must be lower case (or the whole name upper case), and word-like
 * TLDs need a hyphen (`paypal-verify.love`) or a brand's real domain (`poste.it`).
 */
function plausibleBareDomain(host: HostRun, tldRaw: string, hostText: string): boolean {
  if (tldRaw !== tldRaw.toLowerCase() && hostText !== hostText.toUpperCase()) return false;
  const tld = tldRaw.toLowerCase();
  const second = host.labels[host.labels.length - 2];
  const secondLength = second === undefined ? 0 : second[1] - second[0];
  const lower = hostText.toLowerCase();
  switch (bareDomainEvidence(tld)) {
    case 'plain':
      return true;
    case 'in':
      return secondLength >= 4 || host.labels.length > 2;
    case 'word':
      return lower.includes('-') || isBrandDomain(lower);
  }
}

/** A brand's official domain, or a host under one (`poste.it`, `www.amazon.in`). */
function isBrandDomain(host: string): boolean {
  const labels = host.split('.');
  for (let k = 0; k < labels.length - 1; k++)
    if (DOMAIN_INDEX.has(labels.slice(k).join('.'))) return true;
  return false;
}
