import type { ApiError } from '../api.js';
import { ErrorMessage } from '../components/error-message.js';
import { Page } from '../components/page.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale.js';

interface UnreachablePageProps {
  readonly error: ApiError;
  readonly onRetry: () => void;
}

/** A module's address when we could not learn which modules the server has. */
export function UnreachablePage({ error, onRetry }: UnreachablePageProps) {
  const locale = useLocale();
  return (
    <Page title={commonMessages.t(locale, 'unreachable.title')}>
      <ErrorMessage
        heading={commonMessages.t(locale, 'unreachable.heading')}
        error={error}
        onRetry={onRetry}
      />
    </Page>
  );
}
