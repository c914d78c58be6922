import { defineErrorCodes } from '../errors.js';

/**
 * The audit log's stable error codes (STYLE habit 4). Clients branch on the
 * code; the message is plain and safe to show; causes go to the log only.
 */
export const auditErrors = defineErrorCodes({
  audit_entry_invalid: {
    status: 400,
    message: 'The audit entry is not valid.',
  },
  audit_entry_not_found: {
    status: 404,
    message: 'There is no audit entry with that index.',
  },
  audit_range_invalid: {
    status: 400,
    message: 'Those indexes or tree sizes do not fit the audit log.',
  },
  audit_checkpoint_invalid: {
    status: 400,
    message: 'That is not a checkpoint signed by this audit log.',
  },
  audit_state_invalid: {
    status: 500,
    message:
      'The stored audit log does not add up, so nothing more is written to it or proved from it. Run `shieldwall audit verify`.',
  },
  audit_key_invalid: {
    status: 500,
    message: 'The audit signing key cannot be used.',
  },
  audit_origin_invalid: {
    status: 500,
    message:
      'The audit origin must be a non-empty name without spaces or "+" (for example audit.example.org).',
  },
});

export type AuditErrorCode = keyof typeof auditErrors.table;
