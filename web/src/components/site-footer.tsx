import { useLocale } from '../i18n/locale.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { ABOUT_PATH } from '../module-paths.js';
import { AppLink } from './app-link.js';

/** Whose software this is, in plain words. No claims the operator's setup might not keep. */
export function SiteFooter() {
  const locale = useLocale();
  return (
    <footer class="site-footer">
      <div class="site-footer__inner">
        <p>{shellMessages.t(locale, 'footer.text')}</p>
        <p>
          <AppLink href={ABOUT_PATH} class="site-footer__link">
            {shellMessages.t(locale, 'nav.about')}
          </AppLink>
        </p>
      </div>
    </footer>
  );
}
