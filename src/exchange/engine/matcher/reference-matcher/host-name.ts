/**
 * Host names as the matcher compares them: lower case, no trailing dot,
 * refanged (`evil[.]example`), labels of 1–63 letters, digits, `-` or `_`
 * (or non-ASCII). One pass over a bounded input; never throws.
 */

const MAX_DOMAIN_LENGTH = 253;

/** `evil[.]example` → `evil.example`: the usual defanging of shared indicators, undone. */
export function refang(s: string): string {
  return s.includes('[.]') ? s.split('[.]').join('.') : s;
}

/** A host name: lower case, no trailing dot, labels of 1–63 letters, digits, `-` or `_` (or non-ASCII). */
export function normalizeDomain(raw: string): string | null {
  if (raw.length > MAX_DOMAIN_LENGTH + 8) return null;
  let s = refang(raw.trim()).toLowerCase();
  if (s.startsWith('*.')) s = s.slice(2);
  if (s.endsWith('.')) s = s.slice(0, -1);
  if (s.length === 0 || s.length > MAX_DOMAIN_LENGTH) return null;
  let label = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (label === 0) return null;
      label = 0;
      continue;
    }
    const ok = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 95 || c >= 0x80;
    if (!ok || ++label > 63) return null;
  }
  return label === 0 ? null : s;
}
