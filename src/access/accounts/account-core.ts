/**
 * What the use cases of the accounts part share: the stores, the audit and mail
 * helpers, and the step-up check. Built once by `createAccounts`.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { createSealer, type Sealer } from '../../platform/secrets/index.js';
import { type SessionAuth, STEP_UP_MS } from '../access-http.js';
import { accessErrors } from '../errors.js';
import type { AccountsDeps, RequestContext } from './account-deps.js';
import type { NoticeSite } from './account-notices.js';
import type { AccountTables, AccountUserRow } from './account-tables.js';
import { type AccountTokens, createAccountTokens } from './account-tokens.js';
import type { MailMessage } from './mailer.js';
import { createSecondFactor, type SecondFactor } from './second-factor.js';
import { createSessions, type Sessions } from './sessions.js';

/** How recent a sign-in or step-up must be for sensitive changes, by default (one rule for the module). */
export const RECENT_AUTH_MS = STEP_UP_MS;

export interface AuditInput {
  readonly action: string;
  readonly userId?: string;
  readonly outcome?: 'success' | 'denied' | 'failure';
  readonly data?: Record<string, unknown>;
  readonly ctx?: RequestContext;
  /**
   * Leave the request id out: for refusals before sign-in, an id the caller chose
   * (x-request-id) would tie a public audit entry to their request and tell
   * them whether an account exists.
   */
  readonly anonymous?: boolean;
}

export interface AccountCore {
  readonly deps: AccountsDeps;
  readonly site: NoticeSite;
  readonly db: () => Kysely<AccountTables>;
  readonly sessions: Sessions;
  readonly secondFactor: SecondFactor;
  readonly tokens: AccountTokens;
  user(id: string): Promise<AccountUserRow | undefined>;
  userByEmail(email: string): Promise<AccountUserRow | undefined>;
  audit(input: AuditInput): Promise<void>;
  /** Send mail; a failure is logged, never shown (the change it reports has happened). */
  mail(message: MailMessage): Promise<void>;
  /** Drop every instance's cached principal of the user (security level or status changed). */
  changed(userId: string): Promise<void>;
  /** Throw `step_up_required` unless the session proved who it is within `maxAgeMs`. */
  requireRecentAuth(session: SessionAuth, maxAgeMs?: number): void;
}

export function createAccountCore(deps: AccountsDeps): AccountCore {
  const db = () => deps.store.db<AccountTables>();
  const siteName = deps.siteName ?? 'Shieldwall';
  return {
    deps,
    site: { siteName, appUrl: (deps.appUrl ?? 'http://localhost:8080').replace(/\/+$/, '') },
    db,
    sessions: createSessions(deps),
    secondFactor: createSecondFactor({
      store: deps.store,
      now: deps.now,
      siteName,
      sealer: deps.sealer ?? processSealer(),
    }),
    tokens: createAccountTokens({ store: deps.store, now: deps.now }),
    user: (id) =>
      db().selectFrom('access_user').selectAll().where('id', '=', id).executeTakeFirst(),
    userByEmail: (email) =>
      db().selectFrom('access_user').selectAll().where('email', '=', email).executeTakeFirst(),
    async audit(input) {
      await deps.audit.append({
        actor: input.userId === undefined ? 'anonymous' : `user:${input.userId}`,
        action: input.action,
        ...(input.userId === undefined ? {} : { subject: `user:${input.userId}` }),
        outcome: input.outcome ?? 'success',
        ...(input.data === undefined ? {} : { data: input.data }),
        ...(input.anonymous === true || input.ctx?.requestId === undefined
          ? {}
          : { requestId: input.ctx.requestId }),
      });
    },
    async mail(message) {
      try {
        await deps.mailer.send(message);
      } catch (err) {
        deps.logger.warn({ err }, 'could not queue account mail');
      }
    },
    changed: (userId) => deps.directory.changed('user', userId),
    requireRecentAuth(session, maxAgeMs = RECENT_AUTH_MS) {
      if (deps.now() - session.authenticatedAt > maxAgeMs)
        throw accessErrors.create('step_up_required');
    },
  };
}

/** A short, stable reference to a session for the audit log (never the token). */
export function sessionRef(sessionId: string): string {
  return sessionId.slice(0, 16);
}

let ephemeral: Sealer | undefined;
/** A sealer whose key lives only in this process (for tests that build accounts without a platform). */
function processSealer(): Sealer {
  ephemeral ??= createSealer(randomBytes(32));
  return ephemeral;
}
