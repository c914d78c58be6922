/**
 * The practice set: every sample in one list, looked up by id, turned into the checker's input
 * exactly as it would arrive (so practice and checker read the same message), and its red flags
 * as character spans.
 */
import type { CheckInput } from '../types.js';
import type { FieldName, FlagSpan, Phrase, PhraseRef, PracticeSample } from './practice-types.js';
import { GENUINE_SAMPLES } from './samples-genuine.js';
import { SCAM_SAMPLES } from './samples-scams.js';

/** All samples: scams first, then the genuine look-alikes. */
export const PRACTICE_SAMPLES: readonly PracticeSample[] = [...SCAM_SAMPLES, ...GENUINE_SAMPLES];

/**
 * The order messages are offered in: mixed by a fixed hash of their ids, so the list does not give
 * the answers away (scams first, genuine last) yet is the same on every device and every visit.
 */
export const PRACTICE_ORDER: readonly PracticeSample[] = [...PRACTICE_SAMPLES].sort(
  (a, b) => fnv1a(a.id) - fnv1a(b.id),
);

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

const byId = new Map(PRACTICE_SAMPLES.map((s) => [s.id, s]));

/** The sample with this id, or undefined (ids from people or files are not trusted). */
export function practiceSample(id: string): PracticeSample | undefined {
  return byId.get(id);
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
