import { english } from '../i18n/checker-messages.js';
import type { Evidence, Reason } from '../types.js';
import { CUES, ONLY_WITH_A_NUMBER } from './cue-table.js';
import { DISGUISED_LETTERS_CODE, disguisedLetters } from './disguised-letters.js';
import { findPhrases, foldText, originalSpan, type PhraseHit } from './fold-text.js';
import { PREMIUM_CHARGE_CODE, premiumCharge } from './premium-charge.js';
import { STRANGER_OPENER_CODE, strangerOpener } from './stranger-opener.js';

const MAX_TEXT = 20_000;

/**
 * Contractions that texts often write without the apostrophe ("dont tell mom", "im stuck") and
 * that are no other word without it. Not "we're" (were), "we'll" (well), "i'll" (ill), "she'll"
 * (shell) or "it's" (its).
 */
const BARE_CONTRACTION = /n't\b|\bi'm\b|\bi've\b|\byou're\b|\bthat's\b/g;

/** A phrase and, when it has such a contraction, the same phrase written without apostrophes. */
export function phraseSpellings(phrase: string): string[] {
  const bare = phrase.replace(BARE_CONTRACTION, (m) => m.replace("'", ''));
  return bare === phrase ? [phrase] : [phrase, bare];
}

/** Phrase → every (cue, position in the cue's list) it belongs to, in each spelling. */
const CUES_OF_PHRASE = new Map<string, { cue: number; rank: number }[]>();
CUES.forEach((cue, c) => {
  cue.phrases.forEach((written, rank) => {
    for (const phrase of phraseSpellings(written)) {
      const list = CUES_OF_PHRASE.get(phrase) ?? [];
      if (!list.some((x) => x.cue === c)) list.push({ cue: c, rank });
      CUES_OF_PHRASE.set(phrase, list);
    }
  });
});
const ALL_PHRASES: readonly string[] = [...CUES_OF_PHRASE.keys()];
/** The phrases that count only when the text gives a number, in each spelling. */
const NEEDS_A_NUMBER: ReadonlySet<string> = new Set(
  [...ONLY_WITH_A_NUMBER].flatMap(phraseSpellings),
);

/**
 * Find pressure, payment and request cues in a text. One reason per cue kind,
 * pointing at its first occurrence, so the reasons stay short and readable.
 */
export function cueSignals(text: string, field: Evidence['field']): Reason[] {
  const folded = foldText(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text);
  // One pass over the text for every cue's phrases, then each cue's earliest hit.
  // Each cue's earliest hit; at the same place, the phrase listed first in the cue.
  const best: ({ hit: PhraseHit; rank: number } | undefined)[] = new Array(CUES.length);
  let number: boolean | undefined; // read only when a phrase needs it
  for (const hit of findPhrases(folded.text, ALL_PHRASES)) {
    if (NEEDS_A_NUMBER.has(hit.phrase)) {
      if (number === undefined) number = givesANumber(folded.text);
      if (!number) continue;
    }
    for (const { cue, rank } of CUES_OF_PHRASE.get(hit.phrase) ?? []) {
      const seen = best[cue];
      const earlier =
        seen === undefined ||
        hit.start < seen.hit.start ||
        (hit.start === seen.hit.start && rank < seen.rank);
      if (earlier) best[cue] = { hit, rank };
    }
  }
  const reasons: Reason[] = [];
  for (let c = 0; c < CUES.length; c++) {
    const cue = CUES[c];
    const hit = best[c]?.hit;
    if (cue === undefined || hit === undefined) continue;
    const { start, end } = originalSpan(folded, hit.start, hit.end);
    const excerpt = text.slice(start, Math.min(end, start + 200));
    reasons.push({
      code: cue.code,
      message: english(cue.code, { match: hit.phrase }),
      params: { match: hit.phrase },
      source: 'cue',
      weight: cue.weight,
      evidence: { field, start, end: start + excerpt.length, excerpt },
    });
  }
  // The phrase cue of the same code may have fired already ("you seem nice"): one reason per kind.
  if (!reasons.some((r) => r.code === STRANGER_OPENER_CODE)) {
    // It reads only the first sentence or two of the text, whatever its length.
    const opener = strangerOpener(text, field);
    if (opener !== undefined)
      reasons.push({ ...opener, message: english(opener.code, opener.params) });
  }
  const premium = premiumCharge(text, folded, field);
  if (premium !== undefined) {
    reasons.push({ ...premium, message: english(premium.code, premium.params) });
  }
  const disguised = disguisedLetters(text, field);
  if (disguised !== undefined) {
    reasons.push({ ...disguised, message: english(disguised.code, disguised.params) });
  }
  return reasons;
}

/**
 * Whether the text holds something dialable: seven or more digits written together, with only
 * spaces, hyphens, brackets and a plus between them ("555-0176", "+44 (20) 7946-0027").
 * A comma or a dot ends the run, so amounts ("$1,249.00") and times do not count. Linear.
 */
export function givesANumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      digits += 1;
      if (digits >= 7) return true;
    } else if (c !== 0x20 && c !== 0x2d && c !== 0x28 && c !== 0x29 && c !== 0x2b) {
      digits = 0;
    }
  }
  return false;
}

/** Every cue code, for the combiner's feature list and the docs. */
export const CUE_CODES: readonly string[] = [
  ...CUES.map((c) => c.code),
  PREMIUM_CHARGE_CODE,
  DISGUISED_LETTERS_CODE,
];
