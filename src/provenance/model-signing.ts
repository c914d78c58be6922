/**
 * Sign and verify models and datasets in the OpenSSF Model Signing v1.0 format: a Sigstore
 * bundle v0.3 whose DSSE envelope carries the OMS in-toto statement.
 */

import type { KeyObject } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { parsePemCertificates, verifyChain } from './cert-chain.js';
import { signStatement } from './dsse-bundle.js';
import { MAX_BUNDLE_BYTES, type ParsedBundle, parseBundle } from './engine/bundle-shape.js';
import {
  buildStatement,
  diffManifests,
  IN_TOTO_PAYLOAD_TYPE,
  LEGACY_PREDICATE_TYPE,
  type Manifest,
  type ManifestDiff,
  parseStatement,
} from './engine/oms-statement.js';
import { pae } from './engine/pae.js';
import { isSafeRelativePath } from './engine/path-rules.js';
import { provenanceErrors } from './errors.js';
import { HASH_ALGORITHMS, type HashAlgorithm } from './hash-pool.js';
import { loadPublicKey, publicKeyHint, verifyBytes } from './key-material.js';
import { DEFAULT_IGNORES, hashModel, sha256 } from './model-hasher.js';

export interface SignOptions {
  readonly model: string;
  readonly key: KeyObject;
  /** Where the signature will be written (skipped when it lies inside the model). */
  readonly signaturePath: string;
  /** Extra paths to skip: relative to the model, or absolute inside it. */
  readonly ignore: readonly string[];
  /** Use the `shards` method with this shard size; default `files`. */
  readonly shardSize?: number;
  readonly threads?: number;
  /** Digest per file or shard (OMS `hash_type`); default sha256. */
  readonly algorithm?: HashAlgorithm;
}

/** Turn user ignore patterns (relative to the model, or paths inside it) into model-relative paths. */
export function modelRelativeIgnores(model: string, paths: readonly string[]): string[] {
  const root = resolve(model);
  const out: string[] = [];
  for (const p of paths) {
    const rel = relative(root, resolve(root, p)).split(sep).join('/');
    if (rel === '' || rel.startsWith('../') || rel === '..' || !isSafeRelativePath(rel)) continue;
    out.push(rel);
  }
  return out;
}

async function ignoresFor(model: string, signaturePath: string, extra: readonly string[]) {
  const isDir = (await stat(model).catch(() => undefined))?.isDirectory() === true;
  if (!isDir) return [];
  return modelRelativeIgnores(model, [...DEFAULT_IGNORES, signaturePath, ...extra]);
}

/** Hash the model and return the signature bundle (JSON text) and the manifest signed. */
export async function signModel(
  options: SignOptions,
): Promise<{ bundle: string; manifest: Manifest }> {
  const ignorePaths = await ignoresFor(options.model, options.signaturePath, options.ignore);
  const manifest = await hashModel(options.model, {
    method: options.shardSize === undefined ? 'files' : 'shards',
    ...(options.shardSize === undefined ? {} : { shardSize: options.shardSize }),
    ignorePaths,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.algorithm === undefined ? {} : { algorithm: options.algorithm }),
  });
  return { bundle: signStatement(buildStatement(manifest, sha256), options.key), manifest };
}

/** What the verifier trusts. */
export type TrustInput =
  | { readonly kind: 'key'; readonly publicKeyPem: string }
  | { readonly kind: 'certificate'; readonly rootsPem: string }
  | { readonly kind: 'keyless'; readonly identity: string; readonly issuer: string };

export interface VerifyOptions {
  readonly model: string;
  readonly signaturePath: string;
  readonly trust: TrustInput;
  readonly ignore: readonly string[];
  /** Verification time for certificate validity. */
  readonly now: Date;
  readonly threads?: number;
}

export type VerifyResult =
  | {
      readonly valid: true;
      readonly modelName: string;
      readonly files: number;
      readonly method: string;
      readonly algorithm: HashAlgorithm;
    }
  | { readonly valid: false; readonly reason: string; readonly diff?: ManifestDiff };

/** Verify the signature's authenticity, then that the model on disk matches it exactly. */
export async function verifyModel(options: VerifyOptions): Promise<VerifyResult> {
  const raw = await readSignature(options.signaturePath);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { valid: false, reason: 'the signature file is not JSON' };
  }
  const parsed = parseBundle(json);
  if (!parsed.ok) return { valid: false, reason: parsed.reason };
  const bundle = parsed.bundle;
  refuseLegacy(bundle.payload);
  const authentic = await checkAuthenticity(bundle, json, options);
  if (authentic !== true) return { valid: false, reason: authentic };
  if (bundle.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return { valid: false, reason: `unexpected payload type ${bundle.payloadType}` };
  let statement: unknown;
  try {
    statement = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bundle.payload));
  } catch {
    return { valid: false, reason: 'the signed payload is not JSON' };
  }
  const signed = parseSigned(statement);
  if (!signed.ok) {
    if (signed.code === 'format_unsupported')
      throw provenanceErrors.create('format_unsupported', {
        message: `Unsupported signature: ${signed.reason}.`,
      });
    return { valid: false, reason: signed.reason };
  }
  const s = signed.manifest.serialization;
  if (s.allow_symlinks)
    throw provenanceErrors.create('format_unsupported', {
      message:
        'The signature was made following symbolic links; Shieldwall refuses symbolic links.',
    });
  const ignorePaths = [
    ...(await ignoresFor(options.model, options.signaturePath, options.ignore)),
    ...(s.ignore_paths ?? []),
  ];
  const local = await hashModel(options.model, {
    method: s.method,
    ...(s.shard_size === undefined ? {} : { shardSize: s.shard_size }),
    ignorePaths,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    algorithm: signed.algorithm,
  });
  const diff = diffManifests(signed.manifest, local);
  if (diff.modified.length + diff.added.length + diff.removed.length > 0)
    return { valid: false, reason: 'the model does not match its signature', diff };
  return {
    valid: true,
    modelName: signed.manifest.modelName,
    files: new Set(local.resources.map((r) => r.name.split(':')[0])).size,
    method: s.method,
    algorithm: signed.algorithm,
  };
}

type ParsedSigned =
  | (Extract<ReturnType<typeof parseStatement>, { ok: true }> & { algorithm: HashAlgorithm })
  | Extract<ReturnType<typeof parseStatement>, { ok: false }>;

/**
 * Parse the (authenticated) statement and read the digest algorithm it declares. The
 * reference names it in `serialization.hash_type` and again in every resource's
 * `algorithm`; both must agree (the engine parser checks that), and the model is re-hashed
 * with it. An algorithm we do not implement is refused with a clear error, never guessed.
 */
function parseSigned(statement: unknown): ParsedSigned {
  const declared = field(field(field(statement, 'predicate'), 'serialization'), 'hash_type');
  if (declared !== undefined && !HASH_ALGORITHMS.includes(declared as HashAlgorithm))
    throw provenanceErrors.create('format_unsupported', {
      message: `Unsupported signature: it uses the hash algorithm ${JSON.stringify(String(declared).slice(0, 40))}; Shieldwall supports ${HASH_ALGORITHMS.join(' and ')}.`,
    });
  const parsed = parseStatement(statement, sha256);
  return parsed.ok ? { ...parsed, algorithm: parsed.manifest.serialization.hash_type } : parsed;
}

function field(v: unknown, key: string): unknown {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)[key]
    : undefined;
}

/**
 * model_signing v0.2 signatures were made over a non-standard PAE; they are refused with a
 * clear message (looking at the unauthenticated payload only to word the error).
 */
function refuseLegacy(payload: Uint8Array): void {
  let predicateType: unknown;
  try {
    predicateType = (JSON.parse(new TextDecoder().decode(payload)) as { predicateType?: unknown })
      .predicateType;
  } catch {
    return;
  }
  if (predicateType === LEGACY_PREDICATE_TYPE)
    throw provenanceErrors.create('format_unsupported', {
      message:
        'This is a legacy model_signing v0.2 signature (predicate Digests/v0.1, non-standard PAE); it is not supported. Re-sign the model with a current signer.',
    });
}

async function readSignature(path: string): Promise<string> {
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size > MAX_BUNDLE_BYTES)
      throw provenanceErrors.create('signature_unreadable', {
        message: `${path} is not a signature file (or too large).`,
      });
    return await readFile(path, 'utf8');
  } catch (cause) {
    if (provenanceErrors.is(cause, 'signature_unreadable')) throw cause;
    throw provenanceErrors.create('signature_unreadable', {
      message: `Cannot read ${path}.`,
      cause,
    });
  }
}

/** True when the DSSE signature is authentic for the trust input; else the reason. */
async function checkAuthenticity(
  bundle: ParsedBundle,
  json: unknown,
  options: VerifyOptions,
): Promise<true | string> {
  const message = pae(bundle.payloadType, bundle.payload);
  const sig = bundle.signatures[0] as Uint8Array;
  const trust = options.trust;
  if (trust.kind === 'key') {
    if (bundle.material.kind !== 'publicKey')
      return 'the signature was not made with a key (use --cert-chain or --identity)';
    const key = loadPublicKey(trust.publicKeyPem);
    // Bundles before v1.1 carried an older hint format; only a present, current-style hint is compared.
    const hint = bundle.material.hint;
    if (hint !== undefined && /^[0-9a-f]{64}$/.test(hint) && hint !== publicKeyHint(key))
      return 'the signature was made with a different key';
    return verifyBytes(key, message, sig) ? true : 'the signature does not verify with this key';
  }
  if (trust.kind === 'certificate') {
    if (bundle.material.kind !== 'x509CertificateChain')
      return 'the signature carries no certificate chain';
    const chain = verifyChain(
      bundle.material.certificates,
      parsePemCertificates(trust.rootsPem),
      options.now,
    );
    if (!chain.ok) return chain.reason;
    return verifyBytes(chain.leaf.publicKey, message, sig)
      ? true
      : 'the signature does not verify with the certificate';
  }
  if (bundle.material.kind !== 'certificate')
    return 'the signature is not a keyless Sigstore signature';
  // Loaded when needed: the Sigstore libraries cost every CLI start about 100 ms otherwise.
  const { verifyKeyless } = await import('./keyless.js');
  const keyless = verifyKeyless(json, trust.identity, trust.issuer);
  return keyless.ok ? true : keyless.reason;
}
