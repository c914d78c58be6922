/**
 * Threat-intel enrichment: the indicators a prompt or a response names (web addresses, domains,
 * IP addresses, e-mail addresses, file hashes, CVE identifiers), read so they can be looked up
 * in the exchange's matcher, and the rules that turn a hit into risk.
 *
 * The scan is one pass over the text with no regular expression: the text comes from whoever
 * holds an API key, and this runs on every request in the gateway's hot path. Defanged forms
 * defenders write (`hxxp://`, `evil[.]example`, `name[@]host`) are read as the real thing.
 */
import { normalizeCve } from '../../platform/engine-kit/indicators/cve.js';
import { decide, type SafeguardPolicy } from './safeguard-policy.js';
import { type Classification, DECISIONS, type Reason, type RiskCategory } from './types.js';

/**
 * What the exchange's matcher indexes: known-bad values, and (`cve`) the CVE identifiers of
 * vulnerabilities shared as STIX `vulnerability` objects.
 */
export type IntelIndicatorType = 'url' | 'domain' | 'ip' | 'email' | 'hash' | 'cve';

export interface IntelIndicator {
  readonly type: IntelIndicatorType;
  /** Canonical value: refanged, lower case (URLs keep their path's case). */
  readonly value: string;
}

/** A known-bad indicator, as the exchange's matcher reports it. */
export interface IntelHit {
  readonly indicator: IntelIndicator;
  /** Who says it is bad ("JPCERT/CC", "reported by 12 Shieldwall users"). */
  readonly source: string;
  /** 0..1 */
  readonly confidence: number;
}

/** Only the first 64 KB are read, and at most 64 indicators are kept: enough for any real prompt. */
const MAX_SCAN_CHARS = 65_536;
const MAX_INDICATORS = 64;
const MAX_TOKEN_CHARS = 2_048;

/** Characters an indicator can contain (ASCII), defanging brackets included: a table, read per character. */
const TOKEN_CHARS = (() => {
  const table = new Uint8Array(128);
  const allowed = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_:/@%+?=&#~[]';
  for (let k = 0; k < allowed.length; k++) table[allowed.charCodeAt(k)] = 1;
  return table;
})();

const tokenChar = (c: number): boolean => c < 128 && TOKEN_CHARS[c] === 1;

/**
 * The indicators in `text`, each once, in order of first appearance.
 *
 * @example
 * extractIntelIndicators('beacons to hxxps://c2[.]evil.example/gate and 203.0.113.9');
 * // [{ type: 'url', value: 'https://c2.evil.example/gate' }, { type: 'domain', value: 'c2.evil.example' },
 * //  { type: 'ip', value: '203.0.113.9' }]
 */
export function extractIntelIndicators(text: string): IntelIndicator[] {
  const s = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const found: IntelIndicator[] = [];
  const seen = new Set<string>();
  const read = new Set<string>();
  const add = (type: IntelIndicatorType, value: string) => {
    const key = `${type} ${value}`;
    if (found.length >= MAX_INDICATORS || seen.has(key)) return;
    seen.add(key);
    found.push({ type, value });
  };
  let i = 0;
  while (i < s.length && found.length < MAX_INDICATORS) {
    if (!tokenChar(s.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // Only a dot, colon, @ or bracket inside the token can make it an address; a plain word (or one
    // that merely ends a sentence with a dot) can only be a hash. Most tokens stop here unread.
    let firstMark = -1;
    for (let c = s.charCodeAt(i); i < s.length && tokenChar(c); c = s.charCodeAt(++i))
      if (firstMark === -1 && (c === 46 || c === 58 || c === 64 || c === 91)) firstMark = i;
    const length = i - start;
    if (length < 4 || length > MAX_TOKEN_CHARS) continue;
    // `CVE-2024-3400` (any case, a sentence's full stop after it).
    if (length >= 13 && length <= 21 && (s.charCodeAt(start) | 32) === 99) {
      const cve = cveId(s.slice(start, i));
      if (cve !== null) {
        add('cve', cve);
        continue;
      }
    }
    const marked = firstMark !== -1 && firstMark < i - 1;
    if (!marked && length !== 32 && length !== 40 && length !== 64) continue;
    const raw = s.slice(start, i);
    if (read.has(raw)) continue; // the same address again: read once
    read.add(raw);
    readToken(raw, add);
  }
  return found;
}

function readToken(raw: string, add: (type: IntelIndicatorType, value: string) => void): void {
  const token = trimEnds(refang(raw));
  if (token.length < 4) return;
  const lower = token.toLowerCase();
  if (lower.startsWith('http://') || lower.startsWith('https://')) {
    const rest = token.slice(token.indexOf('//') + 2);
    const hostEnd = firstOf(rest, '/?#');
    const authority = rest.slice(0, hostEnd);
    const host = stripPort(authority.slice(authority.lastIndexOf('@') + 1)).toLowerCase();
    const hostType = ipv4(host) ? 'ip' : domainName(host) ? 'domain' : null;
    if (hostType === null) return;
    add('url', `${lower.slice(0, lower.indexOf('//') + 2)}${host}${rest.slice(hostEnd)}`);
    add(hostType, host);
    return;
  }
  if (isHash(lower)) {
    add('hash', lower);
    return;
  }
  const at = lower.indexOf('@');
  if (at > 0 && at === lower.lastIndexOf('@')) {
    const domain = lower.slice(at + 1);
    if (domainName(domain) && /^[a-z0-9._%+-]{1,64}$/.test(lower.slice(0, at))) {
      add('email', lower);
      add('domain', domain);
    }
    return;
  }
  const host = stripPort(lower.split('/')[0] as string);
  if (ipv4(host)) add('ip', host);
  else if (domainName(host)) add('domain', host);
}

/** A CVE identifier with a sentence's punctuation around it, upper-cased; else null. */
const cveId = (token: string): string | null => normalizeCve(trimEnds(token));

/** `hxxp` → `http`, `[.]` `(.)`-style brackets → `.`, `[@]` `[at]` → `@`, `[:]` → `:`. */
function refang(token: string): string {
  if (!token.includes('[') && !/^hxxp/i.test(token)) return token;
  return token
    .replace(/^hxxp/i, 'http')
    .replaceAll('[.]', '.')
    .replaceAll('[dot]', '.')
    .replaceAll('[@]', '@')
    .replaceAll('[at]', '@')
    .replaceAll('[:]', ':')
    .replaceAll('[://]', '://');
}

/** Sentence punctuation and brackets around an indicator are not part of it. */
function trimEnds(token: string): string {
  let start = 0;
  let end = token.length;
  while (start < end && '[(:/'.includes(token.charAt(start))) start++;
  while (end > start && '.,:;?!])/'.includes(token.charAt(end - 1))) end--;
  return token.slice(start, end);
}

function firstOf(s: string, chars: string): number {
  for (let i = 0; i < s.length; i++) if (chars.includes(s.charAt(i))) return i;
  return s.length;
}

function stripPort(host: string): string {
  const colon = host.lastIndexOf(':');
  return colon > 0 && /^\d{1,5}$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : host;
}

function ipv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

/** A host name with at least two labels and an alphabetic top-level label (xn-- allowed). */
function domainName(s: string): boolean {
  if (s.length < 4 || s.length > 253) return false;
  const labels = s.split('.');
  if (labels.length < 2) return false;
  const top = labels[labels.length - 1] as string;
  if (!/^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(top)) return false;
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(l) || l === '_dmarc');
}

/** MD5, SHA-1 or SHA-256 in hex. */
function isHash(s: string): boolean {
  if (s.length !== 32 && s.length !== 40 && s.length !== 64) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false;
  }
  return true;
}

/**
 * How far a known-bad indicator moves risk: `risk + (1 - risk) × weight × confidence × (1 −
 * defensive)`. Naming known attacker infrastructure in a request to build or run something is
 * strong evidence; pasting the same indicator into an incident write-up or a detection rule is
 * defenders' everyday work, so the prompt's defensive reading takes most of the weight away.
 * Every hit is at least monitored and cited.
 */
// 0.7: a confident hit (0.9) in a prompt with no defensive reading lifts risk near zero to about
// 0.6 — friction for tiers 0–2, monitored at tier 3, whose work includes handling live indicators.
export const INTEL_WEIGHT = 0.7;

/**
 * A CVE that shared intelligence lists is not attacker infrastructure: defenders name them all day
 * (patching, detection, advisories). It moves risk only as far as the text reads as exploitation,
 * `risk + (1 - risk) × CVE_WEIGHT × confidence × exploitation score × (1 − defensive)`, and is cited
 * without a `monitor` floor of its own.
 */
// 0.5: "a working exploit for <listed CVE>" with no defensive reading (exploitation 0.9, confidence
// 0.6) moves risk 0.3 to about 0.49; a patching question moves nowhere.
export const CVE_WEIGHT = 0.5;

export interface IntelOptions {
  readonly tier: number;
  readonly role: 'prompt' | 'response';
  readonly policy: SafeguardPolicy;
}

/** `classification` with the known-bad indicators among its text's taken into account. */
export function enrichWithIntel(
  classification: Classification,
  hits: readonly IntelHit[],
  options: IntelOptions,
): Classification {
  if (hits.length === 0) return classification;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const strongest = (of: readonly IntelHit[]) => Math.max(0, ...of.map((h) => clamp(h.confidence)));
  const known = hits.filter((h) => h.indicator.type !== 'cve');
  const cves = hits.filter((h) => h.indicator.type === 'cve');
  const exploitation = classification.categories.find((c) => c.id === 'exploitation')?.score ?? 0;
  const open = 1 - classification.defensive;
  const push = Math.max(
    INTEL_WEIGHT * strongest(known) * open,
    CVE_WEIGHT * strongest(cves) * clamp(exploitation) * open,
  );
  const risk = classification.risk + (1 - classification.risk) * push;
  const topCategory = (classification.categories[0]?.id ?? null) as RiskCategory | null;
  const reDecided = decide(options.policy, {
    tier: options.tier,
    risk,
    topCategory,
    role: options.role,
    codeShaped: false,
  });
  const decision = DECISIONS[
    Math.max(
      DECISIONS.indexOf(classification.decision),
      DECISIONS.indexOf(reDecided),
      DECISIONS.indexOf(known.length > 0 ? 'monitor' : 'allow'),
    )
  ] as Classification['decision'];
  const reasons: Reason[] = [...known, ...cves].slice(0, 5).map((h) => ({
    code: `intel.${h.indicator.type}`,
    message:
      h.indicator.type === 'cve'
        ? `Names a vulnerability that shared threat intelligence lists (${h.source}).`
        : `Names ${article(h.indicator.type)} that shared threat intelligence lists as malicious (${h.source}).`,
    evidence:
      h.indicator.value.length > 120 ? `${h.indicator.value.slice(0, 117)}…` : h.indicator.value,
  }));
  return { ...classification, risk, decision, reasons: [...reasons, ...classification.reasons] };
}

function article(type: Exclude<IntelIndicatorType, 'cve'>): string {
  switch (type) {
    case 'url':
      return 'a web address';
    case 'domain':
      return 'a domain';
    case 'ip':
      return 'an IP address';
    case 'email':
      return 'an e-mail address';
    case 'hash':
      return 'a file hash';
  }
}
