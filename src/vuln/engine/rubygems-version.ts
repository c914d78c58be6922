/**
 * RubyGems versions (`Gem::Version`): dot-separated segments of digits or letters; a segment
 * with letters marks a pre-release (`1.0.a1` < `1.0`), trailing zeros do not count
 * (`1.0` == `1`), and a letter segment sorts before a number.
 */
import { compareNumeric } from './semver-version.js';

export type GemSegment = { readonly n: string } | { readonly s: string };
export interface GemVersion {
  readonly segments: readonly GemSegment[];
}

const MAX_LENGTH = 256;
const GEM = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Parse a RubyGems version; undefined when it is not one. */
export function parseGemVersion(text: string): GemVersion | undefined {
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_LENGTH || !GEM.test(t)) return undefined;
  // Gem::Version turns `-` into `.pre.`.
  const segments: GemSegment[] = [];
  for (const m of t.replaceAll('-', '.pre.').matchAll(/[0-9]+|[a-z]+/gi)) {
    const part = m[0];
    segments.push(/^[0-9]/.test(part) ? { n: part.replace(/^0+(?=.)/, '') } : { s: part });
  }
  return { segments };
}

function isNum(s: GemSegment | undefined): s is { n: string } {
  return s === undefined || 'n' in s;
}

/** Gem::Version#<=>: -1, 0 or 1. */
export function compareGemVersion(a: GemVersion, b: GemVersion): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    const xn = isNum(x);
    const yn = isNum(y);
    if (xn && yn) {
      const c = compareNumeric(x?.n ?? '0', y?.n ?? '0');
      if (c !== 0) return c;
    } else if (xn !== yn) {
      return xn ? 1 : -1;
    } else {
      const xs = (x as { s: string }).s;
      const ys = (y as { s: string }).s;
      if (xs !== ys) return xs < ys ? -1 : 1;
    }
  }
  return 0;
}

/** Print the segments joined by dots (a canonical spelling). */
export function printGemVersion(v: GemVersion): string {
  return v.segments.map((s) => ('n' in s ? s.n : s.s)).join('.');
}
