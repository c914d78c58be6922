import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the scam checker (protect module). */
export const protectErrors = defineErrorCodes({
  input_too_large: {
    status: 413,
    message: 'That is too large to check. Paste the message text or a smaller email (up to 25 MB).',
    es: 'Es demasiado grande para revisarlo. Pegue el texto del mensaje o un correo más pequeño (hasta 25 MB).',
  },
  input_empty: {
    status: 400,
    message: 'There is nothing to check. Paste a message, a link, a phone number or an email.',
    es: 'No hay nada que revisar. Pegue un mensaje, un enlace, un número de teléfono o un correo electrónico.',
  },
  input_unreadable: {
    status: 400,
    message: 'That could not be read as text.',
    es: 'No se pudo leer como texto.',
  },
  batch_too_large: {
    status: 413,
    message: 'Too many items in one request (at most 100).',
    es: 'Demasiados elementos en una sola solicitud (como máximo 100).',
  },
  rate_limited: {
    status: 429,
    message: 'Too many checks from this address. Please wait a minute and try again.',
    es: 'Demasiadas revisiones desde esta dirección. Espere un minuto y vuelva a intentarlo.',
  },
  share_not_found: {
    status: 404,
    message: 'This shared result does not exist or has expired.',
    es: 'Este resultado compartido no existe o ya caducó.',
  },
  report_invalid: {
    status: 400,
    message: 'The report is not valid.',
    es: 'El aviso no es válido.',
  },
});
