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
import type { ShieldwallModule } from '../platform/module.js';
import { registerAdminCommands } from './cli.js';
import { accessMigrations } from './migrations.js';

export { type AccessGate, accessGate, type SessionAuth, STEP_UP_MS } from './access-http.js';
export {
  can,
  type Decision,
  type OrgRole,
  type Principal,
  type Resource,
  type TierPolicy,
} from './engine/index.js';

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
