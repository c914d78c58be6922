/**
 * The second factor beside a password: TOTP (RFC 6238 with SHA-1, 30-second
 * steps, 6 digits, which every authenticator app speaks) and single-use
 * recovery codes. A TOTP code is accepted one step either side of now for clock
 * drift, and each step only once: the highest accepted step is stored and the
 * update is conditional on it, so two concurrent uses of one code cannot both win.
 */
import { generateSecret, generateURI, verify } from 'otplib';
import type { Store } from '../../platform/ports/store.js';
import type { Sealer } from '../../platform/secrets/index.js';
import { newRecoveryCode, normaliseRecoveryCode, sha256Hex } from './account-secrets.js';
import type { AccountTables } from './account-tables.js';

export const TOTP = { algorithm: 'sha1', digits: 6, period: 30 } as const;
export const RECOVERY_CODE_COUNT = 10;
/** An enrolment not confirmed within this is discarded (the secret must be offered again). */
const ENROLMENT_TTL_MS = 30 * 60_000;

/** A TOTP code as typed ("123 456" is fine), or undefined when it cannot be one. */
export function normaliseTotpCode(typed: string): string | undefined {
  if (typed.length > 16) return undefined;
  const code = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

export type SecondFactor = ReturnType<typeof createSecondFactor>;

export function createSecondFactor(deps: {
  store: Store;
  now: () => number;
  siteName: string;
  sealer: Sealer;
}) {
  const db = () => deps.store.db<AccountTables>();
  // Seeds are sealed at rest, bound to their row: a copied database (or a seed moved to another
  // account) yields nothing usable. Seeds stored before sealing still open (legacy plain text).
  const confirmedPlace = (userId: string) => `access_user.totp_secret:${userId}`;
  const pendingPlace = (userId: string) => `access_totp.pending_secret:${userId}`;

  /** The time step of a valid, unused code for `secret`, or null. */
  const acceptedStep = async (
    secret: string,
    code: string,
    lastStep: number | null,
  ): Promise<number | null> => {
    const token = normaliseTotpCode(code);
    if (token === undefined) return null;
    const result = await verify({
      secret,
      token,
      ...TOTP,
      epoch: Math.floor(deps.now() / 1000),
      epochTolerance: TOTP.period,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  };

  /** Record `step` as used unless it (or a later one) already was; false for a replay. */
  const claimStep = async (userId: string, step: number): Promise<boolean> => {
    const res = await db()
      .updateTable('access_totp')
      .set({ last_step: step })
      .where('user_id', '=', userId)
      .where((eb) => eb.or([eb('last_step', 'is', null), eb('last_step', '<', step)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  };

  const totpState = (userId: string) =>
    db().selectFrom('access_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();

  return {
    /** Check a code against the user's confirmed secret and use it up. */
    async useTotp(userId: string, storedSecret: string, code: string): Promise<boolean> {
      const secret = deps.sealer.open(storedSecret, confirmedPlace(userId));
      const state = await totpState(userId);
      const last = state?.last_step == null ? null : Number(state.last_step);
      const step = await acceptedStep(secret, code, last);
      const accepted = step !== null && (await claimStep(userId, step));
      if (accepted && deps.sealer.isLegacy(storedSecret))
        // Written before seeds were sealed: seal it now (only if nobody changed it meanwhile).
        await deps.store
          .db<AccountTables>()
          .updateTable('access_user')
          .set({ totp_secret: deps.sealer.seal(secret, confirmedPlace(userId)) })
          .where('id', '=', userId)
          .where('totp_secret', '=', storedSecret)
          .execute();
      return accepted;
    },

    /** Use up one recovery code; false when it is not one of the user's unused codes. */
    async useRecoveryCode(userId: string, typed: string): Promise<boolean> {
      const code = normaliseRecoveryCode(typed);
      if (code === undefined) return false;
      const res = await db()
        .updateTable('access_recovery_code')
        .set({ used_at: deps.now() })
        .where('code_hash', '=', sha256Hex(`${userId}:${code}`))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(res.numUpdatedRows) === 1;
    },

    /** A new set of codes, replacing the old set; returned once, stored hashed. */
    async regenerateRecoveryCodes(userId: string): Promise<string[]> {
      const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
      const now = deps.now();
      await deps.store.transaction<AccountTables, void>(async (trx) => {
        await trx.deleteFrom('access_recovery_code').where('user_id', '=', userId).execute();
        await trx
          .insertInto('access_recovery_code')
          .values(
            codes.map((c) => ({
              code_hash: sha256Hex(`${userId}:${c.replaceAll('-', '')}`),
              user_id: userId,
              created_at: now,
              used_at: null,
            })),
          )
          .execute();
      });
      return codes;
    },

    async recoveryCodesLeft(userId: string): Promise<number> {
      const row = await db()
        .selectFrom('access_recovery_code')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** Offer a new secret (replacing an earlier unconfirmed one); the caller shows it once. */
    async beginEnrolment(userId: string, label: string): Promise<{ secret: string; uri: string }> {
      const secret = generateSecret({ length: 20 });
      const now = deps.now();
      const existing = await totpState(userId);
      if (existing === undefined)
        await db()
          .insertInto('access_totp')
          .values({
            user_id: userId,
            pending_secret: deps.sealer.seal(secret, pendingPlace(userId)),
            pending_created_at: now,
            last_step: null,
          })
          .execute();
      else
        await db()
          .updateTable('access_totp')
          .set({
            pending_secret: deps.sealer.seal(secret, pendingPlace(userId)),
            pending_created_at: now,
          })
          .where('user_id', '=', userId)
          .execute();
      const uri = generateURI({ issuer: deps.siteName, label, secret, ...TOTP });
      return { secret, uri };
    },

    /**
     * The pending secret when `code` is valid for it (and unused); the enrolment
     * is then cleared and the step recorded. Null when the code is wrong; undefined
     * when there is no enrolment (or it expired).
     */
    async confirmEnrolment(userId: string, code: string): Promise<string | null | undefined> {
      const state = await totpState(userId);
      if (
        state?.pending_secret == null ||
        deps.now() - Number(state.pending_created_at) > ENROLMENT_TTL_MS
      )
        return undefined;
      const last = state.last_step == null ? null : Number(state.last_step);
      const pending = deps.sealer.open(state.pending_secret, pendingPlace(userId));
      const step = await acceptedStep(pending, code, last);
      if (step === null || !(await claimStep(userId, step))) return null;
      await db()
        .updateTable('access_totp')
        .set({ pending_secret: null, pending_created_at: null })
        .where('user_id', '=', userId)
        .execute();
      return pending;
    },

    /** The confirmed seed as it is stored in `access_user.totp_secret` (sealed for that user). */
    sealConfirmed(userId: string, secret: string): string {
      return deps.sealer.seal(secret, confirmedPlace(userId));
    },

    /** Forget everything second-factor of a user (TOTP turned off, or an unproven account reset). */
    async clear(userId: string): Promise<void> {
      await db().deleteFrom('access_recovery_code').where('user_id', '=', userId).execute();
      await db()
        .updateTable('access_totp')
        .set({ pending_secret: null, pending_created_at: null })
        .where('user_id', '=', userId)
        .execute();
    },
  };
}
