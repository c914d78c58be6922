import { defineErrorCodes } from '../errors.js';

export const secretErrors = defineErrorCodes({
  secret_key_invalid: {
    status: 500,
    message: 'The secret-sealing key is missing or malformed.',
    es: 'Falta la clave para sellar secretos o no tiene el formato correcto.',
  },
  secret_unreadable: {
    status: 500,
    message: 'A stored secret cannot be opened.',
    es: 'No se puede abrir un secreto guardado.',
  },
});
