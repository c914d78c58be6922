/**
 * Practice messages: realistic texts, emails and links written for training, each split into the
 * phrases a person can point at. A phrase may be a red flag (a lesson, and the checker's reason
 * codes that apply to it) or a sign of a genuine message. Authoring a message as phrases keeps the
 * annotated character spans right by construction: {@link flagSpans} derives them.
 */
import type { Category, MessageKind } from '../types.js';
import type { LessonKey } from './lessons.js';

/** One phrase of a field. `flag` marks a red flag; `safe` marks a sign the message is genuine. */
export interface Phrase {
  readonly text: string;
  readonly flag?: LessonKey;
  readonly safe?: LessonKey;
  /** The checker's reason codes that point at the same thing (may be empty: the checker has none). */
  readonly codes?: readonly string[];
}

/** A field of the message a person sees. */
export type FieldName = 'from' | 'subject' | 'body';

export interface PracticeSample {
  /** Stable id, kebab-case, used in progress records, exercises and the CLI. */
  readonly id: string;
  readonly kind: Exclude<MessageKind, 'phone'>;
  /** For a scam, its kind of scam; for a genuine message, the kind of scam it looks like. */
  readonly category: Exclude<Category, 'other'>;
  /** The right answer. */
  readonly scam: boolean;
  /** A short title for lists ("Parcel fee text"), in the language of the sample's set. */
  readonly title: string;
  /** Who it appears to come from (a phone number, a name and address). */
  readonly from: readonly Phrase[];
  /** Emails only. */
  readonly subject?: readonly Phrase[];
  readonly body: readonly Phrase[];
  /**
   * Emails only: header lines a real mail system adds that a person does not see (sender checks),
   * so the checker reads the message as it would arrive. Never shown, never annotated.
   */
  readonly hiddenHeaders?: readonly string[];
  /** Why the right answer is right, in one or two plain sentences, in the set's language. */
  readonly summary: string;
}

/** A phrase's place: which field, and its index among that field's phrases. */
export interface PhraseRef {
  readonly field: FieldName;
  readonly index: number;
}

/** A red flag as a character span of a field, for tools and tests. */
export interface FlagSpan {
  readonly field: FieldName;
  readonly start: number;
  readonly end: number;
  readonly lesson: LessonKey;
  readonly codes: readonly string[];
}

/** Helpers that keep the sample tables short. */
export const p = (text: string): Phrase => ({ text });
export const flag = (text: string, lesson: LessonKey, ...codes: string[]): Phrase => ({
  text,
  flag: lesson,
  codes,
});
export const safe = (text: string, lesson: LessonKey, ...codes: string[]): Phrase => ({
  text,
  safe: lesson,
  codes,
});
