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
import type { Evidence, Indicator, Reason } from '../types.js';
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
const PREMIUM_PREFIXES: readonly (readonly [string, string])[] = [
  ['+449', 'a UK premium-rate (09) number'],
  ['+1900', 'a US premium-rate (900) number'],
  ['+61190', 'an Australian premium-rate (190) number'],
  ['+49900', 'a German premium-rate (0900) number'],
  ['+3389', 'a French premium-rate (089) number'],
  ['+39899', 'an Italian premium-rate (899) number'],
  ['+34803', 'a Spanish premium-rate (803) number'],
  ['+34806', 'a Spanish premium-rate (806) number'],
  ['+34807', 'a Spanish premium-rate (807) number'],
  ['+31900', 'a Dutch premium-rate (0900) number'],
  ['+31906', 'a Dutch premium-rate (0906) number'],
  ['+31909', 'a Dutch premium-rate (0909) number'],
  ['+35315', 'an Irish premium-rate (15xx) number'],
  ['+81990', 'a Japanese premium-rate (0990) number'],
];

const CALL_WORDS = (
  'call|ring|phone us|dial|contact|helpline|hotline|customer care|customer service|' +
  'support|toll free|toll-free|speak to|talk to|reach us|whatsapp|text us|sms'
).split('|');
const CONTEXT_CHARS = 300;

function signal(code: PhoneSignalCode, message: string, evidence: Evidence): PhoneSignal {
  return { code, message, source: 'phone', weight: PHONE_SIGNAL_WEIGHTS[code], evidence };
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
      signal(
        'phone.callback_to_brand',
        `The message asks you to call ${phone.value} about ${brand.name}. Scammers often pretend to be ${brand.name} on the phone: call the number on ${brand.name}'s own website or on your card instead.`,
        phone.evidence,
      ),
    ];
  }
  if (official.includes(phone.value)) {
    return [
      signal(
        'phone.official_number',
        `${phone.value} is one of ${brand.name}'s published numbers.`,
        phone.evidence,
      ),
    ];
  }
  return [
    signal(
      'phone.not_official_number',
      `The message asks you to call ${phone.value} about ${brand.name}, but that is not one of ${brand.name}'s published numbers.`,
      phone.evidence,
    ),
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
  const premium = PREMIUM_PREFIXES.find(([prefix]) => phone.value.startsWith(prefix));
  if (premium !== undefined) {
    out.push(
      signal(
        'phone.premium_rate',
        `${phone.value} is ${premium[1]}: calling it can cost a lot per minute, and the money goes to whoever runs it.`,
        phone.evidence,
      ),
    );
  }
  if (phone.value.startsWith('+4470')) {
    out.push(
      signal(
        'phone.uk_personal_number',
        `${phone.value} starts with 070: a UK "personal number" that looks like a mobile but can forward anywhere and costs much more to call.`,
        phone.evidence,
      ),
    );
  }
  if (options.text !== undefined) {
    const lookup = options.officialNumbers ?? ((id: string) => OFFICIAL_PHONE_NUMBERS[id]);
    out.push(...callbackSignals(phone, options.text, lookup));
  }
  return out;
}
