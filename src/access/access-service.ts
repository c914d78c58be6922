/**
 * The access module composed from the platform's ports: the tier policy, the
 * directory (orgs, members, grants), API keys and the authenticator. Servers
 * call `start()` to follow cache invalidations; CLI commands use it without.
 */
import type { AuditLog } from '../platform/audit/index.js';
import type { Platform } from '../platform/compose.js';
import type { Logger } from '../platform/logger.js';
import type { Bus } from '../platform/ports/bus.js';
import type { Limiter } from '../platform/ports/limiter.js';
import type { Store } from '../platform/ports/store.js';
import { createApiKeys } from './api-keys.js';
import { createAuthenticator } from './authenticator.js';
import { createDirectory } from './directory.js';
import { createPolicySource } from './policy-source.js';

export interface AccessDeps {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly limiter: Limiter;
  readonly logger: Logger;
  /** The operator's tier policy file (YAML); the built-in policy when absent. */
  readonly tiersFile?: string;
  readonly now?: () => number;
}

export type Access = ReturnType<typeof createAccess>;

export function createAccess(deps: AccessDeps) {
  const now = deps.now ?? Date.now;
  const log = deps.logger.child({ component: 'access' });
  let onPolicyChange: (digest: string) => void = () => {};
  const policySource = createPolicySource({
    ...(deps.tiersFile === undefined ? {} : { file: deps.tiersFile }),
    logger: log,
    onChange: (_policy, digest) => onPolicyChange(digest),
  });
  const policy = () => policySource.current();
  const directory = createDirectory({
    store: deps.store,
    bus: deps.bus,
    audit: deps.audit,
    policy,
    now,
  });
  const keys = createApiKeys({ store: deps.store, audit: deps.audit, directory, now });
  const authenticator = createAuthenticator({
    store: deps.store,
    bus: deps.bus,
    directory,
    keys,
    policy,
    now,
    logger: log,
  });
  onPolicyChange = (digest) => {
    authenticator.invalidate({ type: 'all', id: '*' });
    // Each instance reloads the file itself; one audit entry per instance says which text it runs.
    void deps.audit
      .append({
        actor: 'system',
        action: 'access.policy.loaded',
        data: { digest, file: policySource.origin },
      })
      .catch((err: unknown) => log.warn({ err }, 'could not audit the policy reload'));
  };
  return {
    policy,
    policySource,
    directory,
    keys,
    authenticator,
    now,
    /** Follow invalidations (servers). */
    start: () => authenticator.start(),
    async close(): Promise<void> {
      policySource.close();
      await authenticator.close();
    },
  };
}

/** The access services over a composed platform, with the configured tier policy. */
export function accessForPlatform(platform: Platform): Access {
  return createAccess({
    store: platform.store,
    bus: platform.bus,
    audit: platform.audit,
    limiter: platform.limiter,
    logger: platform.logger,
    ...(platform.config.tiersFile === undefined ? {} : { tiersFile: platform.config.tiersFile }),
  });
}
