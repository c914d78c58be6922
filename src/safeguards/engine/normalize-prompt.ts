/**
 * Normalisation before anything reads a prompt: Unicode NFKC (fullwidth and
 * styled letters become plain ones), invisible characters removed (zero-width,
 * bidi controls, soft hyphen), lower case, whitespace collapsed — and a
 * separate leetspeak reading ("r4ns0mw4r3" → "ransomware") used as one more
 * variant to score. Every function is linear in the input and bounded by
 * MAX_PROMPT_CHARS.
 */

/** Characters analysed per prompt; the rest is ignored (and reported as a reason). */
export const MAX_PROMPT_CHARS = 65_536;

// Zero-width, joiners, bidi embeddings/overrides/isolates, word joiner, BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const NON_ASCII = /[\u0080-\uffff]/;

// The white-space runs that collapsing changes: any run but a single space. Replacing only these
// (not every single space, as /\s+/g does) leaves most of a prompt's text untouched, and a prompt
// with no tab, newline or double space is returned as it is, without building a new string.
const CHANGED_SPACE_RUN = /[^\S ]\s*| \s+/g;

// The last text collapseSpaces returned: the readers pass cleaned text through it again
// (stripWrappers), and a collapsed text is its own collapse.
let lastCollapsed = '';

/** `text.replace(/\s+/g, ' ').trim()`, faster. */
export function collapseSpaces(text: string): string {
  if (text === lastCollapsed) return text;
  lastCollapsed = text.replace(CHANGED_SPACE_RUN, ' ').trim();
  return lastCollapsed;
}

/** The cleaned, lower-case text the classifier reads. */
export function cleanText(text: string): string {
  const bounded = text.length > MAX_PROMPT_CHARS ? text.slice(0, MAX_PROMPT_CHARS) : text;
  // NFKC changes nothing in ASCII: skip it for the common case.
  const folded = NON_ASCII.test(bounded)
    ? bounded.normalize('NFKC').replace(INVISIBLE, '')
    : bounded;
  return collapseSpaces(folded.toLowerCase());
}

/** How many invisible characters the raw text hid (a signal of smuggling). */
export function countInvisible(text: string): number {
  const bounded = text.length > MAX_PROMPT_CHARS ? text.slice(0, MAX_PROMPT_CHARS) : text;
  return bounded.match(INVISIBLE)?.length ?? 0;
}

const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};
const LEET_CODES = new Int32Array(128).fill(-1);
for (const [from, to] of Object.entries(LEET)) LEET_CODES[from.charCodeAt(0)] = to.charCodeAt(0);
const isLetter = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
/** A character of a leet token: a-z, a digit, or one of @ $ ! |. */
const isTokenChar = (c: number) =>
  isLetter(c) || isDigit(c) || c === 64 || c === 36 || c === 33 || c === 124;
const isLeet = (c: number) => c < 128 && (LEET_CODES[c] as number) >= 0;
// A letter next to a leet character somewhere: without one, nothing can change. Written to look
// for the leet character first (rare in prose) and then at its neighbours: /[a-z][013457@$!|]|
// [013457@$!|][a-z]/ tried a letter at almost every position and took four times as long.
const LEET_MIX = /[013457@$!|](?:(?<=[a-z].)|(?=[a-z]))/;

/** The leetspeak reading of token text[start, end), or null when the token stays as it is. */
function deleetToken(text: string, start: number, end: number): string | null {
  let letters = 0;
  let leet = 0;
  let lettersThenDigits = true; // /^[a-z]+\d+$/: "md5", "sha256", "x86"
  let seenDigit = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      letters += 1;
      if (seenDigit) lettersThenDigits = false;
    } else {
      if (isLeet(c)) leet += 1;
      if (isDigit(c)) seenDigit = true;
      else lettersThenDigits = false;
    }
  }
  lettersThenDigits = lettersThenDigits && seenDigit && isLetter(text.charCodeAt(start));
  // "md5", "sha256", "x86" are words, not leetspeak: need letters on both sides of the mix.
  if (leet < 1 || letters < 2 || lettersThenDigits) return null;
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(isLeet(c) ? (LEET_CODES[c] as number) : c);
  }
  return out;
}

/**
 * The leetspeak reading of cleaned text, and how many tokens changed. A token is a
 * maximal run (3 or more) of letters, digits and @ $ ! |; only tokens mixing letters
 * and leet characters change, so "ipv4" stays but "k3yl0gg3r" becomes "keylogger".
 * One pass over the char codes, copying only around the tokens that change.
 */
export function deleet(clean: string): { readonly text: string; readonly changed: number } {
  if (!LEET_MIX.test(clean)) return { text: clean, changed: 0 };
  let changed = 0;
  let text = '';
  let from = 0;
  let i = 0;
  while (i < clean.length) {
    if (!isTokenChar(clean.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < clean.length && isTokenChar(clean.charCodeAt(i))) i += 1;
    if (i - start < 3) continue;
    const read = deleetToken(clean, start, i);
    if (read === null) continue;
    changed += 1;
    text += clean.slice(from, start) + read;
    from = i;
  }
  return { text: from === 0 ? clean : text + clean.slice(from), changed };
}
