/**
 * SPF (RFC 7208): parse one `v=spf1` record into terms, and count the DNS
 * look-ups a receiver must make to evaluate it — recursively through include:
 * and redirect=, with loop detection — against the limit of 10 (§4.6.4).
 * The engine never looks anything up: the service fetches the names that
 * {@link spfTargets} lists and hands the answers back.
 */
import { MAX_RECORD_CHARS, startsWithIgnoreCase } from './tag-list.js';

export type Qualifier = '+' | '-' | '~' | '?';
export type MechanismName = 'all' | 'include' | 'a' | 'mx' | 'ptr' | 'ip4' | 'ip6' | 'exists';

export type SpfTerm =
  | {
      readonly kind: 'mechanism';
      readonly qualifier: Qualifier;
      readonly name: MechanismName;
      /** The domain-spec or address after `:`, lowercased; empty when none. */
      readonly value: string;
    }
  | { readonly kind: 'modifier'; readonly name: string; readonly value: string };

export interface SpfRecord {
  readonly terms: readonly SpfTerm[];
  /** Terms we could not read (a typo such as `inlcude:` makes the whole record fail). */
  readonly unknown: readonly string[];
  readonly redirect: string | undefined;
  /** The qualifier of the `all` mechanism, or undefined without one. */
  readonly all: Qualifier | undefined;
}

const MECHANISMS: ReadonlySet<string> = new Set([
  'all',
  'include',
  'a',
  'mx',
  'ptr',
  'ip4',
  'ip6',
  'exists',
]);
const LOOKUP_MECHANISMS: ReadonlySet<MechanismName> = new Set([
  'include',
  'a',
  'mx',
  'ptr',
  'exists',
]);
const MAX_TERMS = 200;

/** True for a TXT string that is an SPF record (`v=spf1` followed by a space or the end). */
export function isSpf(text: string): boolean {
  const t = text.trim();
  return startsWithIgnoreCase(t, 'v=spf1') && (t.length === 6 || t.charCodeAt(6) === 0x20);
}

export function parseSpf(text: string): SpfRecord {
  const words = text
    .slice(0, MAX_RECORD_CHARS)
    .trim()
    .split(' ')
    .filter((w) => w !== '')
    .slice(1, MAX_TERMS + 1);
  const terms: SpfTerm[] = [];
  const unknown: string[] = [];
  let redirect: string | undefined;
  let all: Qualifier | undefined;
  for (const word of words) {
    const term = parseTerm(word);
    if (term === undefined) {
      unknown.push(word.slice(0, 80));
      continue;
    }
    terms.push(term);
    if (term.kind === 'modifier' && term.name === 'redirect') redirect ??= term.value;
    if (term.kind === 'mechanism' && term.name === 'all') all ??= term.qualifier;
  }
  return { terms, unknown, redirect, all };
}

function parseTerm(word: string): SpfTerm | undefined {
  const eq = word.indexOf('=');
  const colon = word.indexOf(':');
  const slash = word.indexOf('/');
  // A modifier is `name=value` with the `=` before any `:` or `/`.
  if (eq > 0 && (colon < 0 || eq < colon) && (slash < 0 || eq < slash)) {
    const name = word.slice(0, eq).toLowerCase();
    if (!/^[a-z][a-z0-9_.-]{0,31}$/.test(name)) return undefined;
    return { kind: 'modifier', name, value: word.slice(eq + 1).toLowerCase() };
  }
  let rest = word;
  let qualifier: Qualifier = '+';
  const q = rest.charAt(0);
  if (q === '+' || q === '-' || q === '~' || q === '?') {
    qualifier = q;
    rest = rest.slice(1);
  }
  const cut = firstOf(rest, ':', '/');
  const name = (cut < 0 ? rest : rest.slice(0, cut)).toLowerCase();
  if (!MECHANISMS.has(name)) return undefined;
  const value = cut >= 0 && rest.charAt(cut) === ':' ? rest.slice(cut + 1).toLowerCase() : '';
  if ((name === 'include' || name === 'exists' || name === 'ip4' || name === 'ip6') && value === '')
    return undefined;
  if (name === 'all' && cut >= 0) return undefined;
  return { kind: 'mechanism', qualifier, name: name as MechanismName, value };
}

function firstOf(text: string, a: string, b: string): number {
  const i = text.indexOf(a);
  const j = text.indexOf(b);
  if (i < 0) return j;
  if (j < 0) return i;
  return Math.min(i, j);
}

/** True when a domain-spec uses SPF macros (`%{i}`…): we cannot follow it without a sender. */
export function hasMacro(spec: string): boolean {
  return spec.includes('%');
}

/** The names whose TXT records we need to follow this record: include: targets and redirect=. */
export function spfTargets(record: SpfRecord): string[] {
  const out: string[] = [];
  for (const term of record.terms) {
    if (term.kind === 'mechanism' && term.name === 'include' && !hasMacro(term.value))
      out.push(stripDot(term.value));
  }
  if (record.redirect !== undefined && !hasMacro(record.redirect))
    out.push(stripDot(record.redirect));
  return out;
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

export interface LookupCount {
  /** DNS look-ups a receiver makes (include, a, mx, ptr, exists, redirect), recursively. */
  readonly lookups: number;
  /** Names that include each other in a circle. */
  readonly loops: readonly string[];
  /** include:/redirect= targets without exactly one SPF record (a receiver fails these). */
  readonly broken: readonly string[];
  /** Targets we did not look up (limits reached, or the look-up failed), so the count is a minimum. */
  readonly unresolved: readonly string[];
  /** Every include: target met, for sender inference. */
  readonly includes: readonly string[];
  readonly usesPtr: boolean;
}

/** What the service found at an include target: its SPF record text(s), or undefined if not fetched. */
export type SpfSource = (name: string) => { spf: readonly string[]; failed: boolean } | undefined;

/** Deepest include chain we follow; receivers stop far earlier (at 10 look-ups). */
const MAX_DEPTH = 12;

/**
 * Count look-ups for the root record, following include:/redirect= through
 * `source`. Each name is counted every time it is included (as receivers do).
 */
export function countSpfLookups(root: SpfRecord, source: SpfSource): LookupCount {
  const loops = new Set<string>();
  const broken = new Set<string>();
  const unresolved = new Set<string>();
  const includes = new Set<string>();
  let usesPtr = false;
  let budget = 200; // total records visited: a fan-out bomb cannot make us spin

  const walk = (record: SpfRecord, stack: readonly string[]): number => {
    let n = 0;
    for (const term of record.terms) {
      if (term.kind !== 'mechanism' || !LOOKUP_MECHANISMS.has(term.name)) continue;
      n += 1;
      if (term.name === 'ptr') usesPtr = true;
      if (term.name === 'include' && !hasMacro(term.value)) {
        includes.add(stripDot(term.value));
        n += follow(stripDot(term.value), stack);
      }
    }
    if (record.redirect !== undefined && record.all === undefined) {
      n += 1;
      if (!hasMacro(record.redirect)) n += follow(stripDot(record.redirect), stack);
    }
    return n;
  };

  const follow = (name: string, stack: readonly string[]): number => {
    if (stack.includes(name)) {
      loops.add(name);
      return 0;
    }
    if (stack.length >= MAX_DEPTH || budget <= 0) {
      unresolved.add(name);
      return 0;
    }
    const found = source(name);
    if (found === undefined || found.failed) {
      unresolved.add(name);
      return 0;
    }
    const only = found.spf.length === 1 ? found.spf[0] : undefined;
    if (only === undefined) {
      broken.add(name);
      return 0;
    }
    budget -= 1;
    return walk(parseSpf(only), [...stack, name]);
  };

  const lookups = walk(root, []);
  return {
    lookups,
    loops: [...loops],
    broken: [...broken],
    unresolved: [...unresolved],
    includes: [...includes],
    usesPtr,
  };
}

/** The SPF records among a name's TXT strings. */
export function spfRecordsOf(txt: readonly string[]): string[] {
  return txt.filter(isSpf);
}
