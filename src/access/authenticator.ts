/**
 * Turns credentials into a principal, fast: an API key's check on the hot path is
 * a checksum, a map lookup, one SHA-256 and a constant-time compare, against an
 * in-process cache. Every instance follows `access.changed` on the bus and drops
 * what a change touched, so a revoked key stops working everywhere within the
 * bus's delivery time (the embedded bus polls its journal every 200 ms; NATS pushes).
 * A time-to-live bounds staleness should an event ever be missed.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '../platform/logger.js';
import type { Bus, Subscription } from '../platform/ports/bus.js';
import type { Store } from '../platform/ports/store.js';
import type { AccessTables } from './access-tables.js';
import type { ApiKeys } from './api-keys.js';
import { ACCESS_CHANGED, type AccessChangedEvent, type Directory } from './directory.js';
import {
  type OrgRole,
  type Principal,
  parseApiKey,
  type SecurityLevel,
  scopeCapabilities,
  securityMeets,
  type TierPolicy,
  tierAt,
} from './engine/index.js';

export interface AuthenticatorDeps {
  readonly store: Store;
  readonly bus: Bus;
  readonly directory: Directory;
  readonly keys: ApiKeys;
  readonly policy: () => TierPolicy;
  readonly now: () => number;
  readonly logger: Pick<Logger, 'warn' | 'info'>;
  /** Longest an entry is trusted without an event (default 30 s). */
  readonly cacheTtlMs?: number;
  /** How often last-used times are written (default 10 s). */
  readonly touchEveryMs?: number;
}

interface KeyEntry {
  readonly secretHash: Buffer;
  readonly ownerType: 'org' | 'user';
  readonly ownerId: string;
  readonly expiresAt: number | null;
  readonly revoked: boolean;
  readonly principal: Principal | null;
  /** Re-read after this (the TTL, or an earlier tier-grant expiry). */
  readonly validUntil: number;
  readonly policy: TierPolicy;
}

interface UserEntry {
  readonly principal: Extract<Principal, { kind: 'user' }> | null;
  readonly security: SecurityLevel;
  readonly validUntil: number;
  readonly policy: TierPolicy;
}

export interface UserFacts {
  readonly userId: string;
  readonly email: string;
  readonly displayName: string;
  readonly security: SecurityLevel;
  /** The tier earned (own grants and organizations'), before the account-security cap. */
  readonly earnedTier: number;
}

export type Authenticator = ReturnType<typeof createAuthenticator>;

export function createAuthenticator(deps: AuthenticatorDeps) {
  const ttl = deps.cacheTtlMs ?? 30_000;
  const db = () => deps.store.db<AccessTables>();
  const keys = new Map<string, KeyEntry>();
  const users = new Map<string, UserEntry>();
  const used = new Map<string, number>();
  let generation = 0;
  let subscription: Subscription | undefined;
  let touchTimer: NodeJS.Timeout | undefined;

  const invalidate = (e: AccessChangedEvent) => {
    generation++;
    if (e.type === 'all') {
      keys.clear();
      users.clear();
      return;
    }
    if (e.type === 'key') keys.delete(e.id);
    if (e.type === 'user') users.delete(e.id);
    if (e.type === 'org')
      for (const [id, u] of users) if (u.principal?.orgs.has(e.id)) users.delete(id);
    // Keys carry a copy of their owner's principal: drop the owner's keys, and
    // for an org also its members' personal keys (their tier may come from it).
    if (e.type === 'org' || e.type === 'user')
      for (const [id, k] of keys)
        if (
          k.ownerId === e.id ||
          (e.type === 'org' && k.principal?.kind === 'user' && k.principal.orgs.has(e.id))
        )
          keys.delete(id);
  };

  /** The user's principal (tier capped by account security), from cache or the store. */
  const loadUser = async (
    userId: string,
    via: 'session' | 'key',
    keyId?: string,
  ): Promise<UserEntry> => {
    const gen = generation;
    const policy = deps.policy();
    const now = deps.now();
    const row = await db()
      .selectFrom('access_user')
      .select([
        'id',
        'password_hash',
        'totp_enabled_at',
        'advanced_protection',
        'staff_roles',
        'disabled_at',
      ])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (row === undefined || row.disabled_at !== null)
      return { principal: null, security: 'none', validUntil: now + ttl, policy };
    const passkeys = await db()
      .selectFrom('access_passkey')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    const security = securityOf({
      hasPassword: row.password_hash !== null,
      totp: row.totp_enabled_at !== null,
      passkeys: Number(passkeys.n),
      advancedProtection: row.advanced_protection === 1,
    });
    const orgs = await deps.directory.orgsOf(userId);
    let earned = await deps.directory.tierOf('user', userId);
    for (const orgId of orgs.keys()) {
      const t = await deps.directory.tierOf('org', orgId);
      if (t.tier > earned.tier) earned = t;
    }
    // A tier needs its account security: a member of a verified organization who
    // signs in with a password alone gets the highest tier that password allows.
    let tier = Math.min(earned.tier, policy.tiers.length - 1);
    while (tier > 0 && !securityMeets(security, tierAt(policy, tier).security)) tier--;
    const capabilities = new Set(tierAt(policy, tier).capabilities);
    for (const role of JSON.parse(row.staff_roles) as string[])
      for (const c of policy.staff.get(role) ?? []) capabilities.add(c);
    const principal: Extract<Principal, { kind: 'user' }> = {
      kind: 'user',
      userId,
      tier,
      capabilities,
      orgs,
      via,
      ...(keyId === undefined ? {} : { keyId }),
    };
    const entry: UserEntry = {
      principal,
      security,
      validUntil: Math.min(now + ttl, earned.expiresAt ?? Number.POSITIVE_INFINITY),
      policy,
    };
    if (via === 'session' && gen === generation) users.set(userId, entry);
    return entry;
  };

  const loadKey = async (keyId: string): Promise<KeyEntry | undefined> => {
    const gen = generation;
    const policy = deps.policy();
    const now = deps.now();
    const row = await db()
      .selectFrom('access_api_key')
      .selectAll()
      .where('id', '=', keyId)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const scope = row.scope === null ? null : (JSON.parse(row.scope) as string[]);
    let principal: Principal | null = null;
    let validUntil = now + ttl;
    if (row.owner_type === 'org') {
      const exists = await db()
        .selectFrom('access_org')
        .select('id')
        .where('id', '=', row.owner_id)
        .executeTakeFirst();
      if (exists !== undefined) {
        const { tier, expiresAt } = await deps.directory.tierOf('org', row.owner_id);
        const t = tierAt(policy, tier);
        principal = {
          kind: 'org',
          orgId: row.owner_id,
          tier: t.level,
          capabilities: scopeCapabilities(t.capabilities, scope),
          via: 'key',
          keyId,
        };
        if (expiresAt !== null) validUntil = Math.min(validUntil, expiresAt);
      }
    } else {
      const user = await loadUser(row.owner_id, 'key', keyId);
      if (user.principal !== null)
        principal = {
          ...user.principal,
          capabilities: scopeCapabilities(user.principal.capabilities, scope),
        };
      validUntil = Math.min(validUntil, user.validUntil);
    }
    const entry: KeyEntry = {
      secretHash: Buffer.from(row.secret_hash, 'hex'),
      ownerType: row.owner_type,
      ownerId: row.owner_id,
      expiresAt: row.expires_at === null ? null : Number(row.expires_at),
      revoked: row.revoked_at !== null,
      principal,
      validUntil,
      policy,
    };
    if (gen === generation) keys.set(keyId, entry);
    return entry;
  };

  /** Check an entry against the presented secret and the clock. */
  const accept = (
    entry: KeyEntry,
    keyId: string,
    secret: string,
    now: number,
  ): Principal | null => {
    const presented = createHash('sha256').update(secret).digest();
    if (!timingSafeEqual(presented, entry.secretHash)) return null;
    if (entry.revoked || entry.principal === null) return null;
    if (entry.expiresAt !== null && entry.expiresAt <= now) return null;
    used.set(keyId, now);
    return entry.principal;
  };

  const flushUsed = async () => {
    if (used.size === 0) return;
    const batch = new Map(used);
    used.clear();
    try {
      await deps.keys.touch(batch);
    } catch (err) {
      deps.logger.warn({ err }, 'could not record API key last-used times');
    }
  };

  return {
    /** Follow `access.changed` and start writing last-used times. Call once per process. */
    async start(): Promise<void> {
      subscription = await deps.bus.subscribe(
        ACCESS_CHANGED,
        (event) => invalidate(event.data as AccessChangedEvent),
        { from: 'new' },
      );
      touchTimer = setInterval(() => void flushUsed(), deps.touchEveryMs ?? 10_000);
      touchTimer.unref();
    },

    /**
     * The principal a presented API key stands for, or null when it is not a
     * valid key (malformed, unknown, wrong secret, revoked, expired, owner gone).
     */
    async authenticateKey(key: string): Promise<Principal | null> {
      const parsed = parseApiKey(key);
      if (parsed === undefined) return null;
      const now = deps.now();
      let entry = keys.get(parsed.keyId);
      if (entry === undefined || entry.validUntil <= now || entry.policy !== deps.policy())
        entry = await loadKey(parsed.keyId);
      if (entry === undefined) return null;
      return accept(entry, parsed.keyId, parsed.secret, now);
    },

    /**
     * Why a key `authenticateKey` refused was refused: `revoked` when it names a
     * revoked key and its secret matches (so only the key's holder learns it), else
     * `invalid`. For APIs that must tell the two apart (the gateway's `key_revoked`).
     */
    async refusal(key: string): Promise<'revoked' | 'invalid'> {
      const parsed = parseApiKey(key);
      if (parsed === undefined) return 'invalid';
      const entry = keys.get(parsed.keyId) ?? (await loadKey(parsed.keyId));
      if (entry === undefined || !entry.revoked) return 'invalid';
      const presented = createHash('sha256').update(parsed.secret).digest();
      return timingSafeEqual(presented, entry.secretHash) ? 'revoked' : 'invalid';
    },

    /**
     * The cached answer alone, without touching the store: undefined when the key
     * is not in the cache. The HTTP hook and the benchmark use it before `authenticateKey`.
     */
    authenticateKeyCached(key: string): Principal | null | undefined {
      const parsed = parseApiKey(key);
      if (parsed === undefined) return null;
      const now = deps.now();
      const entry = keys.get(parsed.keyId);
      if (entry === undefined || entry.validUntil <= now || entry.policy !== deps.policy())
        return undefined;
      return accept(entry, parsed.keyId, parsed.secret, now);
    },

    /** The principal of a signed-in user (sessions call this), or null when disabled or gone. */
    async userPrincipal(userId: string): Promise<Extract<Principal, { kind: 'user' }> | null> {
      const now = deps.now();
      const cached = users.get(userId);
      if (cached !== undefined && cached.validUntil > now && cached.policy === deps.policy())
        return cached.principal;
      return (await loadUser(userId, 'session')).principal;
    },

    /** Facts about a user for `GET /api/access/me` and the console. */
    async userFacts(userId: string): Promise<UserFacts | undefined> {
      const row = await db()
        .selectFrom('access_user')
        .select(['id', 'email', 'display_name'])
        .where('id', '=', userId)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      const entry = await loadUser(userId, 'session');
      let earned = await deps.directory.tierOf('user', userId);
      for (const orgId of entry.principal?.orgs.keys() ?? []) {
        const t = await deps.directory.tierOf('org', orgId);
        if (t.tier > earned.tier) earned = t;
      }
      return {
        userId,
        email: row.email,
        displayName: row.display_name,
        security: entry.security,
        earnedTier: earned.tier,
      };
    },

    /** Drop everything cached (tests; the policy source calls it on reload). */
    invalidate,

    async close(): Promise<void> {
      if (touchTimer !== undefined) clearInterval(touchTimer);
      await subscription?.unsubscribe();
      await flushUsed();
    },
  };
}

/**
 * How strongly an account is protected, from what it signs in with.
 * Advanced protection and passkey-only accounts are phishing-resistant; a
 * second factor (TOTP or a passkey beside a password) is MFA.
 */
export function securityOf(a: {
  hasPassword: boolean;
  totp: boolean;
  passkeys: number;
  advancedProtection: boolean;
}): SecurityLevel {
  if (a.passkeys > 0 && (a.advancedProtection || !a.hasPassword)) return 'phishing_resistant';
  if (a.passkeys > 0 || (a.hasPassword && a.totp)) return 'mfa';
  if (a.hasPassword) return 'password';
  return 'none';
}

export type { OrgRole };
