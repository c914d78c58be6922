/**
 * National phone formats of the markets we serve, as data-driven rules: a
 * number written without `+` becomes E.164 only when its digits AND its
 * grouping fit one country, or when the message's market says which country
 * an ambiguous number belongs to (`09012345678` is a Japanese mobile in a
 * Japanese message, a UK premium-rate number in a British one).
 */
import type { Market } from './market-hints.js';

export interface NationalInput {
  readonly digits: string;
  /** Group lengths joined with `-`: `3-3-4`. */
  readonly shape: string;
  readonly separators: string;
  readonly parens: boolean;
}

interface Rule {
  readonly market: Market;
  readonly cc: string;
  /** Digits (whole string) this country uses. Anchored, bounded classes: linear. */
  readonly digits: RegExp;
  /** Groupings typical for the country: when one matches, no market hint is needed. */
  readonly shapes: readonly string[];
  /** Separators the typical groupings must use (`-` for Japan). */
  readonly separators?: string;
  /** Drop the trunk 0 when adding the country code. */
  readonly trunk: boolean;
}

const RULES: readonly Rule[] = [
  // France: 01 23 45 67 89, a grouping nobody else uses.
  { market: 'FR', cc: '33', digits: /^0[1-9]\d{8}$/, shapes: ['2-2-2-2-2'], trunk: true },
  // Japan: hyphenated 03-1234-5678, 090-1234-5678, 0120-123-456.
  {
    market: 'JP',
    cc: '81',
    digits: /^0\d{9,10}$/,
    shapes: ['2-4-4', '3-3-4', '3-4-4', '4-2-4', '4-3-3', '5-1-4'],
    separators: '-',
    trunk: true,
  },
  // Australia: 04xx xxx xxx mobiles, (02) xxxx xxxx landlines, 1300/1800 xxx xxx.
  {
    market: 'AU',
    cc: '61',
    digits: /^(?:0[2-478]\d{8}|1[38]00\d{6})$/,
    shapes: ['4-3-3', '2-4-4'],
    trunk: true,
  },
  // North America: (555) 123-4567, 555-123-4567, 1-800-555-0199. Exchange digits are not
  // checked here (the grouping already says "phone"); unformatted runs are checked strictly below.
  { market: 'US', cc: '1', digits: /^1?[2-9]\d{9}$/, shapes: ['3-3-4', '1-3-3-4'], trunk: false },
  // United Kingdom: 07700 900123, 020 7946 0958, 0800 123 4567, 0161 496 0000. Before India:
  // a 0-led 4-3-4 (0871 212 0025) is British; India's 4-3-4 is its 1800 toll-free range.
  {
    market: 'UK',
    cc: '44',
    digits: /^0[1-9]\d{8,9}$/,
    shapes: ['5-6', '3-4-4', '4-3-4', '4-6', '5-5', '4-7', '3-3-4'],
    trunk: true,
  },
  // India: 98765 43210 mobiles, 1800-xxx-xxxx toll-free, optional 0 or 91 in front.
  {
    market: 'IN',
    cc: '91',
    digits: /^(?:0|91)?(?:[6-9]\d{9}|1800\d{7})$/,
    shapes: ['5-5', '4-3-4', '2-5-5'],
    trunk: true,
  },
  // Germany: mobiles 0151 23456789.
  { market: 'DE', cc: '49', digits: /^01[5-7]\d{8,9}$/, shapes: [], trunk: true },
];

function toE164(rule: Rule, digits: string): string {
  let national = digits;
  if (rule.cc === '91' && national.startsWith('91') && national.length === 12)
    national = national.slice(2);
  if (rule.cc === '1' && national.length === 11) national = national.slice(1);
  if (rule.trunk && national.startsWith('0')) national = national.slice(1);
  return `+${rule.cc}${national}`;
}

function shapeFits(rule: Rule, input: NationalInput, market: Market | undefined): boolean {
  if (rule.cc === '1' && input.parens && input.digits.length >= 10) return true; // (555) 123-4567
  if (!rule.shapes.includes(input.shape)) return false;
  // In a message from the rule's own country, the separator style does not matter.
  if (rule.separators === undefined || rule.market === market) return true;
  return [...input.separators].every((c) => rule.separators?.includes(c));
}

/**
 * E.164 for a national number: first the market's own rule if digits and
 * grouping fit, then any rule whose digits and grouping fit, then the
 * market's rule on digits alone. Undefined when nothing fits.
 */
export function nationalToE164(
  input: NationalInput,
  market: Market | undefined,
): string | undefined {
  const own = RULES.find((r) => r.market === market);
  const digitsFit = (r: Rule): boolean => r.digits.test(input.digits);
  if (own !== undefined && digitsFit(own) && shapeFits(own, input, market))
    return toE164(own, input.digits);
  const byShape = RULES.find((r) => digitsFit(r) && shapeFits(r, input, market));
  if (byShape !== undefined) return toE164(byShape, input.digits);
  if (own !== undefined && digitsFit(own)) return toE164(own, input.digits);
  return undefined;
}

/**
 * Without a market or a telling grouping, some unformatted runs are still
 * clear: 11 digits from 1 are North American, 10 from [2-5] too (Indian
 * mobiles start 6–9), and 0-led numbers are British unless they look like a
 * Japanese mobile (070/080/090).
 */
export function unformattedToE164(digits: string): string | undefined {
  // Anchored, fixed-length classes: constant time on at most 15 digits.
  if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(digits) || /^[2-5]\d{2}[2-9]\d{6}$/.test(digits)) {
    return `+1${digits.length === 11 ? digits.slice(1) : digits}`;
  }
  if (/^0[1-9]\d{8,9}$/.test(digits) && !/^0[789]0/.test(digits)) return `+44${digits.slice(1)}`;
  return undefined;
}
