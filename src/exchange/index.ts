/**
 * The `exchange` module: threat intelligence shared in real time between
 * defenders — a STIX 2.1 store with every version kept, a TAXII 2.1 server,
 * TLP 2.0 on every read. The pure engine (src/exchange/engine/) validates STIX
 * objects and parses, validates and evaluates STIX patterns.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { exchangeMigrations } from './exchange-tables.js';

export const exchangeModule: ShieldwallModule = {
  id: 'exchange',
  title: 'Threat intelligence',
  summary: 'Warnings about scams and attacks, shared with other defenders in seconds.',
  // An API for now (TAXII 2.1); its web pages come later.
  nav: false,
  migrations: exchangeMigrations,
  routes: async (app, platform, http) => {
    const [{ createExchange }, { registerTaxiiRoutes }, { registerStreamRoute }] =
      await Promise.all([
        import('./exchange-service.js'),
        import('./taxii-routes.js'),
        import('./stream-route.js'),
      ]);
    const exchange = createExchange({
      store: platform.store,
      audit: platform.audit,
      bus: platform.bus,
      now: Date.now,
    });
    registerTaxiiRoutes(app, { exchange });
    registerStreamRoute(app, { exchange, eventStream: http.eventStream });
  },
};
