/**
 * The audit log as a module of its own: its page, routes and `shieldwall audit` commands.
 * The CLI file is imported directly, not the audit index: the routes (and their HTTP
 * schemas) load only for `serve`.
 */
import type { ShieldwallModule } from '../module.js';
import { registerAuditCommands } from './audit-cli.js';

export const auditModule: ShieldwallModule = {
  id: 'audit',
  title: 'Audit log',
  summary: 'Every security decision, in a log anyone can check has not been changed.',
  routes: async (app, platform, http) => {
    const { registerAuditRoutes } = await import('./index.js');
    registerAuditRoutes(app, platform.audit, { eventStream: http.eventStream });
  },
  commands: registerAuditCommands,
};
