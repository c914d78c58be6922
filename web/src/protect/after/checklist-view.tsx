import { useState } from 'preact/hooks';
import type { Locale } from '../../../../src/platform/engine-kit/i18n/messages.js';
import {
  PRIORITIES,
  type RecoveryStep,
  recoveryMessages,
} from '../../../../src/protect/engine/recovery/index.js';
import { AppLink } from '../../components/app-link.js';
import { afterMessages } from './after-messages.js';

const DONE_KEY = 'shieldwall.after.done';

/** Ticks stay on this device only (localStorage); a blocked storage just forgets them. */
function loadDone(): Record<string, boolean> {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(DONE_KEY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

function saveDone(done: Record<string, boolean>): void {
  try {
    window.localStorage.setItem(DONE_KEY, JSON.stringify(done));
  } catch {
    // Not remembered after a reload, but the ticks still work on the page.
  }
}

export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;

/** The checklist: a heading per urgency, each step a large "done" tick with its why and its link. */
export function ChecklistView({
  steps,
  locale,
}: {
  readonly steps: readonly RecoveryStep[];
  readonly locale: Locale;
}) {
  const [done, setDone] = useState(loadDone);
  const t = afterMessages.t;
  const toggle = (id: string, on: boolean) => {
    const next = { ...done, [id]: on };
    if (!on) delete next[id];
    setDone(next);
    saveDone(next);
  };
  const count = steps.filter((s) => done[s.id] === true).length;
  let n = 0;
  return (
    <div class="checklist">
      <p class="checklist__progress" aria-live="polite">
        {t(locale, 'clicked.progress', { done: count, total: steps.length })}
      </p>
      {PRIORITIES.map((priority) => {
        const group = steps.filter((s) => s.priority === priority);
        if (group.length === 0) return null;
        return (
          <section key={priority} class={`checklist__group checklist__group--${priority}`}>
            <h3 class="checklist__priority">
              {recoveryMessages.t(locale, `priority.${priority}`)}
            </h3>
            <ol class="checklist__steps" start={n + 1}>
              {group.map((step) => {
                n += 1;
                const id = `step-${step.id}`;
                const checked = done[step.id] === true;
                return (
                  <li
                    key={step.id}
                    class={`checklist__step${checked ? ' checklist__step--done' : ''}`}
                  >
                    <div class="checklist__tick">
                      <input
                        type="checkbox"
                        id={id}
                        checked={checked}
                        aria-describedby={`${id}-why`}
                        onChange={(e) =>
                          toggle(step.id, (e.currentTarget as HTMLInputElement).checked)
                        }
                      />
                      <label for={id}>
                        <span class="visually-hidden">{t(locale, 'clicked.done')}: </span>
                        {step.text}
                      </label>
                    </div>
                    <p id={`${id}-why`} class="checklist__why">
                      {t(locale, 'clicked.why', { why: step.why })}
                    </p>
                    <StepActions step={step} locale={locale} />
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}

function StepActions({ step, locale }: { readonly step: RecoveryStep; readonly locale: Locale }) {
  const t = afterMessages.t;
  if (step.link === undefined && step.phone === undefined) return null;
  return (
    <p class="checklist__actions">
      {step.phone === undefined ? null : (
        <a class="button button--secondary" href={telHref(step.phone)}>
          {t(locale, 'clicked.call', { phone: step.phone })}
        </a>
      )}
      {step.link === undefined ? null : step.link.startsWith('/') ? (
        <AppLink href={step.link} class="button button--secondary">
          {t(locale, 'clicked.open_report')}
        </AppLink>
      ) : (
        <a
          class="button button--secondary"
          href={step.link}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t(locale, 'clicked.open_link')}
          <span class="visually-hidden"> {t(locale, 'report.new_tab')}</span>
          <span class="checklist__url" aria-hidden="true">
            {new URL(step.link).host}
          </span>
        </a>
      )}
    </p>
  );
}
