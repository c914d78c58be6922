/**
 * Invisible and direction-changing characters used to disguise text:
 * zero-width spaces that split "Pay​Pal" past filters, and right-to-left
 * overrides that make "invoice‮fdp.exe" display as "invoiceexe.pdf".
 * Characters with honest uses are only counted where those uses cannot apply:
 * direction marks only in text without right-to-left script, joiners only
 * between two ASCII letters (emoji and Indic/Persian text use them legitimately).
 */

const ALWAYS = new Set([
  0x200b, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x00ad, 0x034f, 0x180e, 0xfeff,
]);
const DIRECTION = new Set([
  0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x061c,
]);
const JOINERS = new Set([0x200c, 0x200d]);

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
function isRtlLetter(c: number): boolean {
  return (
    (c >= 0x0590 && c <= 0x08ff) || (c >= 0xfb1d && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)
  );
}

function isAsciiLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Index of the first disguising character in `text`, or -1. A leading byte-order mark is ignored. */
export function findHiddenChar(text: string): number {
  let hasRtl = false;
  for (let i = 0; i < text.length; i++) {
    if (isRtlLetter(text.charCodeAt(i))) {
      hasRtl = true;
      break;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (ALWAYS.has(c)) {
      if (c === 0xfeff && i === 0) continue;
      return i;
    }
    if (DIRECTION.has(c) && !hasRtl) return i;
    if (
      JOINERS.has(c) &&
      isAsciiLetter(text.charCodeAt(i - 1)) &&
      isAsciiLetter(text.charCodeAt(i + 1))
    )
      return i;
  }
  return -1;
}

/**
 * Every character above as one regex class (linear). U+034F, a combining mark,
 * cannot share a class with the others, so it has its own pattern.
 */
const STRIP_ALL = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const GRAPHEME_JOINER = /\u034f/g;

/** The text without any of these characters (for matching brand names through the disguise). */
export function stripHiddenChars(text: string): string {
  return text.replace(STRIP_ALL, '').replace(GRAPHEME_JOINER, '');
}
