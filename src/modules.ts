/**
 * The modules this build of Shieldwall serves, in navigation order. Adding a
 * module is one line here (STYLE habit 10: registered in one place), plus its
 * top-level commands in src/cli-modules.ts (a test says when that map is behind).
 */
import { accessModule } from './access/index.js';
import { detectModule } from './detect/index.js';
import { exchangeModule } from './exchange/index.js';
import { createGatewayModule } from './gateway/index.js';
import { auditModule } from './platform/audit/audit-module.js';
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
  auditModule,
];
