/**
 * Email-domain health as one of protect's features: `shieldwall domain check`,
 * GET/POST /api/protect/domain-check, and the /protect/email-domain page. No
 * tables: nothing about a checked domain is stored. Routes are imported on use.
 */
import type { Platform } from '../../platform/compose.js';
import type { ShieldwallModule } from '../../platform/module.js';
import { registerDomainCommands } from './domain-cli.js';

export const emailDomainFeature: Pick<ShieldwallModule, 'routes' | 'commands'> = {
  routes: async (app, platform: Platform) => {
    const [routes, service, dns, fetch, access] = await Promise.all([
      import('./domain-routes.js'),
      import('./domain-check-service.js'),
      import('./dns-lookups.js'),
      import('./mta-sts-fetch.js'),
      import('../../access/index.js'),
    ]);
    const { parseResolverList } = await import('./domain-name.js');
    const servers =
      platform.config.dns === undefined ? undefined : parseResolverList(platform.config.dns);
    if (servers === null)
      throw new Error(
        'SHIELDWALL_DNS must be IP:PORT, comma-separated (at most 5), e.g. 127.0.0.1:5353',
      );
    routes.registerDomainRoutes(app, {
      service: service.createDomainCheckService({
        dns: dns.createDnsLookups({ servers }),
        fetchPolicy: fetch.createPolicyFetcher(),
        today: () => service.todayStamp(Date.now()),
      }),
      limiter: platform.limiter,
      gate: access.accessGate(app),
      checksPerMinute: routes.DOMAIN_CHECKS_PER_MINUTE,
      maxInFlight: routes.DOMAIN_CHECKS_IN_FLIGHT,
    });
  },
  commands: (program, context) => registerDomainCommands(program, context),
};
