import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of "after a scam": recovery checklists, reporting channels, contact alerts. */
export const afterErrors = defineErrorCodes({
  unknown_country: {
    status: 400,
    message: 'We have no reporting channels for that country yet.',
  },
  what_invalid: {
    status: 400,
    message: 'Say what happened, with one or more of the listed choices.',
  },
  not_signed_in: {
    status: 401,
    message: 'Sign in first: only you can alert your own trusted contact.',
  },
  not_opted_in: {
    status: 409,
    message:
      'Your trusted contact does not get this alert. Choose it on your account’s security page first.',
  },
  alert_rate_limited: {
    status: 429,
    message: 'Your trusted contact was alerted recently. Please call them instead.',
  },
});
