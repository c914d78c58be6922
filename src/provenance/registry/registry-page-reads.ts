/**
 * What an artifact's page shows: its signature (who signed, with the transparency-log entry
 * and a fresh inclusion proof), the scanner's verdict, the attached ML-BOM and training
 * attestation (summaries, and the documents to download), and who accessed it and when.
 *
 * The access history is read from the audit log itself: registry_access only indexes which
 * entries concern which artifact. It is for the artifact organization's admins (members see
 * the artifact, not who else used it) and for operators with the findings capability, who
 * investigate insider-threat findings across organizations. Refusals are audited.
 */
import { can } from '../../access/index.js';
import type { FileFinding } from '../model-scanner.js';
import type { Caller } from './registry-access.js';
import type { AttachmentKind, AttestationSummary, BomSummary } from './registry-attachments.js';
import { READ } from './registry-caller.js';
import { type ArtifactView, type RegistryContext, toView } from './registry-context.js';
import { registryErrors } from './registry-errors.js';
import type { ScanVerdict } from './registry-scan.js';

export interface SignatureFacts {
  readonly keyHint: string;
  /** The registered signing key's name, or null when it has since been removed. */
  readonly keyName: string | null;
  readonly bundleSha256: string;
  readonly signedAt: string;
  readonly auditIndex: number;
  readonly proof: Awaited<ReturnType<RegistryContext['deps']['audit']['inclusionProof']>>;
}

export interface Attached<T> {
  readonly sha256: string;
  readonly attachedBy: string;
  readonly attachedAt: string;
  readonly auditIndex: number | null;
  readonly summary: T;
}

export interface ArtifactDetails {
  readonly artifact: ArtifactView;
  /** Verified when it was accepted (nothing unverified is ever stored). */
  readonly signature: SignatureFacts | null;
  readonly scan: {
    readonly verdict: ScanVerdict;
    readonly format: string;
    readonly findings: readonly FileFinding[];
    readonly scannedAt: string | null;
  };
  readonly bom: Attached<BomSummary> | null;
  readonly attestation: (Attached<AttestationSummary> & { readonly keyName: string | null }) | null;
}

export interface AccessEntry {
  readonly index: number;
  readonly time: string;
  readonly actor: string;
  /** Set for the artifact's own organization's people and keys. */
  readonly actorName?: string;
  readonly action: string;
  readonly outcome: 'success' | 'denied' | 'failure';
  /** Why it was refused or failed, or the scan verdict; null otherwise. */
  readonly detail: string | null;
}

const iso = (ms: number | string) => new Date(Number(ms)).toISOString();

export function createPageReads(ctx: RegistryContext) {
  const { deps, db, audit, refuse, row, isSigned, readable } = ctx;

  async function keyName(hint: string): Promise<string | null> {
    const k = await db()
      .selectFrom('registry_signing_key')
      .select('name')
      .where('hint', '=', hint)
      .executeTakeFirst();
    return k?.name ?? null;
  }

  async function attachments(artifactId: string) {
    const rows = await db()
      .selectFrom('registry_attachment')
      .select(['kind', 'sha256', 'summary', 'key_hint', 'created_by', 'created_at', 'audit_index'])
      .where('artifact_id', '=', artifactId)
      .execute();
    const of = <T>(kind: AttachmentKind): Attached<T> | null => {
      const r = rows.find((x) => x.kind === kind);
      if (r === undefined) return null;
      return {
        sha256: r.sha256,
        attachedBy: r.created_by,
        attachedAt: iso(r.created_at),
        auditIndex: r.audit_index === null ? null : Number(r.audit_index),
        summary: JSON.parse(r.summary) as T,
      };
    };
    return { bom: of<BomSummary>('bom'), attestation: of<AttestationSummary>('attestation') };
  }

  return {
    /** Everything the artifact's page shows, for a caller who may read the artifact. */
    async details(caller: Caller, id: string): Promise<ArtifactDetails> {
      const found = await readable(caller, id, 'provenance.registry.artifact.read');
      const s = await db()
        .selectFrom('registry_signature')
        .selectAll()
        .where('artifact_id', '=', found.id)
        .executeTakeFirst();
      const signature: SignatureFacts | null =
        s === undefined || s.audit_index === null
          ? null
          : {
              keyHint: s.key_hint,
              keyName: await keyName(s.key_hint),
              bundleSha256: s.bundle_sha256,
              signedAt: iso(s.created_at),
              auditIndex: Number(s.audit_index),
              proof: await deps.audit.inclusionProof(Number(s.audit_index)),
            };
      const scan = await db()
        .selectFrom('registry_scan')
        .selectAll()
        .where('artifact_id', '=', found.id)
        .executeTakeFirst();
      const { bom, attestation } = await attachments(found.id);
      return {
        artifact: toView(found, signature !== null),
        signature,
        scan:
          scan === undefined
            ? { verdict: 'not_scanned', format: 'other', findings: [], scannedAt: null }
            : {
                verdict: scan.verdict as ScanVerdict,
                format: scan.format,
                findings: JSON.parse(scan.findings) as FileFinding[],
                scannedAt: iso(scan.scanned_at),
              },
        bom,
        attestation:
          attestation === null
            ? null
            : { ...attestation, keyName: await keyName(attestation.summary.keyHint) },
      };
    },

    /** The attached document itself (for download), when the caller may read the artifact. */
    async attachment(
      caller: Caller,
      id: string,
      kind: AttachmentKind,
    ): Promise<{ artifact: ArtifactView; content: string; sha256: string }> {
      const found = await readable(caller, id, 'provenance.registry.artifact.read');
      const a = await db()
        .selectFrom('registry_attachment')
        .select(['content', 'sha256'])
        .where('artifact_id', '=', found.id)
        .where('kind', '=', kind)
        .executeTakeFirst();
      if (a === undefined)
        throw registryErrors.create('artifact_not_found', {
          message:
            kind === 'bom'
              ? 'No AI-BOM was attached to this artifact.'
              : 'No training attestation was attached to this artifact.',
          es:
            kind === 'bom'
              ? 'No se adjuntó ningún AI-BOM a este artefacto.'
              : 'No se adjuntó ninguna atestación de entrenamiento a este artefacto.',
        });
      return {
        artifact: toView(found, await isSigned(found.id)),
        content: a.content,
        sha256: a.sha256,
      };
    },

    /**
     * Who accessed the artifact and when, newest first, read from the audit log. `operator`:
     * the caller holds the findings capability (checked by the route).
     */
    async history(
      caller: Caller,
      id: string,
      page: { before?: number; limit?: number },
      operator: boolean,
    ): Promise<{ artifact: ArtifactView; entries: AccessEntry[]; next: number | null }> {
      const action = 'provenance.registry.history.read';
      let found = operator ? await row(id) : undefined;
      if (found !== undefined)
        // Staff reading another organization's history: the organization sees that too.
        await audit(
          caller,
          action,
          `artifact:${found.id}`,
          { as: 'operator' },
          'success',
          found.id,
        );
      else {
        found = await readable(caller, id, action);
        if (!can(caller.principal, READ, { orgId: found.org_id, minRole: 'admin' }).allowed)
          await refuse(caller, action, `artifact:${found.id}`, 'history_forbidden', found.id);
      }
      const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
      let q = db()
        .selectFrom('registry_access')
        .select('audit_index')
        .where('artifact_id', '=', found.id);
      if (page.before !== undefined) q = q.where('audit_index', '<', page.before);
      const rows = await q
        .orderBy('audit_index', 'desc')
        .limit(limit + 1)
        .execute();
      const entries: AccessEntry[] = [];
      const names = (await deps.actorNames?.(found.org_id)) ?? new Map<string, string>();
      for (const r of rows.slice(0, limit)) {
        const e = await deps.audit.get(Number(r.audit_index));
        const d = e.data ?? {};
        const detail = d.reason ?? d.error ?? d.verdict;
        const actorName = names.get(e.actor);
        entries.push({
          index: e.index,
          time: e.time,
          actor: e.actor,
          ...(actorName === undefined ? {} : { actorName }),
          action: e.action,
          outcome: e.outcome,
          detail: typeof detail === 'string' ? detail : null,
        });
      }
      const last = entries.at(-1);
      return {
        artifact: toView(found, await isSigned(found.id)),
        entries,
        next: rows.length > limit && last !== undefined ? last.index : null,
      };
    },
  };
}
