import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of practice exercises. */
export const practiceErrors = defineErrorCodes({
  unknown_message: {
    status: 400,
    message: 'One of the practice messages does not exist. `shieldwall practice list` shows them.',
  },
  genuine_message: {
    status: 400,
    message:
      'Exercises send practice scams only; a genuine look-alike would count as a missed report.',
  },
  no_members: { status: 409, message: 'This organization has no members to send messages to.' },
  exercise_not_found: { status: 404, message: 'There is no such exercise in this organization.' },
  exercise_ended: { status: 409, message: 'This exercise has already ended.' },
  delivery_not_found: {
    status: 404,
    message:
      'This practice message does not exist, has not arrived yet, or its exercise has ended.',
  },
  org_not_found: { status: 404, message: 'There is no organization with that name.' },
  rate_limited: {
    status: 429,
    message: 'Too many reports from this address. Please wait a minute.',
  },
});
