/**
 * Serialize a model (or dataset) on disk into an OMS manifest: list its files, split them
 * into shards when the `shards` method is used, and hash everything in parallel.
 */
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { Manifest, Resource, Serialization } from './engine/oms-statement.js';
import { sortResources } from './engine/oms-statement.js';
import { type HashAlgorithm, type HashTask, hashRanges } from './hash-pool.js';
import { walkModel } from './model-walker.js';

/** Shard size the reference implementation uses by default (1 GB). */
export const DEFAULT_SHARD_SIZE = 1_000_000_000;
/** Always skipped, as by the reference implementation (version-control metadata). */
export const DEFAULT_IGNORES = ['.git', '.gitattributes', '.github', '.gitignore'] as const;

export interface HashOptions {
  readonly method: 'files' | 'shards';
  readonly shardSize?: number;
  /** Relative paths to skip (files or whole directories). */
  readonly ignorePaths: readonly string[];
  readonly threads?: number;
  /** Digest for every file or shard; default sha256. The subject digest is always SHA-256. */
  readonly algorithm?: HashAlgorithm;
}

export const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();

/** The manifest of what is on disk now. `ignore_paths` records `options.ignorePaths`, sorted. */
export async function hashModel(root: string, options: HashOptions): Promise<Manifest> {
  const files = await walkModel(root, options.ignorePaths);
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  const names: string[] = [];
  const tasks: HashTask[] = [];
  for (const f of files) {
    if (options.method === 'files') {
      names.push(f.rel);
      tasks.push({ path: f.abs, start: 0, end: f.size, size: f.size });
      continue;
    }
    let start = 0;
    do {
      const end = Math.min(start + shardSize, f.size);
      names.push(`${f.rel}:${start}:${end}`);
      tasks.push({ path: f.abs, start, end, size: f.size });
      start = end;
    } while (start < f.size);
  }
  const algorithm = options.algorithm ?? 'sha256';
  const digests = await hashRanges(tasks, options.threads, algorithm);
  const resources: Resource[] = names.map((name, i) => ({
    name,
    algorithm,
    digest: digests[i] as string,
  }));
  const serialization: Serialization = {
    method: options.method,
    hash_type: algorithm,
    allow_symlinks: false,
    ...(options.method === 'shards' ? { shard_size: shardSize } : {}),
    ignore_paths: [...new Set(options.ignorePaths)].sort(),
  };
  return {
    modelName: basename(resolve(root)),
    serialization,
    resources: sortResources(resources, options.method === 'shards'),
  };
}
