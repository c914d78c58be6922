/**
 * The recovery checklist for a situation: every step that applies to anything that happened,
 * each once (steps are keyed by id, so "password" and "one-time code" share "sign out
 * everywhere"), most urgent first, in the person's language and tailored to their country.
 */
import type { Locale } from '../../../platform/engine-kit/i18n/messages.js';
import { type RecoveryMessageKey, recoveryMessages } from './recovery-messages.js';
import { RECOVERY_STEPS } from './recovery-steps.js';
import {
  PRIORITIES,
  type RecoverySituation,
  type RecoveryStep,
  type StepDefinition,
  type WhatHappened,
} from './recovery-types.js';

export interface Checklist {
  /** What the checklist was built for, deduplicated; `only_opened` is dropped when anything else happened. */
  readonly what: readonly WhatHappened[];
  readonly steps: readonly RecoveryStep[];
}

/**
 * @example
 * const list = buildChecklist({ what: ['password', 'card'], country: 'GB' }, 'es');
 * list.steps[0]; // { id: 'call_bank', priority: 'now', text: 'Llame a su banco ahora…', … }
 */
export function buildChecklist(
  situation: RecoverySituation,
  locale: Locale,
  steps: readonly StepDefinition[] = RECOVERY_STEPS,
): Checklist {
  const what = effectiveWhat(situation.what);
  const chosen = steps.filter((step) => applies(step, what, situation.category));
  const ordered = PRIORITIES.flatMap((priority) => chosen.filter((s) => s.priority === priority));
  return {
    what,
    steps: ordered.map((step) => render(step, situation.country?.toUpperCase(), locale)),
  };
}

/** "Only opened it" is the reassuring case; it must not water down a checklist for a real loss. */
function effectiveWhat(what: readonly WhatHappened[]): WhatHappened[] {
  const unique = [...new Set(what)];
  return unique.length > 1 ? unique.filter((w) => w !== 'only_opened') : unique;
}

function applies(
  step: StepDefinition,
  what: readonly WhatHappened[],
  category: RecoverySituation['category'],
): boolean {
  if (!step.what.some((w) => what.includes(w))) return false;
  return (
    step.categories === undefined || (category !== undefined && step.categories.includes(category))
  );
}

function render(step: StepDefinition, country: string | undefined, locale: Locale): RecoveryStep {
  const variant =
    step.byCountry === undefined
      ? undefined
      : ((country === undefined ? undefined : step.byCountry[country]) ?? step.byCountry.default);
  const base = variant === undefined ? `step.${step.id}` : `step.${step.id}.${variant.variant}`;
  const link = variant?.link ?? step.link;
  const phone = variant?.phone ?? step.phone;
  return {
    id: step.id,
    priority: step.priority,
    text: recoveryMessages.t(locale, `${base}.text` as RecoveryMessageKey),
    why: recoveryMessages.t(locale, `${base}.why` as RecoveryMessageKey),
    ...(link === undefined ? {} : { link }),
    ...(phone === undefined ? {} : { phone }),
  };
}
