/**
 * The tamper-evident audit log: the one door other code uses. Every module calls
 * `audit.append(…)` for each security-relevant change; anyone can check the log
 * with `shieldwall audit verify`, the proofs under /api/audit, or the pure engine
 * in `./engine/index.js` (which also runs in the browser).
 */

/**
 * Register `shieldwall audit verify [--checkpoint FILE]` and `shieldwall audit tail [-n N] [--follow]`.
 *
 * @example
 * const audit: ShieldwallModule = { id: 'audit', …, commands: registerAuditCommands };
 */
export { registerAuditCommands } from './audit-cli.js';
/**
 * The shapes the log hands out.
 *
 * @example
 * function show(entry: AuditEntry): string {
 *   return `#${entry.index} ${entry.time} ${entry.actor} ${entry.action}`;
 * }
 */
export type { AppendInput, AuditEntry, AuditOutcome } from './audit-entry.js';
export type { AuditKey, AuditSigner } from './audit-key.js';
/**
 * Load the Ed25519 checkpoint-signing key (PKCS#8 PEM), creating it with mode 0600
 * on first start; refuses a key file other users can read or write.
 *
 * @example
 * const signer = await loadOrCreateAuditKey('/var/lib/shieldwall/audit-signing-key.pem');
 * if (signer.created) logger.info('created a new audit signing key: back it up');
 */
export { loadOrCreateAuditKey } from './audit-key.js';
export type {
  AuditAppendedEvent,
  AuditLog,
  AuditLogOptions,
  AuditPublicKey,
  PendingAuditEntry,
} from './audit-log.js';
/**
 * Create the audit log service over the store and bus.
 *
 * @example
 * const audit = createAuditLog({
 *   store, bus, logger,
 *   signer: await loadOrCreateAuditKey(join(config.data, 'audit-signing-key.pem')),
 *   origin: config.auditOrigin,
 *   now: () => Date.now(),
 * });
 * const entry = await audit.append({
 *   actor: 'user:42', action: 'access.key.revoked', subject: 'key:k_9f',
 *   data: { reason: 'leaked' }, requestId: request.id,
 * });
 * const report = await audit.verify({ checkpoint: savedCheckpointText });
 * if (!report.ok) for (const p of report.problems) console.log(p.index, p.message);
 */
/** The subject every append is announced on: `audit.appended` with `{ index, treeSize, root }`. */
export { AUDIT_APPENDED, createAuditLog } from './audit-log.js';
export type { ConsistencyProof, InclusionProof } from './audit-proofs.js';
export type { AuditCheckpoint, AuditEntryPage } from './audit-reads.js';
/**
 * Register GET /api/audit/{checkpoint, entries, entries/:index, proof/inclusion,
 * proof/consistency, public-key} and, given the server's event streams, /api/audit/stream.
 *
 * @example
 * routes: (app, platform, http) =>
 *   registerAuditRoutes(app, platform.audit, { eventStream: http.eventStream }),
 */
export { registerAuditRoutes } from './audit-routes.js';
/**
 * Schema migrations for the audit tables (`audit_entry`, `audit_node`); the same
 * list works on SQLite and PostgreSQL.
 *
 * @example
 * const store = createSqliteStore({ file, migrations: [...auditMigrations] });
 * await store.migrate();
 */
export { auditMigrations } from './audit-tables.js';
export type { VerifyOptions } from './audit-verify.js';
export type { VerifyProblem, VerifyProblemKind, VerifyReport } from './verify-report.js';
