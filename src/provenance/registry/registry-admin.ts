/**
 * Registry administration by an organization's admins: per-artifact grants, the public
 * keys artifacts must be signed with, and the environment each API key is bound to.
 * Every change is audited. Binding keys and adding signing keys need a signed-in person:
 * a stolen API key must not be able to widen its own reach or trust a key of its own.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from '../../platform/audit/index.js';
import type { Store } from '../../platform/ports/store.js';
import { signingKeyHint } from './artifact-signature.js';
import { type Caller, parseGrantee } from './registry-access.js';
import { registryErrors } from './registry-errors.js';
import {
  ENVIRONMENTS,
  type Environment,
  type RegistryGrantRow,
  type RegistryTables,
} from './registry-tables.js';

export interface GrantView {
  readonly id: string;
  readonly artifactId: string;
  readonly grantee: string;
  readonly createdBy: string;
  readonly createdAt: string;
}

export interface SigningKeyView {
  readonly hint: string;
  readonly orgId: string;
  readonly name: string;
  readonly addedAt: string;
}

/** Who owns an API key, as the access module knows it. */
export type KeyOwnerLookup = (
  keyId: string,
) => Promise<{ readonly type: 'org' | 'user'; readonly id: string } | undefined>;

export type RegistryAdmin = ReturnType<typeof createRegistryAdmin>;

const toGrant = (g: RegistryGrantRow): GrantView => ({
  id: g.id,
  artifactId: g.artifact_id,
  grantee: `${g.grantee_type}:${g.grantee_id}`,
  createdBy: g.created_by,
  createdAt: new Date(Number(g.created_at)).toISOString(),
});

export function createRegistryAdmin(deps: {
  readonly store: Store;
  readonly audit: AuditLog;
  readonly keyOwner: KeyOwnerLookup;
  readonly now: () => number;
}) {
  const db = () => deps.store.db<RegistryTables>();
  /** Audit a change; one about an artifact is also indexed for that artifact's access history. */
  const audit = async (
    caller: Caller,
    action: string,
    subject: string,
    data: Record<string, unknown>,
    artifactId?: string,
  ) => {
    const entry = await deps.audit.append({
      actor: caller.actor,
      action,
      subject,
      data,
      ...(caller.requestId === undefined ? {} : { requestId: caller.requestId }),
    });
    if (artifactId !== undefined)
      await db()
        .insertInto('registry_access')
        .values({ artifact_id: artifactId, audit_index: entry.index })
        .execute();
    return entry;
  };
  const needSession = (caller: Caller) => {
    if (caller.keyId !== null) throw registryErrors.create('session_required');
  };
  /** The caller owns the API key: its user, or an admin of its organization. */
  const mustOwnKey = async (
    caller: Caller,
    keyId: string,
    isOrgAdmin: (orgId: string) => boolean,
  ): Promise<void> => {
    const owner = await deps.keyOwner(keyId);
    const p = caller.principal;
    const mine =
      owner !== undefined &&
      ((owner.type === 'user' && p.kind === 'user' && p.userId === owner.id) ||
        (owner.type === 'org' && isOrgAdmin(owner.id)));
    if (!mine)
      throw registryErrors.create('artifact_not_found', {
        message: 'There is no such API key, or it is not yours to change.',
        es: 'No existe esa clave de API, o no le corresponde a usted cambiarla.',
      });
  };

  return {
    /** The owning organization of an artifact (for the gate's admin check), or undefined. */
    async artifactOrg(artifactId: string): Promise<string | undefined> {
      if (!/^[0-9a-f-]{36}$/.test(artifactId)) return undefined;
      const a = await db()
        .selectFrom('registry_artifact')
        .select('org_id')
        .where('id', '=', artifactId)
        .executeTakeFirst();
      return a?.org_id;
    },

    async grant(caller: Caller, artifactId: string, grantee: string): Promise<GrantView> {
      const g = parseGrantee(grantee);
      if (g === undefined) throw registryErrors.create('grant_invalid');
      const row: RegistryGrantRow = {
        id: randomUUID(),
        artifact_id: artifactId,
        grantee_type: g.type,
        grantee_id: g.id,
        created_by: caller.actor,
        created_at: deps.now(),
        revoked_at: null,
        revoked_by: null,
      };
      await db().insertInto('registry_grant').values(row).execute();
      await audit(
        caller,
        'provenance.registry.grant.added',
        `artifact:${artifactId}`,
        { grant: row.id, grantee },
        artifactId,
      );
      return toGrant(row);
    },

    async grants(artifactId: string): Promise<GrantView[]> {
      const rows = await db()
        .selectFrom('registry_grant')
        .selectAll()
        .where('artifact_id', '=', artifactId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'asc')
        .limit(1000)
        .execute();
      return rows.map(toGrant);
    },

    /** Revoke a grant; false when there was no active grant of that id on the artifact. */
    async revokeGrant(caller: Caller, artifactId: string, grantId: string): Promise<boolean> {
      const done = await db()
        .updateTable('registry_grant')
        .set({ revoked_at: deps.now(), revoked_by: caller.actor })
        .where('id', '=', grantId)
        .where('artifact_id', '=', artifactId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) return false;
      await audit(
        caller,
        'provenance.registry.grant.revoked',
        `artifact:${artifactId}`,
        { grant: grantId },
        artifactId,
      );
      return true;
    },

    async addSigningKey(
      caller: Caller,
      orgId: string,
      input: { name: string; publicKeyPem: string },
    ): Promise<SigningKeyView> {
      needSession(caller);
      return addSigningKeyAs(deps, caller.actor, orgId, input, caller.requestId);
    },

    /** The organization's signing keys in force (their hints and PEMs, for verification). */
    async trustedKeys(orgId: string): Promise<{ hint: string; publicKeyPem: string }[]> {
      const rows = await db()
        .selectFrom('registry_signing_key')
        .select(['hint', 'public_key_pem'])
        .where('org_id', '=', orgId)
        .where('revoked_at', 'is', null)
        .limit(100)
        .execute();
      return rows.map((r) => ({ hint: r.hint, publicKeyPem: r.public_key_pem }));
    },

    /**
     * Bind an API key to one environment. The caller must own the key: its user, or an
     * admin of its organization (`isOrgAdmin`, which the routes answer from the principal).
     */
    async bindKey(
      caller: Caller,
      keyId: string,
      environment: Environment,
      isOrgAdmin: (orgId: string) => boolean,
    ): Promise<{ keyId: string; environment: Environment }> {
      needSession(caller);
      if (!ENVIRONMENTS.includes(environment))
        throw registryErrors.create('artifact_invalid', {
          message: 'The environment is dev, staging or prod.',
          es: 'El entorno es dev, staging o prod.',
        });
      await mustOwnKey(caller, keyId, isOrgAdmin);
      return bindKeyAs(deps, caller.actor, keyId, environment, caller.requestId);
    },

    /** Undo a binding: the key then reaches no environment. False when it was not bound. */
    async unbindKey(
      caller: Caller,
      keyId: string,
      isOrgAdmin: (orgId: string) => boolean,
    ): Promise<boolean> {
      needSession(caller);
      await mustOwnKey(caller, keyId, isOrgAdmin);
      return unbindKeyAs(deps, caller.actor, keyId, caller.requestId);
    },

    /** The organization's signing keys, newest first, withdrawn ones included (marked). */
    signingKeys: (orgId: string) => signingKeysOf(deps.store, orgId),

    /** Withdraw trust in a signing key (signed-in admins): new pushes signed with it are refused. */
    async revokeSigningKey(caller: Caller, orgId: string, hint: string): Promise<RevokedKey> {
      needSession(caller);
      return revokeSigningKeyAs(deps, caller.actor, orgId, hint, caller.requestId);
    },
  };
}

export interface SigningKeyState extends SigningKeyView {
  /** When trust in the key was withdrawn; null while it is trusted. */
  readonly revokedAt: string | null;
}

export interface RevokedKey {
  readonly hint: string;
  readonly orgId: string;
  /** Artifact versions signed with it that remain stored (their owners may want to re-sign them). */
  readonly signedArtifacts: number;
}

/** Every signing key registered for an organization, newest first (at most 100). */
export async function signingKeysOf(store: Store, orgId: string): Promise<SigningKeyState[]> {
  const rows = await store
    .db<RegistryTables>()
    .selectFrom('registry_signing_key')
    .select(['hint', 'org_id', 'name', 'added_at', 'revoked_at'])
    .where('org_id', '=', orgId)
    .orderBy('added_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((r) => ({
    hint: r.hint,
    orgId: r.org_id,
    name: r.name,
    addedAt: new Date(Number(r.added_at)).toISOString(),
    revokedAt: r.revoked_at === null ? null : new Date(Number(r.revoked_at)).toISOString(),
  }));
}

/**
 * Withdraw trust in one of an organization's signing keys (also the operator's CLI
 * command), audited. Pushes to staging and prod signed with it are refused from now on;
 * artifacts already stored keep their signature record (the count is returned, so the
 * person can re-sign them). A key that is not registered, or already withdrawn, is
 * `signing_key_invalid`.
 */
export async function revokeSigningKeyAs(
  deps: { readonly store: Store; readonly audit: AuditLog; readonly now: () => number },
  actor: string,
  orgId: string,
  hint: string,
  requestId?: string,
): Promise<RevokedKey> {
  const db = deps.store.db<RegistryTables>();
  const done = await db
    .updateTable('registry_signing_key')
    .set({ revoked_at: deps.now() })
    .where('hint', '=', hint)
    .where('org_id', '=', orgId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) === 0)
    throw registryErrors.create('signing_key_invalid', {
      message: 'This organization has no trusted signing key with that hint.',
      es: 'Esta organización no tiene ninguna clave de firma de confianza con esa huella.',
    });
  const signed = await db
    .selectFrom('registry_signature')
    .innerJoin('registry_artifact', 'registry_artifact.id', 'registry_signature.artifact_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('registry_artifact.org_id', '=', orgId)
    .where('registry_signature.key_hint', '=', hint)
    .executeTakeFirst();
  const signedArtifacts = Number(signed?.n ?? 0);
  await deps.audit.append({
    actor,
    action: 'provenance.registry.signing-key.revoked',
    subject: `org:${orgId}`,
    data: { hint, signedArtifacts },
    ...(requestId === undefined ? {} : { requestId }),
  });
  return { hint, orgId, signedArtifacts };
}

/** Remove a key's environment binding (also the operator's CLI command), audited; false when unbound. */
export async function unbindKeyAs(
  deps: { readonly store: Store; readonly audit: AuditLog },
  actor: string,
  keyId: string,
  requestId?: string,
): Promise<boolean> {
  const done = await deps.store
    .db<RegistryTables>()
    .deleteFrom('registry_key_environment')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (Number(done.numDeletedRows) === 0) return false;
  await deps.audit.append({
    actor,
    action: 'provenance.registry.key.unbound',
    subject: `key:${keyId}`,
    data: {},
    ...(requestId === undefined ? {} : { requestId }),
  });
  return true;
}

/** Register an organization's signing key (also the operator's local CLI command), audited. */
export async function addSigningKeyAs(
  deps: { readonly store: Store; readonly audit: AuditLog; readonly now: () => number },
  actor: string,
  orgId: string,
  input: { name: string; publicKeyPem: string },
  requestId?: string,
): Promise<SigningKeyView> {
  const hint = signingKeyHint(input.publicKeyPem);
  if (hint === undefined) throw registryErrors.create('signing_key_invalid');
  const now = deps.now();
  const name = input.name.trim().slice(0, 100) || 'signing key';
  try {
    await deps.store
      .db<RegistryTables>()
      .insertInto('registry_signing_key')
      .values({
        hint,
        org_id: orgId,
        name,
        public_key_pem: input.publicKeyPem,
        added_by: actor,
        added_at: now,
        revoked_at: null,
      })
      .execute();
  } catch (err) {
    if (!deps.store.isUniqueViolation(err)) throw err;
    throw registryErrors.create('signing_key_invalid', {
      message: 'This signing key is already registered.',
      es: 'Esta clave de firma ya está registrada.',
    });
  }
  await deps.audit.append({
    actor,
    action: 'provenance.registry.signing-key.added',
    subject: `org:${orgId}`,
    data: { hint, name },
    ...(requestId === undefined ? {} : { requestId }),
  });
  return { hint, orgId, name, addedAt: new Date(now).toISOString() };
}

/** Record the binding (also used by the operator's local CLI command), audited. */
export async function bindKeyAs(
  deps: { readonly store: Store; readonly audit: AuditLog; readonly now: () => number },
  actor: string,
  keyId: string,
  environment: Environment,
  requestId?: string,
): Promise<{ keyId: string; environment: Environment }> {
  const values = { environment, bound_by: actor, bound_at: deps.now() };
  await deps.store
    .db<RegistryTables>()
    .insertInto('registry_key_environment')
    .values({ key_id: keyId, ...values })
    .onConflict((oc) => oc.column('key_id').doUpdateSet(values))
    .execute();
  await deps.audit.append({
    actor,
    action: 'provenance.registry.key.bound',
    subject: `key:${keyId}`,
    data: { environment },
    ...(requestId === undefined ? {} : { requestId }),
  });
  return { keyId, environment };
}

/** The environment a key is bound to, or null. */
export async function keyEnvironment(store: Store, keyId: string): Promise<Environment | null> {
  const r = await store
    .db<RegistryTables>()
    .selectFrom('registry_key_environment')
    .select('environment')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return r === undefined ? null : (r.environment as Environment);
}
