import type { Category, Verdict } from '../../../../src/protect/engine/types.js';
import { AppLink } from '../../components/app-link.js';
import { useLocale } from '../../i18n/locale.js';
import { afterMessages } from './after-messages.js';
import { TellContactButton } from './tell-contact-button.js';
import './after.css';

export interface AfterVerdictHelpProps {
  readonly verdict: Verdict;
  readonly category: Category;
}

/** `/protect/clicked?category=delivery`: the pages read the category to tailor their advice. */
export const clickedPath = (category?: Category) =>
  `/protect/clicked${category === undefined ? '' : `?category=${category}`}`;
export const reportPath = (category?: Category) =>
  `/protect/report${category === undefined ? '' : `?category=${category}`}`;

/**
 * Under a verdict: "Already clicked, paid or shared something?" with links to the recovery
 * checklist and to where to report it, and — for a `scam` verdict, to a signed-in person who
 * chose it — "Tell my trusted contact". Placed in the checker's result view.
 */
export function AfterVerdictHelp({ verdict, category }: AfterVerdictHelpProps) {
  const locale = useLocale();
  const t = afterMessages.t;
  return (
    <section class="after-help" aria-labelledby="after-help-heading">
      <h2 id="after-help-heading" class="after-help__title">
        {verdict === 'no_signs' ? t(locale, 'help.heading_calm') : t(locale, 'help.heading')}
      </h2>
      <p>{t(locale, 'help.lead')}</p>
      <p class="after-help__links">
        <AppLink href={clickedPath(category)} class="button">
          {t(locale, 'help.clicked')}
        </AppLink>
        <AppLink href={reportPath(category)} class="button button--secondary">
          {t(locale, 'help.report')}
        </AppLink>
      </p>
      {verdict === 'scam' ? (
        <TellContactButton alert={{ kind: 'scam_high_risk', category }} />
      ) : null}
    </section>
  );
}
