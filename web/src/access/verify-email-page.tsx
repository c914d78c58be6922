import { useEffect, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { messageOf } from './access-client.js';
import { accessPaths, tokenInHash } from './access-paths.js';
import { verifyEmail } from './account-api.js';

type Outcome =
  | { readonly state: 'checking' }
  | { readonly state: 'done' }
  | { readonly state: 'failed'; readonly error: string }
  // Said in the page's language when shown, so switching language re-says it.
  | { readonly state: 'no_token' };

/** `/access/verify-email#token=…`, the link in the sign-up mail: confirms the address at once. */
export function VerifyEmailPage({ signedIn }: { readonly signedIn: boolean }) {
  const { t } = useAccountWords();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'checking' });
  useEffect(() => {
    const token = tokenInHash();
    if (token === '') {
      setOutcome({ state: 'no_token' });
      return;
    }
    void verifyEmail(token).then(
      () => setOutcome({ state: 'done' }),
      (err: unknown) => setOutcome({ state: 'failed', error: messageOf(err) }),
    );
  }, []);
  const next = signedIn ? accessPaths.overview : accessPaths.signIn;
  return (
    <Page title={t('verify.title')}>
      {outcome.state === 'checking' ? (
        <LoadingMessage>{t('verify.checking')}</LoadingMessage>
      ) : outcome.state === 'done' ? (
        <div class="notice" role="status">
          <p class="notice__title">{t('verify.done')}</p>
          <p>
            <AppLink href={next}>{signedIn ? t('verify.go_account') : t('common.sign_in')}</AppLink>
          </p>
        </div>
      ) : (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">{t('verify.failed')}</p>
          <p>{outcome.state === 'no_token' ? t('verify.no_code') : outcome.error}</p>
        </div>
      )}
    </Page>
  );
}
