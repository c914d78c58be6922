/**
 * The blob port on a local directory (the embedded default). Objects live under
 * `ROOT/objects/<key>`; a write goes to a private temporary file under `ROOT/tmp/`,
 * is hashed and counted as it streams, flushed to disk, and renamed into place only
 * when it is complete and matches what was declared, so readers never see a partial
 * object and a failed write leaves nothing behind. Keys are checked by `isBlobKey`
 * (no `..`, no absolute paths, no hidden names), and objects are opened with
 * O_NOFOLLOW so a planted symbolic link is not followed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { constants, createWriteStream, mkdirSync } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ShieldwallError } from '../errors.js';
import {
  assertKey,
  assertPut,
  type BlobInfo,
  type BlobStore,
  blobErrors,
  type PutLimits,
} from '../ports/blob.js';

export interface FsBlobOptions {
  /** The directory that holds the objects (created with mode 0700 when missing). */
  readonly root: string;
  /** Temporary files older than this are removed when the store opens (default a day). */
  readonly staleTempMs?: number;
}

const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR']);
/** A client that hangs up mid-upload surfaces as one of these from the source stream. */
const INTERRUPTED = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err
    ? String((err as { code: unknown }).code)
    : undefined;
}

/** Counts and hashes bytes on their way to disk; fails the pipeline past the limit. */
class Meter extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) {
      done(blobErrors.create('blob_too_large'));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }
}

export function createFsBlobStore(options: FsBlobOptions): BlobStore {
  const objects = join(options.root, 'objects');
  const tmp = join(options.root, 'tmp');
  mkdirSync(objects, { recursive: true, mode: 0o700 });
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  void removeStaleTemps(tmp, options.staleTempMs ?? 86_400_000);
  let closed = false;

  const alive = () => {
    if (closed) throw blobErrors.create('blob_unavailable');
  };
  const pathOf = (key: string) => join(objects, ...key.split('/'));

  async function put(
    key: string,
    body: AsyncIterable<Uint8Array>,
    limits: PutLimits,
  ): Promise<BlobInfo> {
    alive();
    assertPut(key, limits);
    const limit = Math.min(limits.maxBytes, limits.size ?? Number.MAX_SAFE_INTEGER);
    const temp = join(tmp, `${randomBytes(12).toString('hex')}.part`);
    const meter = new Meter(limit);
    try {
      // `flush` fsyncs before the stream reports it is finished: the rename publishes durable bytes.
      await pipeline(
        body,
        meter,
        createWriteStream(temp, { flags: 'wx', mode: 0o600, flush: true }),
      );
      const sha256 = meter.hash.digest('hex');
      if (
        (limits.sha256 !== undefined && sha256 !== limits.sha256) ||
        (limits.size !== undefined && meter.bytes !== limits.size)
      )
        throw blobErrors.create('blob_digest_mismatch');
      const target = pathOf(key);
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await rename(temp, target);
      await syncDir(dirname(target));
      return { key, size: meter.bytes, sha256 };
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      if (err instanceof ShieldwallError) throw err;
      if (INTERRUPTED.has(codeOf(err) ?? '')) throw blobErrors.create('blob_upload_incomplete');
      throw blobErrors.create('blob_unavailable', {
        message: 'The artifact could not be written to storage.',
        es: 'No se pudo escribir el artefacto en el almacenamiento.',
        cause: err,
      });
    }
  }

  async function get(key: string): Promise<Readable> {
    alive();
    assertKey(key);
    try {
      const handle = await open(pathOf(key), constants.O_RDONLY | constants.O_NOFOLLOW);
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw blobErrors.create('blob_not_found');
      }
      return handle.createReadStream({ highWaterMark: 1024 * 1024 });
    } catch (err) {
      if (blobErrors.is(err, 'blob_not_found')) throw err;
      // ELOOP: the name is a symbolic link, which this store never creates.
      if (NOT_FOUND.has(codeOf(err) ?? '') || codeOf(err) === 'ELOOP')
        throw blobErrors.create('blob_not_found');
      throw blobErrors.create('blob_unavailable', { cause: err });
    }
  }

  return {
    kind: 'fs',
    put,
    get,
    async stat(key) {
      alive();
      assertKey(key);
      const st = await stat(pathOf(key)).catch((err: unknown) => {
        if (NOT_FOUND.has(codeOf(err) ?? '')) return undefined;
        throw blobErrors.create('blob_unavailable', { cause: err });
      });
      return st?.isFile() === true ? { size: st.size } : undefined;
    },
    async delete(key) {
      alive();
      assertKey(key);
      try {
        await unlink(pathOf(key));
        return true;
      } catch (err) {
        if (NOT_FOUND.has(codeOf(err) ?? '')) return false;
        throw blobErrors.create('blob_unavailable', { cause: err });
      }
    },
    async ping() {
      alive();
      await access(objects, constants.W_OK).catch((cause: unknown) => {
        throw blobErrors.create('blob_unavailable', { cause });
      });
    },
    async close() {
      closed = true;
    },
  };
}

/** Make a rename durable: fsync the directory that holds the new name (POSIX only). */
async function syncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes cut short by a crash leave `.part` files; remove the old ones (best effort). */
async function removeStaleTemps(dir: string, olderThanMs: number): Promise<void> {
  const cutoff = Date.now() - olderThanMs;
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const path = join(dir, name);
    const st = await stat(path).catch(() => undefined);
    if (st !== undefined && st.mtimeMs < cutoff) await rm(path, { force: true }).catch(() => {});
  }
}
