import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the vuln module (OSV import and dependency scanning). */
export const vulnErrors = defineErrorCodes({
  path_not_found: { status: 404, message: 'That file or directory does not exist.' },
  import_unreadable: {
    status: 400,
    message: 'The advisory file could not be read (OSV JSON, JSON Lines or a zip of them).',
  },
  too_large: { status: 413, message: 'The input is larger than the scanner accepts.' },
  zip_invalid: { status: 400, message: 'The zip file is damaged or uses a feature not supported.' },
  nothing_imported: { status: 400, message: 'No valid OSV records were found in the input.' },
});
