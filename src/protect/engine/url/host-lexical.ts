/**
 * Letter-level facts about a host name: length, hyphens, digits, how random
 * the registered name looks. These survive the dataset artefact (benign URLs
 * are bare home pages) because they never look at the path.
 */
import type { DomainParts } from './public-suffix.js';

export interface HostLexical {
  readonly hostLength: number;
  readonly labelCount: number;
  /** Subdomain labels, not counting a leading `www` / `m`. */
  readonly subdomainDepth: number;
  readonly maxLabelLength: number;
  readonly hyphenCount: number;
  /** Digits / (letters + digits) over the whole host. */
  readonly digitRatio: number;
  /** Registrable label (e.g. `paypal` in `www.paypal.com`) statistics. */
  readonly labelLength: number;
  readonly labelEntropy: number;
  readonly labelVowelRatio: number;
  readonly labelMaxConsonantRun: number;
  readonly labelDigitLetterSwitches: number;
  readonly labelAscii: boolean;
  /** Login/verify-style words as whole parts of the host: `secure-login.example.top`. */
  readonly hostKeyword: string | undefined;
  /** A domain ending spelled inside the subdomains: `amazon.co.jp.evil.cn`, `x.com.evil.top`. */
  readonly fakeSuffixInSubdomain: string | undefined;
}

const HOST_KEYWORDS = new Set(
  'login signin logon verify verification secure account accounts update wallet auth authenticate billing webscr confirm recovery unlock validate kyc suspended locked'.split(
    ' ',
  ),
);
const FAKE_ENDINGS = new Set(['com', 'net', 'org']);
const FAKE_SECOND_LEVEL = new Set(['co', 'com', 'ne', 'or', 'go', 'ac', 'gov', 'org']);

function isVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function letterStats(label: string): { vowelRatio: number; maxRun: number; switches: number } {
  let letters = 0;
  let vowels = 0;
  let run = 0;
  let maxRun = 0;
  let switches = 0;
  let prevDigit: boolean | undefined;
  for (const c of label) {
    const digit = c >= '0' && c <= '9';
    const letter = c >= 'a' && c <= 'z';
    if (letter) {
      letters++;
      if (isVowel(c)) {
        vowels++;
        run = 0;
      } else maxRun = Math.max(maxRun, ++run);
    } else run = 0;
    if (digit || letter) {
      if (prevDigit !== undefined && prevDigit !== digit) switches++;
      prevDigit = digit;
    }
  }
  return { vowelRatio: letters === 0 ? 0 : vowels / letters, maxRun, switches };
}

function findFakeSuffix(subdomains: readonly string[]): string | undefined {
  for (let i = 1; i < subdomains.length; i++) {
    const label = subdomains[i] ?? '';
    const next = subdomains[i + 1];
    if (FAKE_ENDINGS.has(label)) return subdomains.slice(0, i + 1).join('.');
    if (FAKE_SECOND_LEVEL.has(label) && next !== undefined && next.length === 2) {
      return subdomains.slice(0, i + 2).join('.');
    }
  }
  return undefined;
}

export function hostLexical(host: string, domain: DomainParts): HostLexical {
  const labels = host.split('.');
  let digits = 0;
  let alnum = 0;
  let hyphens = 0;
  for (let i = 0; i < host.length; i++) {
    const c = host.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits++;
    if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) alnum++;
    if (c === 0x2d) hyphens++;
  }
  const subs = domain.subdomains;
  const depth = subs.length - (subs[0] === 'www' || subs[0] === 'm' ? 1 : 0);
  const stats = letterStats(domain.label);
  const parts = host.split(/[.-]+/); // one class under +: linear
  return {
    hostLength: host.length,
    labelCount: labels.length,
    subdomainDepth: Math.max(0, depth),
    maxLabelLength: labels.reduce((m, l) => Math.max(m, l.length), 0),
    hyphenCount: hyphens,
    digitRatio: alnum === 0 ? 0 : digits / alnum,
    labelLength: domain.label.length,
    labelEntropy: entropy(domain.label),
    labelVowelRatio: stats.vowelRatio,
    labelMaxConsonantRun: stats.maxRun,
    labelDigitLetterSwitches: stats.switches,
    labelAscii: [...domain.label].every((c) => c <= '\u007f'),
    hostKeyword: parts.find((p) => HOST_KEYWORDS.has(p)),
    fakeSuffixInSubdomain: findFakeSuffix(subs),
  };
}

/**
 * "Looks like random letters": long enough to judge, and either few vowels,
 * a long consonant run, or digits and letters interleaved (`t5u9er`).
 */
export function looksRandom(lex: HostLexical): boolean {
  // Only ASCII names: the vowel test means nothing for Japanese or Cyrillic names.
  if (lex.labelLength < 6 || !lex.labelAscii) return false;
  return (
    (lex.labelLength >= 8 && lex.labelVowelRatio < 0.2) ||
    lex.labelMaxConsonantRun >= 6 ||
    lex.labelDigitLetterSwitches >= 3
  );
}
