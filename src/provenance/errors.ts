import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the provenance module (model and dataset signing, verification). */
export const provenanceErrors = defineErrorCodes({
  signature_unreadable: {
    status: 400,
    message: 'The signature file is not a valid model signature (Sigstore bundle).',
    es: 'El archivo de firma no es una firma de modelo válida (paquete Sigstore).',
  },
  signature_invalid: {
    status: 400,
    message: 'The signature does not verify.',
    es: 'La firma no se puede verificar.',
  },
  format_unsupported: {
    status: 400,
    message: 'This signature format is not supported; re-sign the model with a current signer.',
    es: 'Este formato de firma no es compatible; vuelva a firmar el modelo con una herramienta de firma actual.',
  },
  key_unreadable: {
    status: 400,
    message: 'The key could not be read.',
    es: 'No se pudo leer la clave.',
  },
  model_unreadable: {
    status: 400,
    message: 'The model could not be read.',
    es: 'No se pudo leer el modelo.',
  },
  symlink_refused: {
    status: 400,
    message: 'The model contains a symbolic link; symbolic links are refused.',
    es: 'El modelo contiene un enlace simbólico; los enlaces simbólicos no se aceptan.',
  },
  unsafe_path: {
    status: 400,
    message: 'A path in the model or the signature is not safe.',
    es: 'Una ruta del modelo o de la firma no es segura.',
  },
  file_changed: {
    status: 409,
    message: 'A file changed while it was being hashed.',
    es: 'Un archivo cambió mientras se calculaba su huella (hash).',
  },
  bom_invalid: {
    status: 500,
    message: 'The ML-BOM does not validate against the CycloneDX schema.',
    es: 'El ML-BOM no es válido según el esquema de CycloneDX.',
  },
  too_large: {
    status: 413,
    message: 'The model has too many files or the input is too large.',
    es: 'El modelo tiene demasiados archivos o la entrada es demasiado grande.',
  },
});
