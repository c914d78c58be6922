/**
 * A check result said again in another language: every reason, next step,
 * "what we checked" line and note re-rendered from its key and params. Used by
 * the checker itself (results are built in English, then said in the asked-for
 * language), by the web page when a person switches language after a check,
 * and by the server when a shared result is opened.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import type { CheckResult, MessageRef, NextStep, Reason } from '../types.js';
import { reasonKey, renderMessage, stepKey } from './checker-messages.js';

/** A reason's message in `locale`; its current message when its code or params are not known here. */
export function localizeReason<R extends Pick<Reason, 'code' | 'message' | 'params'>>(
  locale: Locale,
  reason: R,
): R {
  const ref: MessageRef =
    reason.params === undefined
      ? { key: reasonKey(reason.code) }
      : { key: reasonKey(reason.code), params: reason.params };
  const message = renderMessage(locale, ref);
  return message === undefined || message === reason.message ? reason : { ...reason, message };
}

/** A next step's message in `locale`; unchanged when its code is not known here. */
export function localizeStep<S extends Pick<NextStep, 'code' | 'message'>>(
  locale: Locale,
  step: S,
): S {
  const message = renderMessage(locale, { key: stepKey(step.code) });
  return message === undefined || message === step.message ? step : { ...step, message };
}

/** Each ref's sentence in `locale`, or the matching fallback line when a ref is not known here. */
export function localizeLines(
  locale: Locale,
  refs: readonly MessageRef[],
  fallback: readonly string[],
): string[] {
  return refs.map((ref, i) => renderMessage(locale, ref) ?? fallback[i] ?? '');
}

/** The whole result in `locale` (evidence, scores and codes unchanged). */
export function localizeResult(result: CheckResult, locale: Locale): CheckResult {
  return {
    ...result,
    locale,
    reasons: result.reasons.map((r) => localizeReason(locale, r)),
    nextSteps: result.nextSteps.map((s) => localizeStep(locale, s)),
    checked: localizeLines(locale, result.checkedRefs, result.checked),
    notes: localizeLines(locale, result.noteRefs, result.notes),
  };
}
