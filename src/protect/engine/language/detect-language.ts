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
const LANGS = Object.keys(STOPWORDS);
/** Each stopword → a bit per language (in LANGS order) whose list has it. */
const WORD_LANGS = new Map<string, number>();
for (const [bit, lang] of LANGS.entries()) {
  for (const w of STOPWORDS[lang] ?? []) WORD_LANGS.set(w, (WORD_LANGS.get(w) ?? 0) | (1 << bit));
}
const LONGEST_STOPWORD = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));
// One code point, one class: constant time per call.
const LETTER = /^\p{L}$/u;
/** `LETTER` per BMP code unit, filled on first sight: 0 unknown, 1 letter, 2 not. */
const BMP_LETTER = new Uint8Array(0x10000);

function isLetter(cp: number): boolean {
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  let known = BMP_LETTER[cp] as number;
  if (known === 0) {
    known = LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
    BMP_LETTER[cp] = known;
  }
  return known === 1;
}

/**
 * Words are the maximal runs of letters and apostrophes (what
 * `split(/[^\p{L}']+/u)` leaves), read in one pass: ASCII by range, other
 * code points by one class test each. Returns how many words there are and
 * how many of them are stopwords of each language.
 */
function countStopwords(lower: string): { words: number; hits: Int32Array } {
  const hits = new Int32Array(LANGS.length);
  let words = 0;
  let runStart = -1;
  const endRun = (end: number) => {
    words += 1;
    if (end - runStart > LONGEST_STOPWORD) return;
    const mask = WORD_LANGS.get(lower.slice(runStart, end));
    if (mask === undefined) return;
    for (let b = 0; b < hits.length; b++) if ((mask >> b) & 1) hits[b] = (hits[b] as number) + 1;
  };
  for (let i = 0; i < lower.length; ) {
    const c = lower.charCodeAt(i);
    let width = 1;
    let inWord: boolean;
    if (c < 0x80) {
      inWord = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x27;
    } else {
      const cp = lower.codePointAt(i) ?? c;
      width = cp > 0xffff ? 2 : 1;
      inWord = isLetter(cp);
    }
    if (inWord) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      endRun(i);
      runStart = -1;
    }
    i += width;
  }
  if (runStart >= 0) endRun(lower.length);
  return { words, hits };
}

export function detectLanguage(text: string): LanguageInfo {
  const sample = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const script = dominantNonLatinScript(sample);
  if (script !== undefined) return { code: script, supported: false };
  const { words, hits } = countStopwords(sample.toLowerCase());
  if (words < 4) return { code: 'und', supported: true };
  let best = 'en';
  let bestCount = 0;
  let englishCount = 0;
  for (const [bit, lang] of LANGS.entries()) {
    const n = hits[bit] as number;
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
    // Every script below starts past Latin Extended-B: most characters stop here.
    if (c <= 0x24f) {
      letters += 1;
      continue;
    }
    const s = SCRIPTS.find((x) => x.test(c));
    if (s !== undefined) {
      counts.set(s.code, (counts.get(s.code) ?? 0) + 1);
      letters += 1;
    }
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
  let nonLatin = 0;
  for (const n of counts.values()) nonLatin += n;
  return letters > 0 && nonLatin / letters > 0.3 ? best : undefined;
}
