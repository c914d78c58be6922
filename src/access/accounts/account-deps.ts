/**
 * What the accounts part is built from, and the facts about a request it needs
 * (never the request itself: the service does not know about HTTP).
 */
import type { AuditLog } from '../../platform/audit/index.js';
import type { Locale } from '../../platform/engine-kit/i18n/messages.js';
import type { Logger } from '../../platform/logger.js';
import type { Bus } from '../../platform/ports/bus.js';
import type { Limiter } from '../../platform/ports/limiter.js';
import type { Store } from '../../platform/ports/store.js';
import type { Sealer } from '../../platform/secrets/index.js';
import type { Directory } from '../directory.js';
import { type Tier, type TierPolicy, tierAt } from '../engine/index.js';
import type { Mailer } from './mailer.js';

export interface AccountsDeps {
  readonly store: Store;
  readonly bus: Bus;
  readonly audit: AuditLog;
  readonly limiter: Limiter;
  readonly directory: Directory;
  readonly policy: () => TierPolicy;
  readonly now: () => number;
  readonly logger: Pick<Logger, 'info' | 'warn'>;
  readonly mailer: Mailer;
  /**
   * Seals authenticator-app seeds before they are stored (the platform's `sealer`). Tests may leave
   * it out: a key made for this process is used, so seeds sealed by it die with the process.
   */
  readonly sealer?: Sealer;
  /** Where people open the web UI, for links in mail (default `http://localhost:8080`). */
  readonly appUrl?: string;
  /** Name shown in authenticator apps and mail (default `Shieldwall`). */
  readonly siteName?: string;
}

/** Who is asking, for limits, session records, alerts and the audit log. */
export interface RequestContext {
  readonly ip: string;
  readonly userAgent: string;
  readonly requestId?: string;
  /** The language the request negotiated (Accept-Language): a new account's mail language. */
  readonly locale?: Locale;
}

/**
 * The tier a user has earned (own grants and organizations'), before the
 * account-security cap. Session length and email recovery follow this tier, not
 * the capped one: someone whose organization is verified gets its short
 * sessions and no email recovery even before adding a passkey.
 */
export async function earnedTier(
  directory: Directory,
  policy: TierPolicy,
  userId: string,
): Promise<Tier> {
  let tier = (await directory.tierOf('user', userId)).tier;
  for (const orgId of (await directory.orgsOf(userId)).keys())
    tier = Math.max(tier, (await directory.tierOf('org', orgId)).tier);
  return tierAt(policy, tier);
}
