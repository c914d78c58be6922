import { Page } from '../components/page.js';
import { useAccount } from './account-state.js';
import { AuthenticatorSection } from './authenticator-section.js';
import { BackLink } from './back-link.js';
import { PasskeysSection } from './passkeys-section.js';
import { AdvancedProtectionSection, PasswordSection } from './password-section.js';
import { protectionOf } from './protection-words.js';

/** `/access/security`: every way you sign in, and how to make it safer. */
export function SecurityPage() {
  const { account } = useAccount();
  const protection = protectionOf(account.session.account);
  return (
    <>
      <BackLink />
      <Page title="Sign-in and security">
        <p class={`protection protection--${protection.level}`} role="status">
          <strong>{protection.title}:</strong> {protection.text}
        </p>
        <PasskeysSection />
        <AuthenticatorSection />
        <PasswordSection />
        <AdvancedProtectionSection />
      </Page>
    </>
  );
}
