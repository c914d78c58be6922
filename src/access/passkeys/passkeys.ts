/**
 * Passkeys (WebAuthn): the first way to sign in. Registration binds a key pair
 * on the person's device to their account; signing in is usernameless (the
 * browser offers the passkeys it holds for this site). Verification is
 * @simplewebauthn/server's: attestation, origin, RP ID, challenge, user
 * verification and the signature counter. Challenges are single-use rows in
 * the store, so a ceremony may start on one instance and end on another.
 */
import { randomBytes } from 'node:crypto';
import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AuditLog } from '../../platform/audit/index.js';
import type { Store } from '../../platform/ports/store.js';
import type { AccessPasskeyRow, AccessTables } from '../access-tables.js';
import type { Actor, Directory } from '../directory.js';
import { accessErrors } from '../errors.js';
import type { PasskeyTables } from './passkey-tables.js';

/** How long a person has to finish a ceremony. */
export const CHALLENGE_MS = 5 * 60_000;
/** Passkeys one account may hold. */
export const MAX_PASSKEYS = 20;

/** Where the site is, as browsers see it: passkeys are bound to `id` (a host name, never an IP address). */
export interface RelyingParty {
  readonly id: string;
  readonly name: string;
  /** Origins allowed to run ceremonies, e.g. `https://shieldwall.example.org`. */
  readonly origins: readonly string[];
}

export interface PasskeyInfo {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  /** Synced between devices (a password manager or platform account) rather than bound to one. */
  readonly backedUp: boolean;
}

export type Passkeys = ReturnType<typeof createPasskeys>;

export function createPasskeys(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly directory: Directory;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<AccessTables & PasskeyTables>();

  const saveChallenge = async (
    challenge: string,
    purpose: 'register' | 'authenticate',
    userId: string | null,
  ) => {
    const now = deps.now();
    // Expired challenges are swept as new ones are made, so the table stays small.
    await db().deleteFrom('access_webauthn_challenge').where('expires_at', '<=', now).execute();
    await db()
      .insertInto('access_webauthn_challenge')
      .values({
        challenge,
        purpose,
        user_id: userId,
        created_at: now,
        expires_at: now + CHALLENGE_MS,
      })
      .execute();
  };

  /** Take a challenge once: true when it existed, was for this purpose (and user) and had not expired. */
  const takeChallenge = async (
    challenge: string,
    purpose: 'register' | 'authenticate',
    userId: string | null,
  ) => {
    if (challenge.length === 0 || challenge.length > 200) return false;
    const row = await db()
      .selectFrom('access_webauthn_challenge')
      .selectAll()
      .where('challenge', '=', challenge)
      .executeTakeFirst();
    if (row === undefined) return false;
    const res = await db()
      .deleteFrom('access_webauthn_challenge')
      .where('challenge', '=', challenge)
      .executeTakeFirst();
    if (Number(res.numDeletedRows) !== 1) return false; // another request took it first
    return row.purpose === purpose && row.user_id === userId && Number(row.expires_at) > deps.now();
  };

  const refuse = async (
    actor: Actor,
    action: string,
    why: string,
    subject?: string,
  ): Promise<never> => {
    await deps.audit.append({
      actor: actor.id,
      action,
      outcome: 'denied',
      ...(subject === undefined ? {} : { subject }),
      data: { why },
      requestId: actor.requestId,
    });
    throw accessErrors.create('unauthenticated', {
      message: 'That passkey could not be checked. Try again.',
    });
  };

  return {
    /** Options for `navigator.credentials.create()` for a signed-in person. */
    async registrationOptions(
      rp: RelyingParty,
      user: { id: string; email: string; displayName: string },
    ): Promise<PublicKeyCredentialCreationOptionsJSON> {
      const existing = await db()
        .selectFrom('access_passkey')
        .select(['id', 'transports'])
        .where('user_id', '=', user.id)
        .execute();
      if (existing.length >= MAX_PASSKEYS)
        throw accessErrors.create('invalid_input', {
          message: `An account can hold at most ${MAX_PASSKEYS} passkeys; remove one first.`,
        });
      const options = await generateRegistrationOptions({
        rpName: rp.name,
        rpID: rp.id,
        userName: user.email,
        userDisplayName: user.displayName,
        userID: new TextEncoder().encode(user.id),
        // Bytes, not a string: the library base64url-encodes what it is given.
        challenge: randomBytes(32),
        attestationType: 'none',
        timeout: CHALLENGE_MS,
        // The same authenticator twice would add nothing but confusion.
        excludeCredentials: existing.map((c) => ({
          id: c.id,
          transports: JSON.parse(c.transports) as AuthenticatorTransportFuture[],
        })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
      await saveChallenge(options.challenge, 'register', user.id);
      return options;
    },

    /** Check the browser's answer and keep the passkey. */
    async register(
      rp: RelyingParty,
      userId: string,
      response: RegistrationResponseJSON,
      name: string,
      actor: Actor,
    ): Promise<PasskeyInfo> {
      const challenge = challengeOf(response.response.clientDataJSON);
      if (!(await takeChallenge(challenge, 'register', userId)))
        return refuse(
          actor,
          'access.passkey.added',
          'challenge unknown, used or expired',
          `user:${userId}`,
        );
      let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verified = await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: [...rp.origins],
          expectedRPID: rp.id,
          requireUserVerification: true,
        });
      } catch (err) {
        return refuse(
          actor,
          'access.passkey.added',
          (err as Error).message.slice(0, 200),
          `user:${userId}`,
        );
      }
      if (!verified.verified)
        return refuse(actor, 'access.passkey.added', 'not verified', `user:${userId}`);
      const { credential, credentialBackedUp } = verified.registrationInfo;
      const row: AccessPasskeyRow = {
        id: credential.id,
        user_id: userId,
        public_key: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: JSON.stringify(credential.transports ?? []),
        name: cleanName(name),
        backed_up: credentialBackedUp ? 1 : 0,
        created_at: deps.now(),
        last_used_at: null,
      };
      try {
        await db().insertInto('access_passkey').values(row).execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err))
          return refuse(
            actor,
            'access.passkey.added',
            'credential already registered',
            `user:${userId}`,
          );
        throw err;
      }
      await deps.audit.append({
        actor: actor.id,
        action: 'access.passkey.added',
        subject: `user:${userId}`,
        data: { passkey: row.id.slice(0, 16), backedUp: credentialBackedUp },
        requestId: actor.requestId,
      });
      // The account's security level may have risen (and with it the tier it may use).
      await deps.directory.changed('user', userId);
      return toInfo(row);
    },

    /** Options for `navigator.credentials.get()`: usernameless, user verification required. */
    async authenticationOptions(rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
      const options = await generateAuthenticationOptions({
        rpID: rp.id,
        challenge: randomBytes(32),
        userVerification: 'required',
        timeout: CHALLENGE_MS,
      });
      await saveChallenge(options.challenge, 'authenticate', null);
      return options;
    },

    /** Check a sign-in; returns whose passkey it was. Every refusal is audited. */
    async authenticate(
      rp: RelyingParty,
      response: AuthenticationResponseJSON,
      actor: Actor,
    ): Promise<{ userId: string; passkeyId: string }> {
      const challenge = challengeOf(response.response.clientDataJSON);
      if (!(await takeChallenge(challenge, 'authenticate', null)))
        return refuse(actor, 'access.passkey.used', 'challenge unknown, used or expired');
      const row = await db()
        .selectFrom('access_passkey')
        .selectAll()
        .where('id', '=', String(response.id).slice(0, 1400))
        .executeTakeFirst();
      if (row === undefined) return refuse(actor, 'access.passkey.used', 'unknown passkey');
      let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
      try {
        verified = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: [...rp.origins],
          expectedRPID: rp.id,
          requireUserVerification: true,
          credential: {
            id: row.id,
            publicKey: Buffer.from(row.public_key, 'base64url'),
            counter: Number(row.counter),
            transports: JSON.parse(row.transports) as AuthenticatorTransportFuture[],
          },
        });
      } catch (err) {
        // A counter that went backwards lands here: a cloned authenticator.
        return refuse(
          actor,
          'access.passkey.used',
          (err as Error).message.slice(0, 200),
          `user:${row.user_id}`,
        );
      }
      if (!verified.verified)
        return refuse(actor, 'access.passkey.used', 'not verified', `user:${row.user_id}`);
      await db()
        .updateTable('access_passkey')
        .set({
          counter: verified.authenticationInfo.newCounter,
          last_used_at: deps.now(),
          backed_up: verified.authenticationInfo.credentialBackedUp ? 1 : 0,
        })
        .where('id', '=', row.id)
        .execute();
      return { userId: row.user_id, passkeyId: row.id };
    },

    async list(userId: string): Promise<PasskeyInfo[]> {
      const rows = await db()
        .selectFrom('access_passkey')
        .selectAll()
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .execute();
      return rows.map(toInfo);
    },

    async rename(userId: string, passkeyId: string, name: string, actor: Actor): Promise<void> {
      const res = await db()
        .updateTable('access_passkey')
        .set({ name: cleanName(name) })
        .where('id', '=', passkeyId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0)
        throw accessErrors.create('not_found', {
          message: 'There is no such passkey on your account.',
        });
      await deps.audit.append({
        actor: actor.id,
        action: 'access.passkey.renamed',
        subject: `user:${userId}`,
        data: { passkey: passkeyId.slice(0, 16) },
        requestId: actor.requestId,
      });
    },

    /**
     * Remove a passkey. The last one stays when it is the only way in (no
     * password) or the account has advanced protection: removing it would lock
     * the person out or quietly lower their protection.
     */
    async remove(userId: string, passkeyId: string, actor: Actor): Promise<void> {
      await deps.store.transaction<AccessTables, void>(
        async (trx) => {
          const keys = await trx
            .selectFrom('access_passkey')
            .select('id')
            .where('user_id', '=', userId)
            .execute();
          if (!keys.some((k) => k.id === passkeyId))
            throw accessErrors.create('not_found', {
              message: 'There is no such passkey on your account.',
            });
          const user = await trx
            .selectFrom('access_user')
            .select(['password_hash', 'advanced_protection'])
            .where('id', '=', userId)
            .executeTakeFirstOrThrow();
          if (keys.length === 1 && (user.password_hash === null || user.advanced_protection === 1))
            throw accessErrors.create('invalid_input', {
              message:
                user.advanced_protection === 1
                  ? 'With advanced protection on, keep at least one passkey. Add another first, or turn advanced protection off.'
                  : 'This is the only way into your account. Add another passkey or a password first.',
            });
          await trx.deleteFrom('access_passkey').where('id', '=', passkeyId).execute();
        },
        { lock: `access-passkeys:${userId}` },
      );
      await deps.audit.append({
        actor: actor.id,
        action: 'access.passkey.removed',
        subject: `user:${userId}`,
        data: { passkey: passkeyId.slice(0, 16) },
        requestId: actor.requestId,
      });
      await deps.directory.changed('user', userId);
    },
  };
}

/** The challenge the browser signed, read from clientDataJSON (verified again by the library). */
function challengeOf(clientDataJSON: string): string {
  try {
    if (clientDataJSON.length > 4096) return '';
    const parsed = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as {
      challenge?: unknown;
    };
    return typeof parsed.challenge === 'string' ? parsed.challenge : '';
  } catch {
    return '';
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: names are shown to people; no control characters
const CONTROL = /[\u0000-\u001f\u007f]/g;

function cleanName(name: string): string {
  const n = name.replace(CONTROL, '').trim().slice(0, 60);
  return n === '' ? 'Passkey' : n;
}

function toInfo(r: AccessPasskeyRow): PasskeyInfo {
  return {
    id: r.id,
    name: r.name,
    createdAt: Number(r.created_at),
    lastUsedAt: r.last_used_at === null ? null : Number(r.last_used_at),
    backedUp: r.backed_up === 1,
  };
}
