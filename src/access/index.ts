/**
 * The `access` module: accounts and their security (passkeys, passwords, TOTP,
 * sessions), organizations, identity verification, trust tiers, intermediaries
 * and API keys, and the one authorization decision every module uses.
 *
 * Other modules use it like this:
 *
 * @example
 * import { accessGate } from '../access/index.js';
 * const gate = accessGate(app);
 * app.post('/api/exchange/things', async (request) => {
 *   const who = await gate.require(request, 'intel.write', { orgId, minRole: 'analyst' });
 * });
 */
import type { Platform } from '../platform/compose.js';
import type { ShieldwallModule } from '../platform/module.js';
import type { Access } from './access-service.js';
import { registerAdminCommands } from './cli.js';
import { accessMigrations } from './migrations.js';

export { type AccessGate, accessGate, type SessionAuth, STEP_UP_MS } from './access-http.js';
export type { Access } from './access-service.js';
export {
  can,
  DEFAULT_TIERS_YAML,
  type Decision,
  type OrgRole,
  type Principal,
  type Resource,
  type TierPolicy,
} from './engine/index.js';

/**
 * The access services (directory, keys, authenticator) over a composed platform,
 * for other modules' CLI commands and tests. Loaded on use, so importing this
 * index costs a command nothing.
 *
 * @example
 * const access = await accessServices(platform);
 * const { key } = await access.keys.create({ owner: { type: 'org', id: orgId } }, { id: 'cli:me' });
 */
export async function accessServices(platform: Platform): Promise<Access> {
  const { accessForPlatform } = await import('./access-service.js');
  return accessForPlatform(platform);
}

export const accessModule: ShieldwallModule = {
  id: 'access',
  title: 'Your account',
  summary:
    'Sign in with a passkey, keep your account safe, and manage your organization and what it may use.',
  migrations: accessMigrations,
  // Everything is imported on use: CLI commands that never serve HTTP do not load it.
  routes: async (app, platform) => {
    const { wireAccess } = await import('./wire-access.js');
    await wireAccess(app, platform);
  },
  commands: registerAdminCommands,
};
