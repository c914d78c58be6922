import { Page } from '../components/page.js';
import { useAccountWords } from '../i18n/account-messages.js';
import { useAccount } from './account-state.js';
import { AuthenticatorSection } from './authenticator-section.js';
import { BackLink } from './back-link.js';
import { PasskeysSection } from './passkeys-section.js';
import { AdvancedProtectionSection, PasswordSection } from './password-section.js';
import { protectionOf } from './protection-words.js';
import { RecoveryBanner } from './recovery-banner.js';
import { TrustedContactSection } from './trusted-contact-section.js';

/** `/access/security`: every way you sign in, how to make it safer, and who is told when something happens. */
export function SecurityPage() {
  const { t, locale } = useAccountWords();
  const { account } = useAccount();
  const protection = protectionOf(account.session.account, locale);
  return (
    <>
      <BackLink />
      <Page title={t('security.title')}>
        <RecoveryBanner />
        <p class={`protection protection--${protection.level}`} role="status">
          <strong>{protection.title}:</strong> {protection.text}
        </p>
        <PasskeysSection />
        <AuthenticatorSection />
        <PasswordSection />
        <AdvancedProtectionSection />
        <TrustedContactSection />
      </Page>
    </>
  );
}
