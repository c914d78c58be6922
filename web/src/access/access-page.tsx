import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { type AccountMessageKey, useAccountWords } from '../i18n/account-messages.js';
import { useLocale } from '../i18n/locale.js';
import { moduleTitle } from '../i18n/shell-messages.js';
import type { ModulePageProps } from '../pages/module-pages.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { currentPath, navigate } from '../router.js';
import { ACCESS, accessPaths } from './access-paths.js';
import { AccountContext, type SignedIn, useAccountState } from './account-state.js';
import { ContactStopPage } from './contact-stop-page.js';
import { DevicesPage } from './devices-page.js';
import { InvitationPage } from './invitation-page.js';
import { OrgPage } from './org-page.js';
import { OrgsPage } from './orgs-page.js';
import { OverviewPage } from './overview-page.js';
import { PasswordResetPage } from './password-reset-page.js';
import { FinishRecoveryPage, RecoverPage } from './recover-page.js';
import { ReviewPage } from './review-page.js';
import { SecurityPage } from './security-page.js';
import { SignInPage } from './sign-in-page.js';
import { SignUpPage } from './sign-up-page.js';
import { StepUpProvider } from './step-up.js';
import { VerificationPage } from './verification-page.js';
import { VerifyEmailPage } from './verify-email-page.js';
import './access.css';

/** Why a signed-out person must sign in first, for each signed-in page (catalog keys). */
const signInReasons: Readonly<Record<string, AccountMessageKey>> = {
  security: 'reason.security',
  devices: 'reason.devices',
  orgs: 'reason.orgs',
  invitations: 'reason.invitations',
  verification: 'reason.verification',
  review: 'reason.review',
};

/**
 * "Your account" (`/access/…`): one page component for the module, choosing
 * the page from the rest of the address. The shell re-renders it on every
 * navigation, so `currentPath()` is always the address being shown.
 */
export function AccessPage({ module }: ModulePageProps) {
  const rest = currentPath().slice(ACCESS.length).replace(/^\/+/, '');
  const [account, reload] = useAccountState();
  const { t } = useAccountWords();
  // The server names the module in English; the shell's catalog knows it in every language.
  const title = moduleTitle(useLocale(), module);

  // Pages that work the same whether or not someone is signed in (links in mails).
  if (rest === 'reset') return <PasswordResetPage />;
  if (rest === 'recover') return <RecoverPage />;
  if (rest === 'recover/finish') return <FinishRecoveryPage />;
  if (rest === 'trusted-contact/stop') return <ContactStopPage />;
  if (rest === 'verify-email') return <VerifyEmailPage signedIn={account.state === 'signed_in'} />;

  if (account.state === 'loading')
    return (
      <Page title={title}>
        <LoadingMessage>{t('page.loading')}</LoadingMessage>
      </Page>
    );
  if (account.state === 'failed')
    return (
      <Page title={title}>
        <ErrorMessage
          heading={t('page.failed')}
          error={account.error}
          onRetry={() => void reload()}
        />
      </Page>
    );
  if (account.state === 'signed_out') {
    if (rest === 'sign-up') return <SignUpPage />;
    const onSignedIn = async () => {
      await reload();
      // Same address, except the sign-in page's own: the shell then focuses the new heading.
      const { pathname, search, hash } = window.location;
      navigate(rest === 'sign-in' ? accessPaths.overview : pathname + search + hash);
    };
    const area = rest.split('/')[0] ?? '';
    // hasOwn: an address such as /access/constructor must not find Object's own properties.
    const reason = Object.hasOwn(signInReasons, area) ? signInReasons[area] : undefined;
    return (
      <SignInPage reason={reason === undefined ? undefined : t(reason)} onSignedIn={onSignedIn} />
    );
  }
  return (
    <AccountContext.Provider value={{ account, reload }}>
      <StepUpProvider>
        <SignedInPage rest={rest} title={title} account={account} />
      </StepUpProvider>
    </AccountContext.Provider>
  );
}

const ORG = /^orgs\/([0-9a-f-]{36})$/;

function SignedInPage({
  rest,
  title,
}: {
  readonly rest: string;
  readonly title: string;
  readonly account: SignedIn;
}) {
  switch (rest) {
    case '':
    case 'sign-in':
    case 'sign-up':
      return <OverviewPage title={title} />;
    case 'security':
      return <SecurityPage />;
    case 'devices':
      return <DevicesPage />;
    case 'orgs':
      return <OrgsPage />;
    case 'invitations':
      return <InvitationPage />;
    case 'verification':
      return <VerificationPage />;
    case 'review':
      return <ReviewPage />;
  }
  const org = ORG.exec(rest)?.[1];
  return org === undefined ? <NotFoundPage /> : <OrgPage key={org} id={org} />;
}
