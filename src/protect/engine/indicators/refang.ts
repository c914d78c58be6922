/**
 * Undo "defanging" (the safe-to-paste spellings analysts and scammers use:
 * `hxxps://evil[.]com`, `name[at]mail(dot)com`) and the invisible or
 * fullwidth characters that hide a link from filters, while keeping a map
 * from the output back to the input, so indicators found in the refanged
 * text can point at the original.
 *
 * Three passes, each a single left-to-right scan (linear, no regex):
 * 0. delete zero-width / bidi-control / soft-hyphen characters; turn
 *    fullwidth ASCII into ASCII, and an ideographic full stop into a dot
 *    where it sits between two letters or digits (1:1);
 * 1. bracketed separators `[.]`, `(dot)`, `{:}`, `[://]`, `[at]`, `[@]`, `[/]`
 *    (any run of opening and closing brackets) become the bare separator;
 *    ` [dot] ` between two letters/digits also swallows the spaces;
 * 2. `hxxp`, `hXXps`, `fxp` before `://` become `http`, `https`, `ftp`.
 * Each pass records only its edits (sparse), so ordinary text costs one scan
 * and no allocation per character. Refanging is idempotent: a replacement
 * never leaves a bracket next to the separator it produced.
 */

/** One pass's edits: input span [inStart, inEnd) became output span [outStart, outEnd). */
class PassMap {
  readonly inStart: number[] = [];
  readonly inEnd: number[] = [];
  readonly outStart: number[] = [];
  readonly outEnd: number[] = [];

  /** Index of the last edit whose output starts at or before `o`, or -1. */
  private find(o: number): number {
    let lo = 0;
    let hi = this.outStart.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.outStart[mid] ?? 0) <= o) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  /** Where output character `o` starts in the input. */
  start(o: number): number {
    const k = this.find(o);
    if (k < 0) return o;
    if (o < (this.outEnd[k] ?? 0)) return this.inStart[k] ?? 0;
    return o - (this.outEnd[k] ?? 0) + (this.inEnd[k] ?? 0);
  }

  /** Where output character `o` ends (exclusive) in the input. */
  end(o: number): number {
    const k = this.find(o);
    if (k < 0) return o + 1;
    if (o < (this.outEnd[k] ?? 0)) return this.inEnd[k] ?? 0;
    return o + 1 - (this.outEnd[k] ?? 0) + (this.inEnd[k] ?? 0);
  }
}

/** Accumulates the output as slices of the input plus replacements. */
class Writer {
  private readonly parts: string[] = [];
  private copied = 0;
  private outLength = 0;
  readonly map = new PassMap();
  constructor(private readonly input: string) {}
  /** Input position up to which output has been written (edits must start at or after it). */
  copiedUpTo(): number {
    return this.copied;
  }
  replace(start: number, end: number, out: string): void {
    if (start > this.copied) this.parts.push(this.input.slice(this.copied, start));
    this.outLength += start - this.copied;
    this.map.inStart.push(start);
    this.map.inEnd.push(end);
    this.map.outStart.push(this.outLength);
    this.outLength += out.length;
    this.map.outEnd.push(this.outLength);
    this.parts.push(out);
    this.copied = end;
  }
  finish(): string {
    if (this.map.inStart.length === 0) return this.input;
    this.parts.push(this.input.slice(this.copied));
    return this.parts.join('');
  }
}

const DELETE = new Set([
  0x00ad, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d,
  0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);
// Every character pass 0 touches, as one class: the engine skips other text natively (linear).
const PASS0_CHARS =
  /[\u00a0\u00ad\u200b-\u200f\u2060\u202a-\u202e\u2066-\u2069\u3000\u3002\ufeff\uff01-\uff5e\uff61]/g;

function pass0(s: string, w: Writer): void {
  PASS0_CHARS.lastIndex = 0;
  for (let m = PASS0_CHARS.exec(s); m !== null; m = PASS0_CHARS.exec(s)) {
    const i = m.index;
    const c = s.charCodeAt(i);
    if (DELETE.has(c)) w.replace(i, i + 1, '');
    else if (c >= 0xff01 && c <= 0xff5e) w.replace(i, i + 1, String.fromCharCode(c - 0xfee0));
    else if (c === 0x3002 || c === 0xff61) {
      // `example。com` hides a dot; `…されます。amazon-kakunin.xyz` ends a Japanese sentence
      // before a link, and turned into a dot it glued the link to the sentence (unseen).
      if (labelCharAround(s, i, -1) && labelCharAround(s, i, 1)) w.replace(i, i + 1, '.');
    } else w.replace(i, i + 1, ' ');
  }
}

/**
 * Whether the nearest character before (`step` -1) or after (+1) `i` that pass 0 does not
 * delete is a letter, digit or hyphen once fullwidth forms are made ASCII: what refanging the
 * output again would see, so refanging stays idempotent. Linear overall: a run of deleted
 * characters is walked only by the full stop on either side of it.
 */
function labelCharAround(s: string, i: number, step: -1 | 1): boolean {
  let k = i + step;
  while (k >= 0 && k < s.length && DELETE.has(s.charCodeAt(k))) k += step;
  if (k < 0 || k >= s.length) return false;
  let c = s.charCodeAt(k);
  if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
  return c === 0x2d || (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

const isOpen = (c: number): boolean => c === 0x5b || c === 0x28 || c === 0x7b;
const isClose = (c: number): boolean => c === 0x5d || c === 0x29 || c === 0x7d;
/** Longest first so `://` wins over `:`; words are matched case-insensitively. */
const TOKENS: readonly (readonly [string, string])[] = [
  ['://', '://'],
  ['dot', '.'],
  ['at', '@'],
  ['.', '.'],
  [':', ':'],
  ['@', '@'],
  ['/', '/'],
];

function isAlnumAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
}

/** Try `[[.]]`-style at i (an opening bracket). Returns the replacement, or where the opening run ends. */
function matchBracket(
  s: string,
  i: number,
): { out: string; end: number; word: boolean } | { fail: number } {
  let j = i;
  while (j < s.length && isOpen(s.charCodeAt(j))) j++;
  const token = TOKENS.find(([t]) => s.substr(j, t.length).toLowerCase() === t);
  if (token === undefined) return { fail: j };
  let k = j + token[0].length;
  const closeStart = k;
  while (k < s.length && isClose(s.charCodeAt(k))) k++;
  if (k === closeStart) return { fail: j };
  return { out: token[1], end: k, word: token[0] === 'dot' || token[0] === 'at' };
}

// Opening brackets, found natively; everything between them is copied untouched.
const OPENERS = /[[({]/g;

function pass1(s: string, w: Writer): void {
  OPENERS.lastIndex = 0;
  for (let m = OPENERS.exec(s); m !== null; m = OPENERS.exec(s)) {
    const i = m.index;
    // ` [dot] ` between two letters or digits: swallow the spaces too.
    if (s.charCodeAt(i - 1) === 0x20 && isAlnumAt(s, i - 2) && w.copiedUpTo() <= i - 1) {
      const spaced = matchBracket(s, i);
      if (
        'out' in spaced &&
        spaced.word &&
        s.charCodeAt(spaced.end) === 0x20 &&
        isAlnumAt(s, spaced.end + 1)
      ) {
        w.replace(i - 1, spaced.end + 1, spaced.out);
        OPENERS.lastIndex = spaced.end + 1;
        continue;
      }
    }
    const found = matchBracket(s, i);
    if ('out' in found) {
      w.replace(i, found.end, found.out);
      OPENERS.lastIndex = found.end;
    } else OPENERS.lastIndex = found.fail; // every start inside the failed opening run fails the same way
  }
}

const SCHEME_FIXES: readonly (readonly [string, string])[] = [
  ['hxxps://', 'https://'],
  ['hxxp://', 'http://'],
  ['fxp://', 'ftp://'],
];

// `h` or `f` followed by `x`: the only places a defanged scheme can start.
const SCHEME_STARTS = /[hf]x/gi;

function pass2(s: string, w: Writer): void {
  SCHEME_STARTS.lastIndex = 0;
  for (let m = SCHEME_STARTS.exec(s); m !== null; m = SCHEME_STARTS.exec(s)) {
    const i = m.index;
    const fix = SCHEME_FIXES.find(([from]) => s.substr(i, from.length).toLowerCase() === from);
    if (fix === undefined) continue;
    w.replace(i, i + fix[0].length, fix[1]);
    SCHEME_STARTS.lastIndex = i + fix[0].length;
  }
}

const PASSES = [pass0, pass1, pass2];

export interface Refanged {
  readonly text: string;
  /** The passes' maps, first pass first. */
  readonly maps: readonly PassMap[];
}

/** Refang and keep the offset map. */
export function refangWithMap(text: string): Refanged {
  let current = text;
  const maps: PassMap[] = [];
  for (const pass of PASSES) {
    const w = new Writer(current);
    pass(current, w);
    current = w.finish();
    maps.push(w.map);
  }
  return { text: current, maps };
}

/**
 * @example
 * refang('hxxps://evil[.]com/login'); // 'https://evil.com/login'
 */
export function refang(text: string): string {
  return refangWithMap(text).text;
}

/** Map a span [start, end) in refanged text back to the original text. */
export function originalSpan(
  r: Refanged,
  start: number,
  end: number,
): { start: number; end: number } {
  if (end <= start) {
    let at = start;
    for (let k = r.maps.length - 1; k >= 0; k--) at = r.maps[k]?.start(at) ?? at;
    return { start: at, end: at };
  }
  let s = start;
  let e = end - 1;
  let eEnd = end;
  for (let k = r.maps.length - 1; k >= 0; k--) {
    const m = r.maps[k];
    if (m === undefined) continue;
    s = m.start(s);
    eEnd = m.end(e);
    e = eEnd - 1;
  }
  return { start: s, end: eEnd };
}
