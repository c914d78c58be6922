import { defineErrorCodes } from '../../platform/errors.js';

/**
 * Stable error codes of the accounts part. Codes the access module already has
 * (unauthenticated, forbidden, not_found, invalid_input, rate_limited) are
 * thrown through `accessErrors`; these are the ones it lacks.
 */
export const accountErrors = defineErrorCodes({
  csrf_failed: {
    status: 403,
    message:
      'This change needs the x-csrf-token header of your session. Reload the page and try again.',
  },
  invalid_credentials: {
    status: 401,
    message: 'The email address or password is not right.',
  },
  reauth_failed: {
    status: 403,
    message: 'That password is not right.',
  },
  invalid_code: {
    status: 403,
    message: 'That code is not right, or was already used. Check your authenticator app.',
  },
  second_factor_expired: {
    status: 401,
    message: 'The sign-in took too long. Please start again with your email and password.',
  },
  code_required: {
    status: 400,
    message: 'Enter the code from your authenticator app as well.',
  },
  passkey_required: {
    status: 403,
    message:
      'This account is protected by advanced protection: sign in with your passkey or security key.',
  },
  weak_password: {
    status: 400,
    message: 'Please choose another password.',
  },
  invalid_token: {
    status: 400,
    message: 'This link is not valid: it may have expired or been used already. Ask for a new one.',
  },
  email_recovery_disabled: {
    status: 403,
    message: 'Password reset by email is turned off for this account.',
  },
  totp_not_enabled: {
    status: 409,
    message: 'Two-step sign-in with an authenticator app is not turned on.',
  },
  totp_already_enabled: {
    status: 409,
    message: 'Two-step sign-in with an authenticator app is already on.',
  },
  no_totp_enrolment: {
    status: 409,
    message: 'Start setting up the authenticator app first.',
  },
  passkey_missing: {
    status: 409,
    message: 'Add a passkey or security key before turning on advanced protection.',
  },
});
