import { useCallback } from 'preact/hooks';
import { ApiError } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { type CheckerPageKey, checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
import { fetchSharedResult, SHARE_TOKEN } from '../protect/protect-api.js';
import { ResultView } from '../protect/result-view.js';
import { useResource } from '../use-resource.js';

/** The path of a shared result: `/shared/<token>`. */
export const SHARED_PATH = /^\/shared\/([^/]+)$/;

/**
 * A result someone shared by link, read-only: the same view as after a check,
 * with a plain word on where it came from. The message itself is never here.
 */
export function SharedResultPage({ token }: { readonly token: string }) {
  const locale = useLocale();
  const t = (key: CheckerPageKey) => checkerPageMessages.t(locale, key);
  const valid = SHARE_TOKEN.test(token);
  const load = useCallback(
    (signal: AbortSignal) =>
      valid
        ? fetchSharedResult(token, { signal, locale })
        : Promise.reject(new ApiError('problem', 'not a share link', 404, 'share_not_found')),
    [token, valid, locale],
  );
  const [shared, retry] = useResource(load);
  const gone =
    shared.state === 'failed' && shared.error.kind === 'problem' && shared.error.status === 404;

  if (gone) {
    return (
      <Page title={t('shared.gone_title')} lead={t('shared.gone_lead')}>
        <p>{t('shared.gone_text')}</p>
        <p>
          <AppLink href="/" class="button">
            {t('shared.yourself')}
          </AppLink>
        </p>
      </Page>
    );
  }
  return (
    <Page title={t('shared.title')} lead={t('shared.lead')}>
      {shared.state === 'loading' ? <LoadingMessage>{t('shared.loading')}</LoadingMessage> : null}
      {shared.state === 'failed' ? (
        <ErrorMessage heading={t('shared.failed')} error={shared.error} onRetry={retry} />
      ) : null}
      {shared.state === 'ready' ? (
        <ResultView result={shared.data}>
          <p class="result__shared-note">{t('shared.talk')}</p>
          <p>
            <AppLink href="/" class="button button--secondary">
              {t('shared.yourself')}
            </AppLink>
          </p>
        </ResultView>
      ) : null}
    </Page>
  );
}
