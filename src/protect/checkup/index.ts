/**
 * The small-business checkup as one of protect's features: its table, its routes (imported on
 * use, like the checker's) and its CLI commands.
 */
import type { ShieldwallModule } from '../../platform/module.js';
import { registerCheckupCommands } from './checkup-cli.js';
import { checkupMigrations } from './checkup-tables.js';

export const checkupFeature: Pick<ShieldwallModule, 'migrations' | 'routes' | 'commands'> = {
  migrations: checkupMigrations,
  routes: async (app, platform) => {
    const [{ registerCheckupRoutes }, { createCheckupService }] = await Promise.all([
      import('./checkup-routes.js'),
      import('./checkup-service.js'),
    ]);
    const service = createCheckupService({
      store: platform.store,
      audit: platform.audit,
      now: Date.now,
    });
    registerCheckupRoutes(app, { service, platform });
  },
  commands: registerCheckupCommands,
};
