/**
 * Secrets Shieldwall must keep but never show again — authenticator-app (TOTP) seeds, webhook
 * signing secrets — are sealed before they reach the database, so a stolen database file or backup
 * does not hand them over. AES-256-GCM with a 32-byte key kept outside the database (a file in the
 * data directory, or SHIELDWALL_SECRET_KEY for many instances), a fresh 96-bit nonce per value, and
 * the value's place (table, column, row id) as associated data, so a sealed value copied into another
 * row or column does not open.
 *
 * Values written before sealing existed are plain text; `open` still returns them (reported as
 * `legacy`) so an upgrade never locks anyone out, and callers re-seal them when they next write.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  checkPrivate,
  createPrivateFileOnce,
  PrivateFileError,
  privateFileExists,
  readPrivateFile,
} from '../private-file.js';
import { secretErrors } from './errors.js';

const PREFIX = 'sw1.';
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

export interface Sealer {
  /** Seal `plaintext` for the place named by `context` (e.g. `access_user.totp_secret:<id>`). */
  seal(plaintext: string, context: string): string;
  /** The plaintext of a sealed (or legacy plain) value; throws `secret_unreadable` if tampered or under another key. */
  open(stored: string, context: string): string;
  /** True when `stored` was written before sealing and should be re-sealed on the next write. */
  isLegacy(stored: string): boolean;
}

export function createSealer(key: Uint8Array): Sealer {
  if (key.length !== KEY_BYTES)
    throw secretErrors.create('secret_key_invalid', {
      message: `The secret-sealing key must be ${KEY_BYTES} bytes, not ${key.length}.`,
    });
  const keyBytes = Buffer.from(key);
  return {
    seal(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', keyBytes, nonce);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([nonce, body, cipher.getAuthTag()]).toString('base64url');
    },
    open(stored, context) {
      if (!stored.startsWith(PREFIX)) return stored;
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
      if (raw.length < NONCE_BYTES + TAG_BYTES) throw unreadable(context);
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyBytes, raw.subarray(0, NONCE_BYTES));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        const body = raw.subarray(NONCE_BYTES, raw.length - TAG_BYTES);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (err) {
        throw unreadable(context, err);
      }
    },
    isLegacy: (stored) => !stored.startsWith(PREFIX),
  };
}

function unreadable(context: string, cause?: unknown) {
  // The context names a table/column/row, never the value.
  return secretErrors.create('secret_unreadable', {
    message: `A stored secret (${context.split(':')[0]}) cannot be opened: it was sealed under another key or changed. Check SHIELDWALL_SECRET_KEY_FILE (every instance needs the same key).`,
    cause,
  });
}

/**
 * The sealing key from `path` (32 bytes in base64 or base64url), created on first start with mode
 * 0600; refused when others can read it. Every instance sharing a database must use the same file.
 */
export function loadOrCreateSecretKey(options: { path: string }): Uint8Array {
  try {
    if (!privateFileExists(options.path))
      createPrivateFileOnce(options.path, `${randomBytes(KEY_BYTES).toString('base64url')}\n`);
    checkPrivate(options.path);
    return decodeKey(readPrivateFile(options.path, 1024).trim(), options.path);
  } catch (err) {
    if (!(err instanceof PrivateFileError)) throw err;
    throw secretErrors.create('secret_key_invalid', {
      message: `The secret-sealing key: ${err.message}`,
      cause: err,
    });
  }
}

function decodeKey(encoded: string, where: string): Uint8Array {
  const normalized = encoded.trim().replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const bytes = /^[A-Za-z0-9_-]{43}$/.test(normalized)
    ? Buffer.from(normalized, 'base64url')
    : undefined;
  if (bytes?.length !== KEY_BYTES)
    throw secretErrors.create('secret_key_invalid', {
      message: `${where} must hold ${KEY_BYTES} random bytes in base64 (43–44 characters), e.g. from: openssl rand -base64 32`,
    });
  return new Uint8Array(bytes);
}
