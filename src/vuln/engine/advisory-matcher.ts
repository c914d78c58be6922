/**
 * Match dependencies against advisories: an index by (ecosystem, normalized name), the
 * findings, and the coverage report that keeps the scanner from calling an ecosystem
 * "clean" when it has no data for it.
 */
import { type Ecosystem, knownEcosystem, normalizePackageName } from './ecosystems.js';
import type { Dependency } from './lockfile-types.js';
import { isAffected } from './osv-range.js';
import type { OsvRecord } from './osv-record.js';

export interface Finding {
  readonly ecosystem: Ecosystem;
  readonly package: string;
  readonly version: string;
  readonly id: string;
  readonly aliases: readonly string[];
  /** Smallest fixed version above the installed one; null when no fix is known. */
  readonly fixed: string | null;
  readonly severity: string | null;
  readonly summary: string | null;
  /** The lockfile it was found in. */
  readonly source: string;
}

export interface Coverage {
  /** Ecosystems scanned with advisory data loaded. */
  readonly covered: readonly string[];
  /** Ecosystems present in the lockfiles with no advisories loaded: NOT checked. */
  readonly noData: readonly string[];
  /** Ecosystems the scanner has no version comparator for: NOT checked. */
  readonly unsupported: readonly string[];
  readonly packages: number;
}

/** An in-memory advisory index (the store loads only what a scan needs into one). */
export class AdvisoryIndex {
  readonly #byPackage = new Map<string, OsvRecord[]>();
  readonly #ecosystems = new Set<Ecosystem>();

  /** Add a record under every package it names; withdrawn records are skipped. Returns false when skipped. */
  add(record: OsvRecord): boolean {
    if (record.withdrawn !== undefined) return false;
    const keys = new Set<string>();
    for (const a of record.affected) {
      if (a.package === undefined) continue;
      const eco = knownEcosystem(a.package.ecosystem);
      if (eco === undefined) continue;
      keys.add(`${eco}\u0000${normalizePackageName(eco, a.package.name)}`);
      this.#ecosystems.add(eco);
    }
    for (const key of keys) {
      const list = this.#byPackage.get(key);
      if (list === undefined) this.#byPackage.set(key, [record]);
      else list.push(record);
    }
    return keys.size > 0;
  }

  /** Mark an ecosystem as covered even when no record for it was loaded into this index. */
  cover(ecosystem: Ecosystem): void {
    this.#ecosystems.add(ecosystem);
  }

  covers(ecosystem: Ecosystem): boolean {
    return this.#ecosystems.has(ecosystem);
  }

  lookup(ecosystem: Ecosystem, name: string): readonly OsvRecord[] {
    return this.#byPackage.get(`${ecosystem}\u0000${normalizePackageName(ecosystem, name)}`) ?? [];
  }
}

export interface SourcedDependency extends Dependency {
  readonly source: string;
}

/**
 * Every (package, advisory) finding, sorted, plus the coverage report.
 *
 * @example
 * const { findings, coverage } = matchDependencies(deps, index);
 */
export function matchDependencies(
  deps: readonly SourcedDependency[],
  index: AdvisoryIndex,
): { findings: Finding[]; coverage: Coverage } {
  const findings: Finding[] = [];
  const covered = new Set<string>();
  const noData = new Set<string>();
  const unsupported = new Set<string>();
  const seen = new Set<string>();
  for (const dep of deps) {
    const eco = knownEcosystem(dep.ecosystem);
    if (eco === undefined) {
      unsupported.add(dep.ecosystem);
      continue;
    }
    if (!index.covers(eco)) {
      noData.add(eco);
      continue;
    }
    covered.add(eco);
    for (const record of index.lookup(eco, dep.name)) {
      const result = isAffected(record, eco, dep.name, dep.version);
      if (!result.affected) continue;
      const key = `${eco}\u0000${dep.name}\u0000${dep.version}\u0000${record.id}\u0000${dep.source}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({
        ecosystem: eco,
        package: dep.name,
        version: dep.version,
        id: record.id,
        aliases: record.aliases,
        fixed: result.fixed ?? null,
        severity: result.severity ?? null,
        summary: record.summary ?? null,
        source: dep.source,
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      a.package.localeCompare(b.package) ||
      a.version.localeCompare(b.version) ||
      a.id.localeCompare(b.id),
  );
  return {
    findings,
    coverage: {
      covered: [...covered].sort(),
      noData: [...noData].sort(),
      unsupported: [...unsupported].sort(),
      packages: deps.length,
    },
  };
}
