/**
 * Practice by example and organization exercises, as one feature of the protect module: its
 * tables, its routes (imported on use, like the checker's) and its commands.
 */
import type { ShieldwallModule } from '../../platform/module.js';
import { registerPracticeCommands } from './practice-cli.js';
import { practiceMigrations } from './practice-tables.js';

export const practiceFeature: Pick<ShieldwallModule, 'migrations' | 'routes' | 'commands'> = {
  migrations: practiceMigrations,
  routes: async (app, platform) => {
    const [
      { randomBytes },
      { accessServices },
      { createExerciseService },
      { registerPracticeRoutes },
    ] = await Promise.all([
      import('node:crypto'),
      import('../../access/index.js'),
      import('./exercise-service.js'),
      import('./practice-routes.js'),
    ]);
    const access = await accessServices(platform);
    const exercises = createExerciseService({
      store: platform.store,
      audit: platform.audit,
      now: Date.now,
      randomBytes: (n) => randomBytes(n),
      orgs: { members: (orgId) => access.directory.members(orgId) },
    });
    app.addHook('onClose', async () => {
      await access.close();
    });
    registerPracticeRoutes(app, { exercises, limiter: platform.limiter });
  },
  commands: registerPracticeCommands,
};
