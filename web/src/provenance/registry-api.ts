/**
 * What the model registry's pages read from the server (`/api/models`), each answer checked for
 * shape before the page uses it. The server decides what the signed-in person may see (their
 * organizations' models, grants, environments); these calls only show it. Read-only: uploads,
 * grants and attachments are made with the `shieldwall model` commands.
 */
import { apiGet } from '../access/access-client.js';
import { isRecord } from '../api.js';

export const PROVENANCE = '/provenance';
const API = '/api/models';

export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const SCAN_VERDICTS = ['safe', 'unsafe', 'not_scanned', 'too_large'] as const;
export type ScanVerdict = (typeof SCAN_VERDICTS)[number];

export interface Artifact {
  readonly id: string;
  readonly orgId: string;
  readonly name: string;
  readonly version: string;
  readonly environment: Environment;
  readonly sha256: string;
  readonly size: number;
  readonly fileName: string;
  readonly restricted: boolean;
  readonly status: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly signed: boolean;
  /** In lists only. */
  readonly signerName?: string | null;
  readonly scan?: ScanVerdict;
}

export interface ScanFinding {
  readonly offset: number;
  readonly opcode: string;
  readonly detail: string;
  readonly entry?: string;
}

export interface TrainingRun {
  readonly model: { readonly name: string; readonly sha256: string };
  readonly datasets: readonly { readonly name: string; readonly sha256: string }[];
  readonly code: { readonly repository: string; readonly commit: string };
  readonly builderId: string;
}

export interface Details {
  readonly artifact: Artifact;
  readonly signature: {
    readonly keyHint: string;
    readonly keyName: string | null;
    readonly signedAt: string;
    readonly auditIndex: number;
  } | null;
  readonly scan: {
    readonly verdict: ScanVerdict;
    readonly format: string;
    readonly findings: readonly ScanFinding[];
  };
  readonly bom: {
    readonly name: string | null;
    readonly licenses: readonly string[];
    readonly modelCard: readonly { readonly field: string; readonly value: string }[];
    readonly datasets: readonly { readonly name: string; readonly digest: string | null }[];
    readonly matchesArtifact: boolean;
  } | null;
  readonly attestation: {
    readonly run: TrainingRun;
    readonly keyName: string | null;
    readonly matchesArtifact: boolean;
  } | null;
}

export interface Grant {
  readonly id: string;
  readonly grantee: string;
  readonly createdAt: string;
}

export interface AccessEntry {
  readonly index: number;
  readonly time: string;
  readonly actor: string;
  /** The person's or key's name, when they belong to the model's organization. */
  readonly actorName?: string;
  readonly action: string;
  readonly outcome: string;
  readonly detail: string | null;
}

export interface History {
  readonly artifact: Artifact;
  readonly entries: readonly AccessEntry[];
  readonly next: number | null;
}

export interface Finding {
  readonly id: string;
  readonly account: string;
  readonly kind: string;
  readonly at: string;
  readonly explanation: string;
  readonly artifactId: string | null;
  readonly suggestedLever: string;
}

const str = (v: unknown): v is string => typeof v === 'string';
const strOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as readonly string[]).includes(v);
const isEnvironment = oneOf(ENVIRONMENTS);
const isVerdict = oneOf(SCAN_VERDICTS);

/** Every item through `parse`, or null when one of them is not what the page expects. */
function all<T>(v: unknown, parse: (x: unknown) => T | null): T[] | null {
  if (!Array.isArray(v)) return null;
  const out: T[] = [];
  for (const x of v) {
    const p = parse(x);
    if (p === null) return null;
    out.push(p);
  }
  return out;
}

export function parseArtifact(v: unknown): Artifact | null {
  if (!isRecord(v)) return null;
  const { id, orgId, name, version, environment, sha256, size, fileName, status } = v;
  if (!str(id) || !str(orgId) || !str(name) || !str(version) || !isEnvironment(environment))
    return null;
  if (!str(sha256) || !num(size) || !str(fileName) || !str(status)) return null;
  if (!str(v.createdBy) || !str(v.createdAt) || typeof v.signed !== 'boolean') return null;
  if (typeof v.restricted !== 'boolean') return null;
  return {
    id,
    orgId,
    name,
    version,
    environment,
    sha256,
    size,
    fileName,
    restricted: v.restricted,
    status,
    createdBy: v.createdBy,
    createdAt: v.createdAt,
    signed: v.signed,
    ...(strOrNull(v.signerName) ? { signerName: v.signerName } : {}),
    ...(isVerdict(v.scan) ? { scan: v.scan } : {}),
  };
}

function parseRun(v: unknown): TrainingRun | null {
  if (!isRecord(v) || !isRecord(v.model) || !isRecord(v.code) || !str(v.builderId)) return null;
  const { model, code } = v;
  if (!str(model.name) || !str(model.sha256) || !str(code.repository) || !str(code.commit))
    return null;
  const datasets = all(v.datasets, (d) =>
    isRecord(d) && str(d.name) && str(d.sha256) ? { name: d.name, sha256: d.sha256 } : null,
  );
  if (datasets === null) return null;
  return {
    model: { name: model.name, sha256: model.sha256 },
    datasets,
    code: { repository: code.repository, commit: code.commit },
    builderId: v.builderId,
  };
}

export function parseDetails(v: unknown): Details | null {
  if (!isRecord(v) || !isRecord(v.scan)) return null;
  const artifact = parseArtifact(v.artifact);
  if (artifact === null) return null;
  const s = v.signature;
  const signature =
    isRecord(s) && str(s.keyHint) && strOrNull(s.keyName) && str(s.signedAt) && num(s.auditIndex)
      ? { keyHint: s.keyHint, keyName: s.keyName, signedAt: s.signedAt, auditIndex: s.auditIndex }
      : null;
  if (s !== null && signature === null) return null;
  const { verdict, format } = v.scan;
  const findings = all(v.scan.findings, (f) =>
    isRecord(f) && num(f.offset) && str(f.opcode) && str(f.detail)
      ? {
          offset: f.offset,
          opcode: f.opcode,
          detail: f.detail,
          ...(str(f.entry) ? { entry: f.entry } : {}),
        }
      : null,
  );
  if (!isVerdict(verdict) || !str(format) || findings === null) return null;
  const b = isRecord(v.bom) && isRecord(v.bom.summary) ? v.bom.summary : null;
  const bom =
    b === null
      ? null
      : {
          name: strOrNull(b.name) ? b.name : null,
          licenses: all(b.licenses, (x) => (str(x) ? x : null)) ?? [],
          modelCard:
            all(b.modelCard, (x) =>
              isRecord(x) && str(x.field) && str(x.value)
                ? { field: x.field, value: x.value }
                : null,
            ) ?? [],
          datasets:
            all(b.datasets, (x) =>
              isRecord(x) && str(x.name) && strOrNull(x.digest)
                ? { name: x.name, digest: x.digest }
                : null,
            ) ?? [],
          matchesArtifact: b.matchesArtifact === true,
        };
  const a = v.attestation;
  const run = isRecord(a) && isRecord(a.summary) ? parseRun(a.summary.run) : null;
  const attestation =
    isRecord(a) && isRecord(a.summary) && run !== null
      ? {
          run,
          keyName: strOrNull(a.keyName) ? a.keyName : null,
          matchesArtifact: a.summary.matchesArtifact === true,
        }
      : null;
  return { artifact, signature, scan: { verdict, format, findings }, bom, attestation };
}

function parseGrant(v: unknown): Grant | null {
  return isRecord(v) && str(v.id) && str(v.grantee) && str(v.createdAt)
    ? { id: v.id, grantee: v.grantee, createdAt: v.createdAt }
    : null;
}

function parseHistory(v: unknown): History | null {
  if (!isRecord(v) || !(v.next === null || num(v.next))) return null;
  const entries = all(v.entries, (e) =>
    isRecord(e) &&
    num(e.index) &&
    str(e.time) &&
    str(e.actor) &&
    str(e.action) &&
    str(e.outcome) &&
    strOrNull(e.detail)
      ? {
          index: e.index,
          time: e.time,
          actor: e.actor,
          ...(str(e.actorName) ? { actorName: e.actorName } : {}),
          action: e.action,
          outcome: e.outcome,
          detail: e.detail,
        }
      : null,
  );
  const artifact = parseArtifact(v.artifact);
  return entries === null || artifact === null ? null : { artifact, entries, next: v.next };
}

export function parseFinding(v: unknown): Finding | null {
  if (!isRecord(v)) return null;
  const { id, account, kind, at, explanation, artifactId, suggestedLever } = v;
  if (!str(id) || !str(account) || !str(kind) || !str(at) || !str(explanation)) return null;
  if (!strOrNull(artifactId) || !str(suggestedLever)) return null;
  return { id, account, kind, at, explanation, artifactId, suggestedLever };
}

const ids = (id: string) => encodeURIComponent(id);

export function fetchArtifacts(
  environment: Environment | undefined,
  signal?: AbortSignal,
): Promise<Artifact[]> {
  const q = new URLSearchParams({ limit: '200' });
  if (environment !== undefined) q.set('environment', environment);
  return apiGet(`${API}/artifacts?${q}`, (v) => all(v, parseArtifact), signal);
}

export function fetchDetails(id: string, signal?: AbortSignal): Promise<Details> {
  return apiGet(`${API}/artifacts/${ids(id)}/details`, parseDetails, signal);
}

export function fetchGrants(id: string, signal?: AbortSignal): Promise<Grant[]> {
  return apiGet(`${API}/artifacts/${ids(id)}/grants`, (v) => all(v, parseGrant), signal);
}

export function fetchHistory(
  id: string,
  before: number | null,
  signal?: AbortSignal,
): Promise<History> {
  const q = new URLSearchParams({ limit: '50' });
  if (before !== null) q.set('before', String(before));
  return apiGet(`${API}/artifacts/${ids(id)}/history?${q}`, parseHistory, signal);
}

export function fetchFindings(signal?: AbortSignal): Promise<Finding[]> {
  return apiGet(`${API}/findings?limit=200`, (v) => all(v, parseFinding), signal);
}

/** Where the attached documents download from (same origin; the session cookie goes along). */
export const bomUrl = (id: string) => `${API}/artifacts/${ids(id)}/bom`;
export const attestationUrl = (id: string) => `${API}/artifacts/${ids(id)}/attestation`;
export const proofUrl = (index: number) => `/api/audit/proof/inclusion?index=${index}`;
export const artifactPath = (id: string) => `${PROVENANCE}/artifacts/${ids(id)}`;
export const findingsPath = `${PROVENANCE}/findings`;
