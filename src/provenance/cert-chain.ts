/**
 * Certificate-chain verification for OMS `certificate` signatures: the bundle carries the
 * signing certificate and its intermediates; the verifier supplies the trusted root(s).
 * Each link is checked (issuer name, signature, CA flag on issuers) and every certificate
 * must be valid at `at`. These bundles record no signing time (no transparency log), so
 * `at` is the verification time; see docs/provenance.md. The leaf must also be meant for
 * signing code: key usage (when present) allows digitalSignature, and extended key usage
 * (when present) includes codeSigning, so a TLS or CA-only certificate under the same
 * root cannot sign models.
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
  const usage = leafUsageProblem(leaf, chainDer[0] as Uint8Array);
  if (usage !== undefined) return { ok: false, reason: usage };
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

const CODE_SIGNING = '1.3.6.1.5.5.7.3.3';
/** DER contents of OID 2.5.29.15 (keyUsage). */
const KEY_USAGE_OID = [0x55, 0x1d, 0x0f];

/** Why the leaf may not sign code, or undefined when it may. */
function leafUsageProblem(leaf: X509Certificate, der: Uint8Array): string | undefined {
  // Node names the extended key usage OIDs `keyUsage` (undefined when the extension is absent).
  const eku = leaf.keyUsage as string[] | undefined;
  if (eku !== undefined && !eku.includes(CODE_SIGNING))
    return 'the signing certificate is not allowed to sign code (extended key usage)';
  const bits = keyUsageBits(der);
  if (bits === 'malformed') return 'the signing certificate has a malformed key usage';
  if (bits !== undefined && ((bits[0] ?? 0) & 0x80) === 0)
    return 'the signing certificate is not allowed to make digital signatures (key usage)';
  return undefined;
}

interface Tlv {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** One DER element at `pos` (definite lengths only; anything odd throws). */
function readTlv(der: Uint8Array, pos: number, limit: number): Tlv {
  const tag = der[pos];
  let len = der[pos + 1];
  if (tag === undefined || len === undefined) throw new Error('truncated');
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (der[start + i] ?? Number.NaN);
    start += n;
  }
  const end = start + len;
  if (!Number.isSafeInteger(end) || end > limit) throw new Error('overrun');
  return { tag, start, end };
}

function children(der: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let pos = parent.start; pos < parent.end; pos = (out.at(-1) as Tlv).end)
    out.push(readTlv(der, pos, parent.end));
  return out;
}

/**
 * The key usage bit string's bytes (first byte holds digitalSignature as 0x80), undefined
 * when the certificate has no key usage extension. Node does not expose this extension.
 */
function keyUsageBits(der: Uint8Array): Uint8Array | undefined | 'malformed' {
  try {
    const cert = readTlv(der, 0, der.length);
    const tbs = children(der, cert)[0];
    if (tbs === undefined) return 'malformed';
    const extsWrapper = children(der, tbs).find((c) => c.tag === 0xa3);
    if (extsWrapper === undefined) return undefined;
    const exts = children(der, extsWrapper)[0];
    if (exts === undefined) return 'malformed';
    for (const ext of children(der, exts)) {
      const parts = children(der, ext);
      const oid = parts[0];
      const value = parts.at(-1);
      if (oid === undefined || value === undefined || oid.tag !== 0x06) return 'malformed';
      const id = der.subarray(oid.start, oid.end);
      if (id.length !== 3 || KEY_USAGE_OID.some((b, i) => id[i] !== b)) continue;
      if (value.tag !== 0x04) return 'malformed';
      const bitString = readTlv(der, value.start, value.end);
      if (bitString.tag !== 0x03 || bitString.end - bitString.start < 2) return 'malformed';
      return der.subarray(bitString.start + 1, bitString.end);
    }
    return undefined;
  } catch {
    return 'malformed';
  }
}
