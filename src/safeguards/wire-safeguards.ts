/**
 * The safeguards services over a composed platform: the lever service (with the
 * access module's keys and organizations behind it), the lever cache the gateway
 * consults, and the risk scores. Loaded on use, so importing the module's index
 * costs a command nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { type Access, accessServices } from '../access/index.js';
import type { LeverGuard } from '../gateway/index.js';
import type { Platform } from '../platform/compose.js';
import { createLeverCache } from './lever-cache.js';
import { createLeverService, type LeverAccessPort, type LeverService } from './lever-service.js';
import { createRiskService, type RiskService, riskPolicyFromConfig } from './risk-service.js';

/** How long a starting server's first gateway calls wait for the levers in force. */
const READY_WAIT_MS = 3000;

export interface SafeguardsServices {
  readonly levers: LeverService;
  readonly risk: RiskService;
  close(): Promise<void>;
}

function accessPort(access: Access): LeverAccessPort {
  return {
    orgId: async (nameOrId) => (await access.directory.getOrg(nameOrId)).id,
    async revokeKeys(target, reason, actor) {
      if (target.type === 'key') {
        await access.keys.revoke(target.id, reason, actor);
        return [target.id];
      }
      if (target.type === 'enduser') return [];
      const keys = await access.keys.list({ type: target.type, id: target.id });
      const revoked: string[] = [];
      for (const k of keys)
        if (k.revokedAt === null) {
          await access.keys.revoke(k.id, reason, actor);
          revoked.push(k.id);
        }
      return revoked;
    },
  };
}

/** Levers and risk scores for CLI commands and HTTP routes. */
export async function safeguardsServices(platform: Platform): Promise<SafeguardsServices> {
  const access = await accessServices(platform);
  const levers = createLeverService({
    store: platform.store,
    bus: platform.bus,
    audit: platform.audit,
    access: accessPort(access),
    now: Date.now,
  });
  const risk = createRiskService({
    store: platform.store,
    levers,
    logger: platform.logger,
    now: Date.now,
    audit: platform.audit,
    policy: riskPolicyFromConfig(platform.config),
  });
  return { levers, risk, close: () => access.close() };
}

/**
 * What the gateway consults on every request: the lever cache (loaded now,
 * following the bus from now on), and the risk scorer that hears each decision
 * and pulls automatic levers.
 */
export async function wireGatewayLevers(
  platform: Platform,
): Promise<LeverGuard & { close(): Promise<void>; readonly services: SafeguardsServices }> {
  const logger = platform.logger.child({ component: 'safeguards' });
  const cache = createLeverCache({
    store: platform.store,
    bus: platform.bus,
    now: Date.now,
    logger,
  });
  await cache.start();
  const access = await accessServices(platform);
  const levers = createLeverService({
    store: platform.store,
    bus: platform.bus,
    audit: platform.audit,
    access: accessPort(access),
    now: Date.now,
  });
  const risk = createRiskService({
    store: platform.store,
    levers,
    cache,
    logger,
    now: Date.now,
    audit: platform.audit,
    policy: riskPolicyFromConfig(platform.config),
  });
  let loaded = false;
  void cache.loaded().then(() => {
    loaded = true;
  });
  return {
    check: (subject) => cache.check(subject),
    // The first calls of a starting server wait (at most READY_WAIT_MS) for the levers instead of a 503.
    ready: () =>
      loaded
        ? Promise.resolve()
        : Promise.race([cache.loaded(), sleep(READY_WAIT_MS, undefined, { ref: false })]),
    observe: (d) => risk.observe(d),
    services: { levers, risk, close: async () => undefined },
    async close() {
      await cache.close();
      await risk.idle();
      await access.close();
    },
  };
}
