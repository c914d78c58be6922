import type { Migration } from '../../platform/ports/store.js';

/** The deployment stages an artifact belongs to; a key bound to one never reaches another. */
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** One version of one artifact in one environment, owned by an organization. */
export interface RegistryArtifactRow {
  id: string;
  org_id: string;
  name: string;
  version: string;
  environment: string;
  /** Lowercase hex SHA-256 of the bytes (declared at creation, checked while streaming). */
  sha256: string;
  size: number;
  file_name: string;
  /** Callers below this tier are refused even with a grant. */
  min_tier: number;
  /** 1 for artifacts whose bulk reading is an insider-threat signal. */
  restricted: number;
  /** `pending` until every byte arrived and matched; only `ready` artifacts are served. */
  status: string;
  created_by: string;
  created_at: number;
  ready_at: number | null;
}

/** The OpenSSF Model Signing bundle an artifact was uploaded with, verified on upload. */
export interface RegistrySignatureRow {
  id: string;
  artifact_id: string;
  /** The bundle JSON exactly as uploaded. */
  bundle: string;
  bundle_sha256: string;
  /** Which registered signing key verified it (its hint: SHA-256 of the public key). */
  key_hint: string;
  /** The audit entry that records it (its inclusion proof is served with it). */
  audit_index: number | null;
  created_at: number;
}

/** A per-artifact grant: another organization, a user or one API key may read it. */
export interface RegistryGrantRow {
  id: string;
  artifact_id: string;
  grantee_type: string;
  grantee_id: string;
  created_by: string;
  created_at: number;
  revoked_at: number | null;
  revoked_by: string | null;
}

/** The public keys an organization signs artifacts with. */
export interface RegistrySigningKeyRow {
  hint: string;
  org_id: string;
  name: string;
  public_key_pem: string;
  added_by: string;
  added_at: number;
  revoked_at: number | null;
}

/** The registry environment an API key is bound to (keys without one cannot use the registry). */
export interface RegistryKeyEnvironmentRow {
  key_id: string;
  environment: string;
  bound_by: string;
  bound_at: number;
}

/** Per-account insider-threat baseline (JSON state of insider-signals.ts). */
export interface RegistryProfileRow {
  account: string;
  state: string;
  updated_at: number;
}

/** One insider-threat finding, for operators. */
export interface RegistryFindingRow {
  id: string;
  account: string;
  kind: string;
  /** One finding per account, kind and day: repeats of the same signal add to it. */
  dedupe: string;
  at: number;
  explanation: string;
  /** JSON object with the figures behind it. */
  evidence: string;
  artifact_id: string | null;
  audit_index: number | null;
}

/**
 * Which audit entries concern which artifact: an index into the audit log (the entries
 * themselves, and their inclusion proofs, are read from the log), so an artifact's
 * "who accessed it and when" does not scan the whole log.
 */
export interface RegistryAccessRow {
  artifact_id: string;
  audit_index: number;
}

/** What the model scanner found in an artifact's bytes when they were uploaded. */
export interface RegistryScanRow {
  artifact_id: string;
  /** `safe`, `unsafe`, `not_scanned` (a format the scanner does not read) or `too_large`. */
  verdict: string;
  format: string;
  /** JSON array of the scanner's findings (offset, opcode, detail, entry). */
  findings: string;
  scanned_at: number;
  audit_index: number | null;
}

/** An ML-BOM or a training attestation attached to an artifact by its uploader (once each). */
export interface RegistryAttachmentRow {
  artifact_id: string;
  /** `bom` (CycloneDX 1.6 JSON) or `attestation` (SLSA provenance in a Sigstore bundle). */
  kind: string;
  content: string;
  sha256: string;
  /** JSON of what the pages show (model card fields, datasets, the training run). */
  summary: string;
  /** The registered signing key that verified an attestation; null for a BOM. */
  key_hint: string | null;
  created_by: string;
  created_at: number;
  audit_index: number | null;
}

export interface RegistryTables {
  registry_artifact: RegistryArtifactRow;
  registry_access: RegistryAccessRow;
  registry_scan: RegistryScanRow;
  registry_attachment: RegistryAttachmentRow;
  registry_signature: RegistrySignatureRow;
  registry_grant: RegistryGrantRow;
  registry_signing_key: RegistrySigningKeyRow;
  registry_key_environment: RegistryKeyEnvironmentRow;
  registry_profile: RegistryProfileRow;
  registry_finding: RegistryFindingRow;
}

export const registryMigrations: readonly Migration[] = [
  {
    name: '20261211-20-provenance-registry',
    async up(db) {
      await db.schema
        .createTable('registry_artifact')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('environment', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('min_tier', 'integer', (c) => c.notNull())
        .addColumn('restricted', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('ready_at', 'bigint')
        .addUniqueConstraint('registry_artifact_version', [
          'org_id',
          'environment',
          'name',
          'version',
        ])
        .execute();
      await db.schema
        .createIndex('registry_artifact_env')
        .on('registry_artifact')
        .columns(['environment', 'org_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('registry_signature')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('artifact_id', 'text', (c) => c.notNull().unique())
        .addColumn('bundle', 'text', (c) => c.notNull())
        .addColumn('bundle_sha256', 'text', (c) => c.notNull())
        .addColumn('key_hint', 'text', (c) => c.notNull())
        .addColumn('audit_index', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('registry_signature_bundle')
        .on('registry_signature')
        .column('bundle_sha256')
        .execute();
      await db.schema
        .createTable('registry_grant')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('artifact_id', 'text', (c) => c.notNull())
        .addColumn('grantee_type', 'text', (c) => c.notNull())
        .addColumn('grantee_id', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .addColumn('revoked_by', 'text')
        .execute();
      await db.schema
        .createIndex('registry_grant_artifact')
        .on('registry_grant')
        .columns(['artifact_id', 'revoked_at'])
        .execute();
      await db.schema
        .createIndex('registry_grant_grantee')
        .on('registry_grant')
        .columns(['grantee_type', 'grantee_id', 'revoked_at'])
        .execute();
      await db.schema
        .createTable('registry_signing_key')
        .addColumn('hint', 'text', (c) => c.primaryKey())
        .addColumn('org_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('public_key_pem', 'text', (c) => c.notNull())
        .addColumn('added_by', 'text', (c) => c.notNull())
        .addColumn('added_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema
        .createTable('registry_key_environment')
        .addColumn('key_id', 'text', (c) => c.primaryKey())
        .addColumn('environment', 'text', (c) => c.notNull())
        .addColumn('bound_by', 'text', (c) => c.notNull())
        .addColumn('bound_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('registry_profile')
        .addColumn('account', 'text', (c) => c.primaryKey())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('registry_finding')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('account', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('dedupe', 'text', (c) => c.notNull().unique())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('explanation', 'text', (c) => c.notNull())
        .addColumn('evidence', 'text', (c) => c.notNull())
        .addColumn('artifact_id', 'text')
        .addColumn('audit_index', 'bigint')
        .execute();
      await db.schema
        .createIndex('registry_finding_at')
        .on('registry_finding')
        .column('at')
        .execute();
    },
  },
  {
    name: '20261214-10-registry-console',
    async up(db) {
      await db.schema
        .createTable('registry_access')
        .addColumn('artifact_id', 'text', (c) => c.notNull())
        .addColumn('audit_index', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('registry_access_pk', ['artifact_id', 'audit_index'])
        .execute();
      await db.schema
        .createTable('registry_scan')
        .addColumn('artifact_id', 'text', (c) => c.primaryKey())
        .addColumn('verdict', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('findings', 'text', (c) => c.notNull())
        .addColumn('scanned_at', 'bigint', (c) => c.notNull())
        .addColumn('audit_index', 'bigint')
        .execute();
      await db.schema
        .createTable('registry_attachment')
        .addColumn('artifact_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('key_hint', 'text')
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('audit_index', 'bigint')
        .addPrimaryKeyConstraint('registry_attachment_pk', ['artifact_id', 'kind'])
        .execute();
    },
  },
];
