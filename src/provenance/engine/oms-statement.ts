/**
 * The OpenSSF Model Signing (OMS) v1.0 payload: an in-toto Statement v1 whose single
 * subject is the model name plus SHA-256 over the concatenated resource digests, and whose
 * predicate lists every resource (file or shard) with its digest and records how the model
 * was serialized. Pure: the SHA-256 function is passed in.
 */
import { compareResourceNames, isSafeRelativePath, splitShard } from './path-rules.js';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
export const OMS_PREDICATE_TYPE = 'https://model_signing/signature/v1.0';
/** The pre-1.0 experimental predicate (model_signing v0.2); refused, see docs/provenance.md. */
export const LEGACY_PREDICATE_TYPE = 'https://model_signing/Digests/v0.1';

export type Sha256 = (data: Uint8Array) => Uint8Array;

/**
 * The digest algorithms of resources, by the reference's names (`serialization.hash_type`
 * and each resource's `algorithm` carry the same one). The subject digest is SHA-256 over
 * the concatenated resource digests whichever is used.
 */
export const DIGEST_ALGORITHMS = ['sha256', 'blake3'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];
const isDigestAlgorithm = (v: unknown): v is DigestAlgorithm =>
  (DIGEST_ALGORITHMS as readonly unknown[]).includes(v);

export interface Resource {
  /** Relative POSIX path (`files`), `path:start:end` (`shards`), or `.` for a single-file model. */
  readonly name: string;
  readonly algorithm: DigestAlgorithm;
  /** Lower-case hex. */
  readonly digest: string;
}

export interface Serialization {
  readonly method: 'files' | 'shards';
  readonly hash_type: DigestAlgorithm;
  readonly allow_symlinks: boolean;
  readonly shard_size?: number;
  readonly ignore_paths?: readonly string[];
}

export interface Manifest {
  readonly modelName: string;
  readonly serialization: Serialization;
  /** Sorted in payload order. */
  readonly resources: readonly Resource[];
}

const HEX64 = /^[0-9a-f]{64}$/;
/** More resources than this in one signature is refused (bounds memory on hostile input). */
export const MAX_RESOURCES = 2_000_000;

function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** SHA-256 over the raw bytes of every resource digest, in order (the subject digest). */
export function rootDigest(resources: readonly Resource[], sha256: Sha256): string {
  const all = new Uint8Array(resources.length * 32);
  resources.forEach((r, i) => {
    all.set(fromHex(r.digest), i * 32);
  });
  return toHex(sha256(all));
}

/** Resources in canonical payload order. */
export function sortResources(resources: readonly Resource[], sharded: boolean): Resource[] {
  return [...resources].sort((a, b) => compareResourceNames(a.name, b.name, sharded));
}

/** The in-toto statement for a manifest, as the reference implementation writes it. */
export function buildStatement(manifest: Manifest, sha256: Sha256): Record<string, unknown> {
  const sharded = manifest.serialization.method === 'shards';
  const resources = sortResources(manifest.resources, sharded);
  const s = manifest.serialization;
  const serialization: Record<string, unknown> = {
    method: s.method,
    hash_type: s.hash_type,
    allow_symlinks: s.allow_symlinks,
  };
  if (sharded) serialization.shard_size = s.shard_size;
  serialization.ignore_paths = [...(s.ignore_paths ?? [])];
  return {
    _type: STATEMENT_TYPE,
    subject: [{ name: manifest.modelName, digest: { sha256: rootDigest(resources, sha256) } }],
    predicateType: OMS_PREDICATE_TYPE,
    predicate: {
      serialization,
      resources: resources.map((r) => ({ name: r.name, algorithm: r.algorithm, digest: r.digest })),
    },
  };
}

export type ParseResult =
  | { readonly ok: true; readonly manifest: Manifest }
  | {
      readonly ok: false;
      readonly code: 'format_unsupported' | 'unsafe_path' | 'signature_invalid';
      readonly reason: string;
    };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(
  code: 'format_unsupported' | 'unsafe_path' | 'signature_invalid',
  reason: string,
): ParseResult {
  return { ok: false, code, reason };
}

function parseSerialization(v: unknown): Serialization | string {
  if (!isRecord(v)) return 'predicate.serialization is missing';
  const { method, hash_type, allow_symlinks, shard_size, ignore_paths } = v;
  if (method !== 'files' && method !== 'shards')
    return `unsupported serialization method ${String(method)}`;
  if (!isDigestAlgorithm(hash_type)) return `unsupported hash_type ${String(hash_type)}`;
  if (typeof allow_symlinks !== 'boolean') return 'allow_symlinks must be a boolean';
  if (method === 'shards' && !(Number.isSafeInteger(shard_size) && (shard_size as number) > 0))
    return 'shard_size must be a positive integer';
  let ignores: string[] | undefined;
  if (ignore_paths !== undefined) {
    if (!Array.isArray(ignore_paths) || ignore_paths.length > 10_000)
      return 'ignore_paths must be a list';
    ignores = [];
    for (const p of ignore_paths) {
      if (typeof p !== 'string' || !isSafeRelativePath(p) || p === '.')
        return `unsafe ignore path ${String(p)}`;
      ignores.push(p);
    }
  }
  return {
    method,
    hash_type,
    allow_symlinks,
    ...(method === 'shards' ? { shard_size: shard_size as number } : {}),
    ...(ignores === undefined ? {} : { ignore_paths: ignores }),
  };
}

function parseResource(v: unknown, sharded: boolean, hashType: DigestAlgorithm): Resource | string {
  if (!isRecord(v)) return 'a resource is not an object';
  const { name, algorithm, digest } = v;
  if (typeof name !== 'string') return 'a resource has no name';
  // Every resource is hashed the way the serialization declares; a mix is never guessed at.
  if (algorithm !== hashType)
    return `resource algorithm ${String(algorithm)} does not match hash_type ${hashType}`;
  if (typeof digest !== 'string' || !HEX64.test(digest)) return `bad digest for ${name}`;
  const path = sharded ? splitShard(name) : { path: name, start: 0, end: 0 };
  if (sharded && (path.path === name || path.end < path.start)) return `bad shard name ${name}`;
  if (!isSafeRelativePath(path.path)) return `unsafe path ${name}`;
  return { name, algorithm: hashType, digest };
}

/** Parse and check a decoded statement: types, paths, and that the subject digest matches. */
export function parseStatement(statement: unknown, sha256: Sha256): ParseResult {
  if (!isRecord(statement) || statement._type !== STATEMENT_TYPE)
    return fail('format_unsupported', 'not an in-toto Statement v1');
  if (statement.predicateType === LEGACY_PREDICATE_TYPE)
    return fail('format_unsupported', 'legacy model_signing v0.2 predicate; re-sign with v1.x');
  if (statement.predicateType !== OMS_PREDICATE_TYPE)
    return fail('format_unsupported', `unknown predicate type ${String(statement.predicateType)}`);
  const subjects = statement.subject;
  if (!Array.isArray(subjects) || subjects.length !== 1 || !isRecord(subjects[0]))
    return fail('signature_invalid', 'expected exactly one subject');
  const subject = subjects[0];
  const expected = isRecord(subject.digest) ? subject.digest.sha256 : undefined;
  if (typeof subject.name !== 'string' || typeof expected !== 'string' || !HEX64.test(expected))
    return fail('signature_invalid', 'subject has no name or sha256 digest');
  const predicate = statement.predicate;
  if (!isRecord(predicate) || !Array.isArray(predicate.resources))
    return fail('signature_invalid', 'predicate.resources is missing');
  if (predicate.resources.length > MAX_RESOURCES)
    return fail('signature_invalid', 'too many resources');
  const serialization = parseSerialization(predicate.serialization);
  if (typeof serialization === 'string') return fail('format_unsupported', serialization);
  const sharded = serialization.method === 'shards';
  const resources: Resource[] = [];
  const seen = new Set<string>();
  for (const raw of predicate.resources) {
    const r = parseResource(raw, sharded, serialization.hash_type);
    if (typeof r === 'string')
      return fail(r.startsWith('unsafe') ? 'unsafe_path' : 'signature_invalid', r);
    if (seen.has(r.name)) return fail('signature_invalid', `resource ${r.name} listed twice`);
    seen.add(r.name);
    resources.push(r);
  }
  if (resources.some((r) => r.name === '.') && resources.length !== 1)
    return fail('signature_invalid', 'a single-file manifest must have exactly one resource');
  const actual = rootDigest(resources, sha256);
  if (actual !== expected)
    return fail('signature_invalid', 'the subject digest does not match the listed resources');
  return { ok: true, manifest: { modelName: subject.name, serialization, resources } };
}

export interface ManifestDiff {
  readonly modified: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** File-level differences between the signed manifest and the one computed from disk. */
export function diffManifests(signed: Manifest, local: Manifest): ManifestDiff {
  const sharded = signed.serialization.method === 'shards';
  const fileOf = (name: string) => (sharded ? splitShard(name).path : name);
  const signedMap = new Map(signed.resources.map((r) => [r.name, r.digest]));
  const localMap = new Map(local.resources.map((r) => [r.name, r.digest]));
  const signedFiles = new Set(signed.resources.map((r) => fileOf(r.name)));
  const localFiles = new Set(local.resources.map((r) => fileOf(r.name)));
  const modified = new Set<string>();
  for (const [name, digest] of signedMap) {
    const file = fileOf(name);
    if (localFiles.has(file) && localMap.get(name) !== digest) modified.add(file);
  }
  for (const [name] of localMap) {
    const file = fileOf(name);
    if (signedFiles.has(file) && !signedMap.has(name)) modified.add(file);
  }
  const byName = (a: string, b: string) => compareResourceNames(a, b, false);
  return {
    modified: [...modified].sort(byName),
    added: [...localFiles].filter((f) => !signedFiles.has(f)).sort(byName),
    removed: [...signedFiles].filter((f) => !localFiles.has(f)).sort(byName),
  };
}

export const isCleanDiff = (d: ManifestDiff) =>
  d.modified.length === 0 && d.added.length === 0 && d.removed.length === 0;
