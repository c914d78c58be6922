import { auditMessages } from '../i18n/audit-messages.js';
import { useLocale } from '../i18n/locale.js';
import { withNodes } from '../i18n/rich-text.js';

/** What a tamper-evident log is and why keeping a checkpoint matters, without jargon. */
export function TamperEvidentExplainer() {
  const locale = useLocale();
  const t = auditMessages.t;
  return (
    <section aria-labelledby="explainer-heading">
      <h2 id="explainer-heading">{t(locale, 'explainer.heading')}</h2>
      <p>
        {withNodes(t(locale, 'explainer.sealed'), {
          checkpoint: <strong>{t(locale, 'explainer.checkpoint')}</strong>,
        })}
      </p>
      <p>{t(locale, 'explainer.evident')}</p>
      <p>{t(locale, 'explainer.keep')}</p>
    </section>
  );
}
