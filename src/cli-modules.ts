/**
 * Which module registers which top-level command, so that `shieldwall check`
 * loads the protect module alone and not the other seven (each module's index
 * pulls its whole command tree: importing all of them cost ~300 ms of a cold
 * start whose goal is 400 ms). `src/modules.ts` stays the one list of modules;
 * `cli-modules.test.ts` fails when a module's commands and this map disagree.
 */
import type { LazyModules } from './platform/cli/program.js';
import type { ShieldwallModule } from './platform/module.js';

const protect = async () => (await import('./protect/index.js')).protectModule;

/** Top-level command name → the module that registers it. */
export const commandOwners: Readonly<Record<string, () => Promise<ShieldwallModule>>> = {
  check: protect,
  recovery: protect,
  'report-channels': protect,
  checkup: protect,
  domain: protect,
  practice: protect,
  exercise: protect,
  admin: async () => (await import('./access/index.js')).accessModule,
  intel: async () => (await import('./exchange/index.js')).exchangeModule,
  safeguards: async () => (await import('./safeguards/index.js')).safeguardsModule,
  lever: async () => (await import('./safeguards/index.js')).safeguardsModule,
  model: async () => (await import('./provenance/index.js')).provenanceModule,
  vuln: async () => (await import('./vuln/index.js')).vulnModule,
  detect: async () => (await import('./detect/index.js')).detectModule,
  audit: async () => (await import('./platform/audit/audit-module.js')).auditModule,
};

export const lazyModules: LazyModules = {
  all: async () => (await import('./modules.js')).modules,
  async forCommand(name) {
    const owner = Object.hasOwn(commandOwners, name) ? commandOwners[name] : undefined;
    return owner === undefined ? undefined : [await owner()];
  },
};
