/**
 * The practice sets: one per language, each written for its readers (the Spanish set is not a
 * translation of the English one: it has the scams people in Spain receive). Every sample is
 * looked up by id across all sets, turned into the checker's input exactly as it would arrive (so
 * practice and checker read the same message), and its red flags given as character spans.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import type { CheckInput } from '../types.js';
import type { FieldName, FlagSpan, Phrase, PhraseRef, PracticeSample } from './practice-types.js';
import { GENUINE_SAMPLES } from './samples-genuine.js';
import { GENUINE_SAMPLES_ES } from './samples-genuine-es.js';
import { SCAM_SAMPLES } from './samples-scams.js';
import { SCAM_SAMPLES_ES } from './samples-scams-es.js';

/** The English set: scams first, then the genuine look-alikes. */
export const PRACTICE_SAMPLES: readonly PracticeSample[] = [...SCAM_SAMPLES, ...GENUINE_SAMPLES];

/** The Spanish set, built the same way. */
export const PRACTICE_SAMPLES_ES: readonly PracticeSample[] = [
  ...SCAM_SAMPLES_ES,
  ...GENUINE_SAMPLES_ES,
];

/**
 * The order messages are offered in: mixed by a fixed hash of their ids, so the list does not give
 * the answers away (scams first, genuine last) yet is the same on every device and every visit.
 */
const offered = (samples: readonly PracticeSample[]): readonly PracticeSample[] =>
  [...samples].sort((a, b) => fnv1a(a.id) - fnv1a(b.id));

export const PRACTICE_ORDER: readonly PracticeSample[] = offered(PRACTICE_SAMPLES);
export const PRACTICE_ORDER_ES: readonly PracticeSample[] = offered(PRACTICE_SAMPLES_ES);

/** One language's practice messages: all of them, and the order they are offered in. */
export interface PracticeSet {
  readonly locale: Locale;
  readonly samples: readonly PracticeSample[];
  readonly order: readonly PracticeSample[];
}

const SETS: Readonly<Record<Locale, PracticeSet>> = {
  en: { locale: 'en', samples: PRACTICE_SAMPLES, order: PRACTICE_ORDER },
  es: { locale: 'es', samples: PRACTICE_SAMPLES_ES, order: PRACTICE_ORDER_ES },
};

/** The practice messages written for readers of `locale`. */
export function practiceSet(locale: Locale): PracticeSet {
  return SETS[locale];
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const byId = new Map(
  Object.values(SETS).flatMap((set) => set.samples.map((s) => [s.id, s] as const)),
);
const localeById = new Map(
  Object.values(SETS).flatMap((set) => set.samples.map((s) => [s.id, set.locale] as const)),
);

/**
 * The sample with this id in any language's set, or undefined (ids from people or files are not
 * trusted). Exercises name samples by id, so an exercise may send the messages of either set.
 */
export function practiceSample(id: string): PracticeSample | undefined {
  return byId.get(id);
}

/** The language a sample is written in (English for an id no set has). */
export function sampleLocale(id: string): Locale {
  return localeById.get(id) ?? 'en';
}

/** The text of a field, as the person sees it. */
export function fieldText(phrases: readonly Phrase[] | undefined): string {
  return (phrases ?? []).map((phrase) => phrase.text).join('');
}

/** The fields of a sample in reading order, each with its phrases. */
export function sampleFields(
  sample: PracticeSample,
): readonly { field: FieldName; phrases: readonly Phrase[] }[] {
  const fields: { field: FieldName; phrases: readonly Phrase[] }[] = [
    { field: 'from', phrases: sample.from },
  ];
  if (sample.subject !== undefined) fields.push({ field: 'subject', phrases: sample.subject });
  fields.push({ field: 'body', phrases: sample.body });
  return fields;
}

/** Every red-flag phrase of a sample. */
export function redFlags(sample: PracticeSample): readonly (PhraseRef & { phrase: Phrase })[] {
  return sampleFields(sample).flatMap(({ field, phrases }) =>
    phrases.flatMap((phrase, index) =>
      phrase.flag === undefined ? [] : [{ field, index, phrase }],
    ),
  );
}

/** Red flags as character spans (UTF-16 offsets into the field's text). */
export function flagSpans(sample: PracticeSample): readonly FlagSpan[] {
  const spans: FlagSpan[] = [];
  for (const { field, phrases } of sampleFields(sample)) {
    let at = 0;
    for (const phrase of phrases) {
      if (phrase.flag !== undefined)
        spans.push({
          field,
          start: at,
          end: at + phrase.text.length,
          lesson: phrase.flag,
          codes: phrase.codes ?? [],
        });
      at += phrase.text.length;
    }
  }
  return spans;
}

/**
 * What the checker reads for this sample: the text, the link, or for an email a whole RFC 5322
 * message with the headers a mail system would have added. Pure and deterministic (fixed date).
 */
export function checkerInput(sample: PracticeSample): CheckInput {
  if (sample.kind !== 'email') return { kind: sample.kind, content: fieldText(sample.body) };
  const lines = [
    ...(sample.hiddenHeaders ?? []),
    `From: ${fieldText(sample.from)}`,
    'To: you@mail.example',
    `Subject: ${fieldText(sample.subject)}`,
    'Date: Mon, 01 Dec 2025 09:30:00 +0000',
    `Message-ID: <${sample.id}@practice.shieldwall.example>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    fieldText(sample.body),
  ];
  return { kind: 'email', content: lines.join('\r\n') };
}
