/**
 * Keyless (Sigstore public-good) verification, fully offline: the Fulcio certificate chain,
 * the Rekor inclusion proof and signed entry timestamp, and the certificate identity are
 * checked by @sigstore/verify against the trusted root shipped inside @sigstore/tuf
 * (`seeds.json`). No network: a root rotated after that package was built is not known.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { type TrustMaterial, toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';

let trust: TrustMaterial | undefined;

function shippedTrustMaterial(): TrustMaterial {
  if (trust !== undefined) return trust;
  const require = createRequire(import.meta.url);
  const seeds = JSON.parse(
    readFileSync(require.resolve('@sigstore/tuf/seeds.json'), 'utf8'),
  ) as Record<string, { targets?: Record<string, string> }>;
  const encoded = seeds['https://tuf-repo-cdn.sigstore.dev']?.targets?.['trusted_root.json'];
  if (encoded === undefined) throw new Error('@sigstore/tuf ships no trusted_root.json');
  const root = TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
  trust = toTrustMaterial(root);
  return trust;
}

export type KeylessResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Verify a keyless bundle for the expected identity (certificate SAN) and OIDC issuer. */
export function verifyKeyless(
  bundleJson: unknown,
  identity: string,
  issuer: string,
): KeylessResult {
  try {
    const bundle = bundleFromJSON(bundleJson);
    const verifier = new Verifier(shippedTrustMaterial(), {
      tlogThreshold: 1,
      ctlogThreshold: 1,
      tsaThreshold: 0,
    });
    verifier.verify(toSignedEntity(bundle), {
      subjectAlternativeName: identity,
      extensions: { issuer },
    });
    return { ok: true };
  } catch (err) {
    return {
      ok: false,
      reason: err instanceof Error ? err.message : 'keyless verification failed',
    };
  }
}
