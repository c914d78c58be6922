import { defineErrorCodes } from '../platform/errors.js';

/** Error codes of the exchange module (answered on /taxii2 as TAXII error messages). */
export const exchangeErrors = defineErrorCodes({
  not_acceptable: {
    status: 406,
    message: 'This server speaks TAXII 2.1: send Accept: application/taxii+json;version=2.1.',
    es: 'Este servidor habla TAXII 2.1: envíe Accept: application/taxii+json;version=2.1.',
  },
  unsupported_media_type: {
    status: 415,
    message: 'Send objects as Content-Type: application/taxii+json;version=2.1 (an envelope).',
    es: 'Envíe los objetos como Content-Type: application/taxii+json;version=2.1 (un sobre).',
  },
  unauthenticated: {
    status: 401,
    message: 'Send an API key: Authorization: Bearer sw_live_… (or as the password of HTTP Basic).',
    es: 'Envíe una clave de API: Authorization: Bearer sw_live_… (o como contraseña de HTTP Basic).',
  },
  forbidden: {
    status: 403,
    message: 'Your access level does not include this collection.',
    es: 'Su nivel de acceso no incluye esta colección.',
  },
  collection_not_found: {
    status: 404,
    message: 'There is no such collection.',
    es: 'No existe esa colección.',
  },
  object_not_found: {
    status: 404,
    message: 'There is no such object in this collection.',
    es: 'Ese objeto no existe en esta colección.',
  },
  status_not_found: {
    status: 404,
    message: 'There is no such status resource.',
    es: 'No existe ese recurso de estado.',
  },
  bad_filter: { status: 400, message: 'A filter is not valid.', es: 'Un filtro no es válido.' },
  bad_envelope: {
    status: 400,
    message: 'The body must be a TAXII envelope: { "objects": [ … ] }.',
    es: 'El cuerpo debe ser un sobre TAXII: { "objects": [ … ] }.',
  },
  too_many_objects: {
    status: 413,
    message: 'Too many objects in one request.',
    es: 'Demasiados objetos en una sola solicitud.',
  },
  group_not_found: {
    status: 404,
    message: 'There is no such sharing group.',
    es: 'No existe ese grupo de intercambio.',
  },
  group_exists: {
    status: 409,
    message: 'A sharing group with that name already exists.',
    es: 'Ya existe un grupo de intercambio con ese nombre.',
  },
  bad_sharing_input: {
    status: 400,
    message: 'The sharing request is not valid.',
    es: 'La solicitud de intercambio no es válida.',
  },
  org_not_found: {
    status: 404,
    message: 'There is no such organization.',
    es: 'No existe esa organización.',
  },
  subscription_not_found: {
    status: 404,
    message: 'There is no such sync subscription.',
    es: 'No existe esa suscripción de sincronización.',
  },
  subscription_exists: {
    status: 409,
    message: 'That remote collection is already synced into this collection.',
    es: 'Esa colección remota ya se sincroniza con esta colección.',
  },
  bad_subscription: {
    status: 400,
    message: 'The sync subscription is not valid.',
    es: 'La suscripción de sincronización no es válida.',
  },
  bad_webhook: {
    status: 400,
    message: 'The webhook is not valid.',
    es: 'El webhook no es válido.',
  },
  webhook_tests_limited: {
    status: 429,
    message: 'Too many test messages: wait a few minutes before sending another.',
    es: 'Demasiados mensajes de prueba: espere unos minutos antes de enviar otro.',
  },
  webhook_off: {
    status: 409,
    message: 'The webhook is turned off: turn it back on first.',
    es: 'El webhook está desactivado: actívelo primero.',
  },
  webhook_not_found: {
    status: 404,
    message: 'There is no such webhook.',
    es: 'No existe ese webhook.',
  },
});
