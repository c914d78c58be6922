import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the safeguards module. */
export const safeguardsErrors = defineErrorCodes({
  input_unreadable: { status: 400, message: 'That line could not be read as a prompt.' },
  input_too_large: { status: 413, message: 'The prompt is too large to classify.' },
  model_invalid: { status: 500, message: 'The safeguards model file is missing or damaged.' },
  policy_invalid: { status: 500, message: 'The safeguards policy is not valid.' },
  lever_invalid: { status: 400, message: 'That lever cannot be pulled as asked.' },
  lever_not_found: { status: 404, message: 'There is no lever in force on that target.' },
});
