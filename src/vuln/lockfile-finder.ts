/**
 * Find lockfiles and SBOMs under a path and parse each, bounded: files over the size limit,
 * undecodable or malformed files are reported with a reason and the rest are still scanned.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { SourcedDependency } from './engine/advisory-matcher.js';
import { type LockfileKind, lockfileKind, parseLockfile } from './engine/lockfile-registry.js';
import { vulnErrors } from './errors.js';

export interface FinderLimits {
  /** Largest lockfile read, bytes. */
  readonly maxFileBytes: number;
  /** Most lockfiles read. */
  readonly maxFiles: number;
  readonly maxDepth: number;
}

export const DEFAULT_FINDER_LIMITS: FinderLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxFiles: 10_000,
  maxDepth: 30,
};

const SKIP_DIRS = new Set([
  'node_modules',
  '.git',
  'vendor',
  '.venv',
  'venv',
  '__pycache__',
  'target',
]);

export interface ScannedFile {
  readonly path: string;
  readonly kind: LockfileKind;
  readonly packages: number;
  readonly warnings: readonly string[];
}
export interface FileError {
  readonly path: string;
  readonly reason: string;
}

export interface FoundDependencies {
  readonly files: ScannedFile[];
  readonly errors: FileError[];
  readonly dependencies: SourcedDependency[];
}

async function collect(
  path: string,
  depth: number,
  explicit: boolean,
  limits: FinderLimits,
  found: Array<{ path: string; kind: LockfileKind }>,
): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink() && !explicit) return;
  if (info.isDirectory()) {
    if (depth > limits.maxDepth || (!explicit && SKIP_DIRS.has(basename(path)))) return;
    for (const name of (await readdir(path)).sort()) {
      if (found.length >= limits.maxFiles) return;
      await collect(join(path, name), depth + 1, false, limits, found);
    }
    return;
  }
  const kind = lockfileKind(basename(path));
  if (kind !== undefined) found.push({ path, kind });
  else if (explicit) found.push({ path, kind: guessKind(path) });
}

/** A file named on the command line with an unusual name: a JSON SBOM, a go.mod, or requirements. */
function guessKind(path: string): LockfileKind {
  const lower = path.toLowerCase();
  if (lower.endsWith('.json')) return 'cyclonedx.json';
  if (lower.endsWith('.mod')) return 'go.mod';
  return 'requirements.txt';
}

/**
 * @example
 * const { dependencies, errors } = await findDependencies('.');
 */
export async function findDependencies(
  root: string,
  limits: FinderLimits = DEFAULT_FINDER_LIMITS,
): Promise<FoundDependencies> {
  const rootInfo = await lstat(root).catch((cause: unknown) => {
    throw vulnErrors.create('path_not_found', { message: `${root} does not exist.`, cause });
  });
  const found: Array<{ path: string; kind: LockfileKind }> = [];
  await collect(root, 0, true, limits, found);
  const base = rootInfo.isDirectory() ? root : join(root, '..');
  const files: ScannedFile[] = [];
  const errors: FileError[] = [];
  const dependencies: SourcedDependency[] = [];
  const hasGoMod = new Set(found.filter((f) => f.kind === 'go.mod').map((f) => join(f.path, '..')));
  for (const f of found) {
    const shown = relative(base, f.path) || basename(f.path);
    // go.sum lists every module ever needed; go.mod beside it is the build list.
    if (f.kind === 'go.sum' && hasGoMod.has(join(f.path, '..'))) continue;
    const info = await lstat(f.path);
    if (info.size > limits.maxFileBytes) {
      errors.push({ path: shown, reason: `larger than ${limits.maxFileBytes} bytes, not read` });
      continue;
    }
    const parsed = parseLockfile(f.kind, await readFile(f.path));
    if (!parsed.ok) {
      errors.push({ path: shown, reason: `${f.kind}: ${parsed.reason}` });
      continue;
    }
    files.push({
      path: shown,
      kind: f.kind,
      packages: parsed.packages.length,
      warnings: parsed.warnings,
    });
    for (const p of parsed.packages) dependencies.push({ ...p, source: shown });
  }
  return { files, errors, dependencies };
}
