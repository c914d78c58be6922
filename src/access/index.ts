/**
 * The `access` module: accounts, organizations, trust tiers, intermediaries and
 * API keys, and the one authorization decision every module uses.
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

export { type AccessGate, accessGate, type SessionAuth } from './access-http.js';
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
  title: 'Access and accounts',
  summary:
    'Your account and its security, your organization, and the trust tier that decides what you may use.',
  migrations: accessMigrations,
  routes: async (app, platform) => {
    const [
      { accessForPlatform },
      { installAccessGate },
      { registerAccessRoutes },
      { createInvitations },
    ] = await Promise.all([
      import('./access-service.js'),
      import('./access-http.js'),
      import('./access-routes.js'),
      import('./invitations.js'),
    ]);
    const access = accessForPlatform(platform);
    await access.start();
    app.addHook('onClose', async () => access.close());
    const gate = installAccessGate(app, {
      authenticator: access.authenticator,
      policy: access.policy,
      limiter: platform.limiter,
    });
    const invitations = createInvitations({
      store: platform.store,
      audit: platform.audit,
      directory: access.directory,
      mailer: () => undefined,
      now: access.now,
    });
    registerAccessRoutes(app, { access, gate, invitations });
  },
  commands: registerAdminCommands,
};
