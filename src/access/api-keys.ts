/**
 * API keys: created for an organization or a user, limited to capabilities and
 * an optional expiry, shown once, stored as SHA-256 of the secret, rotated with
 * an overlap, revoked by their public id. Each change is audited and announced.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from '../platform/audit/index.js';
import type { Store } from '../platform/ports/store.js';
import type { AccessApiKeyRow, AccessTables } from './access-tables.js';
import type { Actor, Directory } from './directory.js';
import {
  API_KEY_RANDOM_BYTES,
  formatApiKey,
  isApiKeyId,
  isCapabilityName,
} from './engine/index.js';
import { accessErrors } from './errors.js';

export interface ApiKeyInfo {
  readonly id: string;
  readonly ownerType: 'org' | 'user';
  readonly ownerId: string;
  readonly name: string;
  /** null: everything its owner's tier allows. */
  readonly scope: readonly string[] | null;
  readonly createdAt: number;
  readonly createdBy: string;
  readonly expiresAt: number | null;
  readonly revokedAt: number | null;
  readonly lastUsedAt: number | null;
  readonly rotatedFrom: string | null;
}

export interface CreateKeyInput {
  readonly owner: { readonly type: 'org' | 'user'; readonly id: string };
  readonly name?: string;
  readonly scope?: readonly string[] | null;
  /** Milliseconds from now; null or absent: no expiry. */
  readonly expiresInMs?: number | null;
}

const MAX_SCOPE = 100;
/** How long a rotated key keeps working by default, so deployments can switch over. */
export const DEFAULT_ROTATION_OVERLAP_MS = 24 * 3_600_000;

export type ApiKeys = ReturnType<typeof createApiKeys>;

export function createApiKeys(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly directory: Directory;
  readonly now: () => number;
  readonly random?: (n: number) => Uint8Array;
}) {
  const db = () => deps.store.db<AccessTables>();
  const random = deps.random ?? ((n: number) => randomBytes(n));

  const create = async (input: CreateKeyInput, actor: Actor, rotatedFrom?: string) => {
    const scope =
      input.scope === undefined || input.scope === null ? null : checkScope(input.scope);
    const name = (input.name ?? 'API key').trim().slice(0, 100) || 'API key';
    const now = deps.now();
    if (input.expiresInMs !== undefined && input.expiresInMs !== null && input.expiresInMs <= 0)
      throw accessErrors.create('invalid_duration');
    const parts = formatApiKey(random(API_KEY_RANDOM_BYTES));
    const row: AccessApiKeyRow = {
      id: parts.keyId,
      owner_type: input.owner.type,
      owner_id: input.owner.id,
      name,
      secret_hash: hashSecret(parts.secret),
      scope: scope === null ? null : JSON.stringify(scope),
      created_at: now,
      created_by: actor.id,
      expires_at:
        input.expiresInMs === undefined || input.expiresInMs === null
          ? null
          : now + input.expiresInMs,
      revoked_at: null,
      revoked_by: null,
      last_used_at: null,
      rotated_from: rotatedFrom ?? null,
    };
    await db().insertInto('access_api_key').values(row).execute();
    await deps.audit.append({
      actor: actor.id,
      action: rotatedFrom === undefined ? 'access.key.created' : 'access.key.rotated',
      subject: `key:${row.id}`,
      data: {
        owner: `${row.owner_type}:${row.owner_id}`,
        name,
        scope,
        expiresAt: row.expires_at === null ? null : new Date(row.expires_at).toISOString(),
        ...(rotatedFrom === undefined ? {} : { rotatedFrom }),
      },
      requestId: actor.requestId,
    });
    // The whole key is returned here, once; it exists nowhere else.
    return { key: parts.key, info: toInfo(row) };
  };

  const get = async (keyId: string): Promise<AccessApiKeyRow> => {
    if (!isApiKeyId(keyId))
      throw accessErrors.create('not_found', { message: `There is no key ${keyId}.` });
    const row = await db()
      .selectFrom('access_api_key')
      .selectAll()
      .where('id', '=', keyId)
      .executeTakeFirst();
    if (row === undefined)
      throw accessErrors.create('not_found', { message: `There is no key ${keyId}.` });
    return row;
  };

  return {
    create: (input: CreateKeyInput, actor: Actor) => create(input, actor),

    async info(keyId: string): Promise<ApiKeyInfo> {
      return toInfo(await get(keyId));
    },

    async list(owner: { type: 'org' | 'user'; id: string }): Promise<ApiKeyInfo[]> {
      const rows = await db()
        .selectFrom('access_api_key')
        .selectAll()
        .where('owner_type', '=', owner.type)
        .where('owner_id', '=', owner.id)
        .orderBy('created_at', 'desc')
        .limit(1000)
        .execute();
      return rows.map(toInfo);
    },

    async revoke(keyId: string, reason: string, actor: Actor): Promise<ApiKeyInfo> {
      const row = await get(keyId);
      if (row.revoked_at !== null) return toInfo(row);
      const now = deps.now();
      await db()
        .updateTable('access_api_key')
        .set({ revoked_at: now, revoked_by: actor.id })
        .where('id', '=', keyId)
        .execute();
      await deps.audit.append({
        actor: actor.id,
        action: 'access.key.revoked',
        subject: `key:${keyId}`,
        data: {
          owner: `${row.owner_type}:${row.owner_id}`,
          reason: reason.trim().slice(0, 1000) || 'none given',
        },
        requestId: actor.requestId,
      });
      await deps.directory.changed('key', keyId);
      return toInfo({ ...row, revoked_at: now, revoked_by: actor.id });
    },

    /**
     * Issue a replacement with the same owner, name and scope; the old key keeps
     * working for `overlapMs` (default a day) and then expires.
     */
    async rotate(keyId: string, actor: Actor, overlapMs = DEFAULT_ROTATION_OVERLAP_MS) {
      const old = await get(keyId);
      const now = deps.now();
      if (old.revoked_at !== null || (old.expires_at !== null && old.expires_at <= now))
        throw accessErrors.create('not_found', {
          message: `Key ${keyId} is revoked or expired; create a new one.`,
        });
      const created = await create(
        {
          owner: { type: old.owner_type, id: old.owner_id },
          name: old.name,
          scope: old.scope === null ? null : (JSON.parse(old.scope) as string[]),
          expiresInMs: old.expires_at === null ? null : Math.max(old.expires_at - now, 60_000),
        },
        actor,
        keyId,
      );
      const endsAt = Math.min(
        old.expires_at ?? Number.POSITIVE_INFINITY,
        now + Math.max(0, overlapMs),
      );
      await db()
        .updateTable('access_api_key')
        .set({ expires_at: endsAt })
        .where('id', '=', keyId)
        .execute();
      await deps.directory.changed('key', keyId);
      return { ...created, oldKeyExpiresAt: endsAt };
    },

    /** Record use times (batched by the authenticator, so the hot path never writes). */
    async touch(lastUsed: ReadonlyMap<string, number>): Promise<void> {
      for (const [id, at] of lastUsed)
        await db()
          .updateTable('access_api_key')
          .set({ last_used_at: at })
          .where('id', '=', id)
          .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
          .execute();
    },
  };
}

/** SHA-256 of a key's secret part: the only form the secret is stored in. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function checkScope(scope: readonly string[]): string[] {
  if (scope.length > MAX_SCOPE)
    throw accessErrors.create('invalid_capability', {
      message: `A key may name at most ${MAX_SCOPE} capabilities.`,
    });
  for (const c of scope)
    if (!isCapabilityName(c))
      throw accessErrors.create('invalid_capability', {
        message: `"${c}" is not a capability name.`,
      });
  return [...new Set(scope)].sort();
}

function toInfo(r: AccessApiKeyRow): ApiKeyInfo {
  return {
    id: r.id,
    ownerType: r.owner_type,
    ownerId: r.owner_id,
    name: r.name,
    scope: r.scope === null ? null : (JSON.parse(r.scope) as string[]),
    createdAt: Number(r.created_at),
    createdBy: r.created_by,
    expiresAt: r.expires_at === null ? null : Number(r.expires_at),
    revokedAt: r.revoked_at === null ? null : Number(r.revoked_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    rotatedFrom: r.rotated_from,
  };
}
