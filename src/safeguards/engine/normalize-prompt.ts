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
const SPACES = /\s+/g;
const NON_ASCII = /[\u0080-\uffff]/;

/** The cleaned, lower-case text the classifier reads. */
export function cleanText(text: string): string {
  const bounded = text.length > MAX_PROMPT_CHARS ? text.slice(0, MAX_PROMPT_CHARS) : text;
  // NFKC changes nothing in ASCII: skip it for the common case.
  const folded = NON_ASCII.test(bounded)
    ? bounded.normalize('NFKC').replace(INVISIBLE, '')
    : bounded;
  return folded.toLowerCase().replace(SPACES, ' ').trim();
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
// A token of letters and leet characters (no other digits), at least 3 long.
const LEET_TOKEN = /[a-z0-9@$!|]{3,}/g;
const HAS_LEET = /[013457@$!|]/;
const HAS_LETTER = /[a-z]/;
// A letter next to a leet character somewhere: without one, nothing can change.
const LEET_MIX = /[a-z][013457@$!|]|[013457@$!|][a-z]/;

/**
 * The leetspeak reading of cleaned text, and how many tokens changed. Only
 * tokens mixing letters and leet characters change, so "ipv4" stays but
 * "k3yl0gg3r" becomes "keylogger".
 */
export function deleet(clean: string): { readonly text: string; readonly changed: number } {
  if (!LEET_MIX.test(clean)) return { text: clean, changed: 0 };
  let changed = 0;
  const text = clean.replace(LEET_TOKEN, (token) => {
    if (!HAS_LEET.test(token) || !HAS_LETTER.test(token)) return token;
    let letters = 0;
    let leet = 0;
    for (const ch of token) {
      if (ch >= 'a' && ch <= 'z') letters += 1;
      else if (LEET[ch] !== undefined) leet += 1;
    }
    // "md5", "sha256", "x86" are words, not leetspeak: need letters on both sides of the mix.
    if (leet < 1 || letters < 2 || /^[a-z]+\d+$/.test(token)) return token;
    changed += 1;
    let out = '';
    for (const ch of token) out += LEET[ch] ?? ch;
    return out;
  });
  return { text, changed };
}
