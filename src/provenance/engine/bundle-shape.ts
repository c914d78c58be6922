/**
 * Structural parse of a Sigstore bundle v0.3 carrying a DSSE envelope, as OMS writes it.
 * Only shape and sizes here; cryptographic checks happen in the verifiers.
 */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
/** A signature file larger than this is refused before parsing. */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

export type Material =
  | { readonly kind: 'publicKey'; readonly hint: string | undefined }
  | { readonly kind: 'x509CertificateChain'; readonly certificates: readonly Uint8Array[] }
  | { readonly kind: 'certificate'; readonly certificate: Uint8Array };

export interface ParsedBundle {
  readonly payloadType: string;
  readonly payload: Uint8Array;
  readonly signatures: readonly Uint8Array[];
  readonly material: Material;
  /** True when the bundle carries at least one transparency-log entry. */
  readonly hasTlog: boolean;
}

export type BundleResult =
  | { readonly ok: true; readonly bundle: ParsedBundle }
  | { readonly ok: false; readonly reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

/** Strict base64 (standard or URL-safe alphabet) to bytes; undefined when malformed. */
export function decodeBase64(s: unknown): Uint8Array | undefined {
  if (typeof s !== 'string' || !BASE64.test(s)) return undefined;
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  const padded = std.padEnd(Math.ceil(std.length / 4) * 4, '=');
  try {
    const bin = atob(padded);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

function parseMaterial(vm: Record<string, unknown>): Material | string {
  if (isRecord(vm.publicKey)) {
    const hint = vm.publicKey.hint;
    if (hint !== undefined && hint !== null && typeof hint !== 'string')
      return 'bad publicKey.hint';
    return { kind: 'publicKey', hint: typeof hint === 'string' && hint !== '' ? hint : undefined };
  }
  if (isRecord(vm.x509CertificateChain)) {
    const certs = vm.x509CertificateChain.certificates;
    if (!Array.isArray(certs) || certs.length === 0 || certs.length > 10)
      return 'bad certificate chain';
    const out: Uint8Array[] = [];
    for (const c of certs) {
      const der = isRecord(c) ? decodeBase64(c.rawBytes) : undefined;
      if (der === undefined || der.length === 0) return 'bad certificate in chain';
      out.push(der);
    }
    return { kind: 'x509CertificateChain', certificates: out };
  }
  if (isRecord(vm.certificate)) {
    const der = decodeBase64(vm.certificate.rawBytes);
    if (der === undefined || der.length === 0) return 'bad certificate';
    return { kind: 'certificate', certificate: der };
  }
  return 'no verification material';
}

/** Parse the JSON value of a signature file. */
export function parseBundle(json: unknown): BundleResult {
  if (!isRecord(json)) return { ok: false, reason: 'not a JSON object' };
  if (json.mediaType !== BUNDLE_MEDIA_TYPE)
    return { ok: false, reason: `unsupported bundle media type ${String(json.mediaType)}` };
  const env = json.dsseEnvelope;
  const vm = json.verificationMaterial;
  if (!isRecord(env)) return { ok: false, reason: 'no DSSE envelope' };
  if (!isRecord(vm)) return { ok: false, reason: 'no verification material' };
  if (typeof env.payloadType !== 'string') return { ok: false, reason: 'no payload type' };
  const payload = decodeBase64(env.payload);
  if (payload === undefined || payload.length === 0) return { ok: false, reason: 'bad payload' };
  if (!Array.isArray(env.signatures) || env.signatures.length !== 1)
    return { ok: false, reason: 'expected exactly one DSSE signature' };
  const sig = isRecord(env.signatures[0]) ? decodeBase64(env.signatures[0].sig) : undefined;
  if (sig === undefined || sig.length === 0) return { ok: false, reason: 'bad signature value' };
  const material = parseMaterial(vm);
  if (typeof material === 'string') return { ok: false, reason: material };
  const hasTlog = Array.isArray(vm.tlogEntries) && vm.tlogEntries.length > 0;
  return {
    ok: true,
    bundle: { payloadType: env.payloadType, payload, signatures: [sig], material, hasTlog },
  };
}
