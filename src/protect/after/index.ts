/**
 * "After a scam" as one of protect's features: recovery checklists, where to report by country,
 * and trusted-contact alerts. No tables of its own (done-ticks stay on the person's device; the
 * rate limit lives in the limiter port; decisions go to the audit log). Routes are imported on
 * use, like the checker's.
 */
import type { Platform } from '../../platform/compose.js';
import type { ShieldwallModule } from '../../platform/module.js';
import { registerAfterCommands } from './after-cli.js';

export const afterScamFeature: Pick<ShieldwallModule, 'routes' | 'commands'> = {
  routes: async (app, platform: Platform) => {
    const [{ registerAfterRoutes }, { createContactAlertService }, access] = await Promise.all([
      import('./after-routes.js'),
      import('./contact-alert.js'),
      import('../../access/index.js'),
    ]);
    registerAfterRoutes(app, {
      gate: access.accessGate(app),
      alerts: createContactAlertService({
        alerts: await access.contactAlerts(platform),
        limiter: platform.limiter,
        audit: platform.audit,
      }),
    });
  },
  commands: registerAfterCommands,
};
