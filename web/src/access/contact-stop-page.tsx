import { useState } from 'preact/hooks';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { tokenInHash } from './access-paths.js';
import { stopContactAlerts } from './account-api.js';
import { FormAlert, useAction } from './form-parts.js';

/**
 * `/access/trusted-contact/stop#token=…`, the link in the mail a trusted
 * contact gets: they stop the alerts themselves, with no account of their own.
 */
export function ContactStopPage() {
  const { t } = useAccountWords();
  const token = tokenInHash();
  const action = useAction();
  const [stopped, setStopped] = useState(false);
  return (
    <Page title={t('stop.title')} lead={t('stop.lead')}>
      {token === '' ? (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{t('common.incomplete')}</p>
          <p>{t('stop.open_again')}</p>
        </div>
      ) : stopped ? (
        <div class="notice" role="status">
          <p class="notice__title">{t('stop.done')}</p>
          <p>{t('stop.told')}</p>
        </div>
      ) : (
        <>
          <p>{t('stop.explain')}</p>
          <FormAlert error={action.error} heading={t('stop.failed')} />
          <button
            type="button"
            class="button button--large"
            aria-disabled={action.busy}
            onClick={() =>
              void action.run(async () => {
                await stopContactAlerts(token);
                setStopped(true);
              })
            }
          >
            {action.busy ? t('common.stopping') : t('stop.button')}
          </button>
        </>
      )}
    </Page>
  );
}
