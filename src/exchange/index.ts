/**
 * The `exchange` module: threat intelligence shared in real time between
 * defenders — a STIX 2.1 store with every version kept, a TAXII 2.1 server,
 * TLP 2.0 on every read. The pure engine (src/exchange/engine/) validates STIX
 * objects and parses, validates and evaluates STIX patterns.
 */
import type { Platform } from '../platform/compose.js';
import type { ShieldwallModule } from '../platform/module.js';
import { registerIntelCommands } from './cli.js';
import type { Exchange } from './exchange-service.js';
import { exchangeMigrations } from './exchange-tables.js';
import type { IndicatorIndex, IndicatorLookup } from './indicator-index.js';

export type { IndicatorLookup, KnownIndicator } from './indicator-index.js';

/** One exchange service and one indicator index per composed platform (server or CLI run). */
const running = new WeakMap<Platform, Promise<{ exchange: Exchange; index: IndicatorIndex }>>();

function exchangeFor(platform: Platform) {
  let found = running.get(platform);
  if (found === undefined) {
    found = (async () => {
      const [{ createExchange }, { createIndicatorIndex }] = await Promise.all([
        import('./exchange-service.js'),
        import('./indicator-index.js'),
      ]);
      const exchange = createExchange({
        store: platform.store,
        audit: platform.audit,
        bus: platform.bus,
        now: Date.now,
      });
      const index = createIndicatorIndex({
        objects: exchange.objects,
        bus: platform.bus,
        logger: platform.logger,
        now: Date.now,
      });
      return { exchange, index };
    })();
    running.set(platform, found);
  }
  return found;
}

/**
 * Known-bad URLs, domains, email and IP addresses from shared TLP:CLEAR
 * indicators, kept current from the bus: the scam checker's (and anyone's)
 * threat-intel matcher. Loading starts on first use and retries until the store is ready.
 *
 * @example
 * const matcher = await threatIntelMatcher(platform);
 * createScamChecker({ models, matcher });
 */
export async function threatIntelMatcher(platform: Platform): Promise<IndicatorLookup> {
  const { index } = await exchangeFor(platform);
  index.startInBackground(() => platform.state.migrated);
  return index.matcher();
}

export const exchangeModule: ShieldwallModule = {
  id: 'exchange',
  title: 'Threat intelligence',
  summary: 'Warnings about scams and attacks, shared with other defenders in seconds.',
  // An API for now (TAXII 2.1); its web pages come later.
  nav: false,
  migrations: exchangeMigrations,
  routes: async (app, platform, http) => {
    const [{ registerTaxiiRoutes }, { registerStreamRoute }] = await Promise.all([
      import('./taxii-routes.js'),
      import('./stream-route.js'),
    ]);
    const { exchange, index } = await exchangeFor(platform);
    const { createCommunityReports } = await import('./community-reports.js');
    // People's scam reports become shared indicators past a threshold (step 2 of the loop).
    const community = createCommunityReports({
      store: platform.store,
      bus: platform.bus,
      audit: platform.audit,
      exchange,
      logger: platform.logger,
      threshold: platform.config.intelReportThreshold,
      origin: platform.config.publicUrl ?? platform.config.auditOrigin,
      now: Date.now,
    });
    await community.start();
    app.addHook('onClose', async () => {
      await community.close();
      await index.close();
    });
    registerTaxiiRoutes(app, { exchange });
    registerStreamRoute(app, { exchange, eventStream: http.eventStream });
  },
  commands: registerIntelCommands,
};
