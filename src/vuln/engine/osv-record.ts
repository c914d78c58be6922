/**
 * The part of the OSV schema (https://ossf.github.io/osv-schema/) the scanner reads, and a
 * validator that turns untrusted JSON into it or says why not. Unknown fields are dropped.
 */

export interface OsvEvent {
  readonly introduced?: string;
  readonly fixed?: string;
  readonly last_affected?: string;
  readonly limit?: string;
}
export interface OsvRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT';
  readonly events: readonly OsvEvent[];
}
export interface OsvAffected {
  readonly package?: { readonly ecosystem: string; readonly name: string };
  readonly ranges: readonly OsvRange[];
  readonly versions: readonly string[];
  /** GHSA records put a severity word here (`HIGH`). */
  readonly severity?: string;
}
export interface OsvRecord {
  readonly id: string;
  readonly modified: string;
  readonly withdrawn?: string;
  readonly aliases: readonly string[];
  readonly summary?: string;
  /** `CVSS_V3:CVSS:3.1/AV:N/…` or a severity word from `database_specific.severity`. */
  readonly severity?: string;
  readonly affected: readonly OsvAffected[];
}

export type OsvParse = { ok: true; record: OsvRecord } | { ok: false; reason: string };

const LIMITS = { idLength: 200, strings: 10_000, events: 10_000, affected: 5_000 } as const;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, max = 1000): string | undefined =>
  typeof v === 'string' && v.length <= max ? v : undefined;
function strings(v: unknown, max: number = LIMITS.strings): string[] {
  const out: string[] = [];
  if (!Array.isArray(v)) return out;
  for (let i = 0; i < v.length && out.length < max; i++) {
    const s = str(v[i]);
    if (s !== undefined) out.push(s);
  }
  return out;
}

function event(v: unknown): OsvEvent | undefined {
  if (!isObj(v)) return undefined;
  const introduced = str(v.introduced, 300);
  if (introduced !== undefined) return { introduced };
  const fixed = str(v.fixed, 300);
  if (fixed !== undefined) return { fixed };
  const last_affected = str(v.last_affected, 300);
  if (last_affected !== undefined) return { last_affected };
  const limit = str(v.limit, 300);
  return limit === undefined ? undefined : { limit };
}

// The builders below use plain loops and assign optional fields only when present (same key
// order as the interfaces, so the stored JSON is unchanged): an import validates every record
// of an export, 100,000 and more, and spreads and flatMap made that the slow part.

function range(v: unknown): OsvRange | undefined {
  if (!isObj(v) || !Array.isArray(v.events)) return undefined;
  const type = v.type;
  if (type !== 'SEMVER' && type !== 'ECOSYSTEM' && type !== 'GIT') return undefined;
  const events: OsvEvent[] = [];
  const n = Math.min(v.events.length, LIMITS.events);
  for (let i = 0; i < n; i++) {
    const e = event(v.events[i]);
    if (e !== undefined) events.push(e);
  }
  return { type, events };
}

function severityWord(v: unknown): string | undefined {
  return isObj(v) ? str(v.severity, 40) : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function affected(v: unknown): OsvAffected | undefined {
  if (!isObj(v)) return undefined;
  const pkg = isObj(v.package) ? v.package : undefined;
  const ecosystem = str(pkg?.ecosystem, 100);
  const name = str(pkg?.name, 500);
  const ranges: OsvRange[] = [];
  if (Array.isArray(v.ranges)) {
    for (const r of v.ranges) {
      const parsed = range(r);
      if (parsed !== undefined) ranges.push(parsed);
    }
  }
  const severity = severityWord(v.database_specific) ?? severityWord(v.ecosystem_specific);
  const out: Mutable<OsvAffected> = {} as Mutable<OsvAffected>;
  if (ecosystem !== undefined && name !== undefined) out.package = { ecosystem, name };
  out.ranges = ranges;
  out.versions = strings(v.versions);
  if (severity !== undefined) out.severity = severity;
  return out;
}

function recordSeverity(v: Obj): string | undefined {
  const word = severityWord(v.database_specific);
  if (word !== undefined) return word;
  if (!Array.isArray(v.severity)) return undefined;
  for (const s of v.severity) {
    if (isObj(s) && typeof s.type === 'string' && typeof s.score === 'string')
      return `${s.type}:${s.score}`.slice(0, 300);
  }
  return undefined;
}

/** Validate one OSV record (already JSON-parsed). */
export function parseOsvRecord(v: unknown): OsvParse {
  if (!isObj(v)) return { ok: false, reason: 'not a JSON object' };
  const id = str(v.id, LIMITS.idLength);
  if (id === undefined || id === '') return { ok: false, reason: 'no "id" string' };
  const modified = str(v.modified, 100) ?? '';
  if (!Array.isArray(v.affected)) return { ok: false, reason: `${id}: no "affected" list` };
  if (v.affected.length > LIMITS.affected) return { ok: false, reason: `${id}: too many affected` };
  const withdrawn = str(v.withdrawn, 100);
  const summary = str(v.summary, 1000);
  const severity = recordSeverity(v);
  const list: OsvAffected[] = [];
  for (const a of v.affected) {
    const parsed = affected(a);
    if (parsed !== undefined) list.push(parsed);
  }
  const record: Mutable<OsvRecord> = { id, modified } as Mutable<OsvRecord>;
  if (withdrawn !== undefined) record.withdrawn = withdrawn;
  record.aliases = strings(v.aliases, 100);
  if (summary !== undefined) record.summary = summary;
  if (severity !== undefined) record.severity = severity;
  record.affected = list;
  return { ok: true, record };
}
