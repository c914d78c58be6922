/** STIX 2.1 vocabularies and name rules the pattern validator checks against. */

/** The cyber-observable object types defined by STIX 2.1 §6. Other types are custom (allowed). */
export const STIX_SCO_TYPES: ReadonlySet<string> = new Set([
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
]);

/**
 * STIX 2.1 §2.9 type names: lower-case ASCII letters, digits and single hyphens, 3 to 250
 * characters.
 */
export function isStixTypeName(name: string): boolean {
  return name.length >= 3 && name.length <= 250 && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name);
}

/**
 * STIX 2.1 §3.1 property names: ASCII letters, digits and underscore, at most 250 characters.
 * (The 3-character minimum applies to custom properties only; `id` is a spec property.)
 */
export function isStixPropertyName(name: string): boolean {
  return name.length >= 1 && name.length <= 250 && /^[A-Za-z0-9_]+$/.test(name);
}

/** Hex digits expected for hash algorithms of the STIX hash-algorithm-ov with a fixed size. */
export const HASH_HEX_LENGTHS: Readonly<Record<string, number>> = {
  MD5: 32,
  'SHA-1': 40,
  SHA1: 40,
  'SHA-256': 64,
  SHA256: 64,
  'SHA-512': 128,
  SHA512: 128,
  'SHA3-256': 64,
  'SHA3-512': 128,
};
