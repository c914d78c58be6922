import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { orgMessages } from '../i18n/org-messages.js';
import type { AccountFacts } from './account-api.js';

/** How well an account is protected, in plain words: a short level and one sentence. */
export interface Protection {
  readonly level: 'strongest' | 'strong' | 'basic' | 'weak';
  readonly title: string;
  readonly text: string;
}

/**
 * From the account's facts (the same rule as the server's `securityOf`: a
 * passkey with advanced protection, or with no password, is phishing-resistant;
 * a passkey or password plus app is two-step), in `locale` (English when not given).
 */
export function protectionOf(facts: AccountFacts, locale: Locale = 'en'): Protection {
  const t = (key: Parameters<typeof orgMessages.t>[1]) => orgMessages.t(locale, key);
  if (facts.passkeys > 0 && (facts.advanced_protection || !facts.has_password))
    return {
      level: 'strongest',
      title: t('protection.strongest'),
      text: t('protection.strongest_text'),
    };
  if (facts.passkeys > 0)
    return { level: 'strong', title: t('protection.strong'), text: t('protection.strong_passkey') };
  if (facts.has_password && facts.totp_enabled)
    return { level: 'strong', title: t('protection.strong'), text: t('protection.strong_app') };
  if (facts.has_password)
    return { level: 'basic', title: t('protection.basic'), text: t('protection.basic_text') };
  return { level: 'weak', title: t('protection.weak'), text: t('protection.weak_text') };
}

/** What a tier's `security` requirement asks of the person, for "to use it, …". */
export function securityNeed(security: string, locale: Locale = 'en'): string {
  switch (security) {
    case 'phishing_resistant':
    case 'mfa':
    case 'password':
      return orgMessages.t(locale, `security_need.${security}`);
    default:
      return orgMessages.t(locale, 'security_need.none');
  }
}
