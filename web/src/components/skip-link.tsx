import { useLocale } from '../i18n/locale.js';
import { shellMessages } from '../i18n/shell-messages.js';

/** The id of the page's <main>, the skip link's target. */
export const MAIN_ID = 'main';

/**
 * The first thing a keyboard user reaches: jumps past the header and
 * navigation. Focus is moved by hand rather than by following `#main`, so the
 * address bar (and the back button) stay clean for people who don't know what
 * a fragment is.
 */
export function SkipLink() {
  const locale = useLocale();
  const onClick = (event: MouseEvent) => {
    const main = document.getElementById(MAIN_ID);
    if (main === null) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a class="skip-link" href={`#${MAIN_ID}`} onClick={onClick}>
      {shellMessages.t(locale, 'skip')}
    </a>
  );
}
