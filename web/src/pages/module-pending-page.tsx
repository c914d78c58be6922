import { AppLink } from '../components/app-link.js';
import { Page } from '../components/page.js';
import { commonMessages } from '../i18n/common-messages.js';
import { useLocale } from '../i18n/locale.js';
import { moduleTitle } from '../i18n/shell-messages.js';
import type { ModuleInfo } from '../modules-api.js';

/**
 * An installed module this version of the web app has no page for (the server
 * was upgraded before the web app, say). Says so instead of "not found". The
 * summary is the server's own words, in English (marked so, for screen
 * readers); the title is translated when the shell knows the module.
 */
export function ModulePendingPage({ module }: { readonly module: ModuleInfo }) {
  const locale = useLocale();
  return (
    <Page
      title={moduleTitle(locale, module)}
      lead={locale === 'en' ? module.summary : <span lang="en">{module.summary}</span>}
    >
      <div class="notice">
        <p>{commonMessages.t(locale, 'pending.text')}</p>
      </div>
      <p>
        <AppLink href="/" class="button button--secondary">
          {commonMessages.t(locale, 'pending.home')}
        </AppLink>
      </p>
    </Page>
  );
}
