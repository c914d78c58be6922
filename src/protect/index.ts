/**
 * The `protect` module: "Is this a scam?" for texts, emails, links and phone
 * numbers — the HTTP API, its tables and the CLI command. The engine itself
 * (src/protect/engine/) is pure and also runs in the browser.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { afterScamFeature } from './after/index.js';
import { checkupFeature } from './checkup/index.js';
import { registerProtectCommands } from './cli.js';
import { emailDomainFeature } from './domain/index.js';
import { practiceFeature } from './practice/index.js';
import { protectMigrations } from './protect-tables.js';

/**
 * Protect's features beyond the checker (after a click, reporting, practice, small-business
 * checkup, email-domain health), each in its own folder with its own tables, routes and commands.
 * Adding one is one line here. Routes are imported on use, like the checker's.
 */
type ProtectFeature = Pick<ShieldwallModule, 'migrations' | 'routes' | 'commands'>;
const features: readonly ProtectFeature[] = [
  afterScamFeature,
  checkupFeature,
  emailDomainFeature,
  practiceFeature,
];

export const protectModule: ShieldwallModule = {
  id: 'protect',
  title: 'Is this a scam?',
  summary:
    'Check a text, email, link or phone number on your own device, and learn what to do next.',
  migrations: [...protectMigrations, ...features.flatMap((feature) => feature.migrations ?? [])],
  // Imported on use: the CLI's `check` starts without the HTTP schemas and the engine.
  routes: async (app, platform, http) => {
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
    for (const feature of features) await feature.routes?.(app, platform, http);
  },
  commands: (program, context) => {
    registerProtectCommands(program, context);
    for (const feature of features) feature.commands?.(program, context);
  },
};
