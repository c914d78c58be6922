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
 * a passkey or password plus app is two-step).
 */
export function protectionOf(facts: AccountFacts): Protection {
  if (facts.passkeys > 0 && (facts.advanced_protection || !facts.has_password))
    return {
      level: 'strongest',
      title: 'Strongest',
      text: 'You can only sign in with a passkey, which scammers and fake websites cannot steal.',
    };
  if (facts.passkeys > 0)
    return {
      level: 'strong',
      title: 'Strong',
      text: 'You sign in with a passkey, which fake websites cannot steal.',
    };
  if (facts.has_password && facts.totp_enabled)
    return {
      level: 'strong',
      title: 'Strong',
      text: 'You sign in with your password and a code from the authenticator app on your phone.',
    };
  if (facts.has_password)
    return {
      level: 'basic',
      title: 'Basic',
      text: 'Only your password protects your account. Add a passkey to make it much harder to break into.',
    };
  return {
    level: 'weak',
    title: 'Not protected',
    text: 'Your account has no way to sign in yet. Add a passkey.',
  };
}

/** What a tier's `security` requirement asks of the person, for "to use it, …". */
export function securityNeed(security: string): string {
  switch (security) {
    case 'phishing_resistant':
      return 'a passkey and advanced protection turned on';
    case 'mfa':
      return 'a passkey, or the authenticator app beside your password';
    case 'password':
      return 'a password';
    default:
      return 'nothing more';
  }
}
