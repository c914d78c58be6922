/**
 * Is a package version affected by an OSV record? Implements the OSV schema's evaluation:
 * explicit `versions[]`, then each range's events (introduced / fixed / last_affected /
 * limit) sorted in the range's version order. GIT ranges are commit ranges and cannot be
 * evaluated against a package version: they are skipped and counted. Withdrawn records are
 * never affecting.
 */
import {
  compareSemVerText,
  type Ecosystem,
  knownEcosystem,
  normalizePackageName,
  type VersionCompare,
  versionCompare,
} from './ecosystems.js';
import type { OsvAffected, OsvEvent, OsvRange, OsvRecord } from './osv-record.js';

export interface AffectedResult {
  readonly affected: boolean;
  /** The smallest `fixed` version above the scanned one, in a range that affected it. */
  readonly fixed?: string;
  readonly severity?: string;
  /** Ranges skipped (GIT) or versions that did not parse. */
  readonly notes: readonly string[];
}

function eventVersion(e: OsvEvent): string {
  return e.introduced ?? e.fixed ?? e.last_affected ?? e.limit ?? '';
}

/** A range made ready to evaluate: events in version order, and its limits. */
interface CompiledRange {
  readonly compare: VersionCompare;
  readonly events: readonly OsvEvent[];
  readonly limits: readonly string[];
}

/**
 * Ranges compiled on first use and kept with the record (a WeakMap, so they go when the
 * record goes): a scan evaluates the same range for many versions, and sorting its events
 * each time was most of the matching work.
 */
const compiledRanges = new WeakMap<OsvRange, CompiledRange>();

function compileRange(range: OsvRange, compare: VersionCompare): CompiledRange {
  const cached = compiledRanges.get(range);
  // A range is always read with the same comparator (its type and its package's
  // ecosystem); the check only guards against a caller that mixes them.
  if (cached !== undefined && cached.compare === compare) return cached;
  // "0" introduced means "from the beginning"; order events by version, "0" first.
  const events = [...range.events].sort((x, y) => {
    const a = eventVersion(x);
    const b = eventVersion(y);
    if (x.introduced === '0') return y.introduced === '0' ? 0 : -1;
    if (y.introduced === '0') return 1;
    return compare(a, b) ?? 0;
  });
  const limits = events.flatMap((e) => (e.limit === undefined || e.limit === '*' ? [] : [e.limit]));
  const compiled = { compare, events, limits };
  compiledRanges.set(range, compiled);
  return compiled;
}

function rangeAffects(
  version: string,
  range: OsvRange,
  compare: VersionCompare,
  notes: string[],
): { affected: boolean; fixed?: string } {
  const cmp = (a: string, b: string): number | undefined => {
    const c = compare(a, b);
    if (c === undefined) notes.push(`unparseable version in range: ${a} or ${b}`);
    return c;
  };
  const { events, limits } = compileRange(range, compare);
  if (limits.length > 0 && limits.every((l) => (cmp(version, l) ?? 1) >= 0))
    return { affected: false };
  let affected = false;
  for (const e of events) {
    if (e.introduced !== undefined) {
      if (e.introduced === '0' || (cmp(version, e.introduced) ?? -1) >= 0) affected = true;
    } else if (e.fixed !== undefined) {
      if ((cmp(version, e.fixed) ?? -1) >= 0) affected = false;
    } else if (e.last_affected !== undefined) {
      if ((cmp(version, e.last_affected) ?? -1) > 0) affected = false;
    }
  }
  if (!affected) return { affected };
  let fixed: string | undefined;
  for (const e of events) {
    if (e.fixed === undefined || (compare(e.fixed, version) ?? -1) <= 0) continue;
    if (fixed === undefined || (compare(e.fixed, fixed) ?? 1) < 0) fixed = e.fixed;
  }
  return fixed === undefined ? { affected } : { affected, fixed };
}

/** The (ecosystem, name key) an `affected[]` entry names, computed once per entry. */
const affectedKeys = new WeakMap<OsvAffected, { ecosystem: Ecosystem; key: string } | null>();

function affectedKey(a: OsvAffected): { ecosystem: Ecosystem; key: string } | null {
  let k = affectedKeys.get(a);
  if (k === undefined) {
    const eco = a.package === undefined ? undefined : knownEcosystem(a.package.ecosystem);
    k =
      eco === undefined || a.package === undefined
        ? null
        : { ecosystem: eco, key: normalizePackageName(eco, a.package.name) };
    affectedKeys.set(a, k);
  }
  return k;
}

/** Does this `affected[]` entry name the package (same ecosystem, same normalized name)? */
export function namesPackage(a: OsvAffected, ecosystem: Ecosystem, key: string): boolean {
  const k = affectedKey(a);
  return k !== null && k.ecosystem === ecosystem && k.key === key;
}

/**
 * Evaluate a record against one package version.
 *
 * @example
 * isAffected(record, 'PyPI', 'jinja2', '2.4.1') // → { affected: true, fixed: '2.10.1', notes: [] }
 */
export function isAffected(
  record: OsvRecord,
  ecosystem: Ecosystem,
  name: string,
  version: string,
): AffectedResult {
  if (record.withdrawn !== undefined) return { affected: false, notes: ['withdrawn'] };
  const key = normalizePackageName(ecosystem, name);
  const notes: string[] = [];
  let affected = false;
  let fixed: string | undefined;
  let severity = record.severity;
  for (const a of record.affected) {
    if (!namesPackage(a, ecosystem, key)) continue;
    let hit = a.versions.includes(version);
    for (const r of a.ranges) {
      if (r.type === 'GIT') {
        notes.push('GIT range skipped (commit ranges cannot be checked against a version)');
        continue;
      }
      const compare = r.type === 'SEMVER' ? compareSemVerText : versionCompare(ecosystem);
      const res = rangeAffects(version, r, compare, notes);
      if (!res.affected) continue;
      hit = true;
      if (res.fixed !== undefined) {
        const better = fixed === undefined || (compare(res.fixed, fixed) ?? 1) < 0;
        if (better) fixed = res.fixed;
      }
    }
    if (hit) {
      affected = true;
      severity ??= a.severity;
    }
  }
  return {
    affected,
    ...(affected && fixed !== undefined ? { fixed } : {}),
    ...(affected && severity !== undefined ? { severity } : {}),
    notes,
  };
}
