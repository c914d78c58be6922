import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of practice exercises. */
export const practiceErrors = defineErrorCodes({
  unknown_message: {
    status: 400,
    message: 'One of the practice messages does not exist. `shieldwall practice list` shows them.',
    es: 'Uno de los mensajes de práctica no existe. `shieldwall practice list` los muestra.',
  },
  genuine_message: {
    status: 400,
    message:
      'Exercises send practice scams only; a genuine look-alike would count as a missed report.',
    es: 'Los ejercicios solo envían estafas de práctica; un mensaje auténtico parecido contaría como un aviso no dado.',
  },
  no_members: {
    status: 409,
    message: 'This organization has no members to send messages to.',
    es: 'Esta organización no tiene miembros a quienes enviar mensajes.',
  },
  exercise_not_found: {
    status: 404,
    message: 'There is no such exercise in this organization.',
    es: 'Esta organización no tiene ese ejercicio.',
  },
  exercise_ended: {
    status: 409,
    message: 'This exercise has already ended.',
    es: 'Este ejercicio ya terminó.',
  },
  delivery_not_found: {
    status: 404,
    message:
      'This practice message does not exist, has not arrived yet, or its exercise has ended.',
    es: 'Este mensaje de práctica no existe, todavía no ha llegado o su ejercicio ya terminó.',
  },
  org_not_found: {
    status: 404,
    message: 'There is no organization with that name.',
    es: 'No hay ninguna organización con ese nombre.',
  },
  rate_limited: {
    status: 429,
    message: 'Too many reports from this address. Please wait a minute.',
    es: 'Demasiados avisos desde esta dirección. Espere un minuto, por favor.',
  },
});
