/** Character sets for regex escapes and POSIX classes, as code-point ranges. */
import type { CharSet } from './regex-ast.js';

type Ranges = readonly (readonly [number, number])[];

const code = (c: string): number => c.codePointAt(0) as number;
const range = (a: string, b: string): [number, number] => [code(a), code(b)];

export const MAX_CODE_POINT = 0x10ffff;
export const DIGIT: Ranges = [range('0', '9')];
export const WORD: Ranges = [range('0', '9'), range('A', 'Z'), range('_', '_'), range('a', 'z')];
/** PCRE's \s: space, \t, \n, \v, \f, \r. */
export const SPACE: Ranges = [
  [9, 13],
  [32, 32],
];

export const POSIX_CLASSES: Readonly<Record<string, Ranges>> = {
  alpha: [range('A', 'Z'), range('a', 'z')],
  digit: DIGIT,
  alnum: [range('0', '9'), range('A', 'Z'), range('a', 'z')],
  upper: [range('A', 'Z')],
  lower: [range('a', 'z')],
  space: SPACE,
  xdigit: [range('0', '9'), range('A', 'F'), range('a', 'f')],
  word: WORD,
  punct: [
    [33, 47],
    [58, 64],
    [91, 96],
    [123, 126],
  ],
};

/** Sorted, merged copy of `ranges`. */
export function normalizeRanges(ranges: Ranges): [number, number][] {
  const sorted = [...ranges]
    .map((r) => [r[0], r[1]] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

export function complementRanges(ranges: Ranges): [number, number][] {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of normalizeRanges(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function inRanges(ranges: Ranges, c: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid] as readonly [number, number];
    if (c < r[0]) hi = mid - 1;
    else if (c > r[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Does `set` contain code point `c`? With `foldCase`, either case of `c` counts. */
export function setContains(set: CharSet, c: number, foldCase: boolean): boolean {
  let hit = inRanges(set.ranges, c);
  if (!hit && foldCase) {
    const s = String.fromCodePoint(c);
    const lower = s.toLowerCase();
    const upper = s.toUpperCase();
    hit =
      (lower.length === s.length && inRanges(set.ranges, code(lower))) ||
      (upper.length === s.length && inRanges(set.ranges, code(upper)));
  }
  return hit !== set.negated;
}

export function isWordChar(c: number | undefined): boolean {
  return c !== undefined && inRanges(WORD, c);
}
