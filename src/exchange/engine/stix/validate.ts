/**
 * STIX 2.1 object validation on the way in: the common properties (§3), each
 * type's required properties and typed properties (stix-types.ts), identifiers
 * (§2.9), timestamps (§3.2: RFC 3339 UTC; `created`/`modified` to the
 * millisecond), property names (§3.1), markings (§7.2), and extensions (§7.3).
 * Every problem is reported with its path, so a client can fix its object; a
 * bundle's bad objects are reported one by one and do not stop the good ones.
 *
 * Custom object types and properties are allowed, as the specification allows
 * them; unknown types get the common checks only.
 */
import { AI_ABUSE_EXTENSION_ID, checkAiAbuseExtension } from './ai-abuse-extension.js';
import { identifierHasType, identifierTypeLength, isTypeName } from './stix-identifier.js';
import { COMMON_PROPERTIES, type PropertyRule, STIX_TYPES } from './stix-types.js';

export interface StixProblem {
  /** JSON pointer into the object, e.g. `/valid_until`, `/external_references/0/source_name`. */
  readonly path: string;
  readonly message: string;
}

export type StixObject = Readonly<Record<string, unknown>> & {
  readonly type: string;
  readonly id: string;
};

export type ValidationResult =
  | { readonly ok: true; readonly object: StixObject; readonly warnings: readonly StixProblem[] }
  | { readonly ok: false; readonly problems: readonly StixProblem[] };

const MILLIS = /T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/;
/** §3.1: property names are 3–250 characters of a–z, 0–9 and underscore (custom ones may be capitalised? no). */
const PROPERTY_NAME = /^[a-z0-9_]{3,250}$/;
const EXTENSION_KEY =
  /^(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*-ext|extension-definition--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12})$/;
const HASH_NAME = /^[a-zA-Z0-9_-]{3,250}$/;
const SELECTOR =
  /^[a-z0-9_-]{3,250}(?:\.(?:[a-z0-9_-]{3,250}|\[\d+\]))*$|^[a-z0-9_-]{3,250}(?:\[\d+\])?(?:\.[a-z0-9_-]{3,250}(?:\[\d+\])?)*$/;
/**
 * Property names already found valid. The same few hundred names recur in every object of a
 * bulk import; the set is emptied when full, so odd names cannot make it grow without bound.
 */
const knownGoodNames = new Set<string>();
const MAX_KNOWN_NAMES = 4_096;

function goodPropertyName(key: string): boolean {
  if (knownGoodNames.has(key)) return true;
  if (key.length < 3 || key.length > 250 || (!PROPERTY_NAME.test(key) && !key.startsWith('x_')))
    return false;
  if (knownGoodNames.size >= MAX_KNOWN_NAMES) knownGoodNames.clear();
  knownGoodNames.add(key);
  return true;
}

/** Objects this deep or with this many properties are refused before anything else. */
const MAX_DEPTH = 32;
const MAX_KEYS = 10_000;
/** The warnings of an object that has none (shared: results are read-only). */
const NO_PROBLEMS: readonly StixProblem[] = Object.freeze([]);
/** Properties of domain and relationship objects that cyber-observable objects do not have. */
const NOT_SCO_PROPERTIES = [
  'created_by_ref',
  'created',
  'modified',
  'revoked',
  'labels',
  'confidence',
  'lang',
  'external_references',
] as const;

/**
 * An object's problems and warnings, each list made only when there is something in it. A class
 * rather than closures: validation runs for every object of a bulk import.
 */
class Findings {
  problems: StixProblem[] | undefined = undefined;
  warnings: StixProblem[] | undefined = undefined;

  /** A problem, or only a warning when `warnOnly`. */
  add(path: string, message: string, warnOnly = false): void {
    const problem = { path, message };
    if (warnOnly) {
      if (this.warnings === undefined) this.warnings = [problem];
      else this.warnings.push(problem);
    } else if (this.problems === undefined) this.problems = [problem];
    else this.problems.push(problem);
  }
}

/**
 * Check one object. `kind` tells the three object families apart for the
 * spec_version rule: SCOs may leave it out; everything else must say "2.1".
 *
 * @example
 * const r = validateStixObject(JSON.parse(text));
 * if (!r.ok) for (const p of r.problems) console.log(`${p.path}: ${p.message}`);
 */
export function validateStixObject(input: unknown): ValidationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ path: '', message: 'must be a JSON object' }] };
  if (!withinBounds(input))
    return {
      ok: false,
      problems: [
        {
          path: '',
          message: `is nested deeper than ${MAX_DEPTH} levels or has more than ${MAX_KEYS} properties`,
        },
      ],
    };
  const o = input as Record<string, unknown>;
  const f = new Findings();

  const type = o.type;
  if (typeof type !== 'string' || type.length < 3 || type.length > 250 || !isTypeName(type)) {
    const message = 'must be a type name of 3 to 250 lowercase letters, digits and single hyphens';
    return { ok: false, problems: [{ path: '/type', message }] };
  }
  const spec = Object.hasOwn(STIX_TYPES, type) ? STIX_TYPES[type] : undefined;
  const kind = spec?.kind ?? (o.created === undefined && o.modified === undefined ? 'sco' : 'sdo');
  if (spec === undefined)
    f.add(
      '/type',
      `"${type}" is not a STIX 2.1 type: only the common properties were checked`,
      true,
    );

  const id = o.id;
  const idType = typeof id === 'string' ? identifierTypeLength(id) : -1;
  if (idType < 0) f.add('/id', `must be "${type}--" followed by a UUID`);
  else if (!identifierHasType(id as string, idType, type))
    f.add('/id', `must start with "${type}--", the object's type`);

  if (kind === 'sco') {
    if (o.spec_version !== undefined && o.spec_version !== '2.1')
      f.add('/spec_version', 'must be "2.1" when present');
  } else if (o.spec_version !== '2.1') f.add('/spec_version', 'must be "2.1"');

  const { created, modified } = o;
  if (kind === 'sdo' || kind === 'sro' || (kind === 'meta' && type !== 'marking-definition')) {
    if (created === undefined) f.add('/created', 'is required');
    if (modified === undefined) f.add('/modified', 'is required');
  }
  if (type === 'marking-definition' && created === undefined) f.add('/created', 'is required');
  const millis = 'must be precise to the millisecond (e.g. 2026-12-05T10:00:00.000Z)';
  if (typeof created === 'string' && !MILLIS.test(created)) f.add('/created', millis);
  if (typeof modified === 'string' && !MILLIS.test(modified)) f.add('/modified', millis);
  if (typeof created === 'string' && typeof modified === 'string' && before(modified, created))
    f.add('/modified', 'must be the same as or later than created');

  if (spec !== undefined)
    for (const key of spec.required) if (o[key] === undefined) f.add(`/${key}`, 'is required');

  for (const key in o) {
    if (!Object.hasOwn(o, key)) continue;
    const value = o[key];
    if (key === 'type' || key === 'id' || key === 'spec_version' || value === undefined) continue;
    if (!goodPropertyName(key))
      f.add(`/${key}`, 'is not a valid property name (3 to 250 characters: a–z, 0–9, underscore)');
    const rule = ruleOf(spec?.properties, key) ?? ruleOf(COMMON_PROPERTIES, key);
    if (rule !== undefined) checkRule(rule, value, key, f);
    else if (key.endsWith('_ref')) checkRule(REF, value, key, f, key.startsWith('x_'));
    else if (key.endsWith('_refs'))
      // §3.1 wants every *_ref to be an identifier; producers' own x_ properties only get a warning.
      checkRule(REFS, value, key, f, key.startsWith('x_'));
  }
  if (kind === 'sco')
    for (const p of NOT_SCO_PROPERTIES)
      if (o[p] !== undefined) f.add(`/${p}`, 'is not a property of cyber-observable objects', true);
  checkExternalReferences(o.external_references, f);
  checkGranularMarkings(o.granular_markings, f);
  checkExtensions(o.extensions, f);
  const aiAbuse = (o.extensions as Record<string, unknown> | undefined)?.[AI_ABUSE_EXTENSION_ID];
  if (typeof aiAbuse === 'object' && aiAbuse !== null && !Array.isArray(aiAbuse))
    for (const p of checkAiAbuseExtension(aiAbuse as Record<string, unknown>, type))
      f.add(`/extensions/${AI_ABUSE_EXTENSION_ID}${p.path}`, p.message);
  const cross = spec?.check?.(o);
  if (cross !== undefined) f.add('', cross);

  return f.problems !== undefined
    ? { ok: false, problems: f.problems }
    : { ok: true, object: o as StixObject, warnings: f.warnings ?? NO_PROBLEMS };
}

const REF: PropertyRule = { kind: 'ref' };
const REFS: PropertyRule = { kind: 'refs' };

/** The rule for a property in a rule table, never one inherited from Object.prototype. */
function ruleOf(
  rules: Readonly<Record<string, PropertyRule>> | undefined,
  key: string,
): PropertyRule | undefined {
  return rules !== undefined && Object.hasOwn(rules, key) ? rules[key] : undefined;
}

/** The result for each object of a bundle, in order; a bad object does not stop the rest. */
export function validateBundle(input: unknown): {
  readonly problems: readonly StixProblem[];
  readonly objects: readonly ValidationResult[];
} {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { problems: [{ path: '', message: 'must be a JSON object' }], objects: [] };
  const b = input as Record<string, unknown>;
  const problems: StixProblem[] = [];
  if (b.type !== 'bundle') problems.push({ path: '/type', message: 'must be "bundle"' });
  if (typeof b.id !== 'string' || !/^bundle--/.test(b.id) || identifierTypeLength(b.id) < 0)
    problems.push({ path: '/id', message: 'must be "bundle--" followed by a UUID' });
  if (b.objects !== undefined && !Array.isArray(b.objects))
    problems.push({ path: '/objects', message: 'must be a list' });
  const objects = Array.isArray(b.objects) ? b.objects.map((x) => validateStixObject(x)) : [];
  return { problems, objects };
}

/**
 * Check one property's value against its rule. `key` is the property's name: a problem's path
 * (`/key`, `/key/i`) is made only when there is a problem.
 */
function checkRule(
  rule: PropertyRule,
  value: unknown,
  key: string,
  f: Findings,
  warnOnly = false,
): void {
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') f.add(`/${key}`, 'must be a string', warnOnly);
      return;
    case 'strings':
      if (!isStrings(value)) f.add(`/${key}`, 'must be a non-empty list of strings', warnOnly);
      return;
    case 'timestamp':
      if (typeof value !== 'string' || !validTimestamp(value))
        f.add(
          `/${key}`,
          'must be an RFC 3339 timestamp in UTC, like 2026-12-05T10:00:00Z',
          warnOnly,
        );
      return;
    case 'boolean':
      if (typeof value !== 'boolean') f.add(`/${key}`, 'must be true or false', warnOnly);
      return;
    case 'integer':
    case 'number':
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (rule.kind === 'integer' && !Number.isInteger(value))
      )
        f.add(
          `/${key}`,
          `must be ${rule.kind === 'integer' ? 'a whole number' : 'a number'}`,
          warnOnly,
        );
      else if (
        (rule.min !== undefined && value < rule.min) ||
        (rule.max !== undefined && value > rule.max)
      )
        f.add(`/${key}`, `must be between ${rule.min ?? '-∞'} and ${rule.max ?? '∞'}`, warnOnly);
      return;
    case 'ref':
      checkRef(value, key, -1, rule.types, f, warnOnly);
      return;
    case 'refs':
      if (!Array.isArray(value) || value.length === 0)
        f.add(`/${key}`, 'must be a non-empty list of identifiers', warnOnly);
      else
        for (let i = 0; i < value.length; i++) checkRef(value[i], key, i, rule.types, f, warnOnly);
      return;
    case 'enum':
      if (typeof value !== 'string' || !rule.values.includes(value))
        f.add(`/${key}`, `must be one of ${rule.values.join(', ')}`, warnOnly);
      return;
    case 'hashes':
      checkHashes(value, key, f, warnOnly);
      return;
    case 'kill-chain-phases':
      if (!Array.isArray(value) || value.length === 0)
        f.add(`/${key}`, 'must be a non-empty list of kill-chain phases', warnOnly);
      else
        for (let i = 0; i < value.length; i++) {
          const p = value[i] as Record<string, unknown>;
          if (
            typeof p !== 'object' ||
            p === null ||
            typeof p.kill_chain_name !== 'string' ||
            typeof p.phase_name !== 'string'
          )
            f.add(`/${key}/${i}`, 'needs kill_chain_name and phase_name', warnOnly);
        }
      return;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        f.add(`/${key}`, 'must be an object', warnOnly);
      return;
    case 'list':
      if (!Array.isArray(value) || value.length === 0)
        f.add(`/${key}`, 'must be a non-empty list', warnOnly);
      return;
  }
}

/** A non-empty list of strings. */
function isStrings(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return false;
  return true;
}

function checkHashes(value: unknown, key: string, f: Findings, warnOnly: boolean): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !hasOwnKey(value)) {
    f.add(`/${key}`, 'must be a non-empty dictionary of hash name to value', warnOnly);
    return;
  }
  for (const k in value) {
    if (!Object.hasOwn(value, k)) continue;
    const v = (value as Record<string, unknown>)[k];
    if (!HASH_NAME.test(k) || typeof v !== 'string' || v === '')
      f.add(
        `/${key}/${k}`,
        'must be a hash value (a string) under a hash name of 3 to 250 characters',
        warnOnly,
      );
  }
}

/** Has the object at least one own enumerable property (`Object.keys(o).length > 0`)? */
function hasOwnKey(o: object): boolean {
  for (const k in o) if (Object.hasOwn(o, k)) return true;
  return false;
}

/**
 * An identifier, of one of `types` when given (custom `x-` types always allowed). The problem's
 * path is `/key`, or `/key/index` for a list's item (index ≥ 0).
 */
function checkRef(
  value: unknown,
  key: string,
  index: number,
  types: readonly string[] | undefined,
  f: Findings,
  warnOnly = false,
): void {
  const typeLength = typeof value === 'string' ? identifierTypeLength(value) : -1;
  if (typeLength < 0) f.add(refPath(key, index), 'must be an identifier (type--UUID)', warnOnly);
  else if (
    types !== undefined &&
    !hasTypeIn(value as string, typeLength, types) &&
    !(typeLength >= 2 && (value as string).startsWith('x-'))
  )
    f.add(refPath(key, index), `must refer to ${types.join(' or ')}`, warnOnly);
}

/** Is the identifier's type one of `types`? (A loop: no closure per reference checked.) */
function hasTypeIn(id: string, typeLength: number, types: readonly string[]): boolean {
  for (let i = 0; i < types.length; i++)
    if (identifierHasType(id, typeLength, types[i] as string)) return true;
  return false;
}

const refPath = (key: string, index: number) => (index < 0 ? `/${key}` : `/${key}/${index}`);

function checkExternalReferences(value: unknown, f: Findings): void {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++) {
    const ref = value[i] as Record<string, unknown>;
    if (typeof ref !== 'object' || ref === null || typeof ref.source_name !== 'string')
      f.add(`/external_references/${i}/source_name`, 'is required');
    else if (
      ref.description === undefined &&
      ref.url === undefined &&
      ref.external_id === undefined
    )
      f.add(`/external_references/${i}`, 'needs description, url or external_id');
  }
}

function checkGranularMarkings(value: unknown, f: Findings): void {
  if (!Array.isArray(value)) return;
  for (let i = 0; i < value.length; i++) {
    const gm = value[i] as Record<string, unknown>;
    if (typeof gm !== 'object' || gm === null) {
      f.add(`/granular_markings/${i}`, 'must be an object');
      continue;
    }
    if ((gm.marking_ref === undefined) === (gm.lang === undefined))
      f.add(`/granular_markings/${i}`, 'needs exactly one of marking_ref and lang');
    if (gm.marking_ref !== undefined)
      checkRef(gm.marking_ref, `granular_markings/${i}/marking_ref`, -1, MARKING, f);
    if (
      !Array.isArray(gm.selectors) ||
      gm.selectors.length === 0 ||
      gm.selectors.some((s) => typeof s !== 'string' || !SELECTOR.test(s))
    )
      f.add(`/granular_markings/${i}/selectors`, 'must be a non-empty list of selectors');
  }
}

const MARKING = ['marking-definition'] as const;

function checkExtensions(value: unknown, f: Findings): void {
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value))
    return;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const ext = (value as Record<string, unknown>)[key];
    if (!EXTENSION_KEY.test(key))
      f.add(
        `/extensions/${key}`,
        'must be a predefined extension name (…-ext) or an extension-definition identifier',
      );
    else if (typeof ext !== 'object' || ext === null || Array.isArray(ext))
      f.add(`/extensions/${key}`, 'must be an object');
    else if (
      key.startsWith('extension-definition--') &&
      typeof (ext as Record<string, unknown>).extension_type !== 'string' &&
      !hasOwnKey(ext)
    )
      f.add(`/extensions/${key}`, 'must not be empty');
  }
}

/**
 * RFC 3339 in UTC (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`, 1–9 fraction digits) naming a real date.
 * Read by position rather than with a capturing regex: every object has several timestamps and
 * this runs for each on bulk ingest.
 */
export function validTimestamp(s: string): boolean {
  const n = s.length;
  if (n !== 20 && (n < 22 || n > 30)) return false;
  if (s.charCodeAt(n - 1) !== 90 /* Z */) return false;
  if (n > 20) {
    if (s.charCodeAt(19) !== 46 /* . */) return false;
    for (let i = 20; i < n - 1; i++) if (!isDigit(s.charCodeAt(i))) return false;
  }
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const se = digits(s, 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) return false;
  if (
    s.charCodeAt(4) !== 45 /* - */ ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 /* T */ ||
    s.charCodeAt(13) !== 58 /* : */ ||
    s.charCodeAt(16) !== 58
  )
    return false;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 60) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 ? (leap ? 29 : 28) : (DAYS_IN_MONTH[mo - 1] as number));
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isDigit = (c: number) => c >= 48 && c <= 57;

/** The decimal number in `s` at `from`, `count` digits long; -1 if any is not a digit. */
function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/**
 * Is the time `a` before `b` (as `Date.parse` reads them, to the millisecond)? Two valid
 * timestamps of the same millisecond form are compared as text, which orders them the same way
 * without parsing; anything else is parsed.
 */
function before(a: string, b: string): boolean {
  if (
    a.length === 24 &&
    b.length === 24 &&
    validTimestamp(a) &&
    validTimestamp(b) &&
    !leapSecond(a) &&
    !leapSecond(b)
  )
    return a < b;
  return Date.parse(a) < Date.parse(b);
}

/** A timestamp at second 60, which `Date.parse` does not read (the text comparison would). */
const leapSecond = (s: string) => s.charCodeAt(17) === 54 /* 6 */;

/** Keys and items counted by the current `withinBounds` walk (synchronous: one at a time). */
let boundsKeys = 0;

/** No value deeper than MAX_DEPTH levels, and at most MAX_KEYS keys and items in all. */
function withinBounds(v: object): boolean {
  boundsKeys = 0;
  return walkBounds(v, 0);
}

/**
 * `v` is at `depth`, so its keys and items are at `depth + 1`: an object or list with any is too
 * deep at MAX_DEPTH. Only objects and lists are visited (a scalar has nothing inside); loops, not
 * Object.values(...).every(...): this walks every value of every object ingested.
 */
function walkBounds(v: object, depth: number): boolean {
  if (Array.isArray(v)) {
    const n = v.length;
    if (n === 0) return true;
    boundsKeys += n;
    if (depth >= MAX_DEPTH || boundsKeys > MAX_KEYS) return false;
    for (let i = 0; i < n; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null && !walkBounds(x, depth + 1)) return false;
    }
    return true;
  }
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    if (depth >= MAX_DEPTH || ++boundsKeys > MAX_KEYS) return false;
    const x: unknown = (v as Record<string, unknown>)[key];
    if (typeof x === 'object' && x !== null && !walkBounds(x, depth + 1)) return false;
  }
  return true;
}
