/**
 * The `safeguards` module: the real-time classifier the gateway calls on every
 * request and response (cyber-misuse categories, jailbreak de-obfuscation,
 * per-tier policy), and the `shieldwall safeguards classify` command. The
 * engine (src/safeguards/engine/) is pure and also runs in the browser.
 */
import type { ShieldwallModule } from '../platform/module.js';
import { registerSafeguardsCommands } from './cli.js';

export {
  type Classification,
  type ClassifyInput,
  classifyPrompt,
  DEFAULT_SAFEGUARD_POLICY,
  type Decision,
  loadSafeguardsModel,
  RISK_CATEGORIES,
  type RiskCategory,
  type SafeguardPolicy,
  type SafeguardsModel,
  validateSafeguardPolicy,
} from './engine/index.js';
export { readSafeguardsModel, shippedSafeguardsModel } from './load-model.js';

import type { ScreenInput, ScreenResult } from './safeguard-screen.js';

export {
  createSafeguardScreen,
  type SafeguardScreen,
  type SafeguardScreenDeps,
  type ScreenAuditSink,
  type ScreenInput,
  type ScreenResult,
} from './safeguard-screen.js';

/**
 * The screen the gateway runs before every upstream call and on every answer,
 * with the shipped model and the default tier policy. It does not write to the
 * audit log itself: the gateway records every decision with the request and
 * audits the ones that refuse (block, friction), so one decision is one entry.
 *
 * @example
 * createGatewayModule({ screen: async () => (await import('./safeguards/index.js')).gatewayScreen() });
 */
export async function gatewayScreen(): Promise<{
  screenPrompt(input: ScreenInput): Promise<ScreenResult>;
  screenResponse(input: ScreenInput): Promise<ScreenResult>;
}> {
  const [{ createSafeguardScreen }, { shippedSafeguardsModel }] = await Promise.all([
    import('./safeguard-screen.js'),
    import('./load-model.js'),
  ]);
  const screen = createSafeguardScreen({ model: await shippedSafeguardsModel() });
  return {
    screenPrompt: (input) => screen.screen(input),
    screenResponse: (input) => screen.screen(input),
  };
}

/**
 * @example
 * // src/modules.ts
 * export const modules = [protectModule, accessModule, exchangeModule, safeguardsModule, auditModule];
 */
export const safeguardsModule: ShieldwallModule = {
  id: 'safeguards',
  title: 'Safeguards',
  summary: "Checks every AI request for cyber misuse and applies each trust tier's policy.",
  nav: false,
  commands: registerSafeguardsCommands,
};
