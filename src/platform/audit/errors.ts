import { defineErrorCodes } from '../errors.js';

/**
 * The audit log's stable error codes (STYLE habit 4). Clients branch on the
 * code; the message is plain and safe to show; causes go to the log only.
 */
export const auditErrors = defineErrorCodes({
  audit_entry_invalid: {
    status: 400,
    message: 'The audit entry is not valid.',
    es: 'La entrada del registro de auditoría no es válida.',
  },
  audit_entry_not_found: {
    status: 404,
    message: 'There is no audit entry with that index.',
    es: 'No hay ninguna entrada del registro de auditoría con ese índice.',
  },
  audit_range_invalid: {
    status: 400,
    message: 'Those indexes or tree sizes do not fit the audit log.',
    es: 'Esos índices o tamaños del árbol no corresponden al registro de auditoría.',
  },
  audit_checkpoint_invalid: {
    status: 400,
    message: 'That is not a checkpoint signed by this audit log.',
    es: 'Ese no es un punto de control firmado por este registro de auditoría.',
  },
  audit_state_invalid: {
    status: 500,
    message:
      'The stored audit log does not add up, so nothing more is written to it or proved from it. Run `shieldwall audit verify`.',
    es: 'El registro de auditoría guardado no cuadra, así que no se escribe ni se demuestra nada más con él. Ejecute `shieldwall audit verify`.',
  },
  audit_key_invalid: {
    status: 500,
    message: 'The audit signing key cannot be used.',
    es: 'No se puede usar la clave de firma de la auditoría.',
  },
  audit_origin_invalid: {
    status: 500,
    message:
      'The audit origin must be a non-empty name without spaces or "+" (for example audit.example.org).',
    es: 'El origen de la auditoría debe ser un nombre no vacío, sin espacios ni "+" (por ejemplo audit.example.org).',
  },
});

export type AuditErrorCode = keyof typeof auditErrors.table;
