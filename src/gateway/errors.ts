import { defineErrorCodes, ShieldwallError } from '../platform/errors.js';

/**
 * Stable error codes of the gateway. Clients of an OpenAI-compatible API read
 * them from OpenAI's error shape, `{"error":{"message","type","param","code"}}`;
 * `type` is OpenAI's error family for the code.
 */
export const gatewayErrors = defineErrorCodes({
  invalid_api_key: {
    status: 401,
    type: 'invalid_request_error',
    message: 'The API key is not valid. Send a Shieldwall key as Authorization: Bearer sw_live_…',
    es: 'La clave de API no es válida. Envíe una clave de Shieldwall como Authorization: Bearer sw_live_…',
  },
  key_revoked: {
    status: 401,
    type: 'invalid_request_error',
    message: 'This API key has been revoked. Ask your organization for a new one.',
    es: 'Esta clave de API fue revocada. Pida una nueva a su organización.',
  },
  tier_insufficient: {
    status: 403,
    type: 'permission_error',
    message: 'Your access tier does not include this model or AI capability.',
    es: 'Su nivel de acceso no incluye este modelo ni esta función de IA.',
  },
  safeguard_blocked: {
    status: 403,
    type: 'permission_error',
    message: 'This request was blocked by the safeguards of this gateway.',
    es: 'Las salvaguardas de esta pasarela bloquearon esta solicitud.',
  },
  step_up_required: {
    status: 403,
    type: 'permission_error',
    message: 'This request needs you to confirm who you are first.',
    es: 'Para esta solicitud, antes tiene que confirmar quién es.',
  },
  rate_limited: {
    status: 429,
    type: 'rate_limit_error',
    message: 'Rate limit reached. Please wait and try again.',
    es: 'Se alcanzó el límite de solicitudes. Espere un poco y vuelva a intentarlo.',
  },
  model_not_found: {
    status: 404,
    type: 'invalid_request_error',
    message: 'No upstream of this gateway serves that model.',
    es: 'Ningún servidor de esta pasarela ofrece ese modelo.',
  },
  invalid_request: {
    status: 400,
    type: 'invalid_request_error',
    message: 'The request body is not valid.',
    es: 'El cuerpo de la solicitud no es válido.',
  },
  request_too_large: {
    status: 413,
    type: 'invalid_request_error',
    message: 'The request body is larger than this gateway accepts.',
    es: 'El cuerpo de la solicitud es más grande de lo que esta pasarela acepta.',
  },
  upstream_unavailable: {
    status: 502,
    type: 'server_error',
    message: 'The model server did not answer. Please try again.',
    es: 'El servidor del modelo no respondió. Vuelva a intentarlo.',
  },
  upstream_overloaded: {
    status: 503,
    type: 'server_error',
    message: 'Every model server for this model is unavailable right now. Please try again soon.',
    es: 'Ahora mismo no está disponible ningún servidor para este modelo. Vuelva a intentarlo dentro de poco.',
  },
  gateway_config_invalid: {
    status: 500,
    type: 'server_error',
    message: 'The gateway upstream configuration has mistakes.',
    es: 'La configuración de los servidores de la pasarela tiene errores.',
  },
});

export type GatewayErrorCode = keyof typeof gatewayErrors.table;

export interface OpenAiErrorBody {
  readonly error: {
    readonly message: string;
    readonly type: string;
    readonly param: string | null;
    readonly code: string;
  };
}

/** The OpenAI-shaped body for a gateway error (other errors should be mapped first). */
export function openAiError(err: ShieldwallError, param: string | null = null): OpenAiErrorBody {
  const spec = (gatewayErrors.table as Record<string, { type: string } | undefined>)[err.code];
  // upstream_overloaded is the 503 form of upstream_unavailable: one code for clients.
  const code = err.code === 'upstream_overloaded' ? 'upstream_unavailable' : err.code;
  return {
    error: { message: err.message, type: spec?.type ?? 'server_error', param, code },
  };
}

export { ShieldwallError };
