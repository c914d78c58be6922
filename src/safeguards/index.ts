/**
 * The `safeguards` module: the real-time classifier the gateway calls on every
 * request and response (cyber-misuse categories, jailbreak de-obfuscation,
 * per-tier policy), and the `shieldwall safeguards classify` command. The
 * engine (src/safeguards/engine/) is pure and also runs in the browser.
 */
import type { LeverGuard } from '../gateway/index.js';
import type { Platform } from '../platform/compose.js';
import type { ShieldwallModule } from '../platform/module.js';
import { registerSafeguardsCommands } from './cli.js';
import { registerLeverCommands } from './lever-cli.js';
import { safeguardsMigrations } from './safeguards-tables.js';

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
export {
  type Lever,
  type LeverKind,
  type LeverVerdict,
  parseTarget,
} from './engine/lever-rules.js';
export {
  DEFAULT_RISK_POLICY,
  type RiskPolicy,
} from './engine/risk-score.js';
export { storeFindings } from './finding-store.js';
export { LEVER_CHANGED } from './lever-service.js';
export { readSafeguardsModel, shippedSafeguardsModel } from './load-model.js';
export { type NoticeData, type NoticeKind, noticeText } from './notice-text.js';
export type {
  SafeguardsLeverRow,
  SafeguardsRiskRow,
  SafeguardsTables,
} from './safeguards-tables.js';
export type { SafeguardsServices } from './wire-safeguards.js';

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
 * createGatewayModule({ screen: async (platform) => (await import('./safeguards/index.js')).gatewayScreen(platform) });
 */
export async function gatewayScreen(platform?: Platform): Promise<{
  screenPrompt(input: ScreenInput): Promise<ScreenResult>;
  screenResponse(input: ScreenInput): Promise<ScreenResult>;
}> {
  const [{ createSafeguardScreen }, { shippedSafeguardsModel }] = await Promise.all([
    import('./safeguard-screen.js'),
    import('./load-model.js'),
  ]);
  // Known-bad domains, addresses and hashes, and known AI-abuse patterns, shared through the
  // exchange raise risk and are cited; an abuse pattern also sets a floor (monitor or friction).
  const exchange = platform === undefined ? undefined : await import('../exchange/index.js');
  const [intel, abuse] =
    exchange === undefined || platform === undefined
      ? [undefined, undefined]
      : await Promise.all([
          exchange.threatIntelMatcher(platform),
          exchange.abuseSignatureMatcher(platform),
        ]);
  const screen = createSafeguardScreen({
    model: await shippedSafeguardsModel(),
    ...(intel === undefined ? {} : { intel }),
    ...(abuse === undefined ? {} : { abuse }),
  });
  return {
    screenPrompt: (input) => screen.screen(input),
    screenResponse: (input) => screen.screen(input),
  };
}

/**
 * The levers the gateway consults on every request: loaded from the store now and
 * kept current from the bus (`safeguards.lever.changed`), with the risk scorer that
 * hears each prompt decision and pulls automatic levers by policy thresholds.
 *
 * @example
 * createGatewayModule({ levers: async (platform) => (await import('./safeguards/index.js')).gatewayLevers(platform) });
 */
export async function gatewayLevers(
  platform: Platform,
): Promise<LeverGuard & { close(): Promise<void> }> {
  const { wireGatewayLevers } = await import('./wire-safeguards.js');
  return wireGatewayLevers(platform);
}

/**
 * Levers and risk scores over a composed platform (CLI commands, other modules' tests).
 *
 * @example
 * const s = await safeguardsServices(platform);
 * await s.levers.pull({ kind: 'revoke', target: 'key:k_1', reason: 'stolen' }, { id: 'cli:me' });
 * await s.close();
 */
export async function safeguardsServices(
  platform: Platform,
): Promise<import('./wire-safeguards.js').SafeguardsServices> {
  const wire = await import('./wire-safeguards.js');
  return wire.safeguardsServices(platform);
}

/**
 * @example
 * // src/modules.ts
 * export const modules = [protectModule, accessModule, exchangeModule, safeguardsModule, auditModule];
 */
export const safeguardsModule: ShieldwallModule = {
  id: 'safeguards',
  title: 'AI safeguards',
  summary:
    "Checks every AI request for cyber misuse and applies each trust tier's policy; limits on your account and appeals.",
  nav: true,
  migrations: safeguardsMigrations,
  routes: async (app, platform, http) => {
    const [
      { registerLeverRoutes },
      { registerAppealRoutes },
      { registerConsoleRoutes },
      { subjectNamesFor },
      wire,
    ] = await Promise.all([
      import('./lever-routes.js'),
      import('./appeal-routes.js'),
      import('./console-routes.js'),
      import('./subject-names.js'),
      import('./wire-safeguards.js'),
    ]);
    const services = await wire.safeguardsServices(platform);
    // Who subjects are (organizations, people, keys, end users), for the operators' console.
    const names = await subjectNamesFor(platform);
    app.addHook('onClose', () => names.close());
    registerLeverRoutes(app, services, names);
    // Insider-threat findings from the model registry feed risk scores (issue 7).
    const { startInsiderConsumer } = await import('./insider-consumer.js');
    const insider = await startInsiderConsumer(platform, services.levers);
    app.addHook('onClose', () => insider.close());
    registerAppealRoutes(app, services, names);
    registerConsoleRoutes(app, { store: platform.store, eventStream: http.eventStream, names });
    // Servers deliver the owners' webhooks (the CLI only writes the notices).
    services.webhooks.start(() => platform.state.migrated && !platform.state.closing);
    app.addHook('onClose', () => services.close());
  },
  commands: (program, context) => {
    registerSafeguardsCommands(program, context);
    registerLeverCommands(program, context);
  },
};
