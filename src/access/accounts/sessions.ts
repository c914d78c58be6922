/**
 * Signed-in sessions: a random token in an HttpOnly cookie, only its SHA-256 in
 * the store. A session ends at a fixed time set when it starts (the shortest of
 * the person's tier's `sessionHours` and, with advanced protection on, the
 * advanced-protection hours), or earlier when signed out or revoked.
 */
import type { Kysely } from 'kysely';
import type { SessionAuth } from '../access-http.js';
import type { AccessTables } from '../access-tables.js';
import { accessErrors } from '../errors.js';
import { type AccountsDeps, earnedTier, type RequestContext } from './account-deps.js';
import { csrfTokenOf, newToken, sha256Hex, TOKEN_PATTERN } from './account-secrets.js';
import type { AccountSessionRow, AccountTables } from './account-tables.js';
import { describeDevice, USER_AGENT_MAX } from './devices.js';

/** last_seen_at is written at most this often per session. */
const TOUCH_EVERY_MS = 60_000;
const MAX_SESSIONS_LISTED = 200;
export const DEVICE_NAME_MAX = 100;

export interface StartedSession {
  /** The cookie value: shown once, never stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly sessionId: string;
  readonly expiresAt: number;
}

export interface SessionInfo {
  readonly id: string;
  readonly deviceName: string;
  readonly userAgent: string;
  readonly ip: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  readonly expiresAt: number;
  readonly authenticatedAt: number;
  readonly current: boolean;
}

export interface ResolvedSession extends SessionAuth {
  readonly expiresAt: number;
}

export type Sessions = ReturnType<typeof createSessions>;

export function createSessions(deps: AccountsDeps) {
  const db = () => deps.store.db<AccountTables>();

  const lifetimeMs = async (userId: string): Promise<number> => {
    const policy = deps.policy();
    const tier = await earnedTier(deps.directory, policy, userId);
    const user = await deps.store
      .db<AccessTables>()
      .selectFrom('access_user')
      .select('advanced_protection')
      .where('id', '=', userId)
      .executeTakeFirst();
    const hours =
      user?.advanced_protection === 1
        ? Math.min(tier.sessionHours, policy.advancedProtection.sessionHours)
        : tier.sessionHours;
    return hours * 3_600_000;
  };

  return {
    lifetimeMs,

    /** Start a session for someone who just proved who they are. */
    async start(userId: string, ctx: RequestContext, deviceName?: string): Promise<StartedSession> {
      const token = newToken();
      const now = deps.now();
      const row: AccountSessionRow = {
        id: sha256Hex(token),
        user_id: userId,
        device_name: checkDeviceName(deviceName ?? describeDevice(ctx.userAgent)),
        user_agent: ctx.userAgent.slice(0, USER_AGENT_MAX),
        ip: ctx.ip.slice(0, 64),
        created_at: now,
        last_seen_at: now,
        expires_at: now + (await lifetimeMs(userId)),
        authenticated_at: now,
        revoked_at: null,
        revoke_reason: null,
      };
      await db().insertInto('access_session').values(row).execute();
      return { token, csrfToken: csrfTokenOf(token), sessionId: row.id, expiresAt: row.expires_at };
    },

    /**
     * The live session a token stands for, or null when the token is malformed,
     * unknown, revoked or expired. Records the time it was last used, at most once a minute.
     */
    async resolve(token: string): Promise<ResolvedSession | null> {
      if (!TOKEN_PATTERN.test(token)) return null;
      const row = await db()
        .selectFrom('access_session')
        .select(['id', 'user_id', 'expires_at', 'authenticated_at', 'revoked_at', 'last_seen_at'])
        .where('id', '=', sha256Hex(token))
        .executeTakeFirst();
      const now = deps.now();
      if (row === undefined || row.revoked_at !== null || Number(row.expires_at) <= now)
        return null;
      if (now - Number(row.last_seen_at) >= TOUCH_EVERY_MS)
        await db()
          .updateTable('access_session')
          .set({ last_seen_at: now })
          .where('id', '=', row.id)
          .execute();
      return {
        userId: row.user_id,
        sessionId: row.id,
        authenticatedAt: Number(row.authenticated_at),
        expiresAt: Number(row.expires_at),
      };
    },

    async list(userId: string, currentId: string): Promise<SessionInfo[]> {
      const rows = await db()
        .selectFrom('access_session')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', deps.now())
        .orderBy('last_seen_at', 'desc')
        .limit(MAX_SESSIONS_LISTED)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        deviceName: r.device_name,
        userAgent: r.user_agent,
        ip: r.ip,
        createdAt: Number(r.created_at),
        lastSeenAt: Number(r.last_seen_at),
        expiresAt: Number(r.expires_at),
        authenticatedAt: Number(r.authenticated_at),
        current: r.id === currentId,
      }));
    },

    async rename(userId: string, sessionId: string, name: string): Promise<void> {
      const res = await live(db(), userId, deps.now())
        .set({ device_name: checkDeviceName(name) })
        .where('id', '=', sessionId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0)
        throw accessErrors.create('not_found', { message: 'There is no such session.' });
    },

    /** End one of the user's sessions; false when there was no such live session. */
    async revoke(userId: string, sessionId: string, reason: string): Promise<boolean> {
      const now = deps.now();
      const res = await live(db(), userId, now)
        .set({ revoked_at: now, revoke_reason: reason })
        .where('id', '=', sessionId)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) > 0;
    },

    /** End every live session of the user but `exceptId`; returns how many ended. */
    async revokeAll(userId: string, reason: string, exceptId?: string): Promise<number> {
      const now = deps.now();
      let q = live(db(), userId, now).set({ revoked_at: now, revoke_reason: reason });
      if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
      return Number((await q.executeTakeFirst()).numUpdatedRows);
    },

    /** Record a step-up: the person proved who they are again in this session. */
    async markAuthenticated(sessionId: string): Promise<number> {
      const now = deps.now();
      await db()
        .updateTable('access_session')
        .set({ authenticated_at: now })
        .where('id', '=', sessionId)
        .execute();
      return now;
    },

    /** Shorten the user's live sessions to end by `at` at the latest (advanced protection turned on). */
    async capExpiry(userId: string, at: number): Promise<void> {
      await live(db(), userId, deps.now())
        .set({ expires_at: at })
        .where('expires_at', '>', at)
        .execute();
    },
  };
}

/** An update of the user's sessions that are still live. */
function live(db: Kysely<AccountTables>, userId: string, now: number) {
  return db
    .updateTable('access_session')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now);
}

/** A session name as people see it, or `invalid_input`. */
export function checkDeviceName(name: string): string {
  const n = name.normalize('NFKC').trim().replace(/\s+/g, ' ');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (n.length === 0 || n.length > DEVICE_NAME_MAX || /[\u0000-\u001f\u007f]/.test(n))
    throw accessErrors.create('invalid_input', {
      message: `A session name is 1 to ${DEVICE_NAME_MAX} printable characters.`,
    });
  return n;
}
