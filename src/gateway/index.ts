/**
 * The `gateway` module: an OpenAI-compatible gateway (`/v1/chat/completions`,
 * `/v1/responses`, `/v1/models`) that grants each caller the AI models of its
 * trust tier, with limits per key and organization, a screen (the safeguards
 * module's) before every upstream call, fail-over between upstreams, and a
 * record of every request for monitoring.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { gatewayMigrations } from './gateway-tables.js';
import type { LeverProvider, ScreenProvider } from './wire-gateway.js';

export type { GatewayRequestRow, GatewayTables } from './gateway-tables.js';
export type { LeverEffect, LeverGuard, ObservedDecision } from './lever-guard.js';
export { allowAllScreen, type Screen, type ScreenInput, type ScreenResult } from './screen.js';
export type { LeverProvider, ScreenProvider } from './wire-gateway.js';

/**
 * The gateway module with a screen plugged in (the safeguards module's, when it
 * exists); without one every prompt is allowed.
 *
 * @example
 * // src/modules.ts
 * createGatewayModule({ screen: async (platform) => (await import('./safeguards/index.js')).screenFor(platform) })
 */
export function createGatewayModule(
  options: { readonly screen?: ScreenProvider; readonly levers?: LeverProvider } = {},
): ShieldwallModule {
  return {
    id: 'gateway',
    title: 'AI gateway',
    summary: 'AI models for defenders, through one OpenAI-compatible address, as your tier allows.',
    nav: false,
    migrations: gatewayMigrations,
    routes: async (app, platform) => {
      const { wireGateway } = await import('./wire-gateway.js');
      await wireGateway(app, platform, options);
    },
  };
}

/**
 * The gateway as `src/modules.ts` registers it (no screen yet: allow everything).
 *
 * @example
 * export const modules = [protectModule, accessModule, gatewayModule, exchangeModule];
 */
export const gatewayModule: ShieldwallModule = createGatewayModule();
