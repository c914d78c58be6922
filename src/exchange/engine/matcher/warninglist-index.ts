/**
 * Warninglists: values known to be benign (the top sites, cloud and CDN ranges,
 * public DNS resolvers, the hashes of empty files …), after the MISP
 * warninglists. An indicator whose value is on one is kept but never matched,
 * and never published automatically; asked why, the index names the list.
 *
 * List types, as in MISP: `string` entries match the value itself (an entry
 * starting with `.` matches only names below it), `hostname` entries the name
 * and every name below it, `cidr` entries every address in the range. A
 * `hostname` entry that is a public suffix (`github.io` is on the top-sites
 * list) covers only itself: `evil.github.io` is somebody's own site.
 */
import { probeDomain } from './domain-probe.js';
import { type EntryTable, MATCH_BELOW, MATCH_SELF } from './entry-columns.js';
import { IpPrefixTable } from './ip-prefix-table.js';
import type { PublicSuffixRule } from './public-suffix-rule.js';
import { StringTable } from './string-table.js';
import {
  normalizeDomain,
  normalizeHash,
  normalizeUrl,
  type ParsedIp,
  parseIp,
  type ValueKind,
} from './value-normalizer.js';

export type WarninglistType = 'string' | 'hostname' | 'cidr';

export interface WarninglistSpec {
  /** Short name, e.g. `tranco10k`. */
  readonly name: string;
  /** What the list is, in plain words. */
  readonly description: string;
  readonly type: WarninglistType;
  readonly values: readonly string[];
}

export interface WarninglistHit {
  readonly list: string;
  readonly description: string;
  /** Why, in plain words: `github.com is on the list "tranco10k" (Top 10K …)`. */
  readonly reason: string;
}

const DOMAIN = 1;
const HASH = 4;

export type WarninglistIndex = ReturnType<typeof createWarninglistIndex>;

export function createWarninglistIndex(
  lists: readonly WarninglistSpec[],
  isPublicSuffix: PublicSuffixRule,
) {
  const names = new StringTable(0x5eed);
  const ips = new IpPrefixTable();
  for (let n = 0; n < lists.length; n++) {
    const list = lists[n] as WarninglistSpec;
    for (const raw of list.values) addValue(list.type, raw, n);
  }

  function addValue(type: WarninglistType, raw: string, n: number): void {
    if (type === 'cidr') {
      const ip = parseIp(raw);
      if (ip !== null) claim(ips, ips.intern(ip.v6, ip.words, ip.prefix), n, 1);
      return;
    }
    const hash = normalizeHash(raw);
    if (hash !== null) {
      claim(names, names.intern(HASH, hash), n, MATCH_SELF);
      return;
    }
    const onlyBelow = raw.trim().startsWith('.');
    const name = normalizeDomain(onlyBelow ? raw.trim().slice(1) : raw);
    if (name === null) return;
    const flags = onlyBelow
      ? MATCH_BELOW
      : type === 'hostname' && !isPublicSuffix(name)
        ? MATCH_SELF | MATCH_BELOW
        : MATCH_SELF;
    claim(names, names.intern(DOMAIN, name), n, flags);
  }

  /**
   * The first list to name a value itself is kept in `ref`, the first to cover
   * the names below it in `warn` (1 + its number), so the reason names the right list.
   */
  function claim(table: EntryTable, e: number, n: number, flags: number): void {
    if ((flags & MATCH_SELF) !== 0 && (table.flagsOf(e) & MATCH_SELF) === 0) table.setRef(e, n);
    if ((flags & MATCH_BELOW) !== 0 && table.warnOf(e) === 0) table.setWarn(e, n + 1);
    table.setFlags(e, table.flagsOf(e) | flags);
  }

  function domainList(name: string): { list: number; below: string | null } | null {
    let found: { list: number; below: string | null } | null = null;
    probeDomain(names, DOMAIN, name, (e, below) => {
      const list = below ? names.warnOf(e) - 1 : names.refOf(e);
      found = { list, below: below ? names.text(e) : null };
      return false;
    });
    return found;
  }

  function ipList(ip: ParsedIp): number {
    let found = -1;
    ips.containing(ip.v6, ip.words, (e) => {
      // A range indicator is on a list only when the whole range is inside a listed one.
      if (ips.prefixOf(e) > ip.prefix) return true;
      found = ips.refOf(e);
      return false;
    });
    return found;
  }

  function hit(n: number, value: string, below: string | null): WarninglistHit {
    const list = lists[n] as WarninglistSpec;
    const where = below === null ? `${value} is` : `${value} is under ${below}, which is`;
    return {
      list: list.name,
      description: list.description,
      reason: `${where} on the warninglist "${list.name}" (${list.description})`,
    };
  }

  return {
    /** Which list holds `value` (already normalised as `kind`), and why; null when none. */
    check(kind: ValueKind, value: string): WarninglistHit | null {
      switch (kind) {
        case 'domain': {
          const d = domainList(value);
          return d === null ? null : hit(d.list, value, d.below);
        }
        case 'ip': {
          const ip = parseIp(value);
          const n = ip === null ? -1 : ipList(ip);
          return n === -1 ? null : hit(n, value, null);
        }
        case 'hash': {
          const e = names.find(HASH, value);
          return e === -1 ? null : hit(names.refOf(e), value, null);
        }
        case 'url': {
          // Only a URL that names a whole site is judged by its host: a phishing page on a top site is still a phishing page.
          const u = normalizeUrl(value);
          if (u === null || !u.bare) return null;
          const ip = parseIp(u.host);
          if (ip !== null) {
            const n = ipList(ip);
            return n === -1 ? null : hit(n, value, null);
          }
          const d = domainList(u.host);
          return d === null ? null : hit(d.list, value, d.below ?? u.host);
        }
        default:
          return null;
      }
    },

    /** The number of values held, over all lists. */
    get size(): number {
      return names.count + ips.count;
    },

    get lists(): readonly { readonly name: string; readonly description: string }[] {
      return lists.map((l) => ({ name: l.name, description: l.description }));
    },
  };
}
