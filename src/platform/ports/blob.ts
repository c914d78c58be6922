import type { Readable } from 'node:stream';
import { defineErrorCodes } from '../errors.js';

/**
 * The blob port: large immutable objects (model artifacts, raw emails) kept outside the
 * relational store. A local directory by default; an S3-compatible object store at scale.
 *
 * Writes stream: the adapter hashes (SHA-256) and counts bytes as they pass, never holds
 * a whole object in memory, refuses more than `maxBytes`, and publishes the object under
 * its key only when every byte arrived and matched the declared digest and size. A reader
 * therefore never sees a partial or unverified object, and a failed write leaves nothing.
 */
export interface BlobStore {
  /** Which adapter is behind the port (for health output and logs). */
  readonly kind: 'fs' | 's3';

  /**
   * Stream `body` into the object `key`. Resolves with what was written once it is
   * durable and visible. Throws `blob_too_large` past `maxBytes` (or the declared size),
   * `blob_digest_mismatch` when the bytes do not hash to `sha256` or are shorter than
   * `size`, and `blob_key_invalid` for a key that `isBlobKey` refuses. An existing object with
   * the same key is replaced atomically (content-addressed callers write the same bytes).
   */
  put(key: string, body: AsyncIterable<Uint8Array>, limits: PutLimits): Promise<BlobInfo>;

  /** A stream of the object's bytes; throws `blob_not_found` when there is no such object. */
  get(key: string): Promise<Readable>;

  /** Size of the object, or undefined when there is none. */
  stat(key: string): Promise<{ readonly size: number } | undefined>;

  /** Remove the object; true when it existed. */
  delete(key: string): Promise<boolean>;

  /** Cheap round trip for readiness checks; throws `blob_unavailable` when down. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

export interface PutLimits {
  /** Refuse the write once more than this many bytes arrive. */
  readonly maxBytes: number;
  /** Expected SHA-256 (lowercase hex); the object is published only if the bytes match it. */
  readonly sha256?: string;
  /** Expected size in bytes; more or fewer bytes fail the write. */
  readonly size?: number;
}

export interface BlobInfo {
  readonly key: string;
  readonly size: number;
  /** SHA-256 of the bytes written, lowercase hex (computed while streaming). */
  readonly sha256: string;
}

/** Longest key accepted, in characters. */
export const MAX_BLOB_KEY = 512;

/*
 * Keys are slash-separated segments of letters, digits, `_`, `-` and `.`, where no segment
 * starts with a dot: `..`, absolute paths, backslashes, empty segments and hidden files
 * cannot be expressed, so no adapter ever needs to resolve a path to know it is safe.
 * The pattern has no nested quantifiers (linear time on any input).
 */
const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,127}$/;

/**
 * True for a key every adapter accepts.
 *
 * @example
 * isBlobKey('models/sha256/9f86d0…'); // true
 * isBlobKey('../etc/passwd');        // false
 */
export function isBlobKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_BLOB_KEY) return false;
  const parts = key.split('/');
  return parts.length <= 8 && parts.every((p) => SEGMENT.test(p));
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Argument checks shared by every adapter, so they refuse exactly the same calls. */
export function assertPut(key: unknown, limits: PutLimits): void {
  if (!isBlobKey(key)) throw blobErrors.create('blob_key_invalid');
  const { maxBytes, sha256, size } = (limits ?? {}) as Partial<PutLimits>;
  if (!Number.isSafeInteger(maxBytes) || (maxBytes as number) < 0)
    throw blobErrors.create('blob_key_invalid', {
      message: 'maxBytes must be a whole number of bytes, 0 or more.',
      es: 'maxBytes debe ser un número entero de bytes, 0 o más.',
    });
  if (sha256 !== undefined && !SHA256_HEX.test(sha256))
    throw blobErrors.create('blob_key_invalid', {
      message: 'The expected digest must be SHA-256 in lowercase hex.',
      es: 'La huella esperada debe ser SHA-256 en hexadecimal en minúsculas.',
    });
  if (size !== undefined && (!Number.isSafeInteger(size) || size < 0))
    throw blobErrors.create('blob_key_invalid', {
      message: 'The expected size must be a whole number of bytes.',
      es: 'El tamaño esperado debe ser un número entero de bytes.',
    });
}

export function assertKey(key: unknown): asserts key is string {
  if (!isBlobKey(key)) throw blobErrors.create('blob_key_invalid');
}

/** Stable error codes of the blob port (every adapter throws these). */
export const blobErrors = defineErrorCodes({
  blob_key_invalid: {
    status: 400,
    message:
      'The object name is not valid (letters, digits, "_", "-", "." and "/" only; no part may start with a dot).',
    es: 'El nombre del objeto no es válido (solo letras, dígitos, "_", "-", "." y "/"; ninguna parte puede empezar con un punto).',
  },
  blob_too_large: {
    status: 413,
    message: 'The upload is larger than allowed.',
    es: 'El archivo subido es más grande de lo permitido.',
  },
  blob_digest_mismatch: {
    status: 422,
    message:
      'The uploaded bytes do not match the declared SHA-256 digest or size; nothing was kept.',
    es: 'Los bytes subidos no coinciden con la huella SHA-256 o el tamaño declarados; no se guardó nada.',
  },
  blob_upload_incomplete: {
    status: 400,
    message: 'The upload stopped before every byte arrived; nothing was kept.',
    es: 'La subida se interrumpió antes de que llegaran todos los bytes; no se guardó nada.',
  },
  blob_not_found: {
    status: 404,
    message: 'There is no such stored object.',
    es: 'No existe ese objeto guardado.',
  },
  blob_unavailable: {
    status: 503,
    message: 'The artifact storage is not reachable.',
    es: 'No se puede acceder al almacenamiento de artefactos.',
  },
});
