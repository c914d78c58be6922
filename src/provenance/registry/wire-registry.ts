/**
 * The registry over a composed platform: its services, and its routes on a server.
 * Loaded on use (only `serve` and the registry's CLI commands need it).
 */
import { accessGate, accessServices } from '../../access/index.js';
import type { Platform } from '../../platform/compose.js';
import type { App } from '../../platform/http/app.js';
import { createInsiderService, type InsiderService } from './insider-service.js';
import type { InsiderPolicy } from './insider-signals.js';
import { createRegistryAdmin, type RegistryAdmin } from './registry-admin.js';
import type { RegistryLeverCheck } from './registry-caller.js';
import { registerContentRoutes } from './registry-content-routes.js';
import { registerKeyRoutes } from './registry-key-routes.js';
import { registerRegistryRoutes } from './registry-routes.js';
import { createRegistryService, type RegistryService } from './registry-service.js';

export interface RegistryServices {
  readonly registry: RegistryService;
  readonly admin: RegistryAdmin;
  readonly insider: InsiderService;
  close(): Promise<void>;
}

export async function registryServices(
  platform: Platform,
  options: { insiderPolicy?: InsiderPolicy; now?: () => number } = {},
): Promise<RegistryServices> {
  const now = options.now ?? Date.now;
  const access = await accessServices(platform);
  const insider = createInsiderService({
    store: platform.store,
    bus: platform.bus,
    audit: platform.audit,
    logger: platform.logger.child({ component: 'provenance' }),
    ...(options.insiderPolicy === undefined ? {} : { policy: options.insiderPolicy }),
  });
  const registry = createRegistryService({
    store: platform.store,
    blob: platform.blob,
    audit: platform.audit,
    insider,
    maxBytes: platform.config.modelMaxBytes,
    now,
    // Through the access module's services, never its tables: members by display name
    // (and address), the organization's own API keys by their names.
    actorNames: async (orgId) => {
      const names = new Map<string, string>();
      for (const m of await access.directory.members(orgId))
        names.set(`user:${m.userId}`, m.displayName ? `${m.displayName} (${m.email})` : m.email);
      for (const k of await access.keys.list({ type: 'org', id: orgId }))
        if (k.name !== '') names.set(`key:${k.id}`, k.name);
      return names;
    },
  });
  const admin = createRegistryAdmin({
    store: platform.store,
    audit: platform.audit,
    now,
    keyOwner: async (keyId) => {
      try {
        const info = await access.keys.info(keyId);
        return { type: info.ownerType, id: info.ownerId };
      } catch {
        return undefined;
      }
    },
  });
  return { registry, admin, insider, close: () => access.close() };
}

/** Register /api/models on a server; `levers` lets operators' levers pause accounts here too. */
export async function wireRegistry(
  app: App,
  platform: Platform,
  options: { levers?: RegistryLeverCheck & { close?(): Promise<void> } } = {},
): Promise<void> {
  const services = await registryServices(platform);
  const deps = {
    gate: accessGate(app),
    store: platform.store,
    ...services,
    ...(options.levers === undefined ? {} : { levers: options.levers }),
  };
  registerRegistryRoutes(app, deps);
  registerContentRoutes(app, deps);
  registerKeyRoutes(app, deps);
  app.addHook('onClose', async () => {
    await options.levers?.close?.();
    await services.close();
  });
}
