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

const TYPE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
/** `type--UUID` (RFC 4122 versions 1–5, variant 10xx), per §2.9. */
const IDENTIFIER =
  /^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-5][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
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

/**
 * Check one object. `kind` tells the three object families apart for the
 * spec_version rule: SCOs may leave it out; everything else must say "2.1".
 *
 * @example
 * const r = validateStixObject(JSON.parse(text));
 * if (!r.ok) for (const p of r.problems) console.log(`${p.path}: ${p.message}`);
 */
export function validateStixObject(input: unknown): ValidationResult {
  const problems: StixProblem[] = [];
  const warnings: StixProblem[] = [];
  const fail = (path: string, message: string) => {
    problems.push({ path, message });
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [{ path: '', message: 'must be a JSON object' }] };
  if (!withinBounds(input, 0, { keys: 0 }))
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

  const type = o.type;
  if (typeof type !== 'string' || type.length < 3 || type.length > 250 || !TYPE_NAME.test(type)) {
    fail('/type', 'must be a type name of 3 to 250 lowercase letters, digits and single hyphens');
    return { ok: false, problems };
  }
  const spec = STIX_TYPES[type];
  const kind = spec?.kind ?? (o.created === undefined && o.modified === undefined ? 'sco' : 'sdo');
  if (spec === undefined)
    warnings.push({
      path: '/type',
      message: `"${type}" is not a STIX 2.1 type: only the common properties were checked`,
    });

  const id = o.id;
  const idMatch = typeof id === 'string' ? IDENTIFIER.exec(id) : null;
  if (idMatch === null) fail('/id', `must be "${type}--" followed by a UUID`);
  else if (idMatch[1] !== type) fail('/id', `must start with "${type}--", the object's type`);

  if (kind === 'sco') {
    if (o.spec_version !== undefined && o.spec_version !== '2.1')
      fail('/spec_version', 'must be "2.1" when present');
  } else if (o.spec_version !== '2.1') fail('/spec_version', 'must be "2.1"');

  if (kind === 'sdo' || kind === 'sro' || (kind === 'meta' && type !== 'marking-definition')) {
    for (const p of ['created', 'modified']) if (o[p] === undefined) fail(`/${p}`, 'is required');
  }
  if (type === 'marking-definition' && o.created === undefined) fail('/created', 'is required');
  for (const p of ['created', 'modified'])
    if (typeof o[p] === 'string' && !MILLIS.test(o[p] as string))
      fail(`/${p}`, 'must be precise to the millisecond (e.g. 2026-12-05T10:00:00.000Z)');
  if (
    typeof o.created === 'string' &&
    typeof o.modified === 'string' &&
    timeOf(o.modified) < timeOf(o.created)
  )
    fail('/modified', 'must be the same as or later than created');

  for (const key of spec?.required ?? []) if (o[key] === undefined) fail(`/${key}`, 'is required');

  for (const [key, value] of Object.entries(o)) {
    if (key === 'type' || key === 'id' || key === 'spec_version' || value === undefined) continue;
    if (!goodPropertyName(key))
      fail(`/${key}`, 'is not a valid property name (3 to 250 characters: a–z, 0–9, underscore)');
    const rule = spec?.properties[key] ?? COMMON_PROPERTIES[key];
    if (rule !== undefined) checkRule(rule, value, `/${key}`, fail);
    else if (key.endsWith('_ref') || key.endsWith('_refs')) {
      // §3.1 wants every *_ref to be an identifier; producers' own x_ properties only get a warning.
      const warnOnly = key.startsWith('x_');
      const report = warnOnly
        ? (p: string, m: string) => warnings.push({ path: p, message: m })
        : fail;
      checkRule({ kind: key.endsWith('_ref') ? 'ref' : 'refs' }, value, `/${key}`, report);
    }
  }
  if (kind === 'sco')
    for (const p of [
      'created_by_ref',
      'created',
      'modified',
      'revoked',
      'labels',
      'confidence',
      'lang',
      'external_references',
    ])
      if (o[p] !== undefined)
        warnings.push({ path: `/${p}`, message: 'is not a property of cyber-observable objects' });
  checkExternalReferences(o.external_references, fail);
  checkGranularMarkings(o.granular_markings, fail);
  checkExtensions(o.extensions, fail);
  const aiAbuse = (o.extensions as Record<string, unknown> | undefined)?.[AI_ABUSE_EXTENSION_ID];
  if (typeof aiAbuse === 'object' && aiAbuse !== null && !Array.isArray(aiAbuse))
    for (const p of checkAiAbuseExtension(aiAbuse as Record<string, unknown>, type))
      fail(`/extensions/${AI_ABUSE_EXTENSION_ID}${p.path}`, p.message);
  const cross = spec?.check?.(o);
  if (cross !== undefined) fail('', cross);

  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, object: o as StixObject, warnings };
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
  if (typeof b.id !== 'string' || !/^bundle--/.test(b.id) || IDENTIFIER.exec(b.id) === null)
    problems.push({ path: '/id', message: 'must be "bundle--" followed by a UUID' });
  if (b.objects !== undefined && !Array.isArray(b.objects))
    problems.push({ path: '/objects', message: 'must be a list' });
  const objects = Array.isArray(b.objects) ? b.objects.map((x) => validateStixObject(x)) : [];
  return { problems, objects };
}

function checkRule(
  rule: PropertyRule,
  value: unknown,
  path: string,
  fail: (p: string, m: string) => void,
): void {
  switch (rule.kind) {
    case 'string':
      if (typeof value !== 'string') fail(path, 'must be a string');
      return;
    case 'strings':
      if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== 'string'))
        fail(path, 'must be a non-empty list of strings');
      return;
    case 'timestamp':
      if (typeof value !== 'string' || !validTimestamp(value))
        fail(path, 'must be an RFC 3339 timestamp in UTC, like 2026-12-05T10:00:00Z');
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(path, 'must be true or false');
      return;
    case 'integer':
    case 'number':
      if (
        typeof value !== 'number' ||
        !Number.isFinite(value) ||
        (rule.kind === 'integer' && !Number.isInteger(value))
      )
        fail(path, `must be ${rule.kind === 'integer' ? 'a whole number' : 'a number'}`);
      else if (
        (rule.min !== undefined && value < rule.min) ||
        (rule.max !== undefined && value > rule.max)
      )
        fail(path, `must be between ${rule.min ?? '-∞'} and ${rule.max ?? '∞'}`);
      return;
    case 'ref':
      checkRef(value, path, rule.types, fail);
      return;
    case 'refs':
      if (!Array.isArray(value) || value.length === 0)
        fail(path, 'must be a non-empty list of identifiers');
      else for (const [i, v] of value.entries()) checkRef(v, `${path}/${i}`, rule.types, fail);
      return;
    case 'enum':
      if (typeof value !== 'string' || !rule.values.includes(value))
        fail(path, `must be one of ${rule.values.join(', ')}`);
      return;
    case 'hashes':
      if (
        typeof value !== 'object' ||
        value === null ||
        Array.isArray(value) ||
        Object.keys(value).length === 0
      )
        fail(path, 'must be a non-empty dictionary of hash name to value');
      else
        for (const [k, v] of Object.entries(value))
          if (!HASH_NAME.test(k) || typeof v !== 'string' || v === '')
            fail(
              `${path}/${k}`,
              'must be a hash value (a string) under a hash name of 3 to 250 characters',
            );
      return;
    case 'kill-chain-phases':
      if (!Array.isArray(value) || value.length === 0)
        fail(path, 'must be a non-empty list of kill-chain phases');
      else
        value.forEach((v, i) => {
          const p = v as Record<string, unknown>;
          if (
            typeof p !== 'object' ||
            p === null ||
            typeof p.kill_chain_name !== 'string' ||
            typeof p.phase_name !== 'string'
          )
            fail(`${path}/${i}`, 'needs kill_chain_name and phase_name');
        });
      return;
    case 'object':
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(path, 'must be an object');
      return;
    case 'list':
      if (!Array.isArray(value) || value.length === 0) fail(path, 'must be a non-empty list');
      return;
  }
}

function checkRef(
  value: unknown,
  path: string,
  types: readonly string[] | undefined,
  fail: (p: string, m: string) => void,
): void {
  const m = typeof value === 'string' ? IDENTIFIER.exec(value) : null;
  if (m === null) fail(path, 'must be an identifier (type--UUID)');
  else if (
    types !== undefined &&
    !types.includes(m[1] as string) &&
    !(m[1] as string).startsWith('x-')
  )
    fail(path, `must refer to ${types.join(' or ')}`);
}

function checkExternalReferences(value: unknown, fail: (p: string, m: string) => void): void {
  if (!Array.isArray(value)) return;
  value.forEach((r, i) => {
    const ref = r as Record<string, unknown>;
    if (typeof ref !== 'object' || ref === null || typeof ref.source_name !== 'string')
      fail(`/external_references/${i}/source_name`, 'is required');
    else if (
      ref.description === undefined &&
      ref.url === undefined &&
      ref.external_id === undefined
    )
      fail(`/external_references/${i}`, 'needs description, url or external_id');
  });
}

function checkGranularMarkings(value: unknown, fail: (p: string, m: string) => void): void {
  if (!Array.isArray(value)) return;
  for (const [i, g] of value.entries()) {
    const gm = g as Record<string, unknown>;
    if (typeof gm !== 'object' || gm === null) {
      fail(`/granular_markings/${i}`, 'must be an object');
      continue;
    }
    if ((gm.marking_ref === undefined) === (gm.lang === undefined))
      fail(`/granular_markings/${i}`, 'needs exactly one of marking_ref and lang');
    if (gm.marking_ref !== undefined)
      checkRef(gm.marking_ref, `/granular_markings/${i}/marking_ref`, ['marking-definition'], fail);
    if (
      !Array.isArray(gm.selectors) ||
      gm.selectors.length === 0 ||
      gm.selectors.some((s) => typeof s !== 'string' || !SELECTOR.test(s))
    )
      fail(`/granular_markings/${i}/selectors`, 'must be a non-empty list of selectors');
  }
}

function checkExtensions(value: unknown, fail: (p: string, m: string) => void): void {
  if (value === undefined || typeof value !== 'object' || value === null || Array.isArray(value))
    return;
  for (const [key, ext] of Object.entries(value)) {
    if (!EXTENSION_KEY.test(key))
      fail(
        `/extensions/${key}`,
        'must be a predefined extension name (…-ext) or an extension-definition identifier',
      );
    else if (typeof ext !== 'object' || ext === null || Array.isArray(ext))
      fail(`/extensions/${key}`, 'must be an object');
    else if (
      key.startsWith('extension-definition--') &&
      typeof (ext as Record<string, unknown>).extension_type !== 'string' &&
      Object.keys(ext).length === 0
    )
      fail(`/extensions/${key}`, 'must not be empty');
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

function timeOf(s: string): number {
  // Sub-millisecond digits matter for ordering; compare the text after the date-time prefix as well.
  return Date.parse(s);
}

function withinBounds(v: unknown, depth: number, count: { keys: number }): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof v !== 'object' || v === null) return true;
  // Loops, not Object.values(...).every(...): this walks every value of every object ingested.
  if (Array.isArray(v)) {
    count.keys += v.length;
    if (count.keys > MAX_KEYS) return false;
    for (const x of v) if (!withinBounds(x, depth + 1, count)) return false;
    return true;
  }
  for (const key in v) {
    if (!Object.hasOwn(v, key)) continue;
    if (++count.keys > MAX_KEYS) return false;
    if (!withinBounds((v as Record<string, unknown>)[key], depth + 1, count)) return false;
  }
  return true;
}
