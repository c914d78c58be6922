/**
 * Which country's phone numbering a message most likely uses, from words
 * and symbols in it ("₹", "HMRC", Japanese script, "+61"…). Only used to
 * read national numbers without a `+` (`07700 900123` is British,
 * `98765 43210` Indian, `090-1234-5678` Japanese); never a verdict.
 */

export type Market = 'US' | 'UK' | 'IN' | 'JP' | 'AU' | 'FR' | 'DE';

/** Lower-case cues per market (`|`-separated). Short ones are matched as whole words. */
const CUE_TEXT: Readonly<Record<Market, string>> = {
  US: 'usps|irs|zip code|social security|venmo|zelle|cash app|e-zpass|ezpass|sunpass|fastrak|medicare|walmart|usd',
  UK: '£|hmrc|royal mail|evri|dvla|nhs|council tax|postcode|gbp|uk|natwest|barclays|lloyds|halifax|mum',
  IN: '₹|rs.|rs|inr|upi|aadhaar|aadhar|pan card|kyc|sbi|paytm|india|lakh|crore|hdfc|icici|fastag',
  JP: '¥|円|japan|yamato|sagawa|docomo|rakuten',
  AU: 'auspost|australia post|mygov|ato|centrelink|linkt|aud|a$|commbank|westpac|telstra',
  FR: 'colis|votre|vous|ameli|impots|la poste',
  DE: 'paket|ihr|sie|konto|sparkasse|bitte',
};
const MARKETS: readonly Market[] = ['US', 'UK', 'IN', 'JP', 'AU', 'FR', 'DE'];
const CUES: ReadonlyMap<Market, readonly string[]> = new Map(
  MARKETS.map((m) => [m, CUE_TEXT[m].split('|')]),
);
const CALLING_CODES: Readonly<Record<Market, string>> = {
  US: '+1',
  UK: '+44',
  IN: '+91',
  JP: '+81',
  AU: '+61',
  FR: '+33',
  DE: '+49',
};
const MAX_SCAN = 20_000;

function isWordChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
}

function countWord(text: string, cue: string): number {
  let n = 0;
  const alpha = isWordChar(cue.charCodeAt(0));
  for (let at = text.indexOf(cue); at >= 0 && n < 5; at = text.indexOf(cue, at + cue.length)) {
    const before = at === 0 || !isWordChar(text.charCodeAt(at - 1)) || !alpha;
    const after = at + cue.length >= text.length || !isWordChar(text.charCodeAt(at + cue.length));
    if (before && (after || !alpha)) n++;
  }
  return n;
}

/** `+44` counts inside `+447700900123` too: every number with that prefix belongs to that country. */
function countPrefix(text: string, code: string): number {
  let n = 0;
  for (let at = text.indexOf(code); at >= 0 && n < 5; at = text.indexOf(code, at + code.length))
    n++;
  return n;
}

function hasJapaneseScript(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3040 && c <= 0x30ff) return true; // hiragana / katakana: Japanese, not Chinese
  }
  return false;
}

/** The market with the most cues, or undefined when there is none or a tie. */
export function inferMarket(text: string): Market | undefined {
  const lower = text.slice(0, MAX_SCAN).toLowerCase();
  const scores = new Map<Market, number>();
  for (const market of MARKETS) {
    let score = countPrefix(lower, CALLING_CODES[market]) * 3;
    for (const cue of CUES.get(market) ?? []) score += countWord(lower, cue);
    if (market === 'JP' && hasJapaneseScript(lower)) score += 5;
    if (score > 0) scores.set(market, score);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first === undefined || (second !== undefined && second[1] === first[1])) return undefined;
  return first[0];
}
