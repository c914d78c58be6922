/**
 * Saying a shown result again in another language. Its own chunk, loaded when a
 * result is first shown: it carries the checker's catalogs in every language,
 * which the page's first load does not need (a result arrives already in the
 * reader's language; this is for switching language afterwards).
 */
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import {
  localizeLines,
  localizeReason,
  localizeStep,
} from '../../../src/protect/engine/i18n/localize-result.js';
import type { MessageRefShown, ShownResult } from './check-result.js';

/**
 * The result with every sentence in `locale`: reasons, steps, "what we checked"
 * and notes are said again from their codes and params, so switching language
 * after a check needs no new check. A sentence this page cannot say again (an
 * older share without params, a newer server's code) stays as it came.
 */
export function localizeShown(result: ShownResult, locale: Locale): ShownResult {
  const lines = (refs: readonly MessageRefShown[] | undefined, text: readonly string[]) =>
    refs === undefined || refs.length !== text.length ? text : localizeLines(locale, refs, text);
  return {
    ...result,
    reasons: result.reasons.map((reason) => localizeReason(locale, reason)),
    nextSteps: result.nextSteps.map((step) => localizeStep(locale, step)),
    checked: lines(result.checkedRefs, result.checked),
    notes: lines(result.noteRefs, result.notes),
  };
}
