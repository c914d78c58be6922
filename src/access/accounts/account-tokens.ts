/**
 * Single-use tokens: the links mailed to verify an address or reset a password,
 * and the pending first step of a two-step sign-in. Only the SHA-256 is stored;
 * using one is a conditional update, so a token works once even when two
 * requests race with it.
 */
import type { Store } from '../../platform/ports/store.js';
import { newToken, sha256Hex, TOKEN_PATTERN } from './account-secrets.js';
import type { AccountTables, AccountTokenPurpose, AccountTokenRow } from './account-tables.js';

export type AccountTokens = ReturnType<typeof createAccountTokens>;

export function createAccountTokens(deps: { store: Store; now: () => number }) {
  const db = () => deps.store.db<AccountTables>();
  return {
    async issue(
      userId: string,
      purpose: AccountTokenPurpose,
      ttlMs: number,
      data: Record<string, unknown> = {},
    ): Promise<{ token: string; id: string; expiresAt: number }> {
      const token = newToken();
      const now = deps.now();
      const row: AccountTokenRow = {
        id: sha256Hex(token),
        user_id: userId,
        purpose,
        created_at: now,
        expires_at: now + ttlMs,
        used_at: null,
        attempts: 0,
        data: JSON.stringify(data),
      };
      await db().insertInto('access_token').values(row).execute();
      return { token, id: row.id, expiresAt: row.expires_at };
    },

    /** The unused, unexpired token of that purpose, or undefined. */
    async find(token: string, purpose: AccountTokenPurpose): Promise<AccountTokenRow | undefined> {
      if (!TOKEN_PATTERN.test(token)) return undefined;
      const row = await db()
        .selectFrom('access_token')
        .selectAll()
        .where('id', '=', sha256Hex(token))
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', deps.now())
        .executeTakeFirst();
      return row;
    },

    /** Use the token up; false when someone else already did. */
    async consume(id: string): Promise<boolean> {
      const res = await db()
        .updateTable('access_token')
        .set({ used_at: deps.now() })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** Count a failed attempt against it; at `max` failures it is used up. */
    async fail(row: AccountTokenRow, max: number): Promise<void> {
      const attempts = row.attempts + 1;
      await db()
        .updateTable('access_token')
        .set(attempts >= max ? { attempts, used_at: deps.now() } : { attempts })
        .where('id', '=', row.id)
        .execute();
    },

    /** Use up every open token of a purpose for the user (e.g. older reset links after a reset). */
    async revokeAll(userId: string, purpose: AccountTokenPurpose): Promise<void> {
      await db()
        .updateTable('access_token')
        .set({ used_at: deps.now() })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute();
    },
  };
}
