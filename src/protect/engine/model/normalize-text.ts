/**
 * Text as the featurizer sees it: compatibility-normalised (NFKC, so full-width
 * letters, ligatures and circled letters read as plain ones), lower-cased,
 * Latin diacritics folded ("vérify" → "verify"), curly quotes made straight and
 * invisible characters (zero-width, soft hyphen, bidi controls) removed, so
 * none of those tricks changes what the model sees.
 *
 * Each output character remembers the span of the input it came from, so a
 * feature can point back at exactly what the person pasted.
 */
export interface NormalizedText {
  readonly text: string;
  /** Input offset where output character i's source starts. Length text.length. */
  readonly from: Uint32Array;
  /** Input offset just after output character i's source. Length text.length. */
  readonly to: Uint32Array;
  /** True when the input was longer than `maxChars` and only its start was read. */
  readonly truncated: boolean;
}

const INVISIBLE = new Set([
  0x00ad, 0x034f, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c,
  0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
]);
const STRAIGHTEN: Readonly<Record<number, string>> = {
  8216: "'",
  8217: "'",
  8218: "'",
  8219: "'",
  8242: "'",
  8220: '"',
  8221: '"',
  8222: '"',
  8211: '-',
  8212: '-',
  8722: '-',
};
// Combining diacritical marks, dropped after decomposing a Latin letter.
const COMBINING = /[\u0300-\u036f]/g;

/** The normalised form of one non-ASCII code point (may be empty or several characters). */
function foldCodePoint(cp: number): string {
  if (INVISIBLE.has(cp)) return '';
  const straight = STRAIGHTEN[cp];
  if (straight !== undefined) return straight;
  const ch = String.fromCodePoint(cp);
  if (/\s/.test(ch)) return ' ';
  const nfkc = ch.normalize('NFKC').toLowerCase();
  const first = nfkc.charCodeAt(0);
  // Only Latin letters lose their accents: other scripts' marks carry meaning.
  if (first >= 0xc0 && first <= 0x24f) return nfkc.normalize('NFD').replace(COMBINING, '');
  return nfkc;
}

/** Normalise at most `maxChars` UTF-16 units of `input` (a surrogate pair is never split). */
export function normalizeText(input: string, maxChars: number): NormalizedText {
  let limit = Math.min(input.length, maxChars);
  const hi = input.charCodeAt(limit - 1);
  if (limit < input.length && hi >= 0xd800 && hi <= 0xdbff) limit -= 1;
  // NFKC can expand a character (e.g. "ﬃ" → "ffi"); grow the offset arrays when it does.
  let from = new Uint32Array(limit + 16);
  let to = new Uint32Array(limit + 16);
  const parts: string[] = [];
  let n = 0;
  const ensure = (extra: number) => {
    if (n + extra <= from.length) return;
    const size = Math.max(from.length * 2, n + extra);
    const grownFrom = new Uint32Array(size);
    const grownTo = new Uint32Array(size);
    grownFrom.set(from);
    grownTo.set(to);
    from = grownFrom;
    to = grownTo;
  };
  const push = (s: string, start: number, end: number) => {
    ensure(s.length);
    for (let k = 0; k < s.length; k++) {
      from[n] = start;
      to[n] = end;
      n += 1;
    }
    parts.push(s);
  };
  let asciiStart = 0;
  // ASCII runs are the common case: lower-case them in one call, one offset per character.
  const flushAscii = (end: number) => {
    if (end <= asciiStart) return;
    ensure(end - asciiStart);
    for (let k = asciiStart; k < end; k++) {
      from[n] = k;
      to[n] = k + 1;
      n += 1;
    }
    parts.push(input.slice(asciiStart, end).toLowerCase());
  };
  for (let i = 0; i < limit; ) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      i += 1;
      continue;
    }
    flushAscii(i);
    const cp = input.codePointAt(i) ?? code;
    const width = cp > 0xffff ? 2 : 1;
    push(foldCodePoint(cp), i, i + width);
    i += width;
    asciiStart = i;
  }
  flushAscii(limit);
  return {
    text: parts.join(''),
    from: from.subarray(0, n),
    to: to.subarray(0, n),
    truncated: limit < input.length,
  };
}
