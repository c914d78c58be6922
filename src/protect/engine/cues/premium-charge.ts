/**
 * Premium-rate charges: the message says each text, minute or week costs
 * money ("150p/msg", "£1.50 per min", "$2.99/msg", "50ppm"). Premium SMS
 * subscriptions, chat lines, ringtone and competition lures bill the phone
 * this way; a genuine company does not charge people for replying to it.
 * Standard-rate notes ("Msg&data rates may apply", "reply STOP to opt out")
 * name no price and do not count. Reads the folded text the other cues read
 * (lower-case, spaces collapsed).
 */
import type { Evidence, Reason } from '../types.js';
import { type FoldedText, originalSpan } from './fold-text.js';

/** A price: pounds, dollars or euros (up to 2 digits before the point) or pence (up to 3). */
const PRICE =
  '(?:[£$€]\\s?\\d{1,2}(?:\\.\\d{1,2})?|\\d{1,2}(?:\\.\\d{1,2})?\\s?(?:gbp|eur|usd)|\\d{1,3}(?:\\.\\d{1,2})?\\s?p(?:ence)?)';
/** What it is charged per: a message (sent or received), a minute, a call, a tone, a week. */
const UNIT =
  '(?:msgs?|messages?|txts?|texts?|sms|mins?|minutes?|calls?|tones?|wk|wks|week|rcvd|recd|received)';

/**
 * Where a price may be: a currency sign before a digit, or a digit before `p`,
 * `gbp`, `eur`, `usd` (`ppm` and `pence` too). Every charge below contains
 * one, so the text is searched for these first and the full patterns are
 * tried only there, sticky from the price's first character: the three
 * patterns run over the whole text cost about 45 µs on a 20,000-character
 * email, this about a tenth of that.
 */
const CANDIDATE = /[£$€]\s?\d|\d\s?(?:p|gbp|eur|usd)/g;
/** From a price: 150p/msg, £1.50 per min, $2.99 each msg, 25p a text, 50p per msg rcvd; 150ppm. */
const PRICED = new RegExp(
  `${PRICE}\\s?(?:\\/|per\\s|a\\s|each\\s|x\\s)\\s?${UNIT}(?![a-z])|\\d{1,3}(?:\\.\\d{1,2})?\\s?ppm(?![a-z])`,
  'y',
);
/** A bare price, for "msgs cost 150p", "each text costs £1.50", "calls cost 75p". */
const BARE_PRICE = new RegExp(`${PRICE}(?![\\w])`, 'y');
/** What comes before such a bare price (searched in the 40 characters before it). */
const COST_BEFORE = new RegExp(`(?<![a-z])${UNIT}\\s(?:cost|costs|charged at|billed at)\\s$`);
const BEFORE_CHARS = 40;

function isDigitOrDot(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e;
}

/** A price starts here only if no letter, digit, underscore or dot comes before it. */
function priceBoundary(t: string, at: number): boolean {
  if (at === 0) return true;
  const c = t.charCodeAt(at - 1);
  return !(isDigitOrDot(c) || c === 0x5f || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a));
}

/** The first charge in folded text: [start, end) or undefined. */
export function findCharge(t: string): { start: number; end: number } | undefined {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(t); m !== null; m = CANDIDATE.exec(t)) {
    let start = m.index;
    if (isDigitOrDot(t.charCodeAt(start))) {
      while (start > 0 && isDigitOrDot(t.charCodeAt(start - 1))) start--;
    }
    // "msgs cost 150p" starts before the price, so it is tried first.
    BARE_PRICE.lastIndex = start;
    if (BARE_PRICE.test(t)) {
      const from = Math.max(0, start - BEFORE_CHARS);
      const before = COST_BEFORE.exec(t.slice(from, start));
      if (before !== null) return { start: from + before.index, end: BARE_PRICE.lastIndex };
    }
    if (priceBoundary(t, start)) {
      PRICED.lastIndex = start;
      if (PRICED.test(t)) return { start, end: PRICED.lastIndex };
    }
    CANDIDATE.lastIndex = m.index + 1; // "£1p/msg": the digit after a sign may start a price too
  }
  return undefined;
}

/**
 * The first premium-rate charge in the text, as a cue reason, or undefined.
 * `folded` is `foldText(text)` (or of its first part); spans point into `text`.
 * @example
 * const text = 'To order txt TONE to 87131. 150p/msg';
 * premiumCharge(text, foldText(text), 'text')?.params; // { match: '150p/msg' }
 */
export function premiumCharge(
  text: string,
  folded: FoldedText,
  field: Evidence['field'],
): Reason | undefined {
  const found = findCharge(folded.text);
  if (found === undefined) return undefined;
  const { start, end } = originalSpan(folded, found.start, found.end);
  const excerpt = text.slice(start, end);
  return {
    code: PREMIUM_CHARGE_CODE,
    message: '',
    params: { match: excerpt },
    source: 'cue',
    weight: PREMIUM_CHARGE_WEIGHT,
    evidence: { field, start, end, excerpt },
  };
}

export const PREMIUM_CHARGE_CODE = 'cue.premium_charge';
/** Prior in log-odds: a paid reply channel is a marketing or lure move, weaker than a fee to release a parcel. */
export const PREMIUM_CHARGE_WEIGHT = 1.2;
