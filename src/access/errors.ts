import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the access module. */
export const accessErrors = defineErrorCodes({
  unauthenticated: {
    status: 401,
    message: 'Sign in or send a valid API key (Authorization: Bearer sw_live_…).',
  },
  forbidden: { status: 403, message: 'Your access level does not include this.' },
  not_found: { status: 404, message: 'Not found.' },
  org_exists: { status: 409, message: 'An organization with that name already exists.' },
  user_exists: { status: 409, message: 'An account with that email address already exists.' },
  invalid_tier: { status: 400, message: 'That tier does not exist in the tier policy.' },
  invalid_capability: { status: 400, message: 'That is not a capability name.' },
  invalid_duration: {
    status: 400,
    message: 'Durations look like 30d, 12h, 90m or 2w (at most ten years), or never.',
  },
  vouch_over_cap: {
    status: 403,
    message: 'An intermediary can vouch organizations into a tier no higher than its cap.',
  },
  policy_invalid: { status: 400, message: 'The tier policy file has mistakes.' },
  invalid_input: { status: 400, message: 'The request is not valid.' },
  step_up_required: {
    status: 401,
    message: 'For this, confirm it is you again (sign in again or use your second factor).',
  },
  last_owner: { status: 409, message: 'An organization must keep at least one owner.' },
  invitation_invalid: {
    status: 404,
    message: 'This invitation does not exist, has expired, or was sent to another address.',
  },
  rate_limited: { status: 429, message: 'Too many attempts. Please wait and try again.' },
});
