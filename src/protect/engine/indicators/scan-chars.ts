/**
 * Character classes shared by the indicator scanners. Plain code-point
 * range checks, no regex, so every scanner stays a linear walk.
 */

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetter(c: number): boolean {
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x7a;
}

export function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

/**
 * Letters of the scripts used in look-alike host names (Latin with accents,
 * Greek, Cyrillic, Armenian). A host written without `http://` may contain
 * these (`аpple.com`), but not CJK: in Japanese text a domain is glued to the
 * words around it and must stop where the Latin letters stop.
 */
export function isHomographLetter(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x370 && c <= 0x3ff) ||
    (c >= 0x400 && c <= 0x52f) ||
    (c >= 0x531 && c <= 0x587) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

// One character, one class: constant time per call.
const UNICODE_WORD = /^[\p{L}\p{M}\p{Nd}]$/u;

/** Any letter, mark or digit (for hosts after an explicit `http://`); surrogate halves never count. */
export function isUnicodeWordUnit(c: number): boolean {
  if (c < 0x80) return isAsciiAlnum(c);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return UNICODE_WORD.test(String.fromCharCode(c));
}

/** A character that can be part of a host label. */
export function isLabelChar(c: number, anyScript: boolean): boolean {
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x2d || c === 0x5f;
  return anyScript ? isUnicodeWordUnit(c) : isHomographLetter(c);
}

/** Characters that may continue a URL's path/query in running text. */
export function isUrlTailChar(c: number): boolean {
  if (c <= 0x20 || c === 0x7f) return false;
  if (c < 0x80)
    return !(
      c === 0x3c ||
      c === 0x3e ||
      c === 0x22 ||
      c === 0x60 ||
      c === 0x7b ||
      c === 0x7d ||
      c === 0x7c ||
      c === 0x5c ||
      c === 0x5e
    );
  return isHomographLetter(c);
}

// ( [ " ' < > { } , ; : ! ? | * ~ start a token after them; . - _ / @ $ # & % + and letters do not.
const BOUNDARY = new Uint8Array(128);
for (const ch of '(["\'<>{},;:!?|*~') BOUNDARY[ch.charCodeAt(0)] = 1;

/** True when position i starts a new word: the previous character cannot be part of a token. */
export function isBoundaryBefore(s: string, i: number): boolean {
  if (i === 0) return true;
  const p = s.charCodeAt(i - 1);
  if (p <= 0x20) return true;
  if (p >= 0x80) return !isHomographLetter(p) && !(p >= 0xd800 && p <= 0xdfff);
  return BOUNDARY[p] === 1;
}
