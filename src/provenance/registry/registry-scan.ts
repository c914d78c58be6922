/**
 * Scan an uploaded artifact with the model scanner (model-scanner.ts), reading its bytes
 * back from the blob store: nothing in it is ever run. What is scanned:
 *
 * - pickle-based files (.pkl, .pt, .pth, .bin, .ckpt, .joblib, .pickle) and any file that
 *   starts like a pickle whatever its name (a renamed pickle is the classic trick): the
 *   whole file, up to SCAN_MAX_BYTES (beyond that the verdict is `too_large`, said plainly);
 * - safetensors and GGUF: only their header, so multi-gigabyte weights cost a few reads;
 * - anything else is `not_scanned` (the scanner judges model formats, not archives or data).
 *
 * The scanner needs random access (zip directories sit at the end), so the bytes are copied
 * to a private temporary file first and removed afterwards.
 */
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MAX_SAFETENSORS_HEADER } from '../engine/weights-headers.js';
import { type FileFinding, scanFile } from '../model-scanner.js';

/** Largest pickle-based artifact scanned whole (bigger ones are reported, not read). */
export const SCAN_MAX_BYTES = 1024 * 1024 * 1024;
const PICKLE_EXTENSIONS = new Set(['.pkl', '.pickle', '.joblib', '.pt', '.pth', '.bin', '.ckpt']);

export const SCAN_VERDICTS = ['safe', 'unsafe', 'not_scanned', 'too_large'] as const;
export type ScanVerdict = (typeof SCAN_VERDICTS)[number];

export interface ArtifactScan {
  readonly verdict: ScanVerdict;
  /** `pickle`, `pytorch-zip`, `safetensors`, `gguf`, or `other`. */
  readonly format: string;
  readonly findings: readonly FileFinding[];
}

type Plan = { readonly read: number; readonly ext: string } | ArtifactScan;

/** What to read of the artifact, judged by its name and its first bytes. */
function planScan(fileName: string, size: number, head: Buffer): Plan {
  const ext = extname(fileName).toLowerCase();
  const magic = head.subarray(0, 4).toString('latin1');
  if (magic === 'GGUF') return { read: Math.min(size, 24), ext };
  if (ext === '.safetensors') return { read: Math.min(size, 8 + MAX_SAFETENSORS_HEADER), ext };
  // PROTO 2-5: how every pickle written by Python 3 starts.
  const pickleLike = head[0] === 0x80 && (head[1] ?? 0) >= 2 && (head[1] ?? 0) <= 5;
  if (!PICKLE_EXTENSIONS.has(ext) && !pickleLike)
    return { verdict: 'not_scanned', format: 'other', findings: [] };
  if (size > SCAN_MAX_BYTES) return { verdict: 'too_large', format: 'pickle', findings: [] };
  return { read: size, ext: PICKLE_EXTENSIONS.has(ext) ? ext : '.pkl' };
}

/** At most `limit` bytes of a stream (the rest is not read). */
async function* upTo(stream: Readable, limit: number): AsyncGenerator<Buffer> {
  let left = limit;
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    if (b.length >= left) {
      yield b.subarray(0, left);
      stream.destroy();
      return;
    }
    left -= b.length;
    yield b;
  }
}

/**
 * Scan an artifact whose bytes `openBytes` streams (called at most twice: once for the
 * first bytes, once to copy what the scanner needs).
 */
export async function scanArtifact(
  fileName: string,
  size: number,
  openBytes: () => Promise<Readable>,
): Promise<ArtifactScan> {
  const chunks: Buffer[] = [];
  for await (const c of upTo(await openBytes(), Math.min(size, 16))) chunks.push(c);
  const plan = planScan(fileName, size, Buffer.concat(chunks));
  if ('verdict' in plan) return plan;
  const dir = await mkdtemp(join(tmpdir(), 'sw-scan-'));
  try {
    const file = join(dir, 'artifact');
    await pipeline(upTo(await openBytes(), plan.read), createWriteStream(file, { mode: 0o600 }));
    const fh = await open(file, 'r');
    try {
      // The real size, so header checks compare offsets with the whole file.
      const v = await scanFile(fh, size, plan.ext);
      return { verdict: v.safe ? 'safe' : 'unsafe', format: v.format, findings: v.findings };
    } finally {
      await fh.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
