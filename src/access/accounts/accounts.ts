/**
 * The accounts part of the access module: sign-up, sign-in (with TOTP or a
 * recovery code as second factor), sessions, step-up re-authentication, account
 * security settings and password reset. Talks to the world only through the
 * platform's ports; the HTTP side is account-routes.ts and session-cookie.ts.
 */
import type { SessionAuth } from '../access-http.js';
import { accessErrors } from '../errors.js';
import { createAccountCore, RECENT_AUTH_MS, sessionRef } from './account-core.js';
import type { AccountsDeps, RequestContext } from './account-deps.js';
import { languageUseCases } from './account-language.js';
import { securityUseCases } from './account-security.js';
import { passwordResetUseCases } from './password-reset.js';
import { recoveryUseCases } from './recovery.js';
import type { SessionInfo } from './sessions.js';
import { signInUseCases } from './sign-in.js';
import { trustedContactUseCases } from './trusted-contact.js';

export type Accounts = ReturnType<typeof createAccounts>;

/**
 * @example
 * const accounts = createAccounts({
 *   store, bus, audit, limiter, directory, policy, now: Date.now, logger,
 *   mailer: createOutboxMailer(store, logger),
 * });
 * await accounts.signUp({ email, displayName, password }, { ip, userAgent, requestId });
 * const result = await accounts.signIn({ email, password }, ctx);
 * if (result.kind === 'second_factor') await accounts.completeSignIn(result.pendingToken, { code }, ctx);
 */
export function createAccounts(deps: AccountsDeps) {
  const core = createAccountCore(deps);
  return {
    ...signInUseCases(core),
    ...securityUseCases(core),
    ...passwordResetUseCases(core),
    ...recoveryUseCases(core),
    ...trustedContactUseCases(core),
    ...languageUseCases(core),

    /** The live session a cookie's token stands for, or null (see session-cookie.ts). */
    resolveSession: (token: string) => core.sessions.resolve(token),

    /** Throw `step_up_required` unless the session proved who it is within `maxAgeMs` (default 10 minutes). */
    requireRecentAuth(session: SessionAuth, maxAgeMs: number = RECENT_AUTH_MS): void {
      core.requireRecentAuth(session, maxAgeMs);
    },

    listSessions: (session: SessionAuth): Promise<SessionInfo[]> =>
      core.sessions.list(session.userId, session.sessionId),

    renameSession: (session: SessionAuth, sessionId: string, name: string) =>
      core.sessions.rename(session.userId, sessionId, name),

    /** Sign one of your sessions out (another device, or this one). */
    async revokeSession(session: SessionAuth, sessionId: string, ctx: RequestContext) {
      if (!(await core.sessions.revoke(session.userId, sessionId, 'revoked')))
        throw accessErrors.create('not_found', { message: 'There is no such session.' });
      await core.audit({
        action: 'access.session.revoked',
        userId: session.userId,
        data: { session: sessionRef(sessionId), by: sessionRef(session.sessionId) },
        ctx,
      });
    },

    /** Sign out everywhere but here. */
    async revokeOtherSessions(session: SessionAuth, ctx: RequestContext): Promise<number> {
      const ended = await core.sessions.revokeAll(session.userId, 'revoked', session.sessionId);
      await core.audit({
        action: 'access.session.revoked_others',
        userId: session.userId,
        data: { ended, by: sessionRef(session.sessionId) },
        ctx,
      });
      return ended;
    },
  };
}
