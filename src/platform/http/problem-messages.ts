/**
 * What the HTTP edge itself says in a problem (titles by status, Fastify's own refusals, the
 * unknown route, the server still starting), in every shipped language. Module errors carry their
 * own words (see `defineErrorCodes`); schema validation is worded in validation-messages.ts.
 */
import { defineMessages } from '../engine-kit/i18n/messages.js';

const en = {
  'title.400': 'Bad request',
  'title.401': 'Not signed in',
  'title.403': 'Not allowed',
  'title.404': 'Not found',
  'title.405': 'Method not allowed',
  'title.406': 'Not acceptable',
  'title.408': 'Request timeout',
  'title.409': 'Conflict',
  'title.413': 'Request too large',
  'title.415': 'Unsupported media type',
  'title.429': 'Too many requests',
  'title.500': 'Internal error',
  'title.502': 'Bad gateway',
  'title.503': 'Service unavailable',
  'title.other': 'Error',
  body_too_large: 'The request body is larger than this server accepts.',
  unsupported_media_type: 'This endpoint does not accept that Content-Type. Send application/json.',
  content_length: 'The Content-Length header does not match the body.',
  empty_json: 'The body is empty but the Content-Type says JSON.',
  invalid_json: 'The request body is not valid JSON.',
  empty_type: 'The request has a body but no Content-Type.',
  invalid_type: 'The Content-Type header is not valid.',
  bad_url: 'The URL is not valid.',
  not_routed: 'The request could not be routed.',
  internal: 'Something went wrong on our side. Quote the request id if you report it.',
  bad_request: 'Bad request.',
  route_not_found: 'There is nothing at {method} {path}.',
  not_ready:
    'Shieldwall is starting and cannot reach its database yet{reason}. Try again in a moment.',
};

type Key = keyof typeof en;

export const problemMessages = defineMessages<Key>({
  en,
  es: {
    'title.400': 'Solicitud incorrecta',
    'title.401': 'No ha iniciado sesión',
    'title.403': 'No permitido',
    'title.404': 'No encontrado',
    'title.405': 'Método no permitido',
    'title.406': 'Formato no aceptable',
    'title.408': 'Tiempo de espera agotado',
    'title.409': 'Conflicto',
    'title.413': 'Solicitud demasiado grande',
    'title.415': 'Tipo de contenido no admitido',
    'title.429': 'Demasiadas solicitudes',
    'title.500': 'Error interno',
    'title.502': 'Error en el servidor intermedio',
    'title.503': 'Servicio no disponible',
    'title.other': 'Error',
    body_too_large: 'El cuerpo de la solicitud es más grande de lo que este servidor acepta.',
    unsupported_media_type: 'Esta dirección no acepta ese Content-Type. Envíe application/json.',
    content_length: 'La cabecera Content-Length no coincide con el cuerpo.',
    empty_json: 'El cuerpo está vacío, pero el Content-Type dice JSON.',
    invalid_json: 'El cuerpo de la solicitud no es JSON válido.',
    empty_type: 'La solicitud tiene cuerpo pero no tiene Content-Type.',
    invalid_type: 'La cabecera Content-Type no es válida.',
    bad_url: 'La dirección (URL) no es válida.',
    not_routed: 'No se pudo encaminar la solicitud.',
    internal:
      'Algo salió mal de nuestro lado. Si nos lo comunica, indique el identificador de la solicitud.',
    bad_request: 'Solicitud incorrecta.',
    route_not_found: 'No hay nada en {method} {path}.',
    not_ready:
      'Shieldwall se está iniciando y todavía no puede conectar con su base de datos{reason}. Inténtelo de nuevo en un momento.',
  },
});

export type ProblemMessageKey = Key;
