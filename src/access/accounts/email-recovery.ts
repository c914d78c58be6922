/**
 * What password reset and account recovery share: both start from an email
 * address, answer the same whether or not it has an account, are limited per
 * address and account, and are refused (with a mail saying why) for advanced
 * protection and for tiers whose policy turns email recovery off.
 */
import type { AccessUserRow } from '../access-tables.js';
import type { AccountCore } from './account-core.js';
import { earnedTier, type RequestContext } from './account-deps.js';
import { normaliseEmail } from './account-input.js';
import { localeOf } from './account-language.js';
import { notices } from './account-notices.js';
import type { AccountUserRow } from './account-tables.js';
import { takeAttempt } from './attempt-limits.js';
import { maskEmail } from './mailer.js';

/** Why email recovery is refused for this user, or undefined when it is allowed. */
export async function emailRecoveryRefusal(
  core: AccountCore,
  user: AccessUserRow,
): Promise<string | undefined> {
  if (user.advanced_protection === 1) return 'advanced_protection';
  const tier = await earnedTier(core.deps.directory, core.deps.policy(), user.id);
  if (!tier.emailRecovery) return 'tier_policy';
  return undefined;
}

/**
 * The account an emailed request may go ahead for, or undefined (no account,
 * disabled, or refused — refusals are audited as `action` and mailed). `what`
 * names the request in the refusal mail.
 */
export async function accountForEmailRequest(
  core: AccountCore,
  emailInput: string,
  ctx: RequestContext,
  action: string,
  what: 'password' | 'account',
): Promise<AccountUserRow | undefined> {
  const email = normaliseEmail(emailInput);
  await takeAttempt(core.deps.limiter, 'resetRequest', { account: email, ip: ctx.ip });
  const user = await core.userByEmail(email);
  if (user === undefined || user.disabled_at !== null) {
    core.deps.logger.info(`${action} asked for ${maskEmail(email)}: no such account`);
    return undefined;
  }
  const why = await emailRecoveryRefusal(core, user);
  if (why === undefined) return user;
  await core.audit({
    action,
    userId: user.id,
    outcome: 'denied',
    data: { reason: why },
    ctx,
    anonymous: true,
  });
  await core.mail(
    notices.resetRefused(
      core.site,
      localeOf(user),
      user.email,
      why === 'advanced_protection' ? `refused.advanced_${what}` : 'refused.tier',
    ),
  );
  return undefined;
}
