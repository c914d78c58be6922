import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the provenance module (model and dataset signing, verification). */
export const provenanceErrors = defineErrorCodes({
  signature_unreadable: {
    status: 400,
    message: 'The signature file is not a valid model signature (Sigstore bundle).',
  },
  signature_invalid: { status: 400, message: 'The signature does not verify.' },
  format_unsupported: {
    status: 400,
    message: 'This signature format is not supported; re-sign the model with a current signer.',
  },
  key_unreadable: { status: 400, message: 'The key could not be read.' },
  model_unreadable: { status: 400, message: 'The model could not be read.' },
  symlink_refused: {
    status: 400,
    message: 'The model contains a symbolic link; symbolic links are refused.',
  },
  unsafe_path: { status: 400, message: 'A path in the model or the signature is not safe.' },
  file_changed: { status: 409, message: 'A file changed while it was being hashed.' },
  bom_invalid: {
    status: 500,
    message: 'The ML-BOM does not validate against the CycloneDX schema.',
  },
  too_large: { status: 413, message: 'The model has too many files or the input is too large.' },
});
