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
  /** Share of the registrable label's letter pairs that are rare in names people make up (0..1). */
  readonly labelOddPairs: number;
  /** The same share, for the most unusual subdomain label (not `www`/`m`; 0 when none is long enough). */
  readonly subdomainOddPairs: number;
}

const HOST_KEYWORDS = new Set(
  'login signin logon verify verification secure account accounts update wallet auth authenticate billing webscr confirm recovery unlock validate kyc suspended locked'.split(
    ' ',
  ),
);
const FAKE_ENDINGS = new Set(['com', 'net', 'org']);
const FAKE_SECOND_LEVEL = new Set(['co', 'com', 'ne', 'or', 'go', 'ac', 'gov', 'org']);

/**
 * Letter pairs common in English and romanised Japanese words, which is
 * what most registered and subdomain names are made of (`mail`, `kuroneko`,
 * `weather`). Machine-made names (`zxwoovg`, `qcwb`, `hjkknuo`) are mostly
 * other pairs. Counting them gives a "made by a person?" score that sees
 * only the host, so it survives the training data's bare-home-page artefact,
 * and generalises to names never seen in training (hashed n-grams cannot).
 */
const COMMON_PAIRS = new Set(
  (
    'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve ' +
    'co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ' +
    'ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts ' +
    'mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo ' +
    'sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi ' +
    'da yo cr cl du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew ' +
    'mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ub oi rl gu dr hr cc ' +
    'tw ft wn nu af hu nn eo vo rv nf xp gn sm fl ok gl aw oa sy sl ps lf ks ka ku ko ya yu ji ju ' +
    'jo ja zu za sa wa mi ne no na ni nu ta te to ki ke ku fu hi ho hu yo ri ru re ro ai ' +
    'ao ei ui oi ue ua ia io ka ga ge gi go zo ze zi bi be ba bo mo ha oh ah eh uk kr ek ik ak'
  ).split(' '),
);

/** Share of adjacent letter pairs of `label` outside COMMON_PAIRS; 0 for labels under 4 letters. */
export function oddPairShare(label: string): number {
  let pairs = 0;
  let odd = 0;
  for (let i = 0; i + 1 < label.length; i++) {
    const a = label.charCodeAt(i);
    const b = label.charCodeAt(i + 1);
    if (a < 0x61 || a > 0x7a || b < 0x61 || b > 0x7a) continue;
    pairs++;
    if (!COMMON_PAIRS.has(label.slice(i, i + 2))) odd++;
  }
  return pairs < 3 ? 0 : odd / pairs;
}

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
    labelOddPairs: oddPairShare(domain.label),
    subdomainOddPairs: subs.reduce(
      (m, l) => (l === 'www' || l === 'm' ? m : Math.max(m, oddPairShare(l))),
      0,
    ),
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
