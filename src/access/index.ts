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
import type { AlertText, ContactAlert } from './accounts/trusted-contact.js';
import { registerAdminCommands } from './cli.js';
import { accessMigrations } from './migrations.js';

export { type AccessGate, accessGate, type SessionAuth, STEP_UP_MS } from './access-http.js';
export type { Access } from './access-service.js';
/** The user table's row, for other modules' tests that add people directly. */
export type { AccessUserRow } from './access-tables.js';
export {
  can,
  DEFAULT_TIERS_YAML,
  type Decision,
  type OrgRole,
  type Principal,
  type Resource,
  type TierPolicy,
} from './engine/index.js';
export { withNamedOrg } from './named-org.js';

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

/** The alert kinds a trusted contact can get (the person chooses them on their security page). */
export type { AlertText, ContactAlert };

/** Alerts other modules may send to a person's trusted contact (mail only; the contact gains no access). */
export interface ContactAlerts {
  /** The kinds the person's trusted contact gets; empty when they have none. */
  chosen(userId: string): Promise<readonly ContactAlert[]>;
  /** Mail the contact `text` when they opted into `kind`; true when queued. Never throws. */
  send(userId: string, kind: ContactAlert, text: AlertText): Promise<boolean>;
}

/**
 * Trusted-contact alerts through the accounts part's mail outbox, for other modules' routes.
 * Loaded on use.
 *
 * @example
 * const alerts = await contactAlerts(platform);
 * if ((await alerts.chosen(userId)).includes('scam_high_risk'))
 *   await alerts.send(userId, 'scam_high_risk', 'A message they checked is very likely a scam.');
 */
export async function contactAlerts(platform: Platform): Promise<ContactAlerts> {
  const [{ contactAlertKinds, sendContactAlert }, { createOutboxMailer }] = await Promise.all([
    import('./accounts/trusted-contact.js'),
    import('./accounts/mailer.js'),
  ]);
  const logger = platform.logger.child({ component: 'access' });
  const mailer = createOutboxMailer(platform.store, logger);
  const deps = {
    store: platform.store,
    logger,
    siteName: 'Shieldwall',
    mail: (message: { to: string; subject: string; text: string }) => mailer.send(message),
  };
  return {
    chosen: (userId) => contactAlertKinds(platform.store, userId),
    send: (userId, kind, text) => sendContactAlert(deps, userId, kind, text),
  };
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
