/**
 * The ecosystems the scanner understands, each with its version ordering and its package
 * name normalization (the key advisories and lockfile entries are matched on).
 */
import { compareComposerVersion, parseComposerVersion } from './composer-version.js';
import { comparePep440, parsePep440 } from './pep440-version.js';
import { compareGemVersion, parseGemVersion } from './rubygems-version.js';
import { compareSemVer, parseSemVer } from './semver-version.js';

/** OSV ecosystem names, spelled as OSV spells them. */
export const ECOSYSTEMS = ['npm', 'PyPI', 'Go', 'crates.io', 'RubyGems', 'Packagist'] as const;
export type Ecosystem = (typeof ECOSYSTEMS)[number];

/** Compares two version strings; undefined when either does not parse. */
export type VersionCompare = (a: string, b: string) => number | undefined;

function comparer<V>(
  parse: (s: string) => V | undefined,
  compare: (a: V, b: V) => number,
): VersionCompare {
  // A small per-comparator cache: lockfile versions and event versions repeat a lot.
  const cache = new Map<string, V | null>();
  const get = (s: string): V | undefined => {
    let v = cache.get(s);
    if (v === undefined) {
      v = parse(s) ?? null;
      if (cache.size > 50_000) cache.clear();
      cache.set(s, v);
    }
    return v ?? undefined;
  };
  return (a, b) => {
    const x = get(a);
    const y = get(b);
    return x === undefined || y === undefined ? undefined : compare(x, y);
  };
}

const semver = comparer(parseSemVer, compareSemVer);
const comparators: Record<Ecosystem, VersionCompare> = {
  npm: semver,
  'crates.io': semver,
  Go: semver,
  PyPI: comparer(parsePep440, comparePep440),
  RubyGems: comparer(parseGemVersion, compareGemVersion),
  Packagist: comparer(parseComposerVersion, compareComposerVersion),
};

/** The SemVer comparator, for OSV ranges of type SEMVER in any ecosystem. */
export const compareSemVerText: VersionCompare = semver;

/** The comparator for an ecosystem's ECOSYSTEM ranges. */
export function versionCompare(ecosystem: Ecosystem): VersionCompare {
  return comparators[ecosystem];
}

/**
 * The ecosystem an OSV `package.ecosystem` names, or undefined when the scanner has no
 * comparator for it (`Debian:12`, `Alpine:v3.17`, …). A `:suffix` is ignored.
 */
export function knownEcosystem(name: string): Ecosystem | undefined {
  const base = name.split(':')[0] ?? '';
  return (ECOSYSTEMS as readonly string[]).includes(base) ? (base as Ecosystem) : undefined;
}

/**
 * The key a package name is matched on: PyPI per PEP 503 (lowercase, runs of `-_.` → `-`),
 * npm, Packagist and crates.io lowercase (crates.io also `_` = `-`), Go module paths as
 * written without a trailing slash, RubyGems exact (gem names are case-sensitive).
 */
export function normalizePackageName(ecosystem: Ecosystem, name: string): string {
  const n = name.trim();
  switch (ecosystem) {
    case 'PyPI':
      return n.toLowerCase().replace(/[-_.]+/g, '-');
    case 'npm':
    case 'Packagist':
      return n.toLowerCase();
    case 'crates.io':
      return n.toLowerCase().replaceAll('_', '-');
    case 'Go':
      return n.replace(/\/+$/, '');
    case 'RubyGems':
      return n;
  }
}
