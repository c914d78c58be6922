import { useEffect, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { messageOf } from './access-client.js';
import { accessPaths, tokenInHash } from './access-paths.js';
import { verifyEmail } from './account-api.js';

type Outcome =
  | { readonly state: 'checking' }
  | { readonly state: 'done' }
  | { readonly state: 'failed'; readonly error: string };

/** `/access/verify-email#token=…`, the link in the sign-up mail: confirms the address at once. */
export function VerifyEmailPage({ signedIn }: { readonly signedIn: boolean }) {
  const [outcome, setOutcome] = useState<Outcome>({ state: 'checking' });
  useEffect(() => {
    const token = tokenInHash();
    if (token === '') {
      setOutcome({
        state: 'failed',
        error: 'This address has no confirmation code in it. Open the link from the email again.',
      });
      return;
    }
    void verifyEmail(token).then(
      () => setOutcome({ state: 'done' }),
      (err: unknown) => setOutcome({ state: 'failed', error: messageOf(err) }),
    );
  }, []);
  const next = signedIn ? accessPaths.overview : accessPaths.signIn;
  return (
    <Page title="Confirm your email address">
      {outcome.state === 'checking' ? (
        <LoadingMessage>Confirming your email address…</LoadingMessage>
      ) : outcome.state === 'done' ? (
        <div class="notice" role="status">
          <p class="notice__title">Thank you: your email address is confirmed.</p>
          <p>
            <AppLink href={next}>{signedIn ? 'Go to your account' : 'Sign in'}</AppLink>
          </p>
        </div>
      ) : (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">We couldn't confirm your email address.</p>
          <p>{outcome.error}</p>
        </div>
      )}
    </Page>
  );
}
