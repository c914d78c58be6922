/**
 * The shipped warninglists (models/warninglists.txt.gz: known-benign top
 * sites, cloud and CDN ranges, public DNS resolvers, empty-file hashes, the
 * public suffixes), read once on first use. `onWarninglist(value)` tells
 * whether a value is on one and why: the matcher never matches such a value,
 * and community reports must not publish one.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { packagePath } from '../platform/package-root.js';
import { type PublicSuffixRule, publicSuffixRule } from './engine/matcher/public-suffix-rule.js';
import { classifyValue, normalizeAs, type ValueKind } from './engine/matcher/value-normalizer.js';
import { parseWarninglists } from './engine/matcher/warninglist-format.js';
import {
  createWarninglistIndex,
  type WarninglistHit,
  type WarninglistIndex,
} from './engine/matcher/warninglist-index.js';

export const WARNINGLISTS_FILE = packagePath('models', 'warninglists.txt.gz');

/** Lists whose entries are public suffixes (from the Mozilla Public Suffix List and IANA). */
const SUFFIX_LISTS = new Set(['tlds', 'second-level-tlds']);

export interface Warninglists {
  readonly index: WarninglistIndex;
  readonly isPublicSuffix: PublicSuffixRule;
}

let loaded: Warninglists | undefined;

/** The shipped lists (cached), or those of `file`. Throws if the file is missing or malformed: it ships with the program. */
export function loadWarninglists(file?: string): Warninglists {
  if (file === undefined && loaded !== undefined) return loaded;
  const specs = parseWarninglists(
    gunzipSync(readFileSync(file ?? WARNINGLISTS_FILE)).toString('utf8'),
  );
  const isPublicSuffix = publicSuffixRule(
    specs.filter((s) => SUFFIX_LISTS.has(s.name)).flatMap((s) => s.values),
  );
  const lists = { index: createWarninglistIndex(specs, isPublicSuffix), isPublicSuffix };
  if (file === undefined) loaded = lists;
  return lists;
}

/**
 * Which warninglist holds `value` (a URL, host name, IP address or range, or
 * hash; `kind` when known, else guessed), and why; null when none.
 *
 * @example
 * onWarninglist('github.com')?.reason // 'github.com is on the warninglist "cloudflare-top10k" (…)'
 */
export function onWarninglist(value: string, kind?: ValueKind): WarninglistHit | null {
  const c = kind === undefined ? classifyValue(value) : { kind, value: normalizeAs(kind, value) };
  if (c === null || c.value === null) return null;
  return loadWarninglists().index.check(c.kind, c.value);
}
