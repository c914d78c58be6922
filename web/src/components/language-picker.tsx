import {
  isLocale,
  LOCALE_NAMES,
  LOCALES,
  type Locale,
} from '../../../src/platform/engine-kit/i18n/messages.js';
import { shellMessages } from '../i18n/shell-messages.js';
import './language-picker.css';

/**
 * The language switcher: a real <select> (keyboard, screen readers and phones
 * all know it), labelled in both languages so a person who reads neither the
 * current one can still find it; each language is named in itself ("Español").
 * Choosing one switches at once: no button to press.
 */
export function LanguagePicker({
  locale,
  onChoose,
}: {
  readonly locale: Locale;
  readonly onChoose: (locale: Locale) => void;
}) {
  return (
    <div class="language-picker">
      <label class="language-picker__label" for="language-picker">
        {shellMessages.t(locale, 'language.label')}
      </label>
      <select
        id="language-picker"
        class="language-picker__select"
        value={locale}
        onChange={(event) => {
          const chosen = event.currentTarget.value;
          if (isLocale(chosen)) onChoose(chosen);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
