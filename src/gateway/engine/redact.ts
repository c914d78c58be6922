/**
 * Redaction before storage: secrets (API keys, bearer tokens, JWTs, private
 * keys, AWS keys, passwords in URLs and in `password=` pairs) and payment card
 * numbers (Luhn-valid, 13–19 digits) are replaced by `[REDACTED:<kind>]`.
 *
 * Every pattern runs in linear time on hostile text: regexes have a literal
 * prefix and one bounded or delimiter-ended run, and the two shapes a regex
 * would scan quadratically (PEM blocks, URL user-info) are found by hand.
 * Pure.
 */

interface Rule {
  readonly kind: string;
  readonly pattern: RegExp;
  /** Which capture group is the secret (0 = the whole match). */
  readonly group?: number;
}

const RULES: readonly Rule[] = [
  { kind: 'shieldwall-key', pattern: /\bsw_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}\b/g },
  { kind: 'api-key', pattern: /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g },
  { kind: 'github-token', pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{22,})/g },
  { kind: 'slack-token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}/g },
  { kind: 'google-key', pattern: /\bAIza[0-9A-Za-z_-]{35}/g },
  { kind: 'aws-access-key', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g },
  {
    kind: 'aws-secret-key',
    pattern:
      /(aws_secret_access_key|secretaccesskey)(["']?\s{0,4}[=:]\s{0,4}["']?)([A-Za-z0-9/+=]{30,})/gi,
    group: 3,
  },
  { kind: 'jwt', pattern: /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]{5,}/g },
  { kind: 'bearer-token', pattern: /(\bBearer[ \t]{1,4})([A-Za-z0-9._~+/-]{8,}=*)/gi, group: 2 },
  {
    kind: 'password',
    pattern:
      /\b(password|passwd|pwd|passphrase|secret|api[_-]?key|access[_-]?token)(["']?[ \t]{0,4}[=:][ \t]{0,4}["']?)([^\s"',;&]{4,})/gi,
    group: 3,
  },
];

/** Digit runs that may be card numbers: 13–19 digits with optional single spaces or dashes. */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;

/**
 * @example
 * redactSecrets('key sk-abcdefghijklmnopqrstuvwx and card 4111 1111 1111 1111')
 * // → 'key [REDACTED:api-key] and card [REDACTED:card]'
 */
export function redactSecrets(text: string): string {
  let out = redactPem(text);
  out = redactUrlPasswords(out);
  for (const rule of RULES) {
    out = out.replace(rule.pattern, (...m: unknown[]) => {
      const whole = m[0] as string;
      if (rule.group === undefined) return `[REDACTED:${rule.kind}]`;
      const secret = m[rule.group] as string;
      const before = m.slice(1, rule.group).join('');
      return `${before}[REDACTED:${rule.kind}]${whole.slice(before.length + secret.length)}`;
    });
  }
  return out.replace(CARD, redactCardRun);
}

/**
 * A run of digit groups may hold a card number next to other numbers ("card
 * 4111 1111 1111 1111 12/29"): every span of whole groups with 13–19 digits is
 * tried, longest first from each start. A run has at most 19 digits, so this is bounded.
 */
function redactCardRun(run: string): string {
  const parts = run.split(/([ -])/); // groups at even indexes, separators at odd
  const out: string[] = [];
  let i = 0;
  while (i < parts.length) {
    let found = -1;
    let digits = '';
    for (let j = i; j < parts.length; j += 2) {
      digits += parts[j] as string;
      if (digits.length > 19) break;
      if (digits.length >= 13 && luhnValid(digits)) found = j;
    }
    if (found >= 0) {
      out.push('[REDACTED:card]');
      i = found + 1;
    } else {
      out.push(parts[i] as string);
      i += 1;
    }
  }
  return out.join('');
}

/** The Luhn checksum payment card numbers carry. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';

/** PEM private keys, with or without their END line (a truncated paste is still a secret). */
function redactPem(text: string): string {
  let at = text.indexOf(PEM_BEGIN);
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const headerEnd = text.indexOf('-----', at + PEM_BEGIN.length);
    const label = headerEnd < 0 ? '' : text.slice(at + PEM_BEGIN.length, headerEnd);
    if (headerEnd < 0 || label.length > 40 || !label.endsWith('PRIVATE KEY')) {
      at = text.indexOf(PEM_BEGIN, at + PEM_BEGIN.length);
      continue;
    }
    const end = text.indexOf(PEM_END, headerEnd);
    const close = end < 0 ? -1 : text.indexOf('-----', end + PEM_END.length);
    const stop = close < 0 ? text.length : close + 5;
    out += `${text.slice(from, at)}[REDACTED:private-key]`;
    from = stop;
    at = text.indexOf(PEM_BEGIN, stop);
  }
  return out + text.slice(from);
}

const AUTHORITY_END = new Set(['/', '?', '#', ' ', '\n', '\r', '\t', '"', "'", '<', '>']);

/** `scheme://user:password@host` → `scheme://user:[REDACTED:url-password]@host`. */
function redactUrlPasswords(text: string): string {
  let at = text.indexOf('://');
  if (at < 0) return text;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const start = at + 3;
    let end = start;
    while (end < text.length && !AUTHORITY_END.has(text[end] as string)) end++;
    const authority = text.slice(start, end);
    const atSign = authority.lastIndexOf('@');
    const colon = atSign < 0 ? -1 : authority.indexOf(':');
    if (colon >= 0 && colon < atSign) {
      out += `${text.slice(from, start + colon + 1)}[REDACTED:url-password]`;
      from = start + atSign;
    }
    at = text.indexOf('://', Math.max(end, start));
  }
  return out + text.slice(from);
}
