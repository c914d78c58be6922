import type { LanguageInfo } from '../types.js';

/**
 * A small, explainable language guess: the writing system first, then for
 * Latin script the share of very common words of each language. It only has
 * to answer "is this English, which our model was trained on?" well enough to
 * tell people when an answer is less sure; it is not a general identifier.
 */
const STOPWORDS: Record<string, readonly string[]> = {
  en: [
    'the',
    'and',
    'you',
    'your',
    'is',
    'to',
    'of',
    'for',
    'this',
    'that',
    'are',
    'have',
    'with',
    'will',
    'please',
    'it',
    'we',
    'on',
    'be',
    'not',
    'can',
    'my',
    'me',
    'at',
    'in',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'que',
    'de',
    'y',
    'en',
    'por',
    'para',
    'su',
    'es',
    'con',
    'una',
    'un',
    'tu',
    'usted',
    'del',
    'se',
    'hola',
    'gracias',
    'cuenta',
  ],
  fr: [
    'le',
    'la',
    'les',
    'des',
    'et',
    'est',
    'vous',
    'votre',
    'pour',
    'une',
    'un',
    'du',
    'que',
    'dans',
    'sur',
    'pas',
    'avec',
    'bonjour',
    'merci',
    'compte',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'sie',
    'ihr',
    'ihre',
    'nicht',
    'mit',
    'ein',
    'eine',
    'zu',
    'den',
    'auf',
    'für',
    'bitte',
    'hallo',
    'konto',
    'wir',
  ],
  pt: [
    'o',
    'os',
    'que',
    'de',
    'e',
    'do',
    'da',
    'em',
    'um',
    'uma',
    'para',
    'com',
    'não',
    'seu',
    'sua',
    'você',
    'olá',
    'obrigado',
    'conta',
  ],
  it: [
    'il',
    'di',
    'che',
    'e',
    'la',
    'per',
    'un',
    'una',
    'non',
    'sono',
    'del',
    'della',
    'con',
    'tuo',
    'ciao',
    'grazie',
    'conto',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'van',
    'is',
    'dat',
    'niet',
    'je',
    'uw',
    'voor',
    'met',
    'op',
    'zijn',
    'hallo',
    'bedankt',
    'rekening',
  ],
  hi: [
    'hai',
    'hain',
    'kya',
    'nahi',
    'nahin',
    'aap',
    'aapka',
    'mera',
    'kar',
    'karo',
    'ke',
    'ki',
    'ko',
    'se',
    'bhi',
    'yeh',
    'woh',
    'kaise',
    'accha',
    'bhai',
  ],
};

const SCRIPTS: readonly { readonly code: string; readonly test: (c: number) => boolean }[] = [
  { code: 'ja', test: (c) => (c >= 0x3040 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) },
  { code: 'zh', test: (c) => c >= 0x4e00 && c <= 0x9fff },
  { code: 'ko', test: (c) => c >= 0xac00 && c <= 0xd7af },
  { code: 'hi', test: (c) => c >= 0x0900 && c <= 0x097f },
  { code: 'ar', test: (c) => c >= 0x0600 && c <= 0x06ff },
  { code: 'he', test: (c) => c >= 0x0590 && c <= 0x05ff },
  { code: 'ru', test: (c) => c >= 0x0400 && c <= 0x04ff },
  { code: 'el', test: (c) => c >= 0x0370 && c <= 0x03ff },
  { code: 'th', test: (c) => c >= 0x0e00 && c <= 0x0e7f },
];

const MAX_CHARS = 5_000;
const sets = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));

export function detectLanguage(text: string): LanguageInfo {
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const script = dominantNonLatinScript(sample);
  if (script !== undefined) return { code: script, supported: false };
  const words = sample
    .toLowerCase()
    .split(/[^\p{L}']+/u)
    .filter((w) => w.length > 0);
  if (words.length < 4) return { code: 'und', supported: true };
  let best = 'en';
  let bestCount = 0;
  let englishCount = 0;
  for (const [lang, set] of Object.entries(sets)) {
    let n = 0;
    for (const w of words) if (set.has(w)) n += 1;
    if (lang === 'en') englishCount = n;
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  // Short or stopword-poor texts (codes, names, links) are not evidence of another language.
  if (bestCount < 2 || englishCount * 1.5 >= bestCount)
    return { code: bestCount === 0 ? 'und' : 'en', supported: true };
  return { code: best, supported: best === 'en' };
}

function dominantNonLatinScript(text: string): string | undefined {
  const counts = new Map<string, number>();
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x41) continue;
    const s = SCRIPTS.find((x) => x.test(c));
    if (s !== undefined) counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
    if (s !== undefined || (c >= 0x41 && c <= 0x24f)) letters += 1;
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [code, n] of counts) {
    if (n > bestCount) {
      best = code;
      bestCount = n;
    }
  }
  // Japanese text mixes kana with Han: any kana at all makes Han-heavy text Japanese.
  if (best === 'zh' && (counts.get('ja') ?? 0) > 0) best = 'ja';
  const nonLatin = [...counts.values()].reduce((a, b) => a + b, 0);
  return letters > 0 && nonLatin / letters > 0.3 ? best : undefined;
}
