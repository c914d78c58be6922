import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the access module. */
export const accessErrors = defineErrorCodes({
  unauthenticated: {
    status: 401,
    message: 'Sign in or send a valid API key (Authorization: Bearer sw_live_…).',
    es: 'Inicie sesión o envíe una clave de API válida (Authorization: Bearer sw_live_…).',
  },
  forbidden: {
    status: 403,
    message: 'Your access level does not include this.',
    es: 'Su nivel de acceso no incluye esto.',
  },
  not_found: { status: 404, message: 'Not found.', es: 'No se encontró.' },
  org_exists: {
    status: 409,
    message: 'An organization with that name already exists.',
    es: 'Ya existe una organización con ese nombre.',
  },
  user_exists: {
    status: 409,
    message: 'An account with that email address already exists.',
    es: 'Ya existe una cuenta con esa dirección de correo.',
  },
  invalid_tier: {
    status: 400,
    message: 'That tier does not exist in the tier policy.',
    es: 'Ese nivel no existe en la política de niveles.',
  },
  invalid_capability: {
    status: 400,
    message: 'That is not a capability name.',
    es: 'Ese no es el nombre de una capacidad.',
  },
  invalid_duration: {
    status: 400,
    message: 'Durations look like 30d, 12h, 90m or 2w (at most ten years), or never.',
    es: 'Las duraciones se escriben como 30d, 12h, 90m o 2w (como máximo diez años), o never.',
  },
  vouch_over_cap: {
    status: 403,
    message: 'An intermediary can vouch organizations into a tier no higher than its cap.',
    es: 'Un intermediario solo puede avalar organizaciones hasta el nivel máximo que tiene permitido.',
  },
  policy_invalid: {
    status: 400,
    message: 'The tier policy file has mistakes.',
    es: 'El archivo de la política de niveles tiene errores.',
  },
  invalid_input: {
    status: 400,
    message: 'The request is not valid.',
    es: 'La solicitud no es válida.',
  },
  step_up_required: {
    status: 401,
    message: 'For this, confirm it is you again (sign in again or use your second factor).',
    es: 'Para esto, confirme otra vez que es usted (vuelva a iniciar sesión o use su segundo factor).',
  },
  last_owner: {
    status: 409,
    message: 'An organization must keep at least one owner.',
    es: 'Una organización debe conservar al menos una persona propietaria.',
  },
  invitation_invalid: {
    status: 404,
    message: 'This invitation does not exist, has expired, or was sent to another address.',
    es: 'Esta invitación no existe, caducó o se envió a otra dirección.',
  },
  rate_limited: {
    status: 429,
    message: 'Too many attempts. Please wait and try again.',
    es: 'Demasiados intentos. Espere un poco y vuelva a intentarlo.',
  },
});
