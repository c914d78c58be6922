/**
 * Reasons about a phone number found in a message: premium-rate and
 * "personal" numbers that cost the caller money, and "call this number"
 * requests that name a well-known company (refund and tech-support scams
 * give their own number and pose as the company on the phone).
 *
 * Hook for later: OFFICIAL_PHONE_NUMBERS is empty today. When it lists a
 * brand's real numbers, a call-back request to any other number becomes the
 * stronger `phone.not_official_number`; until then we can only say
 * "call the number on the company's own website instead".
 */
import { english } from '../i18n/checker-messages.js';
import type { Evidence, Indicator, Params, Reason } from '../types.js';
import { BRANDS, type Brand } from '../url/brands.js';

export interface PhoneSignal extends Reason {
  readonly source: 'phone';
  readonly evidence: Evidence;
}

/** Brand id → that brand's official numbers in E.164. Fill from each brand's own website. */
export const OFFICIAL_PHONE_NUMBERS: Readonly<Record<string, readonly string[]>> = {};

export type OfficialNumberLookup = (brandId: string) => readonly string[] | undefined;

export interface PhoneSignalOptions {
  /** The text the number was found in (same field as the indicator's evidence), for context. */
  readonly text?: string;
  readonly officialNumbers?: OfficialNumberLookup;
}

export const PHONE_SIGNAL_WEIGHTS = {
  'phone.premium_rate': 2,
  'phone.uk_personal_number': 2,
  'phone.callback_to_brand': 1,
  'phone.not_official_number': 2.5,
  'phone.official_number': -0.5,
} as const;
export type PhoneSignalCode = keyof typeof PHONE_SIGNAL_WEIGHTS;

/** E.164 prefixes of premium-rate ranges (regulators' numbering plans: Ofcom, NANPA, ACMA, BNetzA, ARCEP…). */
/** Each is described in words by the catalogs' `phone.premium_kind.<prefix>` ("a UK premium-rate (09) number"). */
const PREMIUM_PREFIXES: readonly string[] = [
  '+449',
  // 0871–0873: revenue-sharing service numbers that the UK regulates as premium-rate services
  // (Phone-paid Services Authority); 0870 and 0844 are not.
  '+44871',
  '+44872',
  '+44873',
  '+1900',
  '+61190',
  '+49900',
  '+3389',
  '+39899',
  '+34803',
  '+34806',
  '+34807',
  '+31900',
  '+31906',
  '+31909',
  '+35315',
  '+81990',
];

const CALL_WORDS = (
  'call|ring|phone us|dial|contact|helpline|hotline|customer care|customer service|' +
  'support|toll free|toll-free|speak to|talk to|reach us|whatsapp|text us|sms'
).split('|');
const CONTEXT_CHARS = 300;

function signal(code: PhoneSignalCode, params: Params, evidence: Evidence): PhoneSignal {
  return {
    code,
    message: english(code, params),
    params,
    source: 'phone',
    weight: PHONE_SIGNAL_WEIGHTS[code],
    evidence,
  };
}

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

function containsWord(haystack: string, word: string): boolean {
  for (let at = haystack.indexOf(word); at >= 0; at = haystack.indexOf(word, at + 1)) {
    const before = at === 0 || !isWordChar(haystack.charCodeAt(at - 1));
    const after = !isWordChar(haystack.charCodeAt(at + word.length));
    if (before && after) return true;
  }
  return false;
}

/** The first brand named near the number (aliases of three or more characters, whole words). */
export function brandNamedIn(window: string): Brand | undefined {
  const lower = window.toLowerCase();
  return BRANDS.find((b) => (b.aliases ?? []).some((a) => a.length >= 3 && containsWord(lower, a)));
}

function callbackSignals(
  phone: Indicator,
  text: string,
  lookup: OfficialNumberLookup,
): PhoneSignal[] {
  const { start, end } = phone.evidence;
  const before = text.slice(Math.max(0, start - CONTEXT_CHARS), start).toLowerCase();
  const around = text.slice(
    Math.max(0, start - CONTEXT_CHARS),
    Math.min(text.length, end + CONTEXT_CHARS),
  );
  if (!CALL_WORDS.some((w) => containsWord(before.slice(-80), w))) return [];
  const brand = brandNamedIn(around);
  if (brand === undefined) return [];
  const official = lookup(brand.id);
  if (official === undefined || official.length === 0) {
    return [
      signal('phone.callback_to_brand', { phone: phone.value, brand: brand.name }, phone.evidence),
    ];
  }
  if (official.includes(phone.value)) {
    return [
      signal('phone.official_number', { phone: phone.value, brand: brand.name }, phone.evidence),
    ];
  }
  return [
    signal('phone.not_official_number', { phone: phone.value, brand: brand.name }, phone.evidence),
  ];
}

/**
 * Reasons about one phone indicator (from extractIndicators).
 * @example
 * const [phone] = extractIndicators('Call 09098 765432 to claim', 'text');
 * phoneSignals(phone).map((s) => s.code); // ['phone.premium_rate']
 */
export function phoneSignals(phone: Indicator, options: PhoneSignalOptions = {}): PhoneSignal[] {
  if (phone.type !== 'phone') return [];
  const out: PhoneSignal[] = [];
  const premium = PREMIUM_PREFIXES.find((prefix) => phone.value.startsWith(prefix));
  if (premium !== undefined) {
    out.push(signal('phone.premium_rate', { phone: phone.value, premium }, phone.evidence));
  }
  if (phone.value.startsWith('+4470')) {
    out.push(signal('phone.uk_personal_number', { phone: phone.value }, phone.evidence));
  }
  if (options.text !== undefined) {
    const lookup = options.officialNumbers ?? ((id: string) => OFFICIAL_PHONE_NUMBERS[id]);
    out.push(...callbackSignals(phone, options.text, lookup));
  }
  return out;
}
