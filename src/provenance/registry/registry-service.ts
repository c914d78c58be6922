/**
 * The model registry's writes: describe an artifact (with its signature, verified before
 * any byte is accepted), stream its bytes into the blob store and scan them, attach an
 * ML-BOM or a training attestation, and record every step — successes and refusals — in
 * the audit log. The reads (downloads, lists, an artifact's page, its access history) are
 * in registry-reads.ts; this service offers both.
 */
import { createHash, randomUUID } from 'node:crypto';
import { checkArtifactSignature, type TrustedKey } from './artifact-signature.js';
import { type Caller, environmentRefusal, memberOrgs } from './registry-access.js';
import {
  type AttachmentKind,
  checkAttestation,
  checkBom,
  MAX_ATTACHMENT_BYTES,
} from './registry-attachments.js';
import {
  type ArtifactView,
  blobKeyOf,
  createRegistryContext,
  type RegistryDeps,
  SHA256,
  type SignatureRecord,
  toView,
} from './registry-context.js';
import { registryErrors } from './registry-errors.js';
import { createRegistryReads } from './registry-reads.js';
import { type ArtifactScan, scanArtifact } from './registry-scan.js';
import { ENVIRONMENTS, type Environment, type RegistryArtifactRow } from './registry-tables.js';

export type { ArtifactView, RegistryDeps, SignatureRecord } from './registry-context.js';
export { blobKeyOf, toView } from './registry-context.js';

/** Scanner findings kept per artifact (the audit entry has their count). */
const MAX_KEPT_FINDINGS = 100;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

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

export type RegistryService = ReturnType<typeof createRegistryService>;

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,199}$/;

function invalid(message: string, es: string) {
  return registryErrors.create('artifact_invalid', { message, es });
}

export function createRegistryService(deps: RegistryDeps) {
  const ctx = createRegistryContext(deps);
  const { db, audit, refuse, row, isSigned } = ctx;
  const reads = createRegistryReads(ctx);

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
      await audit(
        caller,
        'provenance.registry.artifact.created',
        `artifact:${artifact.id}`,
        {
          org: input.orgId,
          name: input.name,
          version: input.version,
          environment: input.environment,
          sha256: input.sha256,
          size: input.size,
          minTier: artifact.min_tier,
          restricted: input.restricted === true,
        },
        'success',
        artifact.id,
      );
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
          'success',
          artifact.id,
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
      if (env !== null) return refuse(caller, action, `artifact:${found.id}`, env, found.id);
      if (found.status !== 'pending') throw registryErrors.create('artifact_not_pending');
      return found;
    },

    /** The artifact row when the caller may attach documents to it (as for uploads, any status). */
    async attachTarget(caller: Caller, id: string): Promise<RegistryArtifactRow> {
      const found = await row(id);
      const action = 'provenance.registry.attachment';
      if (found === undefined || !memberOrgs(caller.principal).includes(found.org_id))
        return refuse(caller, action, `artifact:${id.slice(0, 64)}`, 'not_visible');
      const env = environmentRefusal(caller, found.environment);
      if (env !== null) return refuse(caller, action, `artifact:${found.id}`, env, found.id);
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
          artifact.id,
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
      await audit(
        caller,
        'provenance.registry.artifact.upload',
        subject,
        { sha256: artifact.sha256, size: Number(artifact.size) },
        'success',
        artifact.id,
      );
      await scanUploaded(caller, artifact);
      return toView({ ...artifact, status: 'ready', ready_at: now }, await isSigned(artifact.id));
    },

    /**
     * Attach an ML-BOM or a training attestation to an artifact the caller may upload to
     * (once each: like the artifact, they never change). Refused unless it checks out.
     */
    async attach(
      caller: Caller,
      artifact: RegistryArtifactRow,
      kind: AttachmentKind,
      content: string,
      trustedKeys: readonly TrustedKey[],
    ) {
      const subject = `artifact:${artifact.id}`;
      const action = `provenance.registry.${kind}.attached`;
      if (Buffer.byteLength(content) > MAX_ATTACHMENT_BYTES)
        throw registryErrors.create('attachment_invalid', {
          message: 'Attachments are at most 1 MiB.',
          es: 'Los adjuntos tienen como máximo 1 MiB.',
        });
      const check =
        kind === 'bom'
          ? checkBom(parseJson(content), artifact.sha256)
          : checkAttestation(content, artifact.sha256, trustedKeys);
      const sha = createHash('sha256').update(content).digest('hex');
      if (!check.ok) {
        await audit(
          caller,
          action,
          subject,
          { reason: check.reason, sha256: sha },
          'denied',
          artifact.id,
        );
        throw registryErrors.create('attachment_invalid', {
          message: `The ${kind === 'bom' ? 'AI-BOM' : 'attestation'} was refused: ${check.reason}.`,
          es: `Se rechazó ${kind === 'bom' ? 'el AI-BOM' : 'la atestación'}: ${check.reason}.`,
        });
      }
      const existing = await db()
        .selectFrom('registry_attachment')
        .select('sha256')
        .where('artifact_id', '=', artifact.id)
        .where('kind', '=', kind)
        .executeTakeFirst();
      if (existing !== undefined) throw registryErrors.create('attachment_exists');
      const keyHint = 'keyHint' in check.summary ? check.summary.keyHint : null;
      const entry = await audit(
        caller,
        action,
        subject,
        { sha256: sha, matchesArtifact: check.summary.matchesArtifact, keyHint },
        'success',
        artifact.id,
      );
      try {
        await db()
          .insertInto('registry_attachment')
          .values({
            artifact_id: artifact.id,
            kind,
            content,
            sha256: sha,
            summary: JSON.stringify(check.summary),
            key_hint: keyHint,
            created_by: caller.actor,
            created_at: deps.now(),
            audit_index: entry.index,
          })
          .execute();
      } catch (err) {
        if (deps.store.isUniqueViolation(err)) throw registryErrors.create('attachment_exists');
        throw err;
      }
      return { kind, sha256: sha, auditIndex: entry.index, summary: check.summary };
    },

    ...reads,
  };

  /**
   * Scan the stored bytes with the model scanner and keep the verdict (audited). A scanner
   * failure is recorded as unsafe: what cannot be read cannot be called safe.
   */
  async function scanUploaded(caller: Caller, artifact: RegistryArtifactRow): Promise<void> {
    let scan: ArtifactScan;
    try {
      scan = await scanArtifact(artifact.file_name, Number(artifact.size), () =>
        deps.blob.get(blobKeyOf(artifact.sha256)),
      );
    } catch {
      scan = {
        verdict: 'unsafe',
        format: 'unknown',
        findings: [{ offset: 0, opcode: 'file', detail: 'the scanner could not read it' }],
      };
    }
    const entry = await audit(
      caller,
      'provenance.registry.artifact.scanned',
      `artifact:${artifact.id}`,
      {
        verdict: scan.verdict,
        format: scan.format,
        findings: scan.findings.length,
        ...(scan.findings[0] === undefined ? {} : { first: scan.findings[0].detail.slice(0, 200) }),
      },
      'success',
      artifact.id,
    );
    await db()
      .insertInto('registry_scan')
      .values({
        artifact_id: artifact.id,
        verdict: scan.verdict,
        format: scan.format,
        findings: JSON.stringify(scan.findings.slice(0, MAX_KEPT_FINDINGS)),
        scanned_at: deps.now(),
        audit_index: entry.index,
      })
      .execute();
  }
}
