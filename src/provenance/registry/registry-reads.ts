/**
 * The model registry's reads: one artifact, downloads (audited and watched by the insider
 * monitor), the list a caller may see (with who signed each and its scan verdict), the
 * signature with a fresh inclusion proof, and the public transparency-log lookup. The
 * artifact's own page (details, attachments, access history) is in registry-page-reads.ts.
 */
import type { Readable } from 'node:stream';
import type { InclusionProof } from '../../platform/audit/index.js';
import { type Caller, memberOrgs } from './registry-access.js';
import {
  type ArtifactView,
  blobKeyOf,
  type RegistryContext,
  SHA256,
  type SignatureRecord,
  toView,
} from './registry-context.js';
import { registryErrors } from './registry-errors.js';
import { createPageReads } from './registry-page-reads.js';
import type { ScanVerdict } from './registry-scan.js';
import type { Environment } from './registry-tables.js';

/** An artifact in a list: who signed it (the signing key's name) and its scan verdict. */
export interface ListedArtifact extends ArtifactView {
  readonly signerName: string | null;
  readonly scan: ScanVerdict;
}

export function createRegistryReads(ctx: RegistryContext) {
  const { deps, db, audit, refuse, isSigned, readable } = ctx;

  /** Signing key names and scan verdicts of listed artifacts, in two queries. */
  async function listFacts(ids: readonly string[]) {
    if (ids.length === 0)
      return { signer: new Map<string, string>(), scan: new Map<string, string>() };
    const signers = await db()
      .selectFrom('registry_signature as s')
      .leftJoin('registry_signing_key as k', 'k.hint', 's.key_hint')
      .select(['s.artifact_id', 's.key_hint', 'k.name'])
      .where('s.artifact_id', 'in', ids)
      .execute();
    const scans = await db()
      .selectFrom('registry_scan')
      .select(['artifact_id', 'verdict'])
      .where('artifact_id', 'in', ids)
      .execute();
    return {
      signer: new Map(signers.map((s) => [s.artifact_id, s.name ?? s.key_hint.slice(0, 12)])),
      scan: new Map(scans.map((s) => [s.artifact_id, s.verdict])),
    };
  }

  return {
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
      await audit(
        caller,
        action,
        `artifact:${found.id}`,
        { org: found.org_id, environment: found.environment, size: Number(found.size) },
        'success',
        found.id,
      );
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
    ): Promise<ListedArtifact[]> {
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
      const visible = rows.filter((r) => p.tier >= Number(r.min_tier));
      const facts = await listFacts(visible.map((r) => r.id));
      return visible.map((r) => ({
        ...toView(r, facts.signer.has(r.id)),
        signerName: facts.signer.get(r.id) ?? null,
        scan: (facts.scan.get(r.id) ?? 'not_scanned') as ScanVerdict,
      }));
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

    ...createPageReads(ctx),
  };
}
