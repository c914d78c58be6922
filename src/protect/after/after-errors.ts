import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of "after a scam": recovery checklists, reporting channels, contact alerts. */
export const afterErrors = defineErrorCodes({
  unknown_country: {
    status: 400,
    message: 'We have no reporting channels for that country yet.',
    es: 'Todavía no tenemos canales de denuncia para ese país.',
  },
  what_invalid: {
    status: 400,
    message: 'Say what happened, with one or more of the listed choices.',
    es: 'Diga qué pasó, eligiendo una o más de las opciones de la lista.',
  },
  not_signed_in: {
    status: 401,
    message: 'Sign in first: only you can alert your own trusted contact.',
    es: 'Inicie sesión primero: solo usted puede avisar a su propio contacto de confianza.',
  },
  not_opted_in: {
    status: 409,
    message:
      'Your trusted contact does not get this alert. Choose it on your account’s security page first.',
    es: 'Su contacto de confianza no recibe este aviso. Elíjalo primero en la página de seguridad de su cuenta.',
  },
  alert_rate_limited: {
    status: 429,
    message: 'Your trusted contact was alerted recently. Please call them instead.',
    es: 'Ya avisamos a su contacto de confianza hace poco. Por favor, llámele por teléfono.',
  },
});
