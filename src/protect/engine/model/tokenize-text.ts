/**
 * Tokens of normalised text. Things whose exact value tells the model nothing
 * general become shape tokens: a number is `<d6>` (its length, so one-time
 * codes and short codes keep their shape but no year or amount is learned by
 * value), a web address `<url>` (its domain is kept separately), an email
 * address `<email>`, a phone number `<phone>`, a sum of money `<money>`.
 *
 * One global regular expression, tried only where the previous token ended;
 * every alternative is bounded, so tokenising is linear in the text length.
 */
export type TokenKind =
  | 'word'
  | 'num'
  | 'url'
  | 'email'
  | 'phone'
  | 'money'
  | 'punct'
  /** `[email]`, `[domain]`…: what the email engine writes where it masked a corpus artefact. */
  | 'masked'
  /**
   * A site name written in capitals without a scheme ("NIKE.COM", "APPLE.COM/BILL"): the
   * merchant on a card alert or a sender's label, not a link to follow (see `siteNameToken`).
   */
  | 'site';

export interface Token {
  readonly kind: TokenKind;
  /** What the model sees: the word, or a shape token such as `<d6>`. */
  readonly value: string;
  /** Offsets into the normalised text. */
  readonly start: number;
  readonly end: number;
}

// Top-level domains safe to recognise without a scheme: not also common English words.
const BARE_TLDS =
  'com|net|org|info|biz|co|uk|io|ly|gov|edu|xyz|top|online|site|club|app|link|live|shop|store|vip|icu|cc|tk|ml|ga|cf|gq|ru|cn|de|fr|jp|au|ca|nl|es|br|mx|tv|ws|pw|su|cloud|support|help|services|click|buzz|space|website|tech|dev|gl|gd|sh|ai|ng|pk|za|ke|ph|sg|hk|tw|kr|vn|eu|pl|ch|se|ie|pt|tr|ua|ae|nz|mobi|pro|asia|win|bid|loan|xin|cyou|sbs|bond|lol|rest|bar|digital|network|center|tel';
const URL_CHARS = `[^\\s<>"'()\\[\\]{}]`;
const TOKEN_RE = new RegExp(
  [
    '(\\[(?:email|domain|name|url|phone)\\])',
    `((?:https?|hxxps?):\\/\\/${URL_CHARS}{1,2048}|www\\.${URL_CHARS}{1,2048})`,
    '([a-z0-9][a-z0-9._%+-]{0,63}@(?:[a-z0-9-]{1,63}\\.){1,8}[a-z]{2,24})',
    `((?:[a-z0-9-]{1,63}\\.){1,8}(?:(?:${BARE_TLDS})(?![a-z0-9-])|[a-z]{2,24}(?=\\/))(?::\\d{1,5})?(?:[/?#]${URL_CHARS}{0,2048})?)`,
    '((?:[$£€₹¥]|(?:rs|inr|usd|gbp|eur)\\.?\\s?)\\d[\\d,]{0,15}(?:\\.\\d{1,2})?(?:\\s?(?:k|m|bn|million)\\b)?|\\d[\\d,]{0,15}(?:\\.\\d{1,2})?\\s?(?:usd|gbp|eur|inr|dollars?|pounds?|euros?|rupees?|bucks|p)\\b)',
    '(\\+?\\(?\\d{1,5}\\)?(?:[ .-]?\\d{2,8}){1,4}(?!\\d))',
    '(\\d+)',
    "([\\p{L}\\p{M}\\p{N}]+(?:'\\p{L}+)?)",
    '([!?$£€₹])',
  ].join('|'),
  'gu',
);
const KINDS: readonly TokenKind[] = [
  'masked',
  'url',
  'email',
  'url',
  'money',
  'phone',
  'num',
  'word',
  'punct',
];
const TRAILING_PUNCT = /[.,;:!?'"*]+$/;
const MAX_WORD = 40;
const DATE = /^\d{1,2}([./-])\d{1,2}\1\d{2,4}$/;

/** `<d6>` for a run of six digits; very long runs all look alike. */
export function digitShape(length: number): string {
  return length > 12 ? '<dlong>' : `<d${length}>`;
}

function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) n += 1;
  }
  return n;
}

/** A word's value: digit runs become their shape ("txt80488" → "txt<d5>"). */
function wordValue(word: string): string {
  if (word.length > MAX_WORD) return '<longword>';
  return /\d/.test(word) ? word.replace(/\d+/g, (d) => digitShape(d.length)) : word;
}

/**
 * `<money.00>` for an exact sum with pence or cents ("$210.00", "£4.15"), as statements,
 * receipts and today's fee lures print them; `<money>` for a round or spoken sum
 * ("£1000", "$5k"), as prize and investment pitches state them.
 */
function moneyShape(matched: string): string {
  return /\.\d\d(?!\d)/.test(matched) ? '<money.00>' : '<money>';
}

/** Tokenise normalised text; at most `maxTokens` tokens. */
export function tokenize(text: string, maxTokens: number): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(TOKEN_RE.source, TOKEN_RE.flags);
  let m = re.exec(text);
  while (m !== null && tokens.length < maxTokens) {
    const start = m.index;
    let group = 1;
    while (m[group] === undefined && group < KINDS.length) group += 1;
    const kind = KINDS[group - 1] ?? 'word';
    let matched = m[0];
    if (kind === 'url') {
      // A sentence's full stop or a closing quote is not part of the address.
      matched = matched.replace(TRAILING_PUNCT, '');
      re.lastIndex = start + matched.length;
      tokens.push({ kind, value: '<url>', start, end: start + matched.length });
    } else if (kind === 'phone') {
      const digits = countDigits(matched);
      if (digits >= 8 && digits <= 15 && !DATE.test(matched)) {
        tokens.push({ kind, value: '<phone>', start, end: start + matched.length });
      } else {
        // Not a phone number after all: take its first digit run as a number and go on from there.
        const run = /^\+?\(?(\d+)/.exec(matched);
        const len = run?.[1]?.length ?? 1;
        const at = start + (run === null ? 0 : run[0].length - len);
        tokens.push({ kind: 'num', value: digitShape(len), start: at, end: at + len });
        re.lastIndex = at + len;
      }
    } else if (kind === 'num') {
      tokens.push({ kind, value: digitShape(matched.length), start, end: start + matched.length });
    } else if (kind === 'masked') {
      tokens.push({ kind, value: `<${matched.slice(1, -1)}>`, start, end: start + matched.length });
    } else if (kind === 'word') {
      tokens.push({ kind, value: wordValue(matched), start, end: start + matched.length });
    } else {
      const value = kind === 'email' ? '<email>' : kind === 'money' ? moneyShape(matched) : matched;
      tokens.push({ kind, value, start, end: start + matched.length });
    }
    m = re.exec(text);
  }
  return tokens;
}

const SCHEME_OR_WWW = /^(?:https?:|hxxps?:|www\.)/;

/**
 * A bare address the person wrote in capitals ("APPLE.COM/BILL", "GOV.UK") is a name, not a
 * link: card alerts print the merchant that way and no one clicks it. The model sees `<site>`
 * instead of `<url>`, so a genuine fraud check quoting the merchant does not read as a lure.
 * `original` is the token's text as typed (before lower-casing); links with a scheme or `www.`
 * stay links whatever their case.
 */
export function siteNameToken(tok: Token, normalized: string, original: string): Token {
  if (tok.kind !== 'url' || SCHEME_OR_WWW.test(normalized)) return tok;
  let upper = 0;
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return tok;
    if (c >= 0x41 && c <= 0x5a) upper += 1;
  }
  return upper >= 3 ? { ...tok, kind: 'site', value: '<site>' } : tok;
}

/** Where the host name sits inside a URL token's text: [start, end) relative to the token. */
export function hostSpan(url: string): { start: number; end: number } {
  const scheme = url.indexOf('://');
  let start = scheme >= 0 && scheme < 10 ? scheme + 3 : 0;
  let end = url.length;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    // '/', '?', '#', '\\' end the authority.
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) {
      end = i;
      break;
    }
  }
  const at = url.lastIndexOf('@', end - 1);
  if (at >= start) start = at + 1;
  const colon = url.indexOf(':', start);
  if (colon >= 0 && colon < end) end = colon;
  if (url.startsWith('www.', start)) start += 4;
  return { start, end: Math.max(start, end) };
}

// Second-level public suffixes common in our data; enough for a model feature, not a full PSL.
const SECOND_LEVEL = new Set([
  'co.uk',
  'org.uk',
  'ac.uk',
  'gov.uk',
  'me.uk',
  'com.au',
  'net.au',
  'org.au',
  'co.in',
  'net.in',
  'org.in',
  'gov.in',
  'co.jp',
  'ne.jp',
  'or.jp',
  'ac.jp',
  'go.jp',
  'com.br',
  'co.nz',
  'co.za',
  'com.sg',
  'com.cn',
  'com.tw',
  'com.hk',
  'com.my',
  'com.ph',
  'com.mx',
  'com.ng',
  'com.pk',
  'com.tr',
  'co.kr',
  'com.ar',
  'com.vn',
  'co.id',
  'web.app',
  'github.io',
  'pages.dev',
  'firebaseapp.com',
  'appspot.com',
  'herokuapp.com',
  'netlify.app',
  'vercel.app',
  'azurewebsites.net',
  'blogspot.com',
  'wixsite.com',
  'weebly.com',
  'translate.goog',
  'workers.dev',
  'r2.dev',
]);

/** The registrable domain of a host name ("login.paypal.co.uk" → "paypal.co.uk"). */
export function registrableDomain(host: string): string {
  const labels = host.split('.').filter((l) => l.length > 0);
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  return SECOND_LEVEL.has(lastTwo) ? labels.slice(-3).join('.') : lastTwo;
}
