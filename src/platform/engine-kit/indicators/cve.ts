/**
 * CVE identifiers, as the exchange stores them and the safeguards read them in text: one
 * spelling once upper-cased. Pure, for every module's engine.
 */

/** `CVE-YYYY-NNNN…` (four to seven digits after the year, as MITRE assigns them). */
const CVE_ID = /^CVE-(?:19|20)\d{2}-\d{4,7}$/;

/** `cve-2024-3400` → `CVE-2024-3400`; null when `raw` (spaces around it aside) is not a CVE identifier. */
export function normalizeCve(raw: string): string | null {
  if (raw.length < 13 || raw.length > 20) return null;
  const id = raw.trim().toUpperCase();
  return CVE_ID.test(id) ? id : null;
}
