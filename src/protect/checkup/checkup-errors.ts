import { defineErrorCodes } from '../../platform/errors.js';

/** Stable error codes of the small-business checkup. */
export const checkupErrors = defineErrorCodes({
  answers_invalid: {
    status: 400,
    message:
      'Some answers are not valid: each must be a known question with yes, partly, no or unknown.',
    es: 'Algunas respuestas no son válidas: cada una debe ser de una pregunta conocida, con sí, en parte, no o no lo sé.',
  },
  answers_incomplete: {
    status: 400,
    message: 'Answer every question before saving the checkup (“I don’t know” is an answer).',
    es: 'Responda todas las preguntas antes de guardar la revisión («No lo sé» también es una respuesta).',
  },
  no_snapshot: {
    status: 404,
    message: 'This organization has not completed a checkup yet.',
    es: 'Esta organización todavía no ha completado ninguna revisión.',
  },
  snapshot_not_found: {
    status: 404,
    message: 'There is no such checkup for this organization.',
    es: 'Esta organización no tiene esa revisión.',
  },
});
