import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import { tlpClass, tlpLabel } from './intel-words.js';

/**
 * The TLP marking as a labelled badge: the level is in the text, the colour only repeats it.
 * A level's label is the standard's English word in every language (FIRST keeps TLP:AMBER and
 * the rest untranslated), so it is marked as English for screen readers on other pages.
 */
export function TlpBadge({ tlp }: { readonly tlp: string | null }) {
  const locale = useLocale();
  const label = tlpLabel(locale, tlp);
  return (
    <span class={tlpClass(tlp)}>
      <span class="visually-hidden">{intelMessages.t(locale, 'tlp.marking')}</span>
      {tlp === null || locale === 'en' ? label : <span lang="en">{label}</span>}
    </span>
  );
}
