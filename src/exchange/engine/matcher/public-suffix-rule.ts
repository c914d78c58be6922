/**
 * Is a name a public suffix (a name under which anyone can register, like
 * `com`, `co.uk` or `github.io`)? An indicator never names one: a hit on
 * `co.uk` would flag every British site. The same rule as the protect module's
 * (src/protect/engine/url/public-suffix.ts), which an engine of another module
 * may not import: every single label is a suffix, a generic second level under
 * a two-letter country code (`co.xx`, `com.xx` …) is one, and so is every name
 * on the list given — in Shieldwall, the Mozilla Public Suffix List entries that
 * the MISP `second-level-tlds` warninglist carries (models/warninglists.md).
 */

const GENERIC_SECOND_LEVEL = new Set(
  'com co net org gov edu ac or ne go gob gouv mil nic ltd plc sch nhs police govt asn'.split(' '),
);

export type PublicSuffixRule = (name: string) => boolean;

/** The rule for lower-case names without a trailing dot. */
export function publicSuffixRule(listed: Iterable<string>): PublicSuffixRule {
  const set = new Set<string>();
  for (const s of listed) set.add(trimDots(s.toLowerCase()));
  return (name) => {
    const dot = name.indexOf('.');
    if (dot === -1) return true;
    if (set.has(name)) return true;
    const last = name.lastIndexOf('.');
    return dot === last && name.length - last === 3 && GENERIC_SECOND_LEVEL.has(name.slice(0, dot));
  };
}

function trimDots(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 46) a++;
  while (b > a && s.charCodeAt(b - 1) === 46) b--;
  return s.slice(a, b);
}
