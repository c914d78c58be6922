import { defineErrorCodes } from '../../platform/errors.js';

/**
 * Stable error codes of identity verification. Generic ones (not_found,
 * forbidden, invalid_input, rate_limited) come from `accessErrors`.
 */
export const verificationErrors = defineErrorCodes({
  request_open: {
    status: 409,
    message:
      'There is already an open verification request for this account or organization. Wait for its decision or withdraw it first.',
    es: 'Ya hay una solicitud de verificación abierta para esta cuenta u organización. Espere a que se decida o retírela primero.',
  },
  wrong_status: {
    status: 409,
    message: 'The request is not at a stage where this can be done.',
    es: 'La solicitud no está en una etapa en la que se pueda hacer esto.',
  },
  invalid_domain: {
    status: 400,
    message:
      'That is not a domain name we can check. Give a registered name such as example.org (no IP addresses, no "https://").',
    es: 'Ese no es un nombre de dominio que podamos revisar. Indique un nombre registrado como example.org (sin direcciones IP ni "https://").',
  },
  invalid_email: {
    status: 400,
    message: 'That is not an email address we can send to.',
    es: 'Esa no es una dirección de correo electrónico a la que podamos escribir.',
  },
  email_not_at_domain: {
    status: 400,
    message: 'The email address must be at the domain you claim (or one of its subdomains).',
    es: 'La dirección de correo debe ser del dominio que usted declara (o de uno de sus subdominios).',
  },
  free_mail_domain: {
    status: 400,
    message:
      'A mailbox at a free email provider does not show control of a domain. Use an address at your own domain.',
    es: 'Un buzón de un proveedor de correo gratuito no demuestra que usted controle un dominio. Use una dirección de su propio dominio.',
  },
  code_wrong: {
    status: 400,
    message: 'That code is not right. Check it and try again.',
    es: 'Ese código no es correcto. Revíselo y vuelva a intentarlo.',
  },
  code_expired: {
    status: 410,
    message: 'That code has expired or was already used. Ask for a new one.',
    es: 'Ese código caducó o ya se usó. Pida uno nuevo.',
  },
  code_locked: {
    status: 429,
    message: 'Too many wrong codes. Ask for a new code to try again.',
    es: 'Demasiados códigos incorrectos. Pida un código nuevo para volver a intentarlo.',
  },
  too_much_evidence: {
    status: 409,
    message: 'This request already holds as much evidence of that kind as it can.',
    es: 'Esta solicitud ya tiene todas las pruebas de ese tipo que admite.',
  },
  document_too_large: {
    status: 413,
    message: 'A document may be at most 5 MiB.',
    es: 'Un documento puede ocupar como máximo 5 MiB.',
  },
  document_invalid: {
    status: 400,
    message: 'The document is not valid.',
    es: 'El documento no es válido.',
  },
  evidence_required: {
    status: 409,
    message:
      'An organization can be approved only with at least one satisfied proof: a passed DNS check, a confirmed mailbox at its domain, or a qualified sponsor.',
    es: 'Una organización solo se puede aprobar con al menos una prueba cumplida: una revisión DNS superada, un buzón confirmado en su dominio o un patrocinador cualificado.',
  },
  own_request: {
    status: 403,
    message:
      'You cannot review a request of your own or of an organization you belong to. Another reviewer has to.',
    es: 'No puede revisar una solicitud suya ni de una organización a la que pertenece. Tiene que hacerlo otra persona revisora.',
  },
  same_reviewer: {
    status: 403,
    message: 'An appeal must be decided by a different reviewer than the one who denied it.',
    es: 'Una apelación la tiene que decidir una persona revisora distinta de la que denegó la solicitud.',
  },
  appeal_used: {
    status: 409,
    message: 'A denial can be appealed once, and this one already was.',
    es: 'Una denegación se puede apelar una sola vez, y esta ya se apeló.',
  },
  dns_not_applicable: {
    status: 400,
    message: 'Only DNS evidence can be checked this way.',
    es: 'Solo las pruebas DNS se pueden revisar de esta forma.',
  },
});
