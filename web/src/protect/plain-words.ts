import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { type CheckerPageKey, checkerPageMessages } from '../i18n/checker-page-messages.js';
import type { EngineVerdict } from './engine-types.js';

/**
 * The words the page uses for the engine's codes, in the reader's language
 * (the catalog is web/src/i18n/checker-page-messages.ts). Never "safe": a
 * checker can only say it found no warning signs in what it looked at.
 */
export interface VerdictWords {
  /** The verdict in large words. */
  readonly title: string;
  /** One plain sentence under it. */
  readonly summary: string;
}

export function verdictWords(
  locale: Locale,
  verdict: EngineVerdict,
  unclear = false,
): VerdictWords {
  return {
    title: checkerPageMessages.t(locale, `verdict.${verdict}.title`),
    // "Suspicious" with nothing clear either way (the engine's `model.unclear` reason) says so
    // rather than "some things are worrying".
    summary: checkerPageMessages.t(
      locale,
      unclear && verdict === 'suspicious'
        ? 'verdict.unclear.summary'
        : `verdict.${verdict}.summary`,
    ),
  };
}

const has = (key: string): key is CheckerPageKey =>
  (checkerPageMessages.keys as readonly string[]).includes(key);

/** The kind of scam in plain words, or null when there is nothing useful to say. */
export function categoryInWords(locale: Locale, category: string): string | null {
  const key = `category.${category}`;
  return has(key) ? checkerPageMessages.t(locale, key) : null;
}

/** Where a piece of evidence was found, e.g. "In the subject line". */
export function whereInWords(locale: Locale, field: string): string {
  const key = `where.${field}`;
  return checkerPageMessages.t(locale, has(key) ? key : 'where.text');
}

/**
 * The score as a plain number out of 100. Never 0 or 100: the checker is not
 * certain either way, and the page should not sound as if it were.
 */
export function scoreOutOf100(score: number): number {
  return Math.min(99, Math.max(1, Math.round(score * 100)));
}
