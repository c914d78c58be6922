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
import { type AppealService, createAppealService } from './appeal-service.js';
import { createDecisionFeed } from './decision-feed.js';
import type { LeverTarget } from './engine/lever-rules.js';
import { createLeverCache } from './lever-cache.js';
import { createLeverService, type LeverAccessPort, type LeverService } from './lever-service.js';
import { createOwnerNotices, type OwnerNotices } from './owner-notices.js';
import { createOwnerWebhooks, type OwnerWebhooks } from './owner-webhooks.js';
import { createRiskService, type RiskService, riskPolicyFromConfig } from './risk-service.js';

/** How long a starting server's first gateway calls wait for the levers in force. */
const READY_WAIT_MS = 3000;

export interface SafeguardsServices {
  readonly levers: LeverService;
  readonly risk: RiskService;
  readonly notices: OwnerNotices;
  readonly appeals: AppealService;
  readonly webhooks: OwnerWebhooks;
  close(): Promise<void>;
}

/** Whose a target is: the organization (its keys and end users too) or the account. */
async function ownerOf(access: Access, target: LeverTarget): Promise<string | null> {
  if (target.type === 'org') return `org:${target.id}`;
  if (target.type === 'user') return `user:${target.id}`;
  if (target.type === 'key') {
    try {
      const key = await access.keys.info(target.id);
      return `${key.ownerType}:${key.ownerId}`;
    } catch {
      return null;
    }
  }
  // An end user's part before the slash is an organization (resolved to its id) or a user id.
  try {
    return `org:${(await access.directory.getOrg(target.org)).id}`;
  } catch {
    return `user:${target.org}`;
  }
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
    ownerOf: (target) => ownerOf(access, target),
  };
}

/** The lever service with owner notices, appeals and the owners' webhooks around it. */
function leversWithOwners(platform: Platform, access: Access) {
  const logger = platform.logger.child({ component: 'safeguards' });
  // The notices need the lever service's ownerOf and the lever service tells the notices: tie the knot.
  let levers: LeverService | undefined;
  const notices = createOwnerNotices({
    store: platform.store,
    audit: platform.audit,
    logger,
    now: Date.now,
    ownerOf: async (target) => (levers === undefined ? null : levers.ownerOf(target)),
  });
  levers = createLeverService({
    store: platform.store,
    bus: platform.bus,
    audit: platform.audit,
    access: accessPort(access),
    now: Date.now,
    notify: (change) => notices.leverChanged(change),
  });
  const webhooks = createOwnerWebhooks({
    store: platform.store,
    audit: platform.audit,
    sealer: platform.sealer,
    logger,
    // One switch for the server's outbound webhooks until safeguards has a setting of its own.
    allowInternal: platform.config.intelWebhooksAllowInternal,
    limiter: platform.limiter,
    now: Date.now,
  });
  return { levers, notices, webhooks, logger };
}

/** Levers and risk scores for CLI commands and HTTP routes. */
export async function safeguardsServices(platform: Platform): Promise<SafeguardsServices> {
  const access = await accessServices(platform);
  const { levers, notices, webhooks, logger } = leversWithOwners(platform, access);
  const risk = createRiskService({
    store: platform.store,
    levers,
    logger,
    now: Date.now,
    audit: platform.audit,
    policy: riskPolicyFromConfig(platform.config),
  });
  const appeals = createAppealService({
    store: platform.store,
    audit: platform.audit,
    levers,
    risk,
    notices,
    logger,
    now: Date.now,
  });
  return {
    levers,
    risk,
    notices,
    appeals,
    webhooks,
    close: async () => {
      await webhooks.close();
      await access.close();
    },
  };
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
  const { levers, notices, webhooks } = leversWithOwners(platform, access);
  const risk = createRiskService({
    store: platform.store,
    levers,
    cache,
    logger,
    now: Date.now,
    audit: platform.audit,
    policy: riskPolicyFromConfig(platform.config),
  });
  const appeals = createAppealService({
    store: platform.store,
    audit: platform.audit,
    levers,
    risk,
    notices,
    logger,
    now: Date.now,
  });
  const feed = createDecisionFeed({ bus: platform.bus, logger });
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
    observe: (d) => {
      risk.observe(d);
      feed.observe(d);
    },
    services: { levers, risk, notices, appeals, webhooks, close: async () => undefined },
    async close() {
      await cache.close();
      await risk.idle();
      await access.close();
    },
  };
}
