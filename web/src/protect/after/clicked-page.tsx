import { useMemo, useRef, useState } from 'preact/hooks';
import {
  buildChecklist,
  recoveryMessages,
  WHAT_HAPPENED,
  type WhatHappened,
} from '../../../../src/protect/engine/recovery/index.js';
import { knownCountries } from '../../../../src/protect/engine/reporting/index.js';
import { CATEGORIES, type Category } from '../../../../src/protect/engine/types.js';
import { AppLink } from '../../components/app-link.js';
import { Page } from '../../components/page.js';
import { useLocale } from '../../i18n/locale.js';
import { afterMessages } from './after-messages.js';
import { reportPath } from './after-verdict-help.js';
import { ChecklistView } from './checklist-view.js';
import { browserCountry, countryOptions, queryParam } from './countries.js';
import { TellContactButton } from './tell-contact-button.js';
import './after.css';

const COUNTRIES = knownCountries();

function categoryFromUrl(): Category | undefined {
  const value = queryParam('category');
  return (CATEGORIES as readonly string[]).includes(value ?? '') ? (value as Category) : undefined;
}

/**
 * /protect/clicked — "I already clicked, paid or gave my code". Tick what happened, then a
 * checklist, most urgent first. Built on the device from the engine's data, so it works even
 * when the server cannot be reached.
 */
export function ClickedPage() {
  const locale = useLocale();
  const t = afterMessages.t;
  const category = useMemo(categoryFromUrl, []);
  const [chosen, setChosen] = useState<readonly WhatHappened[]>([]);
  const [country, setCountry] = useState(() => {
    const guess = browserCountry();
    return guess !== undefined && COUNTRIES.includes(guess) ? guess : '';
  });
  const [shown, setShown] = useState(false);
  const [missing, setMissing] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const firstChoice = useRef<HTMLInputElement>(null);

  const toggle = (what: WhatHappened, on: boolean) =>
    setChosen(WHAT_HAPPENED.filter((w) => (w === what ? on : chosen.includes(w))));

  const submit = (event: Event) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setMissing(true);
      firstChoice.current?.focus();
      return;
    }
    setMissing(false);
    setShown(true);
    requestAnimationFrame(() => listHeading.current?.focus());
  };

  const checklist = shown
    ? buildChecklist(
        {
          what: chosen,
          ...(category === undefined ? {} : { category }),
          ...(country === '' ? {} : { country }),
        },
        locale,
      )
    : undefined;

  return (
    <Page title={t(locale, 'clicked.title')} lead={t(locale, 'clicked.lead')}>
      <form class="after-form no-print" onSubmit={submit} noValidate>
        <fieldset
          class="place-choice what-choice"
          aria-describedby={missing ? 'what-missing' : undefined}
        >
          <legend class="field-label field-label--large">{t(locale, 'clicked.what_legend')}</legend>
          {WHAT_HAPPENED.map((what, index) => (
            <div key={what} class="place-choice__option">
              <input
                type="checkbox"
                id={`what-${what}`}
                ref={index === 0 ? firstChoice : undefined}
                checked={chosen.includes(what)}
                onChange={(e) => toggle(what, (e.currentTarget as HTMLInputElement).checked)}
              />
              <label class="place-choice__label" for={`what-${what}`}>
                {recoveryMessages.t(locale, `what.${what}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {missing ? (
          <p id="what-missing" class="notice notice--error" role="alert">
            {t(locale, 'clicked.need_choice')}
          </p>
        ) : null}
        <label class="field-label" for="after-country">
          {t(locale, 'clicked.country_label')}
        </label>
        <select
          id="after-country"
          class="field field--select"
          value={country}
          onChange={(e) => setCountry((e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="">{t(locale, 'clicked.country_none')}</option>
          {countryOptions(COUNTRIES, locale).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <p>
          <button type="submit" class="button button--large">
            {t(locale, 'clicked.show')}
          </button>
        </p>
      </form>

      {checklist === undefined ? null : (
        <section class="after-list" aria-labelledby="after-list-heading">
          <h2 id="after-list-heading" tabIndex={-1} ref={listHeading}>
            {t(locale, 'clicked.list_heading')}
          </h2>
          <p>{t(locale, 'clicked.list_lead')}</p>
          <ChecklistView steps={checklist.steps} locale={locale} />
          <div class="after-list__tools no-print">
            <button type="button" class="button button--secondary" onClick={() => window.print()}>
              {t(locale, 'clicked.print')}
            </button>
            <button
              type="button"
              class="button button--secondary"
              onClick={() => {
                setShown(false);
                requestAnimationFrame(() => firstChoice.current?.focus());
              }}
            >
              {t(locale, 'clicked.change')}
            </button>
            <AppLink href={reportPath(category)} class="button button--secondary">
              {t(locale, 'help.report')}
            </AppLink>
          </div>
          <TellContactButton
            alert={{
              kind: 'scam_recovery',
              what: checklist.what,
              ...(category === undefined ? {} : { category }),
            }}
          />
        </section>
      )}
    </Page>
  );
}
