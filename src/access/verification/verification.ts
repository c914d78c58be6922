/**
 * Identity verification: how an organization or a person earns a trust tier.
 * An applicant asks for a tier and adds evidence (a DNS TXT record, a mailbox at
 * the domain, documents, sponsors); a reviewer approves (which grants the tier
 * through the directory, for the tier's `grant_days`) or denies with a reason
 * the applicant reads; a denial can be appealed once, to a different reviewer.
 * Every step, and every refusal, lands in the audit log as `access.verification.*`.
 */
import { createEmailUseCases } from './email-evidence.js';
import { createContext } from './verification-context.js';
import { createEvidenceUseCases } from './verification-evidence.js';
import { createLifecycleUseCases } from './verification-lifecycle.js';
import { createRequestUseCases } from './verification-requests.js';
import { createReviewUseCases } from './verification-review.js';
import type { VerificationDeps } from './verification-types.js';

export type Verification = ReturnType<typeof createVerification>;

/**
 * @example
 * const verification = createVerification({
 *   store, audit, limiter, mailer, now,
 *   directory: access.directory, policy: access.policy,
 * });
 * const req = await verification.submit({ userId }, { subject: { type: 'org', id: orgId }, tier: 2, statement: '…' });
 * const dns = await verification.addDnsChallenge({ userId }, req.id, 'example.org');
 * // publish dns.dns.record, then:
 * await verification.checkDns({ userId }, req.id, dns.id);
 * await verification.review.approve({ userId: reviewerId }, req.id, { reason: 'Domain confirmed.' });
 */
export function createVerification(deps: VerificationDeps) {
  const ctx = createContext(deps);
  return {
    ...createRequestUseCases(ctx),
    ...createEvidenceUseCases(ctx),
    ...createEmailUseCases(ctx),
    /** Reviewer use cases: callers must hold `access.review`. */
    review: createReviewUseCases(ctx),
    ...createLifecycleUseCases(ctx),
  };
}
