/**
 * The modules this build of Shieldwall serves, in navigation order. Adding a
 * module is one line here (STYLE habit 10: registered in one place).
 */
import { accessModule } from './access/index.js';
import { exchangeModule } from './exchange/index.js';
// The CLI file directly, not the audit index: the routes (and their HTTP schemas) load only for `serve`.
import { registerAuditCommands } from './platform/audit/audit-cli.js';
import type { ShieldwallModule } from './platform/module.js';
import { protectModule } from './protect/index.js';

export const modules: readonly ShieldwallModule[] = [
  protectModule,
  accessModule,
  exchangeModule,
  {
    id: 'audit',
    title: 'Audit log',
    summary: 'Every security decision, in a log anyone can check has not been changed.',
    routes: async (app, platform, http) => {
      const { registerAuditRoutes } = await import('./platform/audit/index.js');
      registerAuditRoutes(app, platform.audit, { eventStream: http.eventStream });
    },
    commands: registerAuditCommands,
  },
];
