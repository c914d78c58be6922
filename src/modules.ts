/**
 * The modules this build of Shieldwall serves, in navigation order. Adding a
 * module is one line here (STYLE habit 10: registered in one place).
 */
import { accessModule } from './access/index.js';
import { detectModule } from './detect/index.js';
import { exchangeModule } from './exchange/index.js';
import { createGatewayModule } from './gateway/index.js';
// The CLI file directly, not the audit index: the routes (and their HTTP schemas) load only for `serve`.
import { registerAuditCommands } from './platform/audit/audit-cli.js';
import type { ShieldwallModule } from './platform/module.js';
import { protectModule } from './protect/index.js';
import { provenanceModule } from './provenance/index.js';
import { safeguardsModule } from './safeguards/index.js';
import { vulnModule } from './vuln/index.js';

export const modules: readonly ShieldwallModule[] = [
  protectModule,
  accessModule,
  // Every gateway request is screened by the safeguards classifier (loaded with the gateway, on serve).
  createGatewayModule({
    // Known-bad indicators shared through the exchange raise risk and are cited (threat-intel enrichment).
    screen: async (platform) => (await import('./safeguards/index.js')).gatewayScreen(platform),
    // Levers (restrict, friction, revoke) in force, kept current from the bus; risk scores.
    levers: async (platform) => (await import('./safeguards/index.js')).gatewayLevers(platform),
  }),
  exchangeModule,
  safeguardsModule,
  provenanceModule,
  vulnModule,
  detectModule,
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
