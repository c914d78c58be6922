/**
 * The `protect` module: "Is this a scam?" for texts, emails, links and phone
 * numbers — the HTTP API, its tables and the CLI command. The engine itself
 * (src/protect/engine/) is pure and also runs in the browser.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { registerProtectCommands } from './cli.js';
import { protectMigrations } from './protect-tables.js';

export const protectModule: ShieldwallModule = {
  id: 'protect',
  title: 'Is this a scam?',
  summary:
    'Check a text, email, link or phone number on your own device, and learn what to do next.',
  migrations: protectMigrations,
  // Imported on use: the CLI's `check` starts without the HTTP schemas and the engine.
  routes: async (app, platform) => {
    const [{ checkerWithIntel }, { registerProtectRoutes }, { createProtectService }, exchange] =
      await Promise.all([
        import('./checker.js'),
        import('./protect-routes.js'),
        import('./protect-service.js'),
        import('../exchange/index.js'),
      ]);
    // Known-bad links and addresses shared through the exchange become strong evidence.
    const matcher = await exchange.threatIntelMatcher(platform);
    const service = createProtectService({
      store: platform.store,
      audit: platform.audit,
      bus: platform.bus,
      checker: checkerWithIntel(matcher),
      now: Date.now,
      shareDays: platform.config.shareDays,
    });
    registerProtectRoutes(app, {
      service,
      limiter: platform.limiter,
      checksPerMinute: platform.config.checkRateLimit,
    });
  },
  commands: registerProtectCommands,
};
