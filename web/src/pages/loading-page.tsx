import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale.js';

/** Shown for a module's address while we learn which modules the server has. */
export function LoadingPage() {
  const locale = useLocale();
  return (
    <Page title={commonMessages.t(locale, 'loading.title')}>
      <LoadingMessage>{commonMessages.t(locale, 'loading.text')}</LoadingMessage>
    </Page>
  );
}
