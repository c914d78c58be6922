/**
 * Schema validation refusals (Ajv, behind Fastify's TypeBox routes) as one plain Spanish sentence
 * that names the field. English keeps Ajv's own wording, which clients already see and tests
 * assert; Ajv has no Spanish of its own that names the field the way a person reads it.
 */

/** One Ajv error as Fastify hands it over (`error.validation[i]`). */
export interface ValidationIssue {
  readonly keyword?: string;
  readonly instancePath?: string;
  readonly params?: Record<string, unknown>;
  readonly message?: string;
}

/** Where in the request: Fastify's `validationContext`. */
type Where = 'body' | 'querystring' | 'params' | 'headers' | string;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'un texto',
  number: 'un número',
  integer: 'un número entero',
  boolean: 'verdadero o falso (true o false)',
  object: 'un objeto',
  array: 'una lista',
  null: 'nulo (null)',
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  email: 'una dirección de correo electrónico',
  uri: 'una dirección web completa',
  url: 'una dirección web completa',
  'date-time': 'una fecha y hora (como 2026-01-31T14:00:00Z)',
  date: 'una fecha (como 2026-01-31)',
  uuid: 'un identificador UUID',
  ipv4: 'una dirección IPv4',
  ipv6: 'una dirección IPv6',
  hostname: 'un nombre de dominio',
};

/** At most this many allowed values are listed in a sentence. */
const MAX_LISTED = 12;

/** A Spanish sentence for one validation issue, e.g. «Falta el campo «email».». */
export function validationSentenceEs(where: Where, issue: ValidationIssue): string {
  const params = issue.params ?? {};
  const field = fieldPath(issue.instancePath, params);
  const subject = subjectOf(where, field);
  const n = (key: string) => (typeof params[key] === 'number' ? (params[key] as number) : 0);
  switch (issue.keyword) {
    case 'required':
      return `Falta ${missingOf(where, field)}.`;
    case 'additionalProperties':
      return `${subject} no se admite aquí: quítelo de la solicitud.`;
    case 'type':
      return `${subject} debe ser ${typesOf(params.type)}.`;
    case 'minLength':
      return n('limit') <= 1
        ? `${subject} no puede estar vacío.`
        : `${subject} debe tener al menos ${n('limit')} caracteres.`;
    case 'maxLength':
      return `${subject} puede tener como máximo ${n('limit')} caracteres.`;
    case 'pattern':
      return `${subject} no tiene la forma esperada.`;
    case 'format': {
      const format = typeof params.format === 'string' ? params.format : '';
      const words = FORMAT_WORDS[format];
      return words === undefined
        ? `${subject} no tiene el formato esperado (${format}).`
        : `${subject} debe ser ${words}.`;
    }
    case 'minimum':
      return `${subject} debe ser como mínimo ${n('limit')}.`;
    case 'exclusiveMinimum':
      return `${subject} debe ser mayor que ${n('limit')}.`;
    case 'maximum':
      return `${subject} debe ser como máximo ${n('limit')}.`;
    case 'exclusiveMaximum':
      return `${subject} debe ser menor que ${n('limit')}.`;
    case 'multipleOf':
      return `${subject} debe ser múltiplo de ${n('multipleOf')}.`;
    case 'enum':
      return `${subject} debe ser uno de estos valores: ${listOf(params.allowedValues)}.`;
    case 'const':
      return `${subject} debe ser ${JSON.stringify(params.allowedValue) ?? 'el valor indicado'}.`;
    case 'minItems':
      return `${subject} debe tener al menos ${n('limit')} ${n('limit') === 1 ? 'elemento' : 'elementos'}.`;
    case 'maxItems':
      return `${subject} puede tener como máximo ${n('limit')} ${n('limit') === 1 ? 'elemento' : 'elementos'}.`;
    case 'uniqueItems':
      return `${subject} tiene elementos repetidos.`;
    case 'minProperties':
    case 'maxProperties':
      return `${subject} no tiene el número de campos esperado.`;
    case 'anyOf':
    case 'oneOf':
      return `${subject} no coincide con ninguna de las formas permitidas.`;
    default:
      return `${subject} tiene un valor que no es válido.`;
  }
}

/** The whole refusal's detail in Spanish, from its first issue (Ajv stops at the first). */
export function validationDetailEs(where: Where, issues: readonly ValidationIssue[]): string {
  const first = issues[0];
  if (first === undefined) return 'La solicitud no es válida.';
  const sentence = validationSentenceEs(where, first);
  return `La solicitud no es válida: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
}

/** `/contacts/0/email` + missingProperty → `contacts.0.email`; empty for the whole body. */
function fieldPath(instancePath: string | undefined, params: Record<string, unknown>): string {
  const parts = (instancePath ?? '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const extra = params.missingProperty ?? params.additionalProperty;
  if (typeof extra === 'string') parts.push(extra);
  return parts.join('.').slice(0, 200);
}

function subjectOf(where: Where, field: string): string {
  if (field === '') {
    if (where === 'querystring') return 'La consulta de la dirección';
    if (where === 'params') return 'La dirección';
    if (where === 'headers') return 'El conjunto de cabeceras';
    return 'El cuerpo de la solicitud';
  }
  if (where === 'querystring') return `El parámetro «${field}» de la consulta`;
  if (where === 'params') return `El parámetro «${field}» de la dirección`;
  if (where === 'headers') return `El valor de la cabecera «${field}»`;
  return `El campo «${field}»`;
}

function missingOf(where: Where, field: string): string {
  if (where === 'querystring') return `el parámetro «${field}» en la consulta`;
  if (where === 'params') return `el parámetro «${field}» en la dirección`;
  if (where === 'headers') return `la cabecera «${field}»`;
  return `el campo «${field}»`;
}

function typesOf(type: unknown): string {
  const names = Array.isArray(type) ? type : String(type ?? '').split(',');
  const words = names.map((t) => TYPE_WORDS[String(t).trim()] ?? String(t));
  return words.length <= 1 ? (words[0] ?? 'otro tipo de valor') : words.join(' o ');
}

function listOf(values: unknown): string {
  if (!Array.isArray(values)) return '';
  const shown = values
    .slice(0, MAX_LISTED)
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > MAX_LISTED ? `${shown.join(', ')}…` : shown.join(', ');
}
