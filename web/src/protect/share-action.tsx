import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { CopyButton } from '../components/copy-button.js';
import { type CheckerPageKey, checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
import type { ShownResult } from './check-result.js';
import { type CreatedShare, shareResult } from './protect-api.js';

type ShareState =
  | { readonly state: 'idle' }
  | { readonly state: 'sending' }
  | { readonly state: 'shared'; readonly share: CreatedShare }
  | { readonly state: 'failed'; readonly error: string };

/**
 * "Share with someone you trust": makes a link to the result (never the
 * message) that a family member or friend can open, with a copy button.
 */
export function ShareAction({ result }: { readonly result: ShownResult }) {
  const locale = useLocale();
  const t = (key: CheckerPageKey, params?: Readonly<Record<string, string>>) =>
    checkerPageMessages.t(locale, key, params);
  const [state, setState] = useState<ShareState>({ state: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);

  const onClick = () => {
    if (state.state === 'sending') return;
    setState({ state: 'sending' });
    void shareResult(result).then(
      (share) => {
        setState({ state: 'shared', share });
        // Let the link render, then take the person (and their screen reader) to it.
        requestAnimationFrame(() => link.current?.focus());
      },
      (err: unknown) =>
        setState({
          state: 'failed',
          error: err instanceof ApiError ? err.message : t('page.broken'),
        }),
    );
  };

  if (state.state === 'shared') {
    const url = new URL(state.share.path, window.location.origin).href;
    return (
      <div class="share">
        <h3 class="share__title">{t('share.title')}</h3>
        <p>{t('share.intro')}</p>
        <p class="share__link">
          <a ref={link} href={url} target="_blank" rel="noopener noreferrer">
            {url}
            <span class="visually-hidden">{t('share.new_tab')}</span>
          </a>
        </p>
        <CopyButton text={url} label={t('share.copy')} confirmation={t('share.copied')} />
        <p class="hint">
          {t('share.only_result')}
          {state.share.expiresAt === null
            ? null
            : ` ${t('share.until', {
                date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
                  state.share.expiresAt,
                ),
              })}`}
        </p>
      </div>
    );
  }
  return (
    <div class="action">
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={state.state === 'sending'}
        onClick={onClick}
      >
        {state.state === 'sending' ? t('share.making') : t('share.button')}
      </button>
      {state.state === 'failed' ? (
        <div class="notice notice--error action__error" role="alert">
          <p class="notice__title">{t('share.failed')}</p>
          <p>{state.error}</p>
        </div>
      ) : null}
    </div>
  );
}
