/**
 * HTML character references: the 253 named entities of HTML 4 (plus &apos;)
 * and numeric references. Enough for mail, where the long tail of HTML5
 * names almost never appears; an unknown name is left as written.
 */

/** `name:hex` pairs, space-separated: compact data rather than 253 object lines. */
const TABLE =
  'quot:22 amp:26 lt:3c gt:3e nbsp:a0 iexcl:a1 cent:a2 pound:a3 curren:a4 yen:a5 brvbar:a6 ' +
  'sect:a7 uml:a8 copy:a9 ordf:aa laquo:ab not:ac shy:ad reg:ae macr:af deg:b0 plusmn:b1 ' +
  'sup2:b2 sup3:b3 acute:b4 micro:b5 para:b6 middot:b7 cedil:b8 sup1:b9 ordm:ba raquo:bb ' +
  'frac14:bc frac12:bd frac34:be iquest:bf Agrave:c0 Aacute:c1 Acirc:c2 Atilde:c3 Auml:c4 ' +
  'Aring:c5 AElig:c6 Ccedil:c7 Egrave:c8 Eacute:c9 Ecirc:ca Euml:cb Igrave:cc Iacute:cd ' +
  'Icirc:ce Iuml:cf ETH:d0 Ntilde:d1 Ograve:d2 Oacute:d3 Ocirc:d4 Otilde:d5 Ouml:d6 times:d7 ' +
  'Oslash:d8 Ugrave:d9 Uacute:da Ucirc:db Uuml:dc Yacute:dd THORN:de szlig:df agrave:e0 ' +
  'aacute:e1 acirc:e2 atilde:e3 auml:e4 aring:e5 aelig:e6 ccedil:e7 egrave:e8 eacute:e9 ' +
  'ecirc:ea euml:eb igrave:ec iacute:ed icirc:ee iuml:ef eth:f0 ntilde:f1 ograve:f2 oacute:f3 ' +
  'ocirc:f4 otilde:f5 ouml:f6 divide:f7 oslash:f8 ugrave:f9 uacute:fa ucirc:fb uuml:fc ' +
  'yacute:fd thorn:fe yuml:ff OElig:152 oelig:153 Scaron:160 scaron:161 Yuml:178 fnof:192 ' +
  'circ:2c6 tilde:2dc Alpha:391 Beta:392 Gamma:393 Delta:394 Epsilon:395 Zeta:396 Eta:397 ' +
  'Theta:398 Iota:399 Kappa:39a Lambda:39b Mu:39c Nu:39d Xi:39e Omicron:39f Pi:3a0 Rho:3a1 ' +
  'Sigma:3a3 Tau:3a4 Upsilon:3a5 Phi:3a6 Chi:3a7 Psi:3a8 Omega:3a9 alpha:3b1 beta:3b2 gamma:3b3 ' +
  'delta:3b4 epsilon:3b5 zeta:3b6 eta:3b7 theta:3b8 iota:3b9 kappa:3ba lambda:3bb mu:3bc nu:3bd ' +
  'xi:3be omicron:3bf pi:3c0 rho:3c1 sigmaf:3c2 sigma:3c3 tau:3c4 upsilon:3c5 phi:3c6 chi:3c7 ' +
  'psi:3c8 omega:3c9 thetasym:3d1 upsih:3d2 piv:3d6 ensp:2002 emsp:2003 thinsp:2009 zwnj:200c ' +
  'zwj:200d lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 rsquo:2019 sbquo:201a ldquo:201c ' +
  'rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 permil:2030 prime:2032 ' +
  'Prime:2033 lsaquo:2039 rsaquo:203a oline:203e frasl:2044 euro:20ac image:2111 weierp:2118 ' +
  'real:211c trade:2122 alefsym:2135 larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 ' +
  'crarr:21b5 lArr:21d0 uArr:21d1 rArr:21d2 dArr:21d3 hArr:21d4 forall:2200 part:2202 ' +
  'exist:2203 empty:2205 nabla:2207 isin:2208 notin:2209 ni:220b prod:220f sum:2211 minus:2212 ' +
  'lowast:2217 radic:221a prop:221d infin:221e ang:2220 and:2227 or:2228 cap:2229 cup:222a ' +
  'int:222b there4:2234 sim:223c cong:2245 asymp:2248 ne:2260 equiv:2261 le:2264 ge:2265 ' +
  'sub:2282 sup:2283 nsub:2284 sube:2286 supe:2287 oplus:2295 otimes:2297 perp:22a5 sdot:22c5 ' +
  'lceil:2308 rceil:2309 lfloor:230a rfloor:230b lang:2329 rang:232a loz:25ca spades:2660 ' +
  'clubs:2663 hearts:2665 diams:2666 apos:27 ';

let named: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (named === undefined) {
    named = new Map();
    for (const pair of TABLE.split(' ')) {
      const colon = pair.indexOf(':');
      if (colon > 0)
        named.set(
          pair.slice(0, colon),
          String.fromCodePoint(Number.parseInt(pair.slice(colon + 1), 16)),
        );
    }
  }
  return named;
}

/** HTML's remapping of C1 numeric references (&#150; is an en dash, as in windows-1252). */
const C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function fromNumber(n: number): string {
  if (n >= 0x80 && n <= 0x9f) return String.fromCodePoint(C1[n - 0x80] ?? 0xfffd);
  if (n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(n);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

export interface EntityMatch {
  readonly text: string;
  /** Index just past the reference. */
  readonly next: number;
}

/**
 * Decode the character reference starting at `s[i] === '&'`, or null when there is none.
 * Legacy references without ';' (&amp, &nbsp, &copy …: the Latin-1 names) are honoured as
 * in HTML: the longest such prefix in text ("&ampb" is "&b"), but in attribute values
 * not before a letter, digit or '=' (so "?a=1&copy=2" stays a query string).
 */
export function decodeEntityAt(s: string, i: number, attribute = false): EntityMatch | null {
  if (s.charCodeAt(i + 1) === 0x23) return decodeNumeric(s, i);
  let j = i + 1;
  while (j < s.length && j - i <= 32 && isAlnum(s.charCodeAt(j))) j++;
  if (j === i + 1) return null;
  const hit = table().get(s.slice(i + 1, j));
  if (hit !== undefined && s.charCodeAt(j) === 0x3b) return { text: hit, next: j + 1 };
  // Legacy names are at most 6 letters; try the longest prefix first (a bounded, constant amount of work).
  for (let end = Math.min(j, i + 7); end > i + 1; end--) {
    const legacy = table().get(s.slice(i + 1, end));
    if (legacy === undefined || (legacy.codePointAt(0) ?? 0) > 0xff) continue;
    const next = s.charCodeAt(end);
    if (attribute && (isAlnum(next) || next === 0x3d)) return null;
    return { text: legacy, next: end };
  }
  return null;
}

function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return hex && lower >= 0x61 && lower <= 0x66 ? lower - 87 : -1;
}

function decodeNumeric(s: string, i: number): EntityMatch | null {
  const hex = (s.charCodeAt(i + 2) | 0x20) === 0x78;
  let j = i + (hex ? 3 : 2);
  const digitsStart = j;
  let n = 0;
  while (j < s.length) {
    const c = s.charCodeAt(j);
    const d = digitValue(c, hex);
    if (d < 0) break;
    n = Math.min(0x110000, n * (hex ? 16 : 10) + d); // capped: long digit runs stay cheap and invalid
    j++;
  }
  if (j === digitsStart) return null;
  return { text: fromNumber(n), next: s.charCodeAt(j) === 0x3b ? j + 1 : j };
}

/** Decode every reference in a text run, or in an attribute value with `attribute`. */
export function decodeEntities(s: string, attribute = false): string {
  let at = s.indexOf('&');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const m = decodeEntityAt(s, at, attribute);
    if (m !== null) {
      out += s.slice(from, at) + m.text;
      from = m.next;
    }
    at = s.indexOf('&', m === null ? at + 1 : m.next);
  }
  return out + s.slice(from);
}
