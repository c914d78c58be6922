import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { shellMessages } from '../i18n/shell-messages.js';

/** Kind and specific: nothing is broken on the person's side, and here is the way back. */
export function NotFoundPage() {
  const locale = useLocale();
  return (
    <Page
      title={shellMessages.t(locale, 'not_found.title')}
      lead={shellMessages.t(locale, 'not_found.lead')}
    >
      <p>
        <AppLink href="/" class="button">
          {shellMessages.t(locale, 'not_found.home')}
        </AppLink>
      </p>
    </Page>
  );
}
