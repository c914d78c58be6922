import { useEffect, useState } from 'preact/hooks';
import {
  isLocale,
  type Locale,
  negotiateLocale,
} from '../../../src/platform/engine-kit/i18n/messages.js';
import { saveAccountLanguage } from '../api.js';

/**
 * The language the person reads Shieldwall in: their own choice (kept on this device), else the
 * browser's preferred languages, else English. Every page that shows words from a message catalog
 * calls {@link useLocale} and re-renders when the person switches language.
 */

const STORAGE_KEY = 'shieldwall.locale';
const CHANGE = 'shieldwall:locale';

export function currentLocale(): Locale {
  try {
    const chosen = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(chosen)) return chosen;
  } catch {
    // Storage can be blocked (private mode, policies); the browser's languages still apply.
  }
  return negotiateLocale(window.navigator.languages);
}

/** Switches the whole UI to `locale`, remembers it on this device, and sets <html lang>. */
export function chooseLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not remembered, but the switch still happens for this visit.
  }
  document.documentElement.lang = locale;
  window.dispatchEvent(new Event(CHANGE));
  // A signed-in account gets its emails in this language too.
  void saveAccountLanguage(locale);
}

/** The current locale, re-rendering when it changes. */
export function useLocale(): Locale {
  const [locale, setLocale] = useState(currentLocale);
  useEffect(() => {
    const update = () => setLocale(currentLocale());
    window.addEventListener(CHANGE, update);
    // A switch made between this component's first render and now sent its event before anyone
    // listened: read the choice again. (A form that appeared while the person picked Español
    // stayed in English: "Ask to be verified" under a Spanish page, in a CI run of 2026-12-08.)
    update();
    return () => window.removeEventListener(CHANGE, update);
  }, []);
  return locale;
}
