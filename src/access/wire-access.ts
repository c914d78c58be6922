/**
 * Put the access module together on a server: the services over the platform's
 * ports, the gate (API keys and session cookies), and every route. Kept apart
 * from index.ts so that only `serve` loads it.
 */

import type { Platform } from '../platform/compose.js';
import { platformErrors } from '../platform/errors.js';
import type { App } from '../platform/http/app.js';
import { installAccessGate } from './access-http.js';
import { registerAccessRoutes } from './access-routes.js';
import { accessForPlatform } from './access-service.js';
import {
  createAccounts,
  createOutboxMailer,
  createSessionResolver,
  registerAccountRoutes,
} from './accounts/index.js';
import { createInvitations } from './invitations.js';
import { registerPasskeyRoutes } from './passkeys/passkey-routes.js';
import { createPasskeys } from './passkeys/passkeys.js';
import { createVerification } from './verification/verification.js';
import { registerVerificationRoutes } from './verification/verification-routes.js';

export async function wireAccess(app: App, platform: Platform): Promise<void> {
  const publicUrl = checkedPublicUrl(platform.config.publicUrl);
  // Links in mail need an address even when none is configured: this machine's, as `npm start` serves it.
  const appUrl = publicUrl ?? `http://localhost:${platform.config.port}`;
  const access = accessForPlatform(platform);
  await access.start();
  app.addHook('onClose', async () => access.close());
  const { store, audit, limiter, bus } = platform;
  const log = platform.logger.child({ component: 'access' });
  const now = access.now;
  const mailer = createOutboxMailer(store, log, now);
  const accounts = createAccounts({
    store,
    bus,
    audit,
    limiter,
    directory: access.directory,
    policy: access.policy,
    now,
    logger: log,
    mailer,
    appUrl,
    sealer: platform.sealer,
  });
  const gate = installAccessGate(app, {
    authenticator: access.authenticator,
    policy: access.policy,
    limiter,
    sessions: createSessionResolver({ resolve: accounts.resolveSession, limiter }),
  });
  const invitations = createInvitations({
    store,
    audit,
    directory: access.directory,
    mailer: () => mailer,
    now,
    baseUrl: appUrl,
  });
  const verification = createVerification({
    store,
    audit,
    limiter,
    mailer,
    directory: access.directory,
    policy: access.policy,
    now,
    publicUrl: appUrl,
  });
  const passkeys = createPasskeys({ store, audit, directory: access.directory, now });

  registerAccessRoutes(app, { access, gate, invitations });
  registerAccountRoutes(app, { accounts, now });
  registerPasskeyRoutes(app, {
    passkeys,
    accounts,
    authenticator: access.authenticator,
    limiter,
    now,
    ...(publicUrl === undefined ? {} : { publicUrl }),
  });
  registerVerificationRoutes(app, { verification, gate, now });
}

function checkedPublicUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw platformErrors.create('config_invalid', {
      message: `publicUrl "${value}" is not a URL.`,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw platformErrors.create('config_invalid', {
      message: 'publicUrl must start with https:// (or http:// on your own machine).',
    });
  return url.origin;
}
