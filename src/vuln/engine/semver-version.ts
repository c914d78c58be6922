/**
 * SemVer 2.0.0 versions, as npm, crates.io and Go modules use them. Parsing is lenient in
 * the ways real lockfiles and OSV records need (a leading `v`, a missing minor or patch),
 * and the build part (`+incompatible`, `+build.5`) is kept for printing but ignored when
 * comparing, as SemVer says. Go pseudo-versions (`v0.0.0-20191109021931-daa7c04131f5`) are
 * SemVer pre-releases and order correctly by their timestamp.
 */

export interface SemVer {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  readonly pre: readonly string[];
  readonly build: string;
  /** True when the input had a leading `v` (Go); kept for printing. */
  readonly v: boolean;
}

const MAX_LENGTH = 256;
const NUM = /^(0|[1-9][0-9]*)$/;
const LOOSE_NUM = /^[0-9]+$/;
const IDENT = /^[0-9A-Za-z-]+$/;

/** Parse a SemVer version; undefined when it is not one. */
export function parseSemVer(text: string): SemVer | undefined {
  if (text.length === 0 || text.length > MAX_LENGTH) return undefined;
  let rest = text.trim();
  const v = rest.startsWith('v') || rest.startsWith('V');
  if (v) rest = rest.slice(1);
  let build = '';
  const plus = rest.indexOf('+');
  if (plus >= 0) {
    build = rest.slice(plus + 1);
    rest = rest.slice(0, plus);
    if (!build.split('.').every((p) => IDENT.test(p))) return undefined;
  }
  let pre: string[] = [];
  const dash = rest.indexOf('-');
  if (dash >= 0) {
    pre = rest.slice(dash + 1).split('.');
    rest = rest.slice(0, dash);
    if (!pre.every((p) => IDENT.test(p))) return undefined;
  }
  const core = rest.split('.');
  if (core.length > 3 || !core.every((p) => LOOSE_NUM.test(p))) return undefined;
  const [major = '0', minor = '0', patch = '0'] = core.map(stripZeros);
  return { major, minor, patch, pre, build, v };
}

function stripZeros(n: string): string {
  const s = n.replace(/^0+/, '');
  return s === '' ? '0' : s;
}

/** Compare two non-negative decimal strings without leading zeros, of any length. */
export function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareIdent(a: string, b: string): number {
  const an = NUM.test(a);
  const bn = NUM.test(b);
  if (an && bn) return compareNumeric(a, b);
  if (an) return -1;
  if (bn) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** SemVer precedence: -1, 0 or 1. Build metadata is ignored. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core =
    compareNumeric(a.major, b.major) ||
    compareNumeric(a.minor, b.minor) ||
    compareNumeric(a.patch, b.patch);
  if (core !== 0) return core;
  if (a.pre.length === 0 || b.pre.length === 0) {
    return a.pre.length === b.pre.length ? 0 : a.pre.length === 0 ? 1 : -1;
  }
  const n = Math.min(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const c = compareIdent(a.pre[i] as string, b.pre[i] as string);
    if (c !== 0) return c;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

/** Print a parsed version in canonical form. */
export function printSemVer(s: SemVer): string {
  const pre = s.pre.length > 0 ? `-${s.pre.join('.')}` : '';
  const build = s.build === '' ? '' : `+${s.build}`;
  return `${s.v ? 'v' : ''}${s.major}.${s.minor}.${s.patch}${pre}${build}`;
}
