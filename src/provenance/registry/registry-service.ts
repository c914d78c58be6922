/**
 * The model registry's use cases: describe an artifact (with its signature, verified
 * before any byte is accepted), stream its bytes into the blob store, serve them back
 * to callers the access rules allow, and record every step — successes and refusals —
 * in the audit log. Downloads feed the insider-threat monitor.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AuditLog, InclusionProof } from '../../platform/audit/index.js';
import type { BlobStore } from '../../platform/ports/blob.js';
import type { Store } from '../../platform/ports/store.js';
import { checkArtifactSignature } from './artifact-signature.js';
import type { InsiderService } from './insider-service.js';
import {
  type Caller,
  environmentRefusal,
  memberOrgs,
  type Refusal,
  readRefusal,
} from './registry-access.js';
import { registryErrors } from './registry-errors.js';
import {
  ENVIRONMENTS,
  type Environment,
  type RegistryArtifactRow,
  type RegistryGrantRow,
  type RegistryTables,
} from './registry-tables.js';

export interface CreateArtifactInput {
  readonly orgId: string;
  readonly name: string;
  readonly version: string;
  readonly environment: Environment;
  readonly sha256: string;
  readonly size: number;
  readonly fileName?: string;
  readonly minTier?: number;
  readonly restricted?: boolean;
  /** The OMS signature bundle (JSON text) of the file; required for staging and prod. */
  readonly signature?: string;
}

export interface ArtifactView {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly version: string;
  readonly environment: Environment;
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  readonly minTier: number;
  readonly restricted: boolean;
  readonly status: 'pending' | 'ready';
  readonly createdBy: string;
  readonly createdAt: string;
  readonly signed: boolean;
}

/** A signature as recorded in the transparency log, with the proof that it is there. */
export interface SignatureRecord {
  readonly artifactId: string;
  readonly bundleSha256: string;
  readonly keyHint: string;
  readonly auditIndex: number;
  readonly proof: InclusionProof;
}

export interface RegistryDeps {
  readonly store: Store;
  readonly blob: BlobStore;
  readonly audit: AuditLog;
  readonly insider: InsiderService;
  readonly maxBytes: number;
  readonly now: () => number;
}

export type RegistryService = ReturnType<typeof createRegistryService>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,199}$/;
const SHA256 = /^[0-9a-f]{64}$/;

export function toView(r: RegistryArtifactRow, signed: boolean): ArtifactView {
  return {
    id: r.id,
    orgId: r.org_id,
    name: r.name,
    version: r.version,
    environment: r.environment as Environment,
    sha256: r.sha256,
    size: Number(r.size),
    fileName: r.file_name,
    minTier: Number(r.min_tier),
    restricted: Number(r.restricted) === 1,
    status: r.status as 'pending' | 'ready',
    createdBy: r.created_by,
    createdAt: new Date(Number(r.created_at)).toISOString(),
    signed,
  };
}

/** Content-addressed: identical bytes are stored once, and a key cannot name anything else. */
export const blobKeyOf = (sha256: string) => `artifacts/sha256/${sha256}`;

function invalid(message: string, es: string) {
  return registryErrors.create('artifact_invalid', { message, es });
}

export function createRegistryService(deps: RegistryDeps) {
  const db = () => deps.store.db<RegistryTables>();

  const audit = (
    caller: Caller,
    action: string,
    subject: string,
    data: Record<string, unknown>,
    outcome: 'success' | 'denied' | 'failure' = 'success',
  ) =>
    deps.audit.append({
      actor: caller.actor,
      action,
      subject,
      outcome,
      data,
      ...(caller.requestId === undefined ? {} : { requestId: caller.requestId }),
    });

  /** Record a refusal, then throw the error the caller gets. */
  async function refuse(
    caller: Caller,
    action: string,
    subject: string,
    why: Refusal,
  ): Promise<never> {
    await audit(caller, action, subject, { reason: why }, 'denied');
    if (why === 'not_visible') throw registryErrors.create('artifact_not_found');
    throw registryErrors.create(why);
  }

  async function row(id: string): Promise<RegistryArtifactRow | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    return db().selectFrom('registry_artifact').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async function grantsOf(artifactId: string): Promise<RegistryGrantRow[]> {
    return db()
      .selectFrom('registry_grant')
      .selectAll()
      .where('artifact_id', '=', artifactId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async function isSigned(artifactId: string): Promise<boolean> {
    const s = await db()
      .selectFrom('registry_signature')
      .select('id')
      .where('artifact_id', '=', artifactId)
      .executeTakeFirst();
    return s !== undefined;
  }

  /** The artifact, when the caller may read it; refusals are audited under `action`. */
  async function readable(
    caller: Caller,
    id: string,
    action: string,
  ): Promise<RegistryArtifactRow> {
    const found = await row(id);
    if (found === undefined)
      return refuse(caller, action, `artifact:${id.slice(0, 64)}`, 'not_visible');
    const why = readRefusal(caller, found, await grantsOf(found.id));
    if (why !== null) return refuse(caller, action, `artifact:${found.id}`, why);
    return found;
  }

  function checkInput(input: CreateArtifactInput): void {
    if (!NAME.test(input.name) || !NAME.test(input.version))
      throw invalid(
        'Names and versions are 1–128 letters, digits, ".", "_" or "-", starting with a letter or digit.',
        'Los nombres y las versiones tienen de 1 a 128 letras, dígitos, ".", "_" o "-", y empiezan por una letra o un dígito.',
      );
    if (!ENVIRONMENTS.includes(input.environment))
      throw invalid(
        'The environment is dev, staging or prod.',
        'El entorno es dev, staging o prod.',
      );
    if (!SHA256.test(input.sha256))
      throw invalid(
        'sha256 is 64 lowercase hex digits.',
        'sha256 son 64 dígitos hexadecimales en minúsculas.',
      );
    if (!Number.isSafeInteger(input.size) || input.size < 0 || input.size > deps.maxBytes)
      throw registryErrors.create('artifact_invalid', {
        message: `The size must be between 0 and ${deps.maxBytes} bytes.`,
        es: `El tamaño debe estar entre 0 y ${deps.maxBytes} bytes.`,
      });
    if (input.fileName !== undefined && !FILE_NAME.test(input.fileName))
      throw invalid(
        'The file name has characters that are not allowed.',
        'El nombre del archivo tiene caracteres no permitidos.',
      );
  }

  return {
    /**
     * Describe a new artifact version. Its signature (required for staging and prod) is
     * checked against the organization's registered keys now, and appended to the
     * transparency log; the bytes follow with `upload`.
     */
    async create(
      caller: Caller,
      input: CreateArtifactInput,
      trustedKeys: readonly { hint: string; publicKeyPem: string }[],
    ): Promise<{ artifact: ArtifactView; signature: SignatureRecord | null }> {
      checkInput(input);
      const subject = `org:${input.orgId}`;
      const env = environmentRefusal(caller, input.environment);
      if (env !== null) await refuse(caller, 'provenance.registry.artifact.create', subject, env);
      const signatureText = input.signature;
      if (signatureText === undefined && input.environment !== 'dev')
        throw registryErrors.create('signature_required');
      const check =
        signatureText === undefined
          ? undefined
          : checkArtifactSignature(signatureText, input.sha256, trustedKeys);
      if (check !== undefined && !check.ok) {
        await audit(
          caller,
          'provenance.registry.signature.rejected',
          subject,
          {
            name: input.name,
            version: input.version,
            environment: input.environment,
            reason: check.reason,
          },
          'denied',
        );
        throw registryErrors.create('signature_rejected', {
          message: `The signature was refused: ${check.reason}.`,
        });
      }
      const now = deps.now();
      const artifact: RegistryArtifactRow = {
        id: randomUUID(),
        org_id: input.orgId,
        name: input.name,
        version: input.version,
        environment: input.environment,
        sha256: input.sha256,
        size: input.size,
        file_name: input.fileName ?? `${input.name}-${input.version}`,
        min_tier: input.minTier ?? 1,
        restricted: input.restricted === true ? 1 : 0,
        status: 'pending',
        created_by: caller.actor,
        created_at: now,
        ready_at: null,
      };
      try {
        await db().insertInto('registry_artifact').values(artifact).execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err)) throw registryErrors.create('artifact_exists');
        throw err;
      }
      await audit(caller, 'provenance.registry.artifact.created', `artifact:${artifact.id}`, {
        org: input.orgId,
        name: input.name,
        version: input.version,
        environment: input.environment,
        sha256: input.sha256,
        size: input.size,
        minTier: artifact.min_tier,
        restricted: input.restricted === true,
      });
      let signature: SignatureRecord | null = null;
      if (check?.ok === true && signatureText !== undefined) {
        const entry = await audit(
          caller,
          'provenance.registry.signature',
          `artifact:${artifact.id}`,
          {
            bundleSha256: check.bundleSha256,
            artifactSha256: input.sha256,
            keyHint: check.keyHint,
            name: input.name,
            version: input.version,
            environment: input.environment,
          },
        );
        await db()
          .insertInto('registry_signature')
          .values({
            id: randomUUID(),
            artifact_id: artifact.id,
            bundle: signatureText,
            bundle_sha256: check.bundleSha256,
            key_hint: check.keyHint,
            audit_index: entry.index,
            created_at: now,
          })
          .execute();
        signature = {
          artifactId: artifact.id,
          bundleSha256: check.bundleSha256,
          keyHint: check.keyHint,
          auditIndex: entry.index,
          proof: await deps.audit.inclusionProof(entry.index),
        };
      }
      return { artifact: toView(artifact, signature !== null), signature };
    },

    /** The artifact row when the caller may upload to it (a member of its org, right environment). */
    async uploadTarget(caller: Caller, id: string): Promise<RegistryArtifactRow> {
      const found = await row(id);
      const action = 'provenance.registry.artifact.upload';
      if (found === undefined || !memberOrgs(caller.principal).includes(found.org_id))
        return refuse(caller, action, `artifact:${id.slice(0, 64)}`, 'not_visible');
      const env = environmentRefusal(caller, found.environment);
      if (env !== null) return refuse(caller, action, `artifact:${found.id}`, env);
      if (found.status !== 'pending') throw registryErrors.create('artifact_not_pending');
      return found;
    },

    /**
     * Stream the bytes of a pending artifact into storage: hashed and counted on the way,
     * published only if they match the declared digest and size (else nothing is kept).
     */
    async upload(
      caller: Caller,
      artifact: RegistryArtifactRow,
      body: AsyncIterable<Uint8Array>,
    ): Promise<ArtifactView> {
      const subject = `artifact:${artifact.id}`;
      try {
        await deps.blob.put(blobKeyOf(artifact.sha256), body, {
          maxBytes: deps.maxBytes,
          sha256: artifact.sha256,
          size: Number(artifact.size),
        });
      } catch (err) {
        const code = (err as { code?: unknown }).code;
        await audit(
          caller,
          'provenance.registry.artifact.upload',
          subject,
          { error: String(code ?? 'internal') },
          'failure',
        );
        throw err;
      }
      const now = deps.now();
      await db()
        .updateTable('registry_artifact')
        .set({ status: 'ready', ready_at: now })
        .where('id', '=', artifact.id)
        .where('status', '=', 'pending')
        .execute();
      await audit(caller, 'provenance.registry.artifact.upload', subject, {
        sha256: artifact.sha256,
        size: Number(artifact.size),
      });
      return toView({ ...artifact, status: 'ready', ready_at: now }, await isSigned(artifact.id));
    },

    async get(caller: Caller, id: string): Promise<ArtifactView> {
      const found = await readable(caller, id, 'provenance.registry.artifact.read');
      return toView(found, await isSigned(found.id));
    },

    /**
     * Open an artifact's bytes for download: audited, observed by the insider monitor,
     * and streamed from the blob store (never read whole).
     */
    async download(
      caller: Caller,
      id: string,
    ): Promise<{ artifact: ArtifactView; stream: Readable }> {
      const action = 'provenance.registry.artifact.download';
      const found = await readable(caller, id, action);
      if (found.status !== 'ready') throw registryErrors.create('artifact_not_ready');
      const stream = await deps.blob.get(blobKeyOf(found.sha256));
      const now = deps.now();
      await audit(caller, action, `artifact:${found.id}`, {
        org: found.org_id,
        environment: found.environment,
        size: Number(found.size),
      });
      await deps.insider.observe(
        caller.account,
        {
          at: now,
          bytes: Number(found.size),
          network: caller.network,
          artifactId: found.id,
          restricted: Number(found.restricted) === 1,
        },
        caller.requestId === undefined ? {} : { requestId: caller.requestId },
      );
      return { artifact: toView(found, await isSigned(found.id)), stream };
    },

    /** Artifacts the caller can see in one environment (a key sees only its own). */
    async list(
      caller: Caller,
      query: { environment?: Environment; orgId?: string; limit?: number },
    ): Promise<ArtifactView[]> {
      const environment =
        caller.keyId === null ? query.environment : (caller.keyEnvironment ?? undefined);
      if (caller.keyId !== null && caller.keyEnvironment === null)
        await refuse(
          caller,
          'provenance.registry.artifact.list',
          'registry',
          'environment_unbound',
        );
      if (
        caller.keyId !== null &&
        query.environment !== undefined &&
        query.environment !== environment
      )
        await refuse(
          caller,
          'provenance.registry.artifact.list',
          'registry',
          'environment_mismatch',
        );
      const orgs = memberOrgs(caller.principal);
      const p = caller.principal;
      const limit = Math.min(Math.max(query.limit ?? 100, 1), 500);
      let q = db()
        .selectFrom('registry_artifact as a')
        .selectAll('a')
        .where((eb) => {
          const granted = eb.exists(
            eb
              .selectFrom('registry_grant as g')
              .select('g.id')
              .whereRef('g.artifact_id', '=', 'a.id')
              .where('g.revoked_at', 'is', null)
              .where((w) =>
                w.or([
                  ...(orgs.length > 0
                    ? [w.and([w('g.grantee_type', '=', 'org'), w('g.grantee_id', 'in', orgs)])]
                    : []),
                  ...(p.kind === 'user'
                    ? [w.and([w('g.grantee_type', '=', 'user'), w('g.grantee_id', '=', p.userId)])]
                    : []),
                  ...(caller.keyId !== null
                    ? [
                        w.and([
                          w('g.grantee_type', '=', 'key'),
                          w('g.grantee_id', '=', caller.keyId),
                        ]),
                      ]
                    : []),
                ]),
              ),
          );
          return orgs.length > 0 ? eb.or([eb('a.org_id', 'in', orgs), granted]) : granted;
        });
      if (environment !== undefined) q = q.where('a.environment', '=', environment);
      if (query.orgId !== undefined) q = q.where('a.org_id', '=', query.orgId);
      const rows = await q.orderBy('a.created_at', 'desc').limit(limit).execute();
      const signed = new Set(
        rows.length === 0
          ? []
          : (
              await db()
                .selectFrom('registry_signature')
                .select('artifact_id')
                .where(
                  'artifact_id',
                  'in',
                  rows.map((r) => r.id),
                )
                .execute()
            ).map((s) => s.artifact_id),
      );
      return rows
        .filter((r) => p.tier >= Number(r.min_tier))
        .map((r) => toView(r, signed.has(r.id)));
    },

    /** The signature record of an artifact the caller may read, with a fresh inclusion proof. */
    async signature(caller: Caller, id: string): Promise<SignatureRecord & { bundle: string }> {
      const found = await readable(caller, id, 'provenance.registry.artifact.read');
      const s = await db()
        .selectFrom('registry_signature')
        .selectAll()
        .where('artifact_id', '=', found.id)
        .executeTakeFirst();
      if (s === undefined || s.audit_index === null)
        throw registryErrors.create('artifact_not_found', {
          message: 'This artifact was uploaded without a signature.',
          es: 'Este artefacto se subió sin firma.',
        });
      return {
        artifactId: found.id,
        bundle: s.bundle,
        bundleSha256: s.bundle_sha256,
        keyHint: s.key_hint,
        auditIndex: Number(s.audit_index),
        proof: await deps.audit.inclusionProof(Number(s.audit_index)),
      };
    },

    /**
     * Public lookup for `shieldwall model verify --log`: the log entry that records a
     * signature bundle (by the SHA-256 of its bytes) and its inclusion proof. Only who
     * already holds the bundle can ask; the entry itself is public in the audit log.
     */
    async logEntryOf(bundleSha256: string): Promise<{ canonical: string; proof: InclusionProof }> {
      if (!SHA256.test(bundleSha256)) throw registryErrors.create('artifact_not_found');
      const s = await db()
        .selectFrom('registry_signature')
        .select(['audit_index'])
        .where('bundle_sha256', '=', bundleSha256)
        .where('audit_index', 'is not', null)
        .orderBy('created_at', 'asc')
        .executeTakeFirst();
      if (s === undefined || s.audit_index === null)
        throw registryErrors.create('artifact_not_found', {
          message: 'This signature is not in the registry’s transparency log.',
          es: 'Esta firma no está en el registro de transparencia del registro de modelos.',
        });
      const index = Number(s.audit_index);
      const [entry, proof] = [await deps.audit.get(index), await deps.audit.inclusionProof(index)];
      return { canonical: entry.canonical, proof };
    },
  };
}
