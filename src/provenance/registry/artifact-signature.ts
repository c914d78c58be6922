/**
 * Check an uploaded artifact's signature before any byte of it is accepted: an OpenSSF
 * Model Signing bundle (as `shieldwall model sign FILE` writes it) whose DSSE signature
 * verifies with one of the owning organization's registered signing keys, and whose
 * manifest is the single file `.` with exactly the SHA-256 the upload declares. The
 * bytes are then checked against that digest while they stream in, so a stored artifact
 * is always the one that was signed.
 */
import { createHash } from 'node:crypto';
import { MAX_BUNDLE_BYTES, parseBundle } from '../engine/bundle-shape.js';
import { IN_TOTO_PAYLOAD_TYPE, parseStatement } from '../engine/oms-statement.js';
import { pae } from '../engine/pae.js';
import { loadPublicKey, publicKeyHint, verifyBytes } from '../key-material.js';
import { sha256 } from '../model-hasher.js';

export interface TrustedKey {
  readonly hint: string;
  readonly publicKeyPem: string;
}

export type SignatureCheck =
  | { readonly ok: true; readonly keyHint: string; readonly bundleSha256: string }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): SignatureCheck => ({ ok: false, reason });

/**
 * @example
 * const check = checkArtifactSignature(bundleText, declaredSha256, orgKeys);
 * if (!check.ok) throw registryErrors.create('signature_rejected', { message: check.reason });
 */
export function checkArtifactSignature(
  bundleText: string,
  artifactSha256: string,
  keys: readonly TrustedKey[],
): SignatureCheck {
  if (bundleText.length > MAX_BUNDLE_BYTES) return fail('the signature is too large');
  let json: unknown;
  try {
    json = JSON.parse(bundleText);
  } catch {
    return fail('the signature is not JSON');
  }
  const parsed = parseBundle(json);
  if (!parsed.ok) return fail(parsed.reason);
  const bundle = parsed.bundle;
  if (bundle.material.kind !== 'publicKey')
    return fail('the registry accepts signatures made with a registered key (not certificates)');
  const message = pae(bundle.payloadType, bundle.payload);
  const sig = bundle.signatures[0] as Uint8Array;
  const hint = bundle.material.hint;
  // The hint only orders the attempts: a signature must verify, whatever it claims.
  const ordered = [...keys].sort((a, b) => Number(b.hint === hint) - Number(a.hint === hint));
  const signer = ordered.find((k) => verifyBytes(loadPublicKey(k.publicKeyPem), message, sig));
  if (signer === undefined)
    return fail('the signature was not made with any of the organization’s registered keys');
  if (bundle.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return fail(`unexpected payload type ${bundle.payloadType}`);
  let statement: unknown;
  try {
    statement = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bundle.payload));
  } catch {
    return fail('the signed payload is not JSON');
  }
  const signed = parseStatement(statement, sha256);
  if (!signed.ok) return fail(signed.reason);
  const { resources, serialization } = signed.manifest;
  if (serialization.method !== 'files' || resources.length !== 1 || resources[0]?.name !== '.')
    return fail(
      'the signature must cover exactly the uploaded file (sign the file, not a directory, without --shard-size)',
    );
  if (resources[0].digest !== artifactSha256)
    return fail('the signature is for a file with a different SHA-256 than the upload declares');
  return {
    ok: true,
    keyHint: signer.hint,
    bundleSha256: createHash('sha256').update(bundleText).digest('hex'),
  };
}

/** The hint (SHA-256 of the SPKI PEM) of a public key, or undefined when it is not one. */
export function signingKeyHint(publicKeyPem: string): string | undefined {
  try {
    return publicKeyHint(loadPublicKey(publicKeyPem));
  } catch {
    return undefined;
  }
}
