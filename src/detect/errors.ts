import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the detect module: rules, scanner, watch alerts and their API. */
export const detectErrors = defineErrorCodes({
  rules_not_found: {
    status: 404,
    message: 'The rule file or folder does not exist.',
    es: 'El archivo o la carpeta de reglas no existe.',
  },
  no_rules_loaded: {
    status: 400,
    message: 'No Sigma rule could be loaded from the given rules; see the problems listed.',
    es: 'No se pudo cargar ninguna regla Sigma de las reglas indicadas; vea los problemas de la lista.',
  },
  rules_too_large: {
    status: 413,
    message: 'A rule file is larger than the loader accepts.',
    es: 'Un archivo de reglas es más grande de lo que el cargador acepta.',
  },
  log_not_found: {
    status: 404,
    message: 'The log file does not exist.',
    es: 'El archivo de registro no existe.',
  },
  alert_not_found: {
    status: 404,
    message: 'There is no such alert.',
    es: 'No existe esa alerta.',
  },
  cursor_invalid: {
    status: 400,
    message: 'The "before" cursor is not one this server handed out; start from the first page.',
    es: 'El cursor "before" no es uno que haya dado este servidor; empiece desde la primera página.',
  },
  webhook_refused: {
    status: 400,
    message: 'The webhook address cannot be used.',
    es: 'No se puede usar la dirección del webhook.',
  },
});
