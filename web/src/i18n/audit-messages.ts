/**
 * The words of the audit log page (/audit): what a tamper-evident log is, the signed checkpoint,
 * and the table of the latest entries. Action names (`access.grant` and the like) and the people
 * named in entries are shown as the log recorded them, in every language.
 */
import { defineMessages } from '../../../src/platform/engine-kit/i18n/messages.js';

const en = {
  lead: "Shieldwall writes down every important security decision here, such as who was given access or which warning was shared, in a log that can't be quietly changed.",

  'explainer.heading': 'How this log protects you',
  'explainer.sealed':
    'Each new entry is sealed together with every entry before it. Each time an entry is added, the server signs a short summary of the whole log, called a {checkpoint}.',
  'explainer.checkpoint': 'checkpoint',
  'explainer.evident':
    "If anyone later changed or deleted an old entry, the log would no longer match the checkpoints people have kept, and the change would show. That is what “tamper-evident” means: changes can't be hidden.",
  'explainer.keep':
    'To help, copy the current checkpoint below and keep it somewhere other than this server, such as an email to yourself or a note. Anyone can later use it to check that the log was not rewritten.',

  'checkpoint.heading': 'Current checkpoint',
  'checkpoint.loading': 'Loading the checkpoint…',
  'checkpoint.failed': "We couldn't load the checkpoint.",
  'checkpoint.empty': 'The log is empty so far. This checkpoint says so, signed.',
  'checkpoint.covers_one': 'This checkpoint covers the first {size} entry of the log.',
  'checkpoint.covers_other': 'This checkpoint covers the first {size} entries of the log.',
  'checkpoint.copy': 'Copy checkpoint',
  'checkpoint.copied': 'Checkpoint copied. Paste it somewhere safe, such as an email to yourself.',
  'checkpoint.technical': 'Technical details',
  'checkpoint.log_name': 'Log name',
  'checkpoint.root': 'Root hash',
  'checkpoint.key': 'Public key',

  'entries.heading': 'Latest entries',
  'entries.loading': 'Loading the latest entries…',
  'entries.failed': "We couldn't load the log entries.",
  'entries.none': 'The log has no entries yet.',
  'entries.caption_latest': 'The latest {shown} of {total} entries, newest first',
  'entries.caption_all_one': 'All {count} entry, newest first',
  'entries.caption_all_other': 'All {count} entries, newest first',
  'entries.col_index': 'No.',
  'entries.col_when': 'When',
  'entries.col_who': 'Who',
  'entries.col_what': 'What happened',
  'entries.col_result': 'Result',
  'entries.unknown_time': 'Unknown',
  'entries.about': 'about {subject}',
  'entries.more': 'More',
  'outcome.success': 'Succeeded',
  'outcome.failure': 'Failed',
  'outcome.denied': 'Refused',
  'outcome.error': 'Failed',
} as const;

export type AuditMessageKey = keyof typeof en;

export const auditMessages = defineMessages<AuditMessageKey>({
  en,
  es: {
    lead: 'Shieldwall anota aquí cada decisión de seguridad importante, como a quién se dio acceso o qué alerta se compartió, en un registro que nadie puede cambiar sin que se note.',

    'explainer.heading': 'Cómo le protege este registro',
    'explainer.sealed':
      'Cada entrada nueva queda sellada junto con todas las anteriores. Cada vez que se añade una, el servidor firma un breve resumen de todo el registro, llamado {checkpoint}.',
    'explainer.checkpoint': 'punto de control',
    'explainer.evident':
      'Si alguien cambiara o borrara más tarde una entrada antigua, el registro ya no coincidiría con los puntos de control que otras personas han guardado, y el cambio se notaría. Eso es lo que significa que el registro “deja rastro de cualquier manipulación”: los cambios no se pueden ocultar.',
    'explainer.keep':
      'Para ayudar, copie el punto de control actual que aparece abajo y guárdelo fuera de este servidor, por ejemplo en un correo para usted mismo o en una nota. Más adelante, cualquiera podrá usarlo para comprobar que nadie reescribió el registro.',

    'checkpoint.heading': 'Punto de control actual',
    'checkpoint.loading': 'Cargando el punto de control…',
    'checkpoint.failed': 'No pudimos cargar el punto de control.',
    'checkpoint.empty': 'Por ahora el registro está vacío. Este punto de control lo dice, firmado.',
    'checkpoint.covers_one': 'Este punto de control cubre {size} entrada del registro.',
    'checkpoint.covers_other':
      'Este punto de control cubre las primeras {size} entradas del registro.',
    'checkpoint.copy': 'Copiar el punto de control',
    'checkpoint.copied':
      'Punto de control copiado. Péguelo en un lugar seguro, por ejemplo en un correo para usted mismo.',
    'checkpoint.technical': 'Detalles técnicos',
    'checkpoint.log_name': 'Nombre del registro',
    'checkpoint.root': 'Hash raíz',
    'checkpoint.key': 'Clave pública',

    'entries.heading': 'Últimas entradas',
    'entries.loading': 'Cargando las últimas entradas…',
    'entries.failed': 'No pudimos cargar las entradas del registro.',
    'entries.none': 'El registro todavía no tiene entradas.',
    'entries.caption_latest':
      'Las {shown} entradas más recientes de {total}, de la más nueva a la más antigua',
    'entries.caption_all_one': '{count} entrada, la única del registro',
    'entries.caption_all_other': 'Las {count} entradas, de la más nueva a la más antigua',
    'entries.col_index': 'N.º',
    'entries.col_when': 'Cuándo',
    'entries.col_who': 'Quién',
    'entries.col_what': 'Qué pasó',
    'entries.col_result': 'Resultado',
    'entries.unknown_time': 'Desconocido',
    'entries.about': 'sobre {subject}',
    'entries.more': 'Más',
    'outcome.success': 'Salió bien',
    'outcome.failure': 'Falló',
    'outcome.denied': 'Denegado',
    'outcome.error': 'Falló',
  },
});
