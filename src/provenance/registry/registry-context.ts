/**
 * What the registry's writes (registry-service.ts) and reads (registry-reads.ts) share:
 * the artifact's row and grants, the access decision, and the audit helper that also
 * indexes each entry about an artifact (registry_access), so the artifact's page can
 * show who accessed it and when by reading those entries back from the audit log.
 */
import type { AuditEntry, AuditLog, InclusionProof } from '../../platform/audit/index.js';
import type { BlobStore } from '../../platform/ports/blob.js';
import type { Store } from '../../platform/ports/store.js';
import type { InsiderService } from './insider-service.js';
import { type Caller, type Refusal, readRefusal } from './registry-access.js';
import { registryErrors } from './registry-errors.js';
import type {
  Environment,
  RegistryArtifactRow,
  RegistryGrantRow,
  RegistryTables,
} from './registry-tables.js';

export interface RegistryDeps {
  readonly store: Store;
  readonly blob: BlobStore;
  readonly audit: AuditLog;
  readonly insider: InsiderService;
  readonly maxBytes: number;
  readonly now: () => number;
  /**
   * Names of an organization's people and keys by actor (`user:<id>`, `key:<id>`), so an
   * artifact's history says who; others (another organization's grantees) stay ids.
   */
  readonly actorNames?: (orgId: string) => Promise<ReadonlyMap<string, string>>;
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

export const SHA256 = /^[0-9a-f]{64}$/;
const ARTIFACT_ID = /^[0-9a-f-]{36}$/;

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

export type RegistryContext = ReturnType<typeof createRegistryContext>;

export function createRegistryContext(deps: RegistryDeps) {
  const db = () => deps.store.db<RegistryTables>();

  /**
   * Append an audit entry; when it concerns a known artifact (`artifactId`), index it
   * under that artifact for its access history.
   */
  async function audit(
    caller: Caller,
    action: string,
    subject: string,
    data: Record<string, unknown>,
    outcome: 'success' | 'denied' | 'failure' = 'success',
    artifactId?: string,
  ): Promise<AuditEntry> {
    const entry = await deps.audit.append({
      actor: caller.actor,
      action,
      subject,
      outcome,
      data,
      ...(caller.requestId === undefined ? {} : { requestId: caller.requestId }),
    });
    if (artifactId !== undefined)
      await db()
        .insertInto('registry_access')
        .values({ artifact_id: artifactId, audit_index: entry.index })
        .execute();
    return entry;
  }

  /** Record a refusal (indexed under the artifact when it exists), then throw the caller's error. */
  async function refuse(
    caller: Caller,
    action: string,
    subject: string,
    why: Refusal | 'history_forbidden',
    artifactId?: string,
  ): Promise<never> {
    await audit(caller, action, subject, { reason: why }, 'denied', artifactId);
    if (why === 'not_visible') throw registryErrors.create('artifact_not_found');
    throw registryErrors.create(why);
  }

  async function row(id: string): Promise<RegistryArtifactRow | undefined> {
    if (!ARTIFACT_ID.test(id)) return undefined;
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
    if (why !== null) return refuse(caller, action, `artifact:${found.id}`, why, found.id);
    return found;
  }

  return { deps, db, audit, refuse, row, grantsOf, isSigned, readable };
}
