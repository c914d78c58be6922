/**
 * Keys for signing: Ed25519 and ECDSA (P-256, and P-384 / P-521 for verification of
 * keys made elsewhere). ECDSA signs with the curve's own hash (SHA-256 / SHA-384 / SHA-512),
 * as OMS and the Sigstore algorithm registry require; signatures are DER-encoded.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { provenanceErrors } from './errors.js';

export type KeyAlgorithm = 'ed25519' | 'p256';

const CURVE_HASH: Readonly<Record<string, string>> = {
  prime256v1: 'sha256',
  secp384r1: 'sha384',
  secp521r1: 'sha512',
};

export function generateKeys(algorithm: KeyAlgorithm): { privatePem: string; publicPem: string } {
  const pair =
    algorithm === 'ed25519'
      ? generateKeyPairSync('ed25519')
      : generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privatePem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The digest to sign with for this key: the curve's hash, or none for Ed25519. */
export function signatureHash(key: KeyObject): string | null {
  if (key.asymmetricKeyType === 'ed25519') return null;
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const hash =
    key.asymmetricKeyType === 'ec' && curve !== undefined ? CURVE_HASH[curve] : undefined;
  if (hash === undefined)
    throw provenanceErrors.create('key_unreadable', {
      message: 'Only Ed25519 and ECDSA P-256 / P-384 / P-521 keys are supported.',
    });
  return hash;
}

export function loadPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (cause) {
    throw provenanceErrors.create('key_unreadable', {
      message: 'The private key is not a PEM key.',
      cause,
    });
  }
  signatureHash(key);
  return key;
}

export function loadPublicKey(pem: string | Buffer): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (cause) {
    throw provenanceErrors.create('key_unreadable', {
      message: 'The public key is not a PEM key.',
      cause,
    });
  }
  if (key.type !== 'public')
    throw provenanceErrors.create('key_unreadable', {
      message: 'Give the public key, not the private one.',
    });
  signatureHash(key);
  return key;
}

/** OMS key hint: hex SHA-256 of the public key's SPKI PEM. */
export function publicKeyHint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const pem = pub.export({ type: 'spki', format: 'pem' }).toString();
  return createHash('sha256').update(pem).digest('hex');
}

export function signBytes(key: KeyObject, data: Uint8Array): Buffer {
  return sign(signatureHash(key), data, key);
}

/** True when `sig` is a valid signature over `data` by `key` (never throws on bad input). */
export function verifyBytes(key: KeyObject, data: Uint8Array, sig: Uint8Array): boolean {
  try {
    return verify(signatureHash(key), data, key, sig);
  } catch {
    return false;
  }
}
