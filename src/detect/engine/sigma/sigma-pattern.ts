/**
 * Sigma string values: `*` is any run of characters, `?` any one, `\` escapes `*`, `?` and `\`
 * (a backslash before anything else is a literal backslash, as in Windows paths). After value
 * modifiers a pattern may also hold a "dash" token (`windash`: `-`, `/`, en dash, em dash,
 * horizontal bar). Patterns compile to a matcher that runs in O(text × pattern) at worst and
 * takes indexOf fast paths for the common shapes (equals, prefix, suffix, contains).
 */

export const STAR = 0;
export const ONE = 1;
export const DASH = 2;
export type Token = typeof STAR | typeof ONE | typeof DASH;
/** Literal text runs and wildcard tokens. */
export type Pattern = readonly (string | Token)[];

const DASHES = '-/\u2013\u2014\u2015';

/** Parses a Sigma string value into literal runs and wildcards. */
export function parseSigmaString(value: string): Pattern {
  const out: (string | Token)[] = [];
  let run = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '\\') {
      const next = value[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        run += next;
        i++;
        continue;
      }
      run += c;
    } else if (c === '*' || c === '?') {
      if (run !== '') out.push(run);
      run = '';
      out.push(c === '*' ? STAR : ONE);
    } else run += c;
  }
  if (run !== '') out.push(run);
  return out;
}

/** A plain literal pattern (no wildcards), e.g. after base64. */
export const literalPattern = (text: string): Pattern => (text === '' ? [] : [text]);

export function isLiteral(p: Pattern): p is readonly string[] {
  return p.every((x) => typeof x === 'string');
}

export const literalText = (p: Pattern): string => p.filter((x) => typeof x === 'string').join('');

/** `contains`: `*value*` (no doubled stars). */
export function wrapContains(p: Pattern): Pattern {
  return startsWithPattern(endsWithPattern(p));
}
/** `endswith`: `*value`. */
export function endsWithPattern(p: Pattern): Pattern {
  return p[0] === STAR ? p : [STAR, ...p];
}
/** `startswith`: `value*`. */
export function startsWithPattern(p: Pattern): Pattern {
  return p[p.length - 1] === STAR ? p : [...p, STAR];
}

/**
 * `windash`: a `-` or `/` that starts a command-line switch (not inside a word, followed by a
 * word character) may be written with any of the dash-like characters Windows accepts.
 */
export function windash(p: Pattern): Pattern {
  const out: (string | Token)[] = [];
  for (const part of p) {
    if (typeof part !== 'string') {
      out.push(part);
      continue;
    }
    let run = '';
    for (let i = 0; i < part.length; i++) {
      const c = part[i] as string;
      const before = i === 0 ? '' : (part[i - 1] as string);
      const after = part[i + 1] ?? '';
      if ((c === '-' || c === '/') && !/\w/.test(before) && /\w/.test(after)) {
        if (run !== '') out.push(run);
        run = '';
        out.push(DASH);
      } else run += c;
    }
    if (run !== '') out.push(run);
  }
  return out;
}

/** Lower-cases the literal runs (for case-insensitive matching against lower-cased values). */
export function lowerPattern(p: Pattern): Pattern {
  return p.map((x) => (typeof x === 'string' ? x.toLowerCase() : x));
}

export type TextMatcher = (text: string) => boolean;

/** Compiles a pattern; the text passed must already be lower-cased if the pattern was. */
export function compilePattern(p: Pattern): TextMatcher {
  const first = p[0];
  const last = p[p.length - 1];
  if (p.length === 0) return (t) => t === '';
  if (p.length === 1 && typeof first === 'string') return (t) => t === first;
  if (p.length === 1 && first === STAR) return () => true;
  if (p.length === 2 && first === STAR && typeof last === 'string') return (t) => t.endsWith(last);
  if (p.length === 2 && last === STAR && typeof first === 'string')
    return (t) => t.startsWith(first);
  if (p.length === 3 && first === STAR && last === STAR && typeof p[1] === 'string') {
    const mid = p[1];
    return (t) => t.includes(mid);
  }
  return (t) => globMatch(p, t);
}

/** Does one non-star element match at `at`? Returns the width consumed or -1. */
function elementAt(e: string | Token, t: string, at: number): number {
  if (typeof e === 'string') return t.startsWith(e, at) ? e.length : -1;
  if (at >= t.length) return -1;
  if (e === ONE) return 1;
  return DASHES.includes(t[at] as string) ? 1 : -1;
}

/** Does the star-free run `seg` match at `at`? Returns the end or -1. */
function runAt(seg: readonly (string | Token)[], t: string, at: number): number {
  let i = at;
  for (const e of seg) {
    const w = elementAt(e, t, i);
    if (w < 0) return -1;
    i += w;
  }
  return i;
}

/**
 * Classic glob matching: split on stars; the first run must match at 0, the last at the end,
 * the others leftmost-first in between (leftmost is always safe with `*` between runs).
 */
function globMatch(p: Pattern, t: string): boolean {
  const runs: (string | Token)[][] = [[]];
  for (const e of p) {
    if (e === STAR) runs.push([]);
    else (runs[runs.length - 1] as (string | Token)[]).push(e);
  }
  if (runs.length === 1) return runAt(runs[0] as (string | Token)[], t, 0) === t.length;
  const head = runs[0] as (string | Token)[];
  const tail = runs[runs.length - 1] as (string | Token)[];
  let pos = runAt(head, t, 0);
  if (pos < 0) return false;
  const tailWidth = tail.reduce<number>((n, e) => n + (typeof e === 'string' ? e.length : 1), 0);
  const tailStart = t.length - tailWidth;
  if (tailStart < pos || runAt(tail, t, tailStart) !== t.length) return false;
  for (let r = 1; r < runs.length - 1; r++) {
    const seg = runs[r] as (string | Token)[];
    if (seg.length === 0) continue;
    let found = -1;
    for (let at = pos; at <= tailStart; at++) {
      const end = runAt(seg, t, at);
      if (end >= 0 && end <= tailStart) {
        found = end;
        break;
      }
    }
    if (found < 0) return false;
    pos = found;
  }
  return true;
}

/** The longest literal run of a pattern: every matching text contains it. */
export function longestLiteral(p: Pattern): string {
  let best = '';
  for (const e of p) if (typeof e === 'string' && e.length > best.length) best = e;
  return best;
}

/**
 * One matcher for a list of alternative patterns (a field's value list): exact values go in a
 * set, prefixes, suffixes and substrings in flat lists, only true globs keep their own matcher.
 * Testing a value is then a hash lookup and a few native string calls, with no closure call per
 * alternative.
 */
export function compileAlternatives(patterns: readonly Pattern[]): TextMatcher {
  const equals = new Set<string>();
  const starts: string[] = [];
  const ends: string[] = [];
  const contains: string[] = [];
  const globs: TextMatcher[] = [];
  let anything = false;
  for (const p of patterns) {
    const first = p[0];
    const last = p[p.length - 1];
    if (p.length === 0) equals.add('');
    else if (p.length === 1 && typeof first === 'string') equals.add(first);
    else if (p.length === 1 && first === STAR) anything = true;
    else if (p.length === 2 && first === STAR && typeof last === 'string') ends.push(last);
    else if (p.length === 2 && last === STAR && typeof first === 'string') starts.push(first);
    else if (p.length === 3 && first === STAR && last === STAR && typeof p[1] === 'string')
      contains.push(p[1]);
    else globs.push(compilePattern(p));
  }
  if (anything) return () => true;
  const hasEquals = equals.size > 0;
  return (t) => {
    if (hasEquals && equals.has(t)) return true;
    for (let i = 0; i < ends.length; i++) if (t.endsWith(ends[i] as string)) return true;
    for (let i = 0; i < starts.length; i++) if (t.startsWith(starts[i] as string)) return true;
    for (let i = 0; i < contains.length; i++) if (t.includes(contains[i] as string)) return true;
    for (let i = 0; i < globs.length; i++) if ((globs[i] as TextMatcher)(t)) return true;
    return false;
  };
}
