/**
 * List the files of a model (a directory, or one file) for hashing. Symbolic links and
 * special files are refused: a link could point outside the model, or loop, and what it
 * points to can change between signing and loading. Ignored paths are skipped whole.
 */
import { lstat, opendir } from 'node:fs/promises';
import { join } from 'node:path';
import { isIgnored } from './engine/path-rules.js';
import { provenanceErrors } from './errors.js';

/** Most files accepted in one model or dataset. */
export const MAX_FILES = 2_000_000;
/** Deepest directory nesting accepted. */
export const MAX_DEPTH = 128;

export interface ModelFile {
  /** Relative POSIX path, or `.` when the model is a single file. */
  readonly rel: string;
  readonly abs: string;
  readonly size: number;
}

export async function walkModel(
  root: string,
  ignorePaths: readonly string[],
): Promise<ModelFile[]> {
  let top: Awaited<ReturnType<typeof lstat>>;
  try {
    top = await lstat(root);
  } catch (cause) {
    throw provenanceErrors.create('model_unreadable', { message: `Cannot read ${root}.`, cause });
  }
  if (top.isSymbolicLink()) throw symlink(root);
  if (top.isFile()) return [{ rel: '.', abs: root, size: top.size }];
  if (!top.isDirectory())
    throw provenanceErrors.create('model_unreadable', {
      message: `${root} is not a file or directory.`,
    });
  const files: ModelFile[] = [];
  await walkDir(root, '', 0, ignorePaths, files);
  return files;
}

async function walkDir(
  abs: string,
  rel: string,
  depth: number,
  ignorePaths: readonly string[],
  files: ModelFile[],
): Promise<void> {
  if (depth > MAX_DEPTH)
    throw provenanceErrors.create('too_large', { message: `${rel} is nested too deeply.` });
  const dir = await opendir(abs);
  const names: string[] = [];
  for await (const entry of dir) names.push(entry.name);
  names.sort();
  for (const name of names) {
    const childRel = rel === '' ? name : `${rel}/${name}`;
    if (name.includes('\\'))
      throw provenanceErrors.create('unsafe_path', { message: `Unsafe file name ${childRel}.` });
    if (isIgnored(childRel, ignorePaths)) continue;
    const childAbs = join(abs, name);
    const st = await lstat(childAbs);
    if (st.isSymbolicLink()) throw symlink(childRel);
    if (st.isDirectory()) {
      await walkDir(childAbs, childRel, depth + 1, ignorePaths, files);
    } else if (st.isFile()) {
      if (files.length >= MAX_FILES)
        throw provenanceErrors.create('too_large', { message: `More than ${MAX_FILES} files.` });
      files.push({ rel: childRel, abs: childAbs, size: st.size });
    } else {
      throw provenanceErrors.create('model_unreadable', {
        message: `${childRel} is not a regular file (device, socket or pipe).`,
      });
    }
  }
}

function symlink(path: string) {
  return provenanceErrors.create('symlink_refused', {
    message: `${path} is a symbolic link; symbolic links are refused (copy the target in, or ignore it).`,
    details: { path },
  });
}
