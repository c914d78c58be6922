/**
 * Parallel, streaming SHA-256 (or BLAKE3) over byte ranges of files with worker threads. Each worker
 * reads through one fixed 4 MB buffer, so memory stays constant whatever the model size.
 * A file that changes size or mtime while being hashed, or is swapped for a link
 * (O_NOFOLLOW), fails the whole run: a signature never covers bytes nobody saw.
 *
 * The worker is plain JavaScript evaluated from a string, so it runs the same under
 * tsx, vitest and the built `dist/`. Node has no BLAKE3, so workers load hash-wasm (WASM)
 * from the path resolved here; it is loaded only when BLAKE3 is asked for.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from './engine/oms-statement.js';
import { provenanceErrors } from './errors.js';

export interface HashTask {
  readonly path: string;
  readonly start: number;
  readonly end: number;
  /** File size seen when listing; a different size at hashing time means the file changed. */
  readonly size: number;
}

type TaskResult =
  | { readonly ok: true; readonly digest: string }
  | {
      readonly ok: false;
      readonly code: 'file_changed' | 'model_unreadable';
      readonly message: string;
    };

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
let blake3 = null;
const ready = workerData.algorithm === 'blake3'
  ? require(workerData.hashWasm).createBLAKE3().then((h) => { blake3 = h; })
  : Promise.resolve();
function newHash() {
  if (workerData.algorithm !== 'blake3') return crypto.createHash('sha256');
  blake3.init();
  return { update: (b) => blake3.update(b), digest: () => blake3.digest('hex') };
}
function changed(path) { const e = new Error(path + ' changed while it was being hashed'); e.changed = true; return e; }
function hashRange(t) {
  const fd = fs.openSync(t.path, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW || 0));
  try {
    const before = fs.fstatSync(fd);
    if (!before.isFile()) throw new Error(t.path + ' is not a regular file');
    if (before.size !== t.size) throw changed(t.path);
    const h = newHash();
    let pos = t.start;
    while (pos < t.end) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, t.end - pos), pos);
      if (n === 0) throw changed(t.path);
      h.update(buf.subarray(0, n));
      pos += n;
    }
    const after = fs.fstatSync(fd);
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) throw changed(t.path);
    return h.digest('hex');
  } finally { fs.closeSync(fd); }
}
parentPort.on('message', async (msg) => {
  await ready;
  const results = msg.tasks.map((t) => {
    try { return { ok: true, digest: hashRange(t) }; }
    catch (e) { return { ok: false, code: e && e.changed ? 'file_changed' : 'model_unreadable', message: String(e && e.message) }; }
  });
  parentPort.postMessage({ results });
});
`;

/** Batches carry up to this many tasks or bytes, so many small files cost few messages. */
const BATCH_TASKS = 256;
const BATCH_BYTES = 32 * 1024 * 1024;

/** Digest algorithms the pool computes; names as in the OMS reference's manifests. */
/** The digest algorithms a manifest may use (the engine's list, by the reference's names). */
export type HashAlgorithm = DigestAlgorithm;
export const HASH_ALGORITHMS: readonly HashAlgorithm[] = DIGEST_ALGORITHMS;

let hashWasmPath: string | undefined;
function resolveHashWasm(): string {
  hashWasmPath ??= createRequire(import.meta.url).resolve('hash-wasm');
  return hashWasmPath;
}

export function defaultThreads(): number {
  return Math.max(1, Math.min(availableParallelism(), 8));
}

/** Hash every task; results in task order. Workers start and stop within the call. */
export async function hashRanges(
  tasks: readonly HashTask[],
  threads = defaultThreads(),
  algorithm: HashAlgorithm = 'sha256',
): Promise<string[]> {
  if (tasks.length === 0) return [];
  const batches: { from: number; tasks: HashTask[] }[] = [];
  let current: HashTask[] = [];
  let bytes = 0;
  let from = 0;
  tasks.forEach((t, i) => {
    if (
      current.length > 0 &&
      (current.length >= BATCH_TASKS || bytes + (t.end - t.start) > BATCH_BYTES)
    ) {
      batches.push({ from, tasks: current });
      current = [];
      bytes = 0;
      from = i;
    }
    current.push(t);
    bytes += t.end - t.start;
  });
  if (current.length > 0) batches.push({ from, tasks: current });
  // Biggest batches first, so one large shard does not start last and run alone.
  const order = batches
    .map((_, i) => i)
    .sort((a, b) => batchBytes(batches[b]) - batchBytes(batches[a]));
  const digests: string[] = new Array<string>(tasks.length);
  const workerCount = Math.max(1, Math.min(threads, batches.length));
  let next = 0;
  let failure: TaskResult | undefined;
  const runWorker = async (): Promise<void> => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        algorithm,
        ...(algorithm === 'blake3' ? { hashWasm: resolveHashWasm() } : {}),
      },
    });
    try {
      while (failure === undefined && next < order.length) {
        const batch = batches[order[next++] as number] as { from: number; tasks: HashTask[] };
        const results = await request(worker, batch.tasks);
        results.forEach((r, j) => {
          if (r.ok) digests[batch.from + j] = r.digest;
          else failure ??= r;
        });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: workerCount }, runWorker));
  if (failure !== undefined && !failure.ok)
    throw provenanceErrors.create(failure.code, { message: failure.message });
  return digests;
}

function batchBytes(b: { tasks: HashTask[] } | undefined): number {
  return b === undefined ? 0 : b.tasks.reduce((s, t) => s + (t.end - t.start), 0);
}

function request(worker: Worker, tasks: HashTask[]): Promise<TaskResult[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: { results: TaskResult[] }) => {
      worker.off('error', onError);
      resolve(msg.results);
    };
    const onError = (err: Error) => {
      worker.off('message', onMessage);
      reject(
        provenanceErrors.create('model_unreadable', {
          message: 'A hashing worker failed.',
          cause: err,
        }),
      );
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage({ tasks });
  });
}
