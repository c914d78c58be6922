/**
 * Find a phone number at a position in running text and normalise it to
 * E.164 (`+447700900123`) when the country is clear from a `+`/`00` prefix or
 * a national pattern, else to bare digits. Conservative on purpose: dates,
 * amounts, order numbers, card numbers and one-time codes must not become
 * phone numbers, so an unformatted run of digits only counts next to words
 * like "call" or "WhatsApp", never next to "order" or "code".
 */
import type { Market } from './market-hints.js';
import { nationalToE164, unformattedToE164 } from './phone-national.js';
import { DEFAULT_NSN, NSN_LENGTHS, splitCallingCode, TRUNK_ZERO } from './phone-plans.js';
import { isAsciiAlnum, isDigit } from './scan-chars.js';

export interface PhoneFound {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

interface Candidate {
  readonly end: number;
  readonly digits: string;
  /** Digit-group lengths as written: `(555) 123-4567` → [3, 3, 4]. */
  readonly groups: readonly number[];
  readonly plus: boolean;
  readonly parens: boolean;
  readonly separators: string;
}

const MAX_CHARS = 32;
const POSITIVE = (
  'call|phone|tel|mobile|mob|cell|contact|dial|ring|whatsapp|text|sms|helpline|' +
  'hotline|number|customer care|customer service|toll free|toll-free|fax|reach|ph:|' +
  '電話|signal|viber'
).split('|');
const NEGATIVE = (
  'order|ref|invoice|inv|track|account|acct|a/c|card|ticket|case|awb|consignment|' +
  'shipment|pnr|booking|transaction|txn|policy|member|serial| id|no.|otp|code|pin|' +
  'amount|rs|inr|usd|balance|total|paid|price|iban|sort|isbn|#|$|£|€|¥|₹'
).split('|');

/**
 * The cue lists as one alternation of plain literals each: no quantifiers, so
 * matching is linear (at most words × window length steps, window = 40).
 */
// One class, global: linear.
const escapeLiteral = (w: string): string => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const POSITIVE_RE = new RegExp(POSITIVE.map(escapeLiteral).join('|'), 'g');
const NEGATIVE_RE = new RegExp(NEGATIVE.map(escapeLiteral).join('|'), 'g');

function isSeparator(ch: string): boolean {
  return ch === ' ' || ch === '-' || ch === '.';
}

/** Read digits, single separators and `(…)` groups from `i` (at most 32 characters). */
function readCandidate(s: string, i: number): Candidate | { skip: number } {
  const plus = s.charCodeAt(i) === 0x2b;
  let pos = plus ? i + 1 : i;
  const groups: number[] = [];
  let digits = '';
  let separators = '';
  let parens = false;
  const limit = Math.min(s.length, i + MAX_CHARS);
  while (pos < limit) {
    const open = s.charCodeAt(pos) === 0x28;
    let end = open ? pos + 1 : pos;
    while (end < limit && isDigit(s.charCodeAt(end))) end++;
    const group = s.slice(open ? pos + 1 : pos, end);
    if (group.length === 0 || (open && s.charCodeAt(end) !== 0x29)) break;
    parens ||= open;
    // `+44 (0)20 …`: the bracketed trunk zero is not dialled from abroad.
    if (!(open && group === '0' && groups.length > 0)) {
      groups.push(group.length);
      digits += group;
    }
    pos = open ? end + 1 : end;
    const next = s.charCodeAt(pos + 1);
    if (isSeparator(s.charAt(pos)) && (isDigit(next) || next === 0x28)) {
      separators += s.charAt(pos);
      pos++;
    } else if (!(open && (isDigit(s.charCodeAt(pos)) || s.charCodeAt(pos) === 0x28))) break;
  }
  // Cut off by the length limit in the middle of digits: a long number (card, tracking), never a phone.
  const cut =
    pos >= limit &&
    (isDigit(s.charCodeAt(pos)) || (isSeparator(s.charAt(pos)) && isDigit(s.charCodeAt(pos + 1))));
  if (cut || digits.length < 7 || digits.length > 15) return { skip: Math.max(pos, i + 1) };
  return { end: pos, digits, groups, plus, parens, separators };
}

/** What follows must not make it a decimal, an amount, a time or part of a word. */
function endsCleanly(s: string, end: number): boolean {
  const c = s.charCodeAt(end);
  if (Number.isNaN(c)) return true;
  if (isAsciiAlnum(c) || c === 0x25 || c === 0x24) return false;
  return !(
    (c === 0x2e || c === 0x2c || c === 0x3a || c === 0x2f) &&
    isDigit(s.charCodeAt(end + 1))
  );
}

/** Which cue is nearest before the number: 1 a phone word, -1 an order/amount word, 0 none. */
function contextBefore(lower: string, start: number): number {
  const window = lower.slice(Math.max(0, start - 40), start);
  const pos = lastMatch(POSITIVE_RE, window);
  const neg = lastMatch(NEGATIVE_RE, window);
  if (pos < 0 && neg < 0) return 0;
  return pos > neg ? 1 : -1;
}

/** Start of the last match in a (40-character) window, or -1. */
function lastMatch(re: RegExp, window: string): number {
  re.lastIndex = 0;
  let last = -1;
  for (let m = re.exec(window); m !== null; m = re.exec(window)) {
    last = m.index;
    re.lastIndex = m.index + 1;
  }
  return last;
}

function international(c: Candidate): string | undefined {
  const digits = c.plus
    ? c.digits
    : c.digits.startsWith('00')
      ? c.digits.slice(2)
      : c.digits.slice(3);
  const split = splitCallingCode(digits);
  if (split === undefined) return undefined;
  const national =
    split.national.startsWith('0') && TRUNK_ZERO.has(split.cc)
      ? split.national.slice(1)
      : split.national;
  const [min, max] = NSN_LENGTHS[split.cc] ?? DEFAULT_NSN;
  if (national.length < min || national.length > max) return undefined;
  return `+${split.cc}${national}`;
}

/** A dot-separated number must look like 555.123.4567 or 01.23.45.67.89, not a date or a version. */
function dotsOk(c: Candidate): boolean {
  if (!c.separators.includes('.')) return true;
  const shape = c.groups.join('-');
  return c.plus || shape === '3-3-4' || shape === '2-2-2-2-2';
}

/**
 * The phone number starting at `i`, or where to continue scanning.
 * `lower` is the lower-cased text (for context words); `market` reads national numbers.
 */
export function findPhone(
  s: string,
  i: number,
  lower: string,
  market: Market | undefined,
): PhoneFound | { skip: number } {
  const c = readCandidate(s, i);
  if ('skip' in c) return c;
  const fail = { skip: c.end };
  if (!endsCleanly(s, c.end) || !dotsOk(c)) return fail;
  if (c.plus) {
    const value = international(c);
    return value === undefined ? fail : { value, start: i, end: c.end };
  }
  const context = contextBefore(lower, i);
  const intl =
    (c.digits.startsWith('00') && context >= 0) || (c.digits.startsWith('011') && context > 0);
  if (intl) {
    const value = international(c);
    return value === undefined ? fail : { value, start: i, end: c.end };
  }
  if (context < 0) return fail;
  const formatted = c.groups.length > 1;
  if (!formatted && context === 0) return fail;
  const input = {
    digits: c.digits,
    shape: c.groups.join('-'),
    separators: c.separators,
    parens: c.parens,
  };
  const e164 =
    nationalToE164(input, market) ?? (formatted ? undefined : unformattedToE164(c.digits));
  if (e164 !== undefined) return { value: e164, start: i, end: c.end };
  // Unknown plan, but someone is clearly being told to call it.
  return context > 0 && c.digits.length >= 9 && c.digits.length <= 13
    ? { value: c.digits, start: i, end: c.end }
    : fail;
}

/** `447700900123` from a `wa.me/` link: the digits are always international. */
export function phoneFromDigits(digits: string): string | undefined {
  if (!/^\d{8,15}$/.test(digits)) return undefined; // anchored bounded class: linear
  const value = international({
    end: 0,
    digits,
    groups: [digits.length],
    plus: true,
    parens: false,
    separators: '',
  });
  return value;
}
