/**
 * Which features a trained model leans on, in words: hashed buckets have no
 * names, so we look at what text fell into each bucket across the training
 * inputs, with the sign it was hashed with (a feature's real weight is the
 * bucket's weight times its sign). This is how the training script checks
 * for leakage — a mail-server name or a header word among the strongest
 * features means the model learned where the data came from, not what it says.
 */
import { CHAR_FAMILY, type TextFeatures } from './featurize.js';
import { normalizeText } from './normalize-text.js';
import { tokenize } from './tokenize-text.js';

export interface TopFeature {
  /** Weight times hashing sign: what this feature adds to the margin per unit of value. */
  readonly weight: number;
  /** The normalised texts behind it, most frequent first (at most 3). */
  readonly texts: readonly { readonly text: string; readonly count: number }[];
}

/** How the text model saw a span: shape tokens for words (`<phone>`, `<d5>`), digits as 0 in n-grams. */
export function textFeatureText(span: string, family: number): string {
  const norm = normalizeText(span, 200).text;
  if (family === CHAR_FAMILY) return norm.replace(/\d/g, '0');
  const values = tokenize(norm, 20).map((t) => t.value);
  return values.length > 0 ? values.join(' ') : norm;
}

/** The texts behind a feature, most frequent first; rare collisions (under 5% of the top text) left out. */
function namesOf(texts: Map<string, number>): { text: string; count: number }[] {
  const sorted = [...texts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = sorted[0]?.[1] ?? 0;
  return sorted
    .filter(([, count], i) => i === 0 || count >= Math.max(2, top * 0.05))
    .slice(0, 3)
    .map(([text, count]) => ({ text, count }));
}

/** Strongest `k` features towards scam and `k` towards genuine, among those the inputs contain. */
export function topFeatures(
  weights: Float32Array,
  inputs: readonly string[],
  featurize: (input: string) => TextFeatures,
  k: number,
  display: (span: string, family: number) => string = textFeatureText,
  minCount = 3,
): { positive: TopFeature[]; negative: TopFeature[] } {
  // Key: bucket * 2 + (sign > 0 ? 1 : 0); value: text → count.
  const seen = new Map<number, Map<string, number>>();
  for (const input of inputs) {
    const ev = featurize(input).evidence;
    if (ev === undefined) continue;
    for (let o = 0; o < ev.count; o++) {
      const bucket = ev.bucket[o] as number;
      if ((weights[bucket] ?? 0) === 0) continue;
      const key = bucket * 2 + ((ev.sign[o] as number) > 0 ? 1 : 0);
      let texts = seen.get(key);
      if (texts === undefined) {
        texts = new Map();
        seen.set(key, texts);
      }
      const span = input.slice(ev.start[o] as number, ev.end[o] as number);
      const text = display(span, ev.family[o] as number);
      texts.set(text, (texts.get(text) ?? 0) + 1);
    }
  }
  const all = [...seen]
    // A feature seen once or twice is noise (or another feature's hash collision).
    .filter(([, texts]) => [...texts.values()].reduce((a, b) => a + b, 0) >= minCount)
    .map(([key, texts]) => ({
      weight: (weights[key >>> 1] as number) * (key & 1 ? 1 : -1),
      texts: namesOf(texts),
    }));
  all.sort(
    (a, b) => b.weight - a.weight || ((a.texts[0]?.text ?? '') < (b.texts[0]?.text ?? '') ? -1 : 1),
  );
  return {
    positive: all.slice(0, k).filter((f) => f.weight > 0),
    negative: all
      .slice(-k)
      .reverse()
      .filter((f) => f.weight < 0),
  };
}

/** Texts that betray a data source rather than a scam: the leakage the issue warns about. */
export const LEAKAGE_PATTERNS: readonly RegExp[] = [
  /\b(19|20)\d\d\b/,
  /taint|netnoteinc|spamassassin|phishing@pot|\bpot\b|honeypot/,
  /\b(x-mailer|received|message-id|return-path|content-type|mime-version|x-spam|esmtp|smtp)\b/,
  /\b(outlook|exmh|mutt|pine|eudora|thunderbird|sourceforge|zzzz|jmason|yahoogroups|lists\.)\b/,
];

export function looksLikeLeakage(text: string): boolean {
  return LEAKAGE_PATTERNS.some((re) => re.test(text));
}
