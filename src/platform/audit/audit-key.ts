import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import {
  checkPrivate,
  createPrivateFileOnce,
  PrivateFileError,
  privateFileExists,
  readPrivateFile,
} from '../private-file.js';
import type { Sha256 } from './engine/index.js';
import { auditErrors } from './errors.js';

/** SHA-256 from node:crypto, in the shape the engine takes. */
export const nodeSha256: Sha256 = {
  sha256: (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest()),
};

/** What the audit log needs from its key: sign tree heads, verify them, say who it is. */
export interface AuditSigner {
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  /** SPKI PEM of the public key, for people and other tools. */
  readonly publicKeyPem: string;
  sign(message: Uint8Array): Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export interface AuditKey extends AuditSigner {
  readonly path: string;
  /** True when this call generated the key. */
  readonly created: boolean;
}

const MAX_KEY_FILE_BYTES = 16 * 1024;

/** Wrap an Ed25519 private key object as a signer. */
export function auditSignerFromKey(privateKey: KeyObject): AuditSigner {
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw auditErrors.create('audit_key_invalid', {
      message: `The audit signing key must be Ed25519, not ${privateKey.asymmetricKeyType ?? 'unknown'}.`,
    });
  }
  const publicKey = createPublicKey(privateKey);
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return {
    publicKey: new Uint8Array(raw),
    publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    verify: (message, signature) =>
      signature.length === 64 && verify(null, message, publicKey, signature),
  };
}

/**
 * Load the Ed25519 key that signs audit tree heads (PKCS#8 PEM), creating it on
 * first start: directory created, file mode 0600, written atomically so two
 * processes starting at once end up with the same key. A key file that other
 * users can read or write is refused: whoever holds the key can sign a
 * rewritten history (witness checkpoints still catch it, but don't make it easy).
 */
export async function loadOrCreateAuditKey(path: string): Promise<AuditKey> {
  let pem: string;
  let created = false;
  try {
    if (!privateFileExists(path)) created = createPrivateFileOnce(path, newKeyPem());
    checkPrivate(path);
    pem = readPrivateFile(path, MAX_KEY_FILE_BYTES);
  } catch (err) {
    if (!(err instanceof PrivateFileError)) throw err;
    throw auditErrors.create('audit_key_invalid', {
      message: `The audit signing key: ${err.message}`,
      cause: err,
    });
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey({ key: pem, format: 'pem' });
  } catch (err) {
    throw auditErrors.create('audit_key_invalid', {
      message: `The audit signing key ${path} is not a PKCS#8 PEM private key.`,
      cause: err,
    });
  }
  return { ...auditSignerFromKey(privateKey), path, created };
}

function newKeyPem(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  return privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
