/**
 * Any in-toto statement signed with a key into a Sigstore bundle v0.3 (DSSE), and opened
 * again with the public key: the envelope OMS signatures and SLSA attestations share.
 */
import type { KeyObject } from 'node:crypto';
import { BUNDLE_MEDIA_TYPE, parseBundle } from './engine/bundle-shape.js';
import { IN_TOTO_PAYLOAD_TYPE } from './engine/oms-statement.js';
import { pae } from './engine/pae.js';
import { loadPublicKey, publicKeyHint, signBytes, verifyBytes } from './key-material.js';

export function signStatement(statement: unknown, key: KeyObject): string {
  const payload = Buffer.from(JSON.stringify(statement, null, 2), 'utf8');
  const sig = signBytes(key, pae(IN_TOTO_PAYLOAD_TYPE, payload));
  const bundle = {
    mediaType: BUNDLE_MEDIA_TYPE,
    verificationMaterial: { publicKey: { hint: publicKeyHint(key) }, tlogEntries: [] },
    dsseEnvelope: {
      payload: payload.toString('base64'),
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      signatures: [{ sig: sig.toString('base64') }],
    },
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** The signed statement when the bundle verifies with `publicKeyPem`; else the reason. */
export function openStatement(
  bundleText: string,
  publicKeyPem: string,
): { ok: true; statement: unknown } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(bundleText);
  } catch {
    return { ok: false, reason: 'the file is not JSON' };
  }
  const parsed = parseBundle(json);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const b = parsed.bundle;
  if (b.material.kind !== 'publicKey') return { ok: false, reason: 'not signed with a key' };
  if (b.payloadType !== IN_TOTO_PAYLOAD_TYPE)
    return { ok: false, reason: 'not an in-toto payload' };
  const key = loadPublicKey(publicKeyPem);
  if (b.material.hint !== undefined && b.material.hint !== publicKeyHint(key))
    return { ok: false, reason: 'signed with a different key' };
  if (!verifyBytes(key, pae(b.payloadType, b.payload), b.signatures[0] as Uint8Array))
    return { ok: false, reason: 'the signature does not verify with this key' };
  try {
    return {
      ok: true,
      statement: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(b.payload)),
    };
  } catch {
    return { ok: false, reason: 'the signed payload is not JSON' };
  }
}
