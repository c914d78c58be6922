/**
 * One detection item, `Field|modifier|…: value(s)`, compiled to a predicate over an event view.
 * Values in a list are alternatives (OR) unless `|all`; plain strings compare case-insensitively
 * with `*`/`?` wildcards; modifiers transform the value (encodings, windash, expand) and choose
 * the comparison (contains, re, cidr, lt…, exists, fieldref, neq, time parts).
 */
import { compileLinearRegex, RegexError } from '../../../platform/engine-kit/regex/index.js';
import { cidrContains, parseCidr, parseIp } from './ip-cidr-match.js';
import {
  compileAlternatives,
  endsWithPattern,
  isLiteral,
  literalPattern,
  literalText,
  longestLiteral,
  lowerPattern,
  type Pattern,
  parseSigmaString,
  startsWithPattern,
  type TextMatcher,
  windash,
  wrapContains,
} from './sigma-pattern.js';
import { ANY_FIELD, type EventView, type Predicate, type Requirement } from './sigma-types.js';
import { base64, base64Offsets, utf8Bytes, utf16Bytes } from './value-encoding.js';

/** A rule that cannot be compiled; `skipped` when it is valid but needs configuration we lack. */
export class RuleCompileError extends Error {
  constructor(
    message: string,
    readonly skipped = false,
  ) {
    super(message);
  }
}

export interface CompileOptions {
  /** Values for `|expand` placeholders (`%Admins%` → ['Administrator', …]). */
  readonly placeholders?: Readonly<Record<string, readonly string[]>>;
}

export interface CompiledItem {
  readonly predicate: Predicate;
  readonly requirement: Requirement | null;
  readonly fields: readonly string[];
}

const TRANSFORMS = new Set([
  'wide',
  'utf16le',
  'utf16be',
  'utf16',
  'base64',
  'base64offset',
  'windash',
  'expand',
]);
const MATCH_TYPES = new Set(['contains', 'startswith', 'endswith']);
const NUMERIC = new Set(['lt', 'lte', 'gt', 'gte']);
const TIME_PARTS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);
const FLAGS = new Set(['all', 'cased', 're', 'i', 'm', 's', 'cidr', 'exists', 'fieldref', 'neq']);

/** Longest value we compile; longer ones are almost certainly not a real rule. */
const MAX_VALUE_LENGTH = 16 * 1024;
/** Most alternatives one item may expand to (windash, base64offset, expand). */
const MAX_VARIANTS = 4096;

interface Modifiers {
  readonly transforms: string[];
  matchType?: string;
  numeric?: string;
  timePart?: string;
  readonly flags: Set<string>;
}

function parseModifiers(names: readonly string[]): Modifiers {
  const m: Modifiers = { transforms: [], flags: new Set() };
  for (const raw of names) {
    const name = raw === 'c' ? 'cased' : raw; // `c` is an old short form seen in the wild
    if (TRANSFORMS.has(name)) m.transforms.push(name);
    else if (MATCH_TYPES.has(name)) {
      if (m.matchType !== undefined && m.matchType !== name)
        throw new RuleCompileError(`modifiers |${m.matchType} and |${name} cannot be combined`);
      m.matchType = name;
    } else if (NUMERIC.has(name)) m.numeric = name;
    else if (TIME_PARTS.has(name)) m.timePart = name;
    else if (FLAGS.has(name)) m.flags.add(name);
    else throw new RuleCompileError(`unknown value modifier |${raw}`);
  }
  for (const f of ['i', 'm', 's'])
    if (m.flags.has(f) && !m.flags.has('re'))
      throw new RuleCompileError(`modifier |${f} is only valid after |re`);
  return m;
}

type Scalar = string | number | boolean | null;

function scalars(raw: unknown, where: string): Scalar[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (list.length === 0) throw new RuleCompileError(`${where} has an empty list of values`);
  return list.map((v) => {
    if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
      if (typeof v === 'string' && v.length > MAX_VALUE_LENGTH)
        throw new RuleCompileError(
          `${where} has a value longer than ${MAX_VALUE_LENGTH} characters`,
        );
      return v;
    }
    throw new RuleCompileError(`${where} has a value that is not a string, number or boolean`);
  });
}

/** Compiles `key: raw`; `key` is `Field|mods` or '' / `|mods` for a keyword search. */
export function compileFieldItem(key: string, raw: unknown, options: CompileOptions): CompiledItem {
  const [field = '', ...names] = key.split('|');
  const where = field === '' ? 'a keyword list' : `field ${field}`;
  const mods = parseModifiers(names);
  const values = scalars(raw, where);
  if (field === '') return keywordItem(values, mods, options, where);
  if (mods.flags.has('exists')) return existsItem(field, values, where);
  if (mods.flags.has('fieldref')) return fieldrefItem(field, values, mods, where);
  if (mods.flags.has('re')) return regexItem(field, values, mods, where);
  if (mods.flags.has('cidr')) return cidrItem(field, values, where);
  if (mods.numeric !== undefined || mods.timePart !== undefined)
    return numericItem(field, values, mods, where);
  return stringItem(field, values, mods, options, where);
}

/** Some text passes `test`. */
function someText(texts: readonly string[], test: TextMatcher): boolean {
  for (let i = 0; i < texts.length; i++) if (test(texts[i] as string)) return true;
  return false;
}

/** Every test passes on some text (`|all`: each written value must match). */
function everyTest(texts: readonly string[], tests: readonly TextMatcher[]): boolean {
  for (let i = 0; i < tests.length; i++)
    if (!someText(texts, tests[i] as TextMatcher)) return false;
  return true;
}

function existsItem(field: string, values: Scalar[], where: string): CompiledItem {
  const want = values[0];
  if (values.length !== 1 || typeof want !== 'boolean')
    throw new RuleCompileError(`${where}: |exists takes true or false`);
  return {
    predicate: (v) => {
      const value = v.get(field);
      return (value !== undefined && value !== null) === want;
    },
    requirement: null,
    fields: [field],
  };
}

function fieldrefItem(
  field: string,
  values: Scalar[],
  mods: Modifiers,
  where: string,
): CompiledItem {
  const refs = values.map((v) => {
    if (typeof v !== 'string' || v === '')
      throw new RuleCompileError(`${where}: |fieldref takes field names`);
    return v;
  });
  const cased = mods.flags.has('cased');
  const type = mods.matchType;
  const compare = (a: string, b: string) =>
    type === 'contains'
      ? a.includes(b)
      : type === 'startswith'
        ? a.startsWith(b)
        : type === 'endswith'
          ? a.endsWith(b)
          : a === b;
  const all = mods.flags.has('all');
  const one = (v: EventView, ref: string) => {
    const mine = cased ? v.strings(field) : v.lower(field);
    const theirs = cased ? v.strings(ref) : v.lower(ref);
    return mine.some((a) => theirs.some((b) => compare(a, b)));
  };
  const positive: Predicate = (v) =>
    all ? refs.every((r) => one(v, r)) : refs.some((r) => one(v, r));
  return {
    predicate: mods.flags.has('neq') ? (v) => !positive(v) : positive,
    requirement: null,
    fields: [field, ...refs],
  };
}

function regexItem(field: string, values: Scalar[], mods: Modifiers, where: string): CompiledItem {
  const flags = {
    caseInsensitive: mods.flags.has('i'),
    multiline: mods.flags.has('m'),
    dotAll: mods.flags.has('s'),
    inline: 'ims' as const,
  };
  const regexes = values.map((v) => {
    if (typeof v !== 'string') throw new RuleCompileError(`${where}: |re takes strings`);
    try {
      return compileLinearRegex(v, flags);
    } catch (e) {
      if (e instanceof RegexError)
        throw new RuleCompileError(
          `${where}: regular expression refused at ${e.offset}: ${e.message}`,
        );
      throw e;
    }
  });
  const all = mods.flags.has('all');
  const positive: Predicate = (v) => {
    const texts = v.strings(field);
    if (texts.length === 0) return false;
    const lowers = v.lower(field);
    const hit = (i: number) =>
      texts.some((t, j) => (regexes[i] as (typeof regexes)[number]).test(t, lowers[j]));
    return all ? regexes.every((_, i) => hit(i)) : regexes.some((_, i) => hit(i));
  };
  let literals: string[] | null = [];
  for (const r of regexes) {
    const best = r.prefilter?.literals.map(asciiKey) ?? null;
    if (best === null || best.some((l) => l === '')) {
      literals = null;
      break;
    }
    literals.push(...best);
  }
  return {
    predicate: mods.flags.has('neq') ? (v) => !positive(v) : positive,
    requirement: literals === null || mods.flags.has('neq') ? null : keysOf(field, literals),
    fields: [field],
  };
}

function cidrItem(field: string, values: Scalar[], where: string): CompiledItem {
  const nets = values.map((v) => {
    const c = typeof v === 'string' ? parseCidr(v) : null;
    if (c === null) throw new RuleCompileError(`${where}: ${String(v)} is not a network (CIDR)`);
    return c;
  });
  return {
    predicate: (v) => {
      const texts = v.strings(field);
      for (let i = 0; i < texts.length; i++) {
        const ip = parseIp(texts[i] as string);
        if (ip !== null && nets.some((n) => cidrContains(n, ip))) return true;
      }
      return false;
    },
    requirement: null,
    fields: [field],
  };
}

function timePart(part: string, text: string): number | null {
  const t = Date.parse(text);
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  switch (part) {
    case 'minute':
      return d.getUTCMinutes();
    case 'hour':
      return d.getUTCHours();
    case 'day':
      return d.getUTCDate();
    case 'month':
      return d.getUTCMonth() + 1;
    case 'year':
      return d.getUTCFullYear();
    default: {
      // ISO week number
      const day = (d.getUTCDay() + 6) % 7;
      const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
      const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
      return 1 + Math.floor((thursday - yearStart) / (7 * 86_400_000));
    }
  }
}

function numericItem(
  field: string,
  values: Scalar[],
  mods: Modifiers,
  where: string,
): CompiledItem {
  const limits = values.map((v) => {
    const n =
      typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    if (Number.isNaN(n)) throw new RuleCompileError(`${where}: ${String(v)} is not a number`);
    return n;
  });
  const op = mods.numeric ?? 'eq';
  const test = (x: number, lim: number) =>
    op === 'lt'
      ? x < lim
      : op === 'lte'
        ? x <= lim
        : op === 'gt'
          ? x > lim
          : op === 'gte'
            ? x >= lim
            : x === lim;
  const part = mods.timePart;
  return {
    predicate: (v) =>
      v.strings(field).some((s) => {
        const x =
          part === undefined ? (s.trim() === '' ? Number.NaN : Number(s)) : timePart(part, s);
        return x !== null && !Number.isNaN(x) && limits.some((lim) => test(x, lim));
      }),
    requirement: null,
    fields: [field],
  };
}

/** Applies the transforms in the order written; may multiply one value into several. */
function transform(
  value: Scalar,
  mods: Modifiers,
  options: CompileOptions,
  where: string,
): Pattern[] {
  if (typeof value !== 'string') return [literalPattern(value === null ? '' : String(value))];
  let patterns: Pattern[] = [parseSigmaString(value)];
  let bytes: 'utf8' | 'le' | 'be' | 'bom' = 'utf8';
  const encode = (p: Pattern): number[] => {
    if (!isLiteral(p)) throw new RuleCompileError(`${where}: wildcards cannot be base64-encoded`);
    const text = literalText(p);
    return bytes === 'utf8'
      ? utf8Bytes(text)
      : utf16Bytes(text, bytes === 'be' ? 'be' : 'le', bytes === 'bom');
  };
  for (const t of mods.transforms) {
    if (t === 'wide' || t === 'utf16le') bytes = 'le';
    else if (t === 'utf16be') bytes = 'be';
    else if (t === 'utf16') bytes = 'bom';
    else if (t === 'base64') patterns = patterns.map((p) => literalPattern(base64(encode(p))));
    else if (t === 'base64offset')
      patterns = patterns.flatMap((p) => base64Offsets(encode(p)).map(literalPattern));
    else if (t === 'windash') patterns = patterns.map(windash);
    else if (t === 'expand') patterns = patterns.flatMap((p) => expand(p, options, where));
    if (patterns.length > MAX_VARIANTS)
      throw new RuleCompileError(
        `${where}: the modifiers expand to more than ${MAX_VARIANTS} values`,
      );
  }
  return patterns;
}

function expand(p: Pattern, options: CompileOptions, where: string): Pattern[] {
  let out: Pattern[] = [[]];
  for (const part of p) {
    if (typeof part !== 'string') {
      out = out.map((q) => [...q, part]);
      continue;
    }
    const pieces = part.split(/(%[A-Za-z0-9_.-]+%)/);
    for (const piece of pieces) {
      if (piece === '') continue;
      const name = /^%([A-Za-z0-9_.-]+)%$/.exec(piece)?.[1];
      if (name === undefined) {
        out = out.map((q) => [...q, piece]);
        continue;
      }
      const values = options.placeholders?.[name];
      if (values === undefined || values.length === 0)
        throw new RuleCompileError(`${where}: needs a value for the placeholder %${name}%`, true);
      out = out.flatMap((q) => values.map((v) => [...q, ...parseSigmaString(v)]));
    }
  }
  return out;
}

function withMatchType(p: Pattern, type: string | undefined): Pattern {
  if (type === 'contains') return wrapContains(p);
  if (type === 'startswith') return startsWithPattern(p);
  if (type === 'endswith') return endsWithPattern(p);
  return p;
}

/** The index key: the longest ASCII run of a literal, lower-cased ('' if none). */
function asciiKey(literal: string): string {
  let best = '';
  for (const run of literal.toLowerCase().split(/[^\x20-\x7e]+/))
    if (run.length > best.length) best = run;
  return best;
}

/** Shorter ASCII runs than this make poor keys when the whole literal could be the key. */
const MIN_ASCII_KEY = 3;

/**
 * The index key of a literal the rule compares case-insensitively: its longest ASCII run, or,
 * when that is short or missing (emoji, look-alike letters, right-to-left marks), the whole
 * lower-cased literal (the router keeps such keys in their own automaton). Matching compares
 * lower-cased values with lower-cased patterns, so the lower-cased literal is what occurs.
 * Case-sensitive (`|cased`) items keep the ASCII run: lower-casing a value can change a
 * non-ASCII letter next to it (Greek final sigma), but never an ASCII one.
 */
function indexKey(literal: string, cased: boolean): string {
  const ascii = asciiKey(literal);
  if (cased || ascii.length >= MIN_ASCII_KEY) return ascii;
  const lower = literal.toLowerCase();
  return lower.length > ascii.length ? lower : ascii;
}

function stringItem(
  field: string,
  values: Scalar[],
  mods: Modifiers,
  options: CompileOptions,
  where: string,
): CompiledItem {
  const cased = mods.flags.has('cased');
  const all = mods.flags.has('all');
  if (values.includes(null)) {
    if (values.length !== 1 || mods.transforms.length > 0 || mods.matchType !== undefined)
      throw new RuleCompileError(
        `${where}: null cannot be combined with other values or modifiers`,
      );
    const isNull: Predicate = (v) => {
      const x = v.get(field);
      return x === undefined || x === null;
    };
    return {
      predicate: mods.flags.has('neq') ? (v) => !isNull(v) : isNull,
      requirement: null,
      fields: [field],
    };
  }
  const groups = values.map((value) =>
    transform(value, mods, options, where).map((p) => withMatchType(p, mods.matchType)),
  );
  const patterns = groups.flat();
  const compiled = (ps: Pattern[]) => compileAlternatives(cased ? ps : ps.map(lowerPattern));
  let positive: Predicate;
  if (all) {
    // With |all every written value must match (each of its variants is an alternative).
    const tests = groups.map(compiled);
    positive = cased
      ? (v) => everyTest(v.strings(field), tests)
      : (v) => everyTest(v.lower(field), tests);
  } else {
    const test = compiled(patterns);
    positive = cased
      ? (v) => someText(v.strings(field), test)
      : (v) => someText(v.lower(field), test);
  }
  const keys = (ps: Pattern[]) => ps.map((p) => indexKey(longestLiteral(p), cased));
  let literals: string[] | null;
  if (all) {
    const perValue = groups.map(keys).filter((ks) => ks.every((k) => k !== ''));
    literals = perValue.sort((a, b) => score(b) - score(a))[0] ?? null;
  } else {
    const ks = keys(patterns);
    literals = ks.every((k) => k !== '') ? ks : null;
  }
  const neq = mods.flags.has('neq');
  return {
    predicate: neq ? (v) => !positive(v) : positive,
    requirement: literals === null || neq ? null : keysOf(field, literals),
    fields: [field],
  };
}

function keysOf(field: string, literals: readonly string[]): Requirement {
  return { keys: [...new Set(literals)].map((literal) => ({ field, literal })) };
}

/**
 * Literals found in nearly every Windows event (paths, extensions): as an index key they would
 * make a rule a candidate for almost every event, so another key of the rule is preferred.
 */
const COMMON = new Set([
  '.exe',
  'exe',
  '.dll',
  'dll',
  '\\',
  'c:\\',
  ':\\',
  'c:',
  '\\windows\\',
  'windows',
  '\\windows',
  'c:\\windows\\',
  'system32',
  '\\system32\\',
  'c:\\windows\\system32\\',
  'microsoft',
  'program files',
  '\\program files',
  'c:\\program files',
  'c:\\users\\',
  '\\users\\',
  'users',
  'appdata',
  '\\appdata\\',
  'http',
  'https',
  '.com',
  ' ',
  '/',
  '-',
  ' -',
  ' /',
]);

/** How selective a set of alternative literals is: the weakest one, less a little per extra one. */
export function score(literals: readonly string[]): number {
  if (literals.length === 0) return -1;
  const strength = (l: string) => (COMMON.has(l) ? 0.5 : Math.min(l.length, 12));
  return Math.min(...literals.map(strength)) - Math.log2(literals.length) / 4;
}

function keywordItem(
  values: Scalar[],
  mods: Modifiers,
  options: CompileOptions,
  where: string,
): CompiledItem {
  const all = mods.flags.has('all');
  const cased = mods.flags.has('cased');
  const groups = values.map((value) =>
    transform(value, mods, options, where).map((p) =>
      wrapContains(withMatchType(p, mods.matchType)),
    ),
  );
  const compiled = (ps: Pattern[]) => compileAlternatives(cased ? ps : ps.map(lowerPattern));
  let predicate: Predicate;
  if (all) {
    const tests = groups.map(compiled);
    predicate = (v) => everyTest(cased ? allStrings(v) : v.allLower(), tests);
  } else {
    const test = compiled(groups.flat());
    predicate = (v) => someText(cased ? allStrings(v) : v.allLower(), test);
  }
  // The router can look for keyword literals in every field (ANY_FIELD), like the search does.
  const keys = (ps: Pattern[]) => ps.map((p) => indexKey(longestLiteral(p), cased));
  let literals: string[] | null;
  if (all) {
    const perValue = groups.map(keys).filter((ks) => ks.every((k) => k !== ''));
    literals = perValue.sort((a, b) => score(b) - score(a))[0] ?? null;
  } else {
    const ks = keys(groups.flat());
    literals = ks.every((k) => k !== '') ? ks : null;
  }
  return {
    predicate,
    requirement: literals === null ? null : keysOf(ANY_FIELD, literals),
    fields: [],
  };
}

function allStrings(v: EventView): string[] {
  return Object.keys(v.event.fields).flatMap((f) => v.strings(f));
}
