import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of the email-domain health check. */
export const domainErrors = defineErrorCodes({
  invalid_domain: {
    status: 400,
    message: 'That is not a domain name we can check. Type just the domain, like example.com.',
    es: 'Ese no es un nombre de dominio que podamos revisar. Escriba solo el dominio, como example.com.',
  },
  invalid_selector: {
    status: 400,
    message:
      'A DKIM selector is a short name like "google" or "selector1" (letters, digits, - and _).',
    es: 'Un selector DKIM es un nombre corto como "google" o "selector1" (letras, números, - y _).',
  },
  rate_limited: {
    status: 429,
    message: 'Too many domain checks from you. Please wait a minute and try again.',
    es: 'Ha revisado demasiados dominios. Espere un minuto y vuelva a intentarlo.',
  },
  busy: {
    status: 503,
    message: 'The server is checking many domains right now. Please try again in a moment.',
    es: 'El servidor está revisando muchos dominios en este momento. Vuelva a intentarlo dentro de un momento.',
  },
});

/** Plain reasons for each way a typed domain can be refused. */
export const DOMAIN_INPUT_MESSAGES = {
  empty: 'Type a domain to check, like example.com.',
  too_long: 'That is too long to be a domain name (at most 253 characters).',
  not_a_domain:
    'That is not a domain name. Type just the domain, like example.com — not a web address or an email address.',
  ip_address: 'That is an IP address. Type the domain name instead, like example.com.',
  single_label: 'A domain needs at least one dot, like example.com.',
} as const;
