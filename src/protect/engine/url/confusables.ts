/**
 * A compact "skeleton" in the spirit of Unicode TR39 (Security Mechanisms,
 * confusables.txt): map characters that look like Latin letters to the Latin
 * letter, so `аpple` (Cyrillic а), `раураl` and `ｐａｙｐａｌ` all become
 * `apple` / `paypal` and can be compared with brand names.
 *
 * This is a hand-derived SUBSET of TR39, chosen for hostnames: the Cyrillic,
 * Greek, Armenian and Latin-extension letters that attackers use in
 * homograph domains, plus the fullwidth and mathematical alphanumeric blocks
 * (derived arithmetically from their layout rather than listed). Unlike TR39
 * we also strip diacritics (NFD, then drop combining marks) and fold the ASCII
 * tricks `0→o`, `1→l`, `rn→m`, `vv→w`, because for brand comparison `pàypal`
 * and `paypa1` are look-alikes too (the ASCII folds are a separate step,
 * `foldAsciiTricks`, so callers can split `amazon2024` on digits first).
 * Apply the same steps to both sides of a comparison.
 */

/**
 * Single code point → the Latin letter it imitates. Code points are written
 * in hex because the characters themselves are, by design, indistinguishable
 * from Latin letters on screen.
 */
// biome-ignore format: a dense table reads better than one pair per line
const LOOKALIKE_PAIRS: readonly (readonly [number, string])[] = [
  // Cyrillic lower case
  [0x0430, 'a'], [0x0432, 'b'], [0x0433, 'r'], [0x0435, 'e'], [0x043a, 'k'], [0x043e, 'o'], [0x0440, 'p'],
  [0x0441, 'c'], [0x0443, 'y'], [0x0445, 'x'], [0x044c, 'b'], [0x0455, 's'], [0x0456, 'i'], [0x0458, 'j'],
  [0x04bb, 'h'], [0x0501, 'd'], [0x051b, 'q'], [0x051d, 'w'], [0x04cf, 'l'], [0x04af, 'y'], [0x0457, 'i'],
  [0x0450, 'e'], [0x0451, 'e'],
  // Cyrillic upper case (IDNA lower-cases hosts, but raw text may not be)
  [0x0410, 'a'], [0x0412, 'b'], [0x0415, 'e'], [0x041a, 'k'], [0x041c, 'm'], [0x041d, 'h'], [0x041e, 'o'],
  [0x0420, 'p'], [0x0421, 'c'], [0x0422, 't'], [0x0425, 'x'], [0x0405, 's'], [0x0406, 'i'], [0x0408, 'j'],
  [0x04ae, 'y'], [0x051a, 'q'], [0x051c, 'w'], [0x04c0, 'l'],
  // Greek lower case
  [0x03b1, 'a'], [0x03b9, 'i'], [0x03ba, 'k'], [0x03bd, 'v'], [0x03bf, 'o'], [0x03c1, 'p'], [0x03c5, 'u'],
  [0x03c7, 'x'], [0x03b3, 'y'], [0x03b7, 'n'], [0x03c9, 'w'], [0x03f2, 'c'], [0x03f3, 'j'], [0x03c4, 't'],
  [0x03bc, 'u'], [0x03ac, 'a'], [0x03cc, 'o'], [0x03af, 'i'],
  // Greek upper case
  [0x0391, 'a'], [0x0392, 'b'], [0x0395, 'e'], [0x0396, 'z'], [0x0397, 'h'], [0x0399, 'i'], [0x039a, 'k'],
  [0x039c, 'm'], [0x039d, 'n'], [0x039f, 'o'], [0x03a1, 'p'], [0x03a4, 't'], [0x03a5, 'y'], [0x03a7, 'x'],
  // Armenian
  [0x0585, 'o'], [0x057d, 'u'], [0x0581, 'g'], [0x0570, 'h'], [0x0578, 'n'], [0x0566, 'q'], [0x0561, 'w'],
  // Latin letters that do not decompose under NFD, and small capitals
  [0x0131, 'i'], [0x0269, 'i'], [0x0251, 'a'], [0x0261, 'g'], [0x01c0, 'l'], [0x0237, 'j'], [0x0142, 'l'],
  [0x00f8, 'o'], [0x0111, 'd'], [0x0127, 'h'], [0x0180, 'b'], [0x0188, 'c'], [0x0192, 'f'], [0x01a5, 'p'],
  [0x0280, 'r'], [0x1d00, 'a'], [0x0299, 'b'], [0x1d04, 'c'], [0x1d07, 'e'], [0x0262, 'g'], [0x029c, 'h'],
  [0x026a, 'i'], [0x1d0b, 'k'], [0x029f, 'l'], [0x1d0d, 'm'], [0x0274, 'n'], [0x1d0f, 'o'], [0x1d18, 'p'],
  [0x1d1b, 't'], [0x1d1c, 'u'], [0x1d20, 'v'], [0x1d21, 'w'], [0x028f, 'y'], [0x1d22, 'z'],
  // Dots that IDNA treats as label separators
  [0x3002, '.'], [0xff0e, '.'], [0xff61, '.'],
];
const LOOKALIKES: ReadonlyMap<number, string> = new Map(LOOKALIKE_PAIRS);

/**
 * Blocks laid out as consecutive A–Z / a–z / 0–9 runs, derived rather than listed:
 * [first code point, how many, ASCII of the first]. Holes in the mathematical
 * block (unassigned code points) simply never occur in real text.
 */
const RUNS: readonly (readonly [number, number, number])[] = [
  [0xff21, 26, 0x61], // fullwidth A–Z
  [0xff41, 26, 0x61], // fullwidth a–z
  [0xff10, 10, 0x30], // fullwidth 0–9
  ...Array.from({ length: 13 }, (_, k) => [0x1d400 + 52 * k, 26, 0x61] as const), // math A–Z styles
  ...Array.from({ length: 13 }, (_, k) => [0x1d41a + 52 * k, 26, 0x61] as const), // math a–z styles
  [0x1d7ce, 50, 0x30], // math digits: five styles of 0–9 (wrapped below)
];

function fromRuns(cp: number): string | undefined {
  if (cp < 0xff10) return undefined;
  for (const [first, count, ascii] of RUNS) {
    if (cp >= first && cp < first + count) {
      const offset = ascii === 0x30 ? (cp - first) % 10 : cp - first;
      return String.fromCharCode(ascii + offset);
    }
  }
  return undefined;
}

/** The Latin letter a single code point imitates, or undefined if it imitates none. */
export function latinLookalike(cp: number): string | undefined {
  return LOOKALIKES.get(cp) ?? fromRuns(cp);
}

/** Which script family a code point belongs to, for mixed-script detection. */
export type ScriptFamily = 'latin' | 'cyrillic' | 'greek' | 'armenian' | 'cjk' | 'other' | 'common';

export function scriptOf(cp: number): ScriptFamily {
  if (cp < 0x80) {
    const lower = cp | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? 'latin' : 'common';
  }
  if (cp < 0xc0 || cp === 0xd7 || cp === 0xf7) return 'common';
  if (cp <= 0x024f || (cp >= 0x1d00 && cp <= 0x1eff)) return 'latin';
  if (cp >= 0x0370 && cp <= 0x03ff) return 'greek';
  if ((cp >= 0x0400 && cp <= 0x052f) || (cp >= 0x1c80 && cp <= 0x1c8f)) return 'cyrillic';
  if (cp >= 0x0530 && cp <= 0x058f) return 'armenian';
  if (
    (cp >= 0x3040 && cp <= 0x30ff) ||
    (cp >= 0x3400 && cp <= 0x9fff) ||
    (cp >= 0xac00 && cp <= 0xd7af)
  ) {
    return 'cjk';
  }
  if (cp >= 0x0300 && cp <= 0x036f) return 'common'; // combining marks inherit their base
  return 'other';
}

const COMBINING = /[\u0300-\u036f]/g; // a single character class: linear, no backtracking

/**
 * Map a string to its Latin skeleton: lower case, diacritics stripped,
 * look-alike letters replaced. Linear in the input (one pass per step).
 */
export function skeleton(input: string): string {
  const stripped = input.normalize('NFD').replace(COMBINING, '');
  let out = '';
  for (const ch of stripped) {
    const cp = ch.codePointAt(0) ?? 0;
    const mapped = latinLookalike(cp);
    out += mapped ?? ch.toLowerCase();
  }
  return out;
}

/** `0→o`, `1→l`, `rn→m`, `vv→w`: digit swaps and letter pairs that read as one letter. */
export function foldAsciiTricks(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 1];
    if (c === 'r' && next === 'n') {
      out += 'm';
      i++;
    } else if (c === 'v' && next === 'v') {
      out += 'w';
      i++;
    } else if (c === '0') out += 'o';
    else if (c === '1') out += 'l';
    else out += c;
  }
  return out;
}

/** The set of letter scripts used in a label, ignoring digits, hyphens and marks. */
export function scriptsOf(label: string): Set<ScriptFamily> {
  const scripts = new Set<ScriptFamily>();
  for (const ch of label) {
    const s = scriptOf(ch.codePointAt(0) ?? 0);
    if (s !== 'common') scripts.add(s);
  }
  return scripts;
}
