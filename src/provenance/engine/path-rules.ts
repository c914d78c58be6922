/**
 * Path rules for manifests: resource names are POSIX paths relative to the model root.
 * Anything that could leave the root (`..`, absolute paths, backslashes, NUL) is refused,
 * so a hostile signature can never make the verifier read outside the model.
 */

/** Longest relative path accepted in a manifest (bytes of UTF-16 code units; generous). */
export const MAX_PATH_LENGTH = 4096;

/** True when `name` is a safe relative POSIX path (or `.` for a single-file model). */
export function isSafeRelativePath(name: string): boolean {
  if (name === '.') return true;
  if (name.length === 0 || name.length > MAX_PATH_LENGTH) return false;
  if (name.startsWith('/') || name.includes('\\') || name.includes('\0')) return false;
  for (const part of name.split('/')) {
    if (part === '' || part === '.' || part === '..') return false;
  }
  return true;
}

/** True when `rel` is one of `ignorePaths` or lies below one of them (directory ignore). */
export function isIgnored(rel: string, ignorePaths: readonly string[]): boolean {
  for (const ignored of ignorePaths) {
    if (rel === ignored || rel.startsWith(`${ignored}/`)) return true;
  }
  return false;
}

/**
 * Order of resources in a payload: path components compared one by one (the reference
 * implementation sorts `PurePosixPath` keys, which compare by parts), then shard offsets.
 */
export function compareResourceNames(a: string, b: string, sharded: boolean): number {
  const pa = sharded ? splitShard(a) : { path: a, start: 0, end: 0 };
  const pb = sharded ? splitShard(b) : { path: b, start: 0, end: 0 };
  const partsA = pa.path.split('/');
  const partsB = pb.path.split('/');
  const n = Math.min(partsA.length, partsB.length);
  for (let i = 0; i < n; i++) {
    const x = partsA[i] as string;
    const y = partsB[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  if (partsA.length !== partsB.length) return partsA.length - partsB.length;
  if (pa.start !== pb.start) return pa.start - pb.start;
  return pa.end - pb.end;
}

/** `path:start:end` for shard resources; plain paths get start = end = 0. */
export function splitShard(name: string): { path: string; start: number; end: number } {
  const m = /^(.*):(\d{1,15}):(\d{1,15})$/.exec(name);
  if (m === null) return { path: name, start: 0, end: 0 };
  return { path: m[1] as string, start: Number(m[2]), end: Number(m[3]) };
}
