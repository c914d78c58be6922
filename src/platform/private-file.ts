/**
 * Small private files in the data directory (the audit signing key, the secret-sealing key):
 * created once, atomically, mode 0600; refused if other users can read or change them; read with
 * a size bound. Callers turn a {@link PrivateFileError} into their own error code.
 */
import { randomBytes } from 'node:crypto';
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

export class PrivateFileError extends Error {
  override readonly name = 'PrivateFileError';
}

export function privateFileExists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new PrivateFileError(`Cannot use ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Write `contents` to a private temp file, then link it into place: if another process created
 * the file first, theirs wins and this returns false (both then read the same file).
 */
export function createPrivateFileOnce(path: string, contents: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, contents, { mode: 0o600, flag: 'wx' });
    chmodSync(temp, 0o600); // the umask may have narrowed it further, never widened; be exact
    linkSync(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PrivateFileError(`Cannot use ${path}: ${(err as Error).message}`, { cause: err });
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing to clean up when the temp file was never written.
    }
  }
}

/** Refuses a file that group or others may read or write (POSIX only). */
export function checkPrivate(path: string): void {
  if (process.platform === 'win32') return; // POSIX modes mean nothing there
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new PrivateFileError(
      `${path} can be read or changed by other users (mode ${mode.toString(8)}). Run: chmod 600 ${path}`,
    );
  }
}

export function readPrivateFile(path: string, maxBytes: number): string {
  try {
    if (statSync(path).size > maxBytes) throw new Error('the file is too large for a key');
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new PrivateFileError(`Cannot use ${path}: ${(err as Error).message}`, { cause: err });
  }
}
