/**
 * Reasons that explain a trained model's share of the score: the phrases
 * that pushed it, quoted, so a person can see what the model reacted to.
 */
import { english } from '../i18n/checker-messages.js';
import type { ModelExplanation } from '../model/load-model.js';
import type { Evidence, Reason, SignalSource } from '../types.js';

/** Below this (in log-odds) the model's opinion is too weak to be worth a sentence. */
const MIN_MODEL_WEIGHT = 0.4;

export type PhraseLocator = (phrase: {
  start: number;
  end: number;
  text: string;
}) => Evidence | undefined;

/** Words that say nothing on their own at the edge of a quoted phrase ("…to avoid a"). */
const EDGE_WORDS = new Set(
  'a an and are as at be by for from has have i in is it me my of on or so than that the this to was we were with you your'.split(
    ' ',
  ),
);

const WORDLIKE = /^[\p{L}\p{N}]$/u;

/** `s` without the characters at its start and end that the predicates reject (code points, in linear time). */
function trimWhile(
  s: string,
  dropStart: (c: string) => boolean,
  dropEnd: (c: string) => boolean,
): string {
  const chars = [...s];
  let from = 0;
  let to = chars.length;
  while (from < to && dropStart(chars[from] as string)) from++;
  while (to > from && dropEnd(chars[to - 1] as string)) to--;
  return chars.slice(from, to).join('');
}

/**
 * A phrase as a person should read it: without links (their own reasons
 * quote them), without dangling punctuation and filler words at its edges;
 * undefined when nothing meaningful is left.
 */
export function readablePhrase(text: string): string | undefined {
  if (/https?:|www\.|:\/\//i.test(text)) return undefined; // literal alternatives: linear
  const words = text.split(/\s+/).filter((w) => w !== '');
  const bare = (w: string) =>
    trimWhile(
      w,
      (c) => !WORDLIKE.test(c),
      (c) => !WORDLIKE.test(c),
    ).toLowerCase();
  while (words.length > 0 && EDGE_WORDS.has(bare(words[0] as string))) words.shift();
  while (words.length > 0 && EDGE_WORDS.has(bare(words.at(-1) as string))) words.pop();
  const joined = trimWhile(
    words.join(' '),
    (c) => !WORDLIKE.test(c) && !'$£€'.includes(c),
    (c) => !WORDLIKE.test(c) && c !== '!' && c !== '?',
  );
  const letters = [...joined].filter((c) => /\p{L}/u.test(c)).length;
  if (letters < 4) return undefined;
  return joined.length > 60 ? `${joined.slice(0, 57)}…` : joined;
}

function quoted(phrases: readonly string[]): string {
  return phrases
    .slice(0, 3)
    .map((p) => `"${p}"`)
    .join(', ');
}

/** Whether a model's reason quotes phrases (its words, keyed `model.<which>_<side>_wording`, are in the catalogs). */
const QUOTES: Record<'text' | 'email' | 'url', { scam: boolean; genuine: boolean }> = {
  text: { scam: true, genuine: false },
  email: { scam: true, genuine: false },
  url: { scam: true, genuine: true },
};

/**
 * One reason for the model's push, `model.scam_wording` or
 * `model.genuine_wording`, weighted by its contribution (`contribution` is the
 * model's log-odds after the combiner's scaling).
 */
export function modelReason(
  which: 'text' | 'email' | 'url',
  explain: () => ModelExplanation,
  contribution: number,
  locate: PhraseLocator,
): Reason | undefined {
  if (Math.abs(contribution) < MIN_MODEL_WEIGHT) return undefined;
  const scam = contribution > 0;
  const code = scam ? `model.${which}_scam_wording` : `model.${which}_genuine_wording`;
  if (!(scam ? QUOTES[which].scam : QUOTES[which].genuine)) {
    // Nothing to quote, so nothing to explain (explaining costs more than scoring).
    return {
      code,
      message: english(code),
      source: 'text_model',
      weight: contribution,
    };
  }
  const explanation = explain();
  const raw = scam ? explanation.positive : explanation.negative;
  // URL phrases are pieces of the address itself; message phrases are cleaned for reading.
  const phrases =
    which === 'url'
      ? raw.map((p) => ({ p, text: p.text }))
      : raw.flatMap((p) => {
          const text = readablePhrase(p.text);
          return text === undefined ? [] : [{ p, text }];
        });
  if (phrases.length === 0) return undefined;
  const source: SignalSource = which === 'url' ? 'url' : 'text_model';
  const evidence = phrases.map(({ p }) => locate(p)).find((e) => e !== undefined);
  const said = { phrases: quoted(phrases.map((x) => x.text)) };
  return {
    code,
    message: english(code, said),
    params: said,
    source,
    weight: contribution,
    ...(evidence === undefined ? {} : { evidence }),
  };
}

/** Evidence for a span of a field's own text (clipped to the 200-character excerpt). */
export function spanEvidence(
  field: Evidence['field'],
  text: string,
  start: number,
  end: number,
): Evidence {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length, s + 200));
  return { field, start: s, end: e, excerpt: text.slice(s, e) };
}
