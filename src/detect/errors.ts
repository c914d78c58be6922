import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the detect module's rule engine and scanner. */
export const detectErrors = defineErrorCodes({
  rules_not_found: { status: 404, message: 'The rule file or folder does not exist.' },
  no_rules_loaded: {
    status: 400,
    message: 'No Sigma rule could be loaded from the given rules; see the problems listed.',
  },
  rules_too_large: { status: 413, message: 'A rule file is larger than the loader accepts.' },
  log_not_found: { status: 404, message: 'The log file does not exist.' },
});
