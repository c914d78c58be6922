import { defineErrorCodes } from '../platform/errors.js';

/** Stable error codes of the safeguards module. */
export const safeguardsErrors = defineErrorCodes({
  input_unreadable: {
    status: 400,
    message: 'That line could not be read as a prompt.',
    es: 'Esa línea no se pudo leer como una instrucción (prompt).',
  },
  input_too_large: {
    status: 413,
    message: 'The prompt is too large to classify.',
    es: 'La instrucción (prompt) es demasiado grande para clasificarla.',
  },
  model_invalid: {
    status: 500,
    message: 'The safeguards model file is missing or damaged.',
    es: 'Falta el archivo del modelo de salvaguardas o está dañado.',
  },
  policy_invalid: {
    status: 500,
    message: 'The safeguards policy is not valid.',
    es: 'La política de salvaguardas no es válida.',
  },
  lever_invalid: {
    status: 400,
    message: 'That lever cannot be pulled as asked.',
    es: 'Esa palanca no se puede accionar como se pidió.',
  },
  lever_not_found: {
    status: 404,
    message: 'There is no lever in force on that target.',
    es: 'No hay ninguna palanca en vigor sobre ese destino.',
  },
});
