/**
 * Certificate-chain verification for OMS `certificate` signatures: the bundle carries the
 * signing certificate and its intermediates; the verifier supplies the trusted root(s).
 * Each link is checked (issuer name, signature, CA flag on issuers) and every certificate
 * must be valid at `at`. These bundles record no signing time (no transparency log), so
 * `at` is the verification time; see docs/provenance.md.
 */
import { X509Certificate } from 'node:crypto';
import { provenanceErrors } from './errors.js';

const PEM_CERT = /-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]{1,65536}?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM file (roots for `--cert-chain`). */
export function parsePemCertificates(pem: string): X509Certificate[] {
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0)
    throw provenanceErrors.create('key_unreadable', { message: 'No PEM certificate found.' });
  try {
    return blocks.map((b) => new X509Certificate(b));
  } catch (cause) {
    throw provenanceErrors.create('key_unreadable', {
      message: 'A certificate could not be read.',
      cause,
    });
  }
}

export type ChainResult =
  | { readonly ok: true; readonly leaf: X509Certificate }
  | { readonly ok: false; readonly reason: string };

function validAt(cert: X509Certificate, at: Date): boolean {
  return new Date(cert.validFrom) <= at && at <= new Date(cert.validTo);
}

/** Verify `chain` (leaf first, as DER) up to one of `roots`. */
export function verifyChain(
  chainDer: readonly Uint8Array[],
  roots: readonly X509Certificate[],
  at: Date,
): ChainResult {
  let chain: X509Certificate[];
  try {
    chain = chainDer.map((der) => new X509Certificate(der));
  } catch {
    return { ok: false, reason: 'a certificate in the signature could not be parsed' };
  }
  const leaf = chain[0];
  if (leaf === undefined) return { ok: false, reason: 'no signing certificate' };
  for (let i = 0; i < chain.length; i++) {
    const cert = chain[i] as X509Certificate;
    if (!validAt(cert, at))
      return { ok: false, reason: `certificate ${cert.subject} is not valid now` };
    const issuer = chain[i + 1];
    if (issuer === undefined) {
      const root = roots.find((r) => cert.checkIssued(r) && cert.verify(r.publicKey));
      if (root === undefined)
        return { ok: false, reason: 'the chain does not lead to a trusted root' };
      if (!root.ca || !validAt(root, at))
        return { ok: false, reason: 'the trusted root is not a valid CA' };
      return { ok: true, leaf };
    }
    if (!issuer.ca) return { ok: false, reason: `${issuer.subject} is not a CA` };
    if (!cert.checkIssued(issuer) || !cert.verify(issuer.publicKey))
      return {
        ok: false,
        reason: `certificate ${cert.subject} is not signed by ${issuer.subject}`,
      };
  }
  return { ok: false, reason: 'unreachable' };
}
