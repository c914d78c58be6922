/**
 * What an uploader may attach to an artifact, checked with the module's own code before it
 * is kept: a CycloneDX 1.6 ML-BOM (validated against the official schema, as `shieldwall
 * model bom` writes it) and a training attestation (SLSA v1 provenance in a Sigstore bundle,
 * as `shieldwall model attest` writes it, signed with one of the organization's registered
 * keys). Each gets a small summary for the pages, and whether it names this artifact's bytes.
 */
import { createHash } from 'node:crypto';
import { openStatement } from '../dsse-bundle.js';
import { parseSlsaStatement, type TrainingRun } from '../engine/slsa-statement.js';
import { schemaValidator } from '../ml-bom.js';
import type { TrustedKey } from './artifact-signature.js';

// Attachments are documents, not weights: 1 MiB is far more than either needs.
export { MAX_ATTACHMENT_BYTES } from './registry-limits.js';

export const ATTACHMENT_KINDS = ['bom', 'attestation'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export interface BomSummary {
  readonly name: string | null;
  readonly version: string | null;
  readonly licenses: readonly string[];
  /** Plain facts from the model card: task, architecture, intended uses, limitations … */
  readonly modelCard: readonly { readonly field: string; readonly value: string }[];
  readonly datasets: readonly { readonly name: string; readonly digest: string | null }[];
  /** True when the BOM lists this artifact's SHA-256 (or its OMS root digest). */
  readonly matchesArtifact: boolean;
}

export interface AttestationSummary {
  readonly run: TrainingRun;
  readonly keyHint: string;
  /** True when the training run's model digest is this artifact's. */
  readonly matchesArtifact: boolean;
}

export type Checked<T> =
  | { readonly ok: true; readonly summary: T }
  | { readonly ok: false; readonly reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 500): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;

/** The OMS root digest of a single file: SHA-256 over its one 32-byte digest. */
export function singleFileRoot(sha256: string): string {
  return createHash('sha256').update(Buffer.from(sha256, 'hex')).digest('hex');
}

function licensesOf(c: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const l of Array.isArray(c.licenses) ? c.licenses.slice(0, 20) : []) {
    if (!isRecord(l)) continue;
    const lic = isRecord(l.license) ? l.license : undefined;
    const name = text(lic?.id, 100) ?? text(lic?.name, 100) ?? text(l.expression, 200);
    if (name !== null) out.push(name);
  }
  return out;
}

/** Card fields a reader cares about, flattened to short sentences' worth of text. */
function cardFacts(card: unknown): { field: string; value: string }[] {
  if (!isRecord(card)) return [];
  const facts: { field: string; value: string }[] = [];
  const add = (field: string, v: unknown) => {
    const s = text(v);
    if (s !== null && facts.length < 30) facts.push({ field, value: s });
  };
  const p = isRecord(card.modelParameters) ? card.modelParameters : {};
  add('task', p.task);
  add('architectureFamily', p.architectureFamily);
  add('modelArchitecture', p.modelArchitecture);
  const c = isRecord(card.considerations) ? card.considerations : {};
  for (const field of ['users', 'useCases', 'technicalLimitations', 'performanceTradeoffs'])
    for (const v of Array.isArray(c[field]) ? (c[field] as unknown[]).slice(0, 5) : [])
      add(field, v);
  for (const v of Array.isArray(c.ethicalConsiderations) ? c.ethicalConsiderations.slice(0, 5) : [])
    if (isRecord(v)) add('ethicalConsiderations', v.name);
  const q = isRecord(card.quantitativeAnalysis) ? card.quantitativeAnalysis : {};
  for (const m of Array.isArray(q.performanceMetrics) ? q.performanceMetrics.slice(0, 10) : [])
    if (isRecord(m) && text(m.type) !== null && text(m.value) !== null)
      add('performanceMetric', `${text(m.type, 100)}: ${text(m.value, 100)}`);
  return facts;
}

/** Every SHA-256 a component tree names: file hashes and OMS root digests. */
function digestsOf(c: unknown, out: Set<string>, depth = 0): void {
  if (!isRecord(c) || depth > 4 || out.size > 100_000) return;
  for (const h of Array.isArray(c.hashes) ? c.hashes : [])
    if (isRecord(h) && h.alg === 'SHA-256' && typeof h.content === 'string') out.add(h.content);
  for (const p of Array.isArray(c.properties) ? c.properties : [])
    if (isRecord(p) && p.name === 'oms:root-digest:sha256' && typeof p.value === 'string')
      out.add(p.value);
  for (const child of Array.isArray(c.components) ? c.components : [])
    digestsOf(child, out, depth + 1);
}

/** Validate an ML-BOM against CycloneDX 1.6 and summarise it for the artifact's page. */
export function checkBom(bom: unknown, artifactSha256: string): Checked<BomSummary> {
  if (!isRecord(bom) || bom.bomFormat !== 'CycloneDX' || bom.specVersion !== '1.6')
    return { ok: false, reason: 'it is not a CycloneDX 1.6 document' };
  const validate = schemaValidator();
  if (!validate(bom)) {
    const first = validate.errors?.[0];
    return {
      ok: false,
      reason:
        first === undefined
          ? 'it is not a CycloneDX document'
          : `${first.instancePath || '/'} ${first.message ?? 'is not valid'}`.slice(0, 300),
    };
  }
  const meta = isRecord(bom.metadata) ? bom.metadata : {};
  const model = isRecord(meta.component) ? meta.component : {};
  const digests = new Set<string>();
  digestsOf(model, digests);
  const datasets = (Array.isArray(bom.components) ? bom.components : [])
    .filter((c): c is Record<string, unknown> => isRecord(c) && c.type === 'data')
    .slice(0, 50)
    .map((c) => {
      const root = (Array.isArray(c.properties) ? c.properties : []).find(
        (p) => isRecord(p) && p.name === 'oms:root-digest:sha256',
      ) as Record<string, unknown> | undefined;
      return { name: text(c.name, 200) ?? '?', digest: text(root?.value, 64) };
    });
  return {
    ok: true,
    summary: {
      name: text(model.name, 200),
      version: text(model.version, 100),
      licenses: licensesOf(model),
      modelCard: cardFacts(model.modelCard),
      datasets,
      matchesArtifact: digests.has(artifactSha256) || digests.has(singleFileRoot(artifactSha256)),
    },
  };
}

/** Verify a training attestation with the organization's keys and read its training run. */
export function checkAttestation(
  bundleText: string,
  artifactSha256: string,
  keys: readonly TrustedKey[],
): Checked<AttestationSummary> {
  let reason = 'it was not signed with any of the organization’s registered keys';
  for (const key of keys) {
    const opened = openStatement(bundleText, key.publicKeyPem);
    if (!opened.ok) {
      if (!/key|verify/.test(opened.reason)) reason = opened.reason;
      continue;
    }
    const run = parseSlsaStatement(opened.statement);
    if (typeof run === 'string') return { ok: false, reason: run };
    const model = run.model.sha256;
    return {
      ok: true,
      summary: {
        run,
        keyHint: key.hint,
        matchesArtifact: model === artifactSha256 || model === singleFileRoot(artifactSha256),
      },
    };
  }
  return { ok: false, reason };
}
