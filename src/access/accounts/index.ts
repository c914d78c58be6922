/**
 * Accounts and account security: the door the access module wires.
 *
 * @example
 * const accounts = createAccounts({ store, bus, audit, limiter, directory, policy, now, logger,
 *   mailer: createOutboxMailer(store, logger) });
 * installAccessGate(app, { authenticator, policy, limiter,
 *   sessions: createSessionResolver({ resolve: accounts.resolveSession, limiter }) });
 * registerAccountRoutes(app, { accounts, now });
 */
export type { AccountsDeps, RequestContext } from './account-deps.js';
export { type AccountRoutesDeps, registerAccountRoutes } from './account-routes.js';
export type { AccountOverview } from './account-security.js';
export { type AccountTables, accountMigrations } from './account-tables.js';
export { type Accounts, createAccounts } from './accounts.js';
export { accountErrors } from './errors.js';
export { createOutboxMailer, type Mailer, type MailMessage, maskEmail } from './mailer.js';
export { checkNewPassword, isCommonPassword } from './passwords.js';
export {
  CSRF_HEADER,
  createSessionResolver,
  SESSION_COOKIE,
} from './session-cookie.js';
export type { SessionInfo } from './sessions.js';
export type { SignInResult } from './sign-in.js';
