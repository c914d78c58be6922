import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the vuln module (OSV import and dependency scanning). */
export const vulnErrors = defineErrorCodes({
  path_not_found: {
    status: 404,
    message: 'That file or directory does not exist.',
    es: 'Ese archivo o directorio no existe.',
  },
  import_unreadable: {
    status: 400,
    message: 'The advisory file could not be read (OSV JSON, JSON Lines or a zip of them).',
    es: 'No se pudo leer el archivo de avisos (OSV JSON, JSON Lines o un zip con ellos).',
  },
  too_large: {
    status: 413,
    message: 'The input is larger than the scanner accepts.',
    es: 'La entrada es más grande de lo que el analizador acepta.',
  },
  zip_invalid: {
    status: 400,
    message: 'The zip file is damaged or uses a feature not supported.',
    es: 'El archivo zip está dañado o usa una función no compatible.',
  },
  nothing_imported: {
    status: 400,
    message: 'No valid OSV records were found in the input.',
    es: 'No se encontró ningún registro OSV válido en la entrada.',
  },
});
