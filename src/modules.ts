/**
 * The modules this build of Shieldwall serves, in navigation order. Adding a
 * module is one line here (STYLE habit 10: registered in one place).
 */
import { registerAuditCommands, registerAuditRoutes } from './platform/audit/index.js';
import type { ShieldwallModule } from './platform/module.js';
import { protectModule } from './protect/index.js';

export const modules: readonly ShieldwallModule[] = [
  protectModule,
  {
    id: 'audit',
    title: 'Audit log',
    summary: 'Every security decision, in a log anyone can check has not been changed.',
    routes: (app, platform, http) =>
      registerAuditRoutes(app, platform.audit, { eventStream: http.eventStream }),
    commands: registerAuditCommands,
  },
];
