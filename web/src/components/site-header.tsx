import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { chooseLocale, useLocale } from '../i18n/locale.js';
import { shellMessages } from '../i18n/shell-messages.js';
import { AppLink } from './app-link.js';
import { LanguagePicker } from './language-picker.js';
import { ShieldLogo } from './shield-logo.js';

/**
 * Product name, what it is in one line, the language picker and (as children)
 * the main navigation. The header is on every page, so it also keeps
 * <html lang> equal to the language shown (screen readers pronounce by it).
 */
export function SiteHeader({ children }: { readonly children: ComponentChildren }) {
  const locale = useLocale();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <header class="site-header">
      <div class="site-header__inner">
        <div class="site-header__top">
          <AppLink href="/" class="brand">
            <ShieldLogo />
            <span class="brand__name">Shieldwall</span>
          </AppLink>
          <LanguagePicker locale={locale} onChoose={chooseLocale} />
        </div>
        <p class="site-header__tagline">{shellMessages.t(locale, 'tagline')}</p>
        {children}
      </div>
    </header>
  );
}
