/**
 * Text prepared for phrase matching: lower-cased, curly quotes and dashes made
 * ASCII, invisible characters (zero-width, soft hyphen, bidi controls) removed
 * and whitespace runs collapsed to one space, so none of those tricks can hide
 * a phrase. `origin[i]` is the index in the original text of folded character
 * i, so a match maps back to an exact evidence span.
 */
export interface FoldedText {
  readonly text: string;
  readonly origin: Uint32Array;
}

const INVISIBLE = new Set([
  0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066,
  0x2067, 0x2068, 0x2069,
]);
const PUNCT: Record<number, string> = {
  8216: "'",
  8217: "'",
  8220: '"',
  8221: '"',
  8211: '-',
  8212: '-',
};
const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x2028, 0x2029, 0x3000]);

export function foldText(text: string): FoldedText {
  // Code units into a typed array, turned into a string in chunks: a string per
  // character would cost more than the whole phrase search.
  const out = new Uint16Array(text.length);
  const origin = new Uint32Array(text.length + 1);
  let n = 0;
  let lastSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code === 0x20 || (code >= 0x09 && code <= 0x0d)) {
        if (lastSpace) continue;
        lastSpace = true;
        out[n] = 0x20;
        origin[n++] = i;
        continue;
      }
      lastSpace = false;
      out[n] = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      origin[n++] = i;
      continue;
    }
    if (INVISIBLE.has(code)) continue;
    if (SPACE.has(code) || (code >= 0x2000 && code <= 0x200a)) {
      if (lastSpace) continue;
      lastSpace = true;
      out[n] = 0x20;
      origin[n++] = i;
      continue;
    }
    lastSpace = false;
    const punct = PUNCT[code];
    const lower = punct ?? text.charAt(i).toLowerCase();
    // Folding must not change the length, or the origin map would be off by one.
    out[n] = lower.length === 1 ? lower.charCodeAt(0) : code;
    origin[n++] = i;
  }
  origin[n] = text.length;
  let folded = '';
  for (let at = 0; at < n; at += 8192) {
    folded += String.fromCharCode(...out.subarray(at, Math.min(n, at + 8192)));
  }
  return { text: folded, origin: origin.subarray(0, n + 1) };
}

/** The original-text span of folded [start, end). */
export function originalSpan(
  folded: FoldedText,
  start: number,
  end: number,
): { start: number; end: number } {
  const last = folded.origin[end - 1] ?? 0;
  return { start: folded.origin[start] ?? 0, end: last + 1 };
}

/** True when the character code is a letter or digit (ASCII or any script), so phrases match whole words. */
export function isWordChar(code: number): boolean {
  if (code < 0x80) {
    return (
      (code >= 0x30 && code <= 0x39) ||
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a)
    );
  }
  return (
    code >= 0xc0 && !INVISIBLE.has(code) && !SPACE.has(code) && code !== 0x2019 && code !== 0x2018
  );
}

export interface PhraseHit {
  readonly phrase: string;
  readonly start: number;
  readonly end: number;
}

/** Phrases grouped by their first word, built once per phrase list. */
interface PhraseIndex {
  readonly byFirstWord: ReadonlyMap<string, readonly string[]>;
  /** Phrases that do not start with a letter or digit ("£", "%"): found with indexOf. */
  readonly others: readonly string[];
  /** Each phrase's first position in the list: hits are returned in that order. */
  readonly order: ReadonlyMap<string, number>;
}

const indexes = new WeakMap<readonly string[], PhraseIndex>();

function wordEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

function phraseIndex(phrases: readonly string[]): PhraseIndex {
  let index = indexes.get(phrases);
  if (index === undefined) {
    const byFirstWord = new Map<string, string[]>();
    const others: string[] = [];
    for (const phrase of phrases) {
      const end = wordEnd(phrase, 0);
      if (end === 0) {
        others.push(phrase);
        continue;
      }
      const word = phrase.slice(0, end);
      byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), phrase]);
    }
    const order = new Map<string, number>();
    phrases.forEach((phrase, i) => {
      if (!order.has(phrase)) order.set(phrase, i);
    });
    index = { byFirstWord, others, order };
    indexes.set(phrases, index);
  }
  return index;
}

const APOSTROPHE = 0x27;
const LETTER_T = 0x74;

/**
 * True when a phrase's last word ends at `end`: the next character is not a
 * letter, and not the "'t" of a negation either ("you won't" is not "you won",
 * "we can't" is not "we can"). A possessive "'s" still ends the word.
 */
function endsOk(folded: string, phrase: string, end: number): boolean {
  if (end >= folded.length || !isWordChar(phrase.charCodeAt(phrase.length - 1))) return true;
  const next = folded.charCodeAt(end);
  if (next === APOSTROPHE && folded.charCodeAt(end + 1) === LETTER_T) {
    return end + 2 < folded.length && isWordChar(folded.charCodeAt(end + 2));
  }
  return !isWordChar(next);
}

/**
 * Find the first whole-word occurrence of each phrase in already-folded text,
 * returned in the order of `phrases`. One pass over the text's words, looking
 * up the phrases that start with each word (linear in the text, whatever the
 * number of phrases); the few phrases that start with a symbol use indexOf.
 */
export function findPhrases(folded: string, phrases: readonly string[]): PhraseHit[] {
  const { byFirstWord, others, order } = phraseIndex(phrases);
  const first = new Map<string, PhraseHit>();
  for (let i = 0; i < folded.length; ) {
    if (!isWordChar(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const end = wordEnd(folded, i);
    const candidates = byFirstWord.get(folded.slice(i, end));
    if (candidates !== undefined) {
      for (const phrase of candidates) {
        if (first.has(phrase) || !folded.startsWith(phrase, i)) continue;
        if (endsOk(folded, phrase, i + phrase.length)) {
          first.set(phrase, { phrase, start: i, end: i + phrase.length });
        }
      }
    }
    i = end;
  }
  for (const phrase of others) {
    for (let from = 0; from <= folded.length; ) {
      const at = folded.indexOf(phrase, from);
      if (at < 0) break;
      const beforeOk = at === 0 || !isWordChar(folded.charCodeAt(at - 1));
      if (beforeOk && endsOk(folded, phrase, at + phrase.length)) {
        first.set(phrase, { phrase, start: at, end: at + phrase.length });
        break;
      }
      from = at + 1;
    }
  }
  // In the list's order, sorting the few hits rather than walking every phrase of the list.
  return [...first.values()].sort(
    (a, b) => (order.get(a.phrase) ?? 0) - (order.get(b.phrase) ?? 0),
  );
}
