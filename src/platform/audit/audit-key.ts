import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import {
  chmodSync,
  linkSync,
  mkdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
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
  let created = false;
  if (!exists(path)) created = createKeyFile(path);
  checkPermissions(path);
  const pem = readKeyFile(path);
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

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw keyFileError(path, err);
  }
}

/** Write to a private temp file, then link it into place: fails cleanly if another process won. */
function createKeyFile(path: string): boolean {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, pem, { mode: 0o600, flag: 'wx' });
    chmodSync(temp, 0o600); // the umask may have narrowed it further, never widened; be exact
    linkSync(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw keyFileError(path, err);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean up when the temp file was never written.
    }
  }
}

function checkPermissions(path: string): void {
  if (process.platform === 'win32') return; // POSIX modes mean nothing there
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw auditErrors.create('audit_key_invalid', {
      message: `The audit signing key ${path} can be read or changed by other users (mode ${mode.toString(8)}). Run: chmod 600 ${path}`,
    });
  }
}

function readKeyFile(path: string): string {
  try {
    if (statSync(path).size > MAX_KEY_FILE_BYTES)
      throw new Error('the file is too large for a key');
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw keyFileError(path, err);
  }
}

function keyFileError(path: string, err: unknown) {
  return auditErrors.create('audit_key_invalid', {
    message: `Cannot use the audit signing key file ${path}: ${(err as Error).message}`,
    cause: err,
  });
}
