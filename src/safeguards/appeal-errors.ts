import { defineErrorCodes } from '../platform/errors.js';

/**
 * Stable error codes of appeals, owner notices and the owner's webhook. Kept apart from
 * errors.ts only because that file is shared; the codes are the module's like any other.
 */
export const appealErrors = defineErrorCodes({
  appeal_invalid: {
    status: 400,
    message: 'That appeal cannot be filed or decided as asked.',
    es: 'Esa apelación no se puede presentar ni decidir como se pidió.',
  },
  appeal_not_found: {
    status: 404,
    message: 'There is no such appeal, or it is not yours.',
    es: 'No existe esa apelación, o no es suya.',
  },
  notice_not_found: {
    status: 404,
    message: 'There is no such notice, or it is not yours.',
    es: 'No existe ese aviso, o no es suyo.',
  },
  appeal_exists: {
    status: 409,
    message: 'This limit has been appealed already. Each limit can be appealed once.',
    es: 'Este límite ya se apeló. Cada límite se puede apelar una sola vez.',
  },
  appeal_decided: {
    status: 409,
    message: 'This appeal has been decided already.',
    es: 'Esta apelación ya se decidió.',
  },
  people_only: {
    status: 403,
    message:
      'Only a person can do this, signed in or with their own API key, not an organization key.',
    es: 'Solo una persona puede hacer esto, con su sesión o su propia clave de API, no con la clave de una organización.',
  },
  webhook_not_set: {
    status: 404,
    message: 'This organization has no safeguards webhook.',
    es: 'Esta organización no tiene webhook de salvaguardas.',
  },
  bad_owner_webhook: {
    status: 400,
    message: 'That webhook address cannot be used.',
    es: 'Esa dirección de webhook no se puede usar.',
  },
  webhook_tests_limited: {
    status: 429,
    message: 'Too many test messages: wait a few minutes before sending another.',
    es: 'Demasiados mensajes de prueba: espere unos minutos antes de enviar otro.',
  },
  webhook_test_busy: {
    status: 409,
    message: 'A test message to this address is being sent already: wait for its answer.',
    es: 'Ya se está enviando un mensaje de prueba a esta dirección: espere su respuesta.',
  },
});
