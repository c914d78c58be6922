/**
 * `shieldwall model scan`: look inside model files for code that would run on load, without
 * running anything. Pickle-based files (.pkl, .pickle, .joblib, .pt, .pth, .bin, .ckpt) are
 * read as opcode streams (PyTorch zip archives: every `.pkl` entry, with zip-bomb guards;
 * legacy PyTorch files: the leading pickles); safetensors headers are validated; GGUF is
 * recognised. Anything that cannot be parsed is reported unsafe.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { extname } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { type PickleFinding, scanPickle } from './engine/pickle-scanner.js';
import {
  checkGgufHeader,
  checkSafetensorsHeader,
  MAX_SAFETENSORS_HEADER,
  safetensorsHeaderLength,
} from './engine/weights-headers.js';
import { walkModel } from './model-walker.js';

/** Largest pickle (or zip entry) read for scanning; bigger is reported, not read. */
export const MAX_PICKLE_BYTES = 256 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 100_000;
const MAX_CENTRAL_DIRECTORY = 64 * 1024 * 1024;
/** Deflate ratios above this are treated as a zip bomb. */
const MAX_RATIO = 200;
const PICKLE_EXTENSIONS = new Set(['.pkl', '.pickle', '.joblib', '.pt', '.pth', '.bin', '.ckpt']);

export interface FileFinding extends PickleFinding {
  /** Entry inside an archive, when the finding is in one. */
  readonly entry?: string;
}

export interface FileScan {
  readonly path: string;
  readonly format: string;
  readonly safe: boolean;
  readonly findings: readonly FileFinding[];
}

export async function scanModel(root: string): Promise<FileScan[]> {
  const files = await walkModel(root, []);
  const out: FileScan[] = [];
  for (const f of files) {
    const ext = extname(f.abs).toLowerCase();
    if (!PICKLE_EXTENSIONS.has(ext) && ext !== '.safetensors' && ext !== '.gguf') continue;
    const fh = await open(f.abs, 'r');
    try {
      out.push({ path: f.rel, ...(await scanFile(fh, f.size, ext)) });
    } finally {
      await fh.close();
    }
  }
  return out;
}

type Verdict = Omit<FileScan, 'path'>;

const finding = (detail: string, opcode = 'file', entry?: string): FileFinding => ({
  offset: 0,
  opcode,
  detail,
  ...(entry === undefined ? {} : { entry }),
});
const verdict = (format: string, findings: FileFinding[]): Verdict => ({
  format,
  safe: findings.length === 0,
  findings,
});

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

export async function scanFile(fh: FileHandle, size: number, ext: string): Promise<Verdict> {
  const head = await readAt(fh, 0, Math.min(size, 24));
  if (head.subarray(0, 4).toString('latin1') === 'GGUF') {
    const gguf = checkGgufHeader(head);
    return verdict('gguf', gguf.ok ? [] : [finding(gguf.problem)]);
  }
  if (ext === '.safetensors') return scanSafetensors(fh, size, head);
  if (head.readUInt32LE(0) === 0x04034b50 && size >= 22) return scanZip(fh, size);
  return verdict('pickle', await scanPickleFile(fh, size));
}

async function scanSafetensors(fh: FileHandle, size: number, head: Buffer): Promise<Verdict> {
  if (size < 8) return verdict('safetensors', [finding('too short for a safetensors file')]);
  const n = safetensorsHeaderLength(head.subarray(0, 8));
  if (n > MAX_SAFETENSORS_HEADER || 8 + n > size)
    return verdict('safetensors', [finding('the header length is out of bounds')]);
  const json = await readAt(fh, 8, n);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    return verdict('safetensors', [finding('the header is not UTF-8')]);
  }
  const check = checkSafetensorsHeader(text, n, size);
  return verdict('safetensors', check.ok ? [] : [finding(check.problem)]);
}

/** Up to five consecutive pickles (legacy PyTorch files start with five). */
async function scanPickleFile(fh: FileHandle, size: number): Promise<FileFinding[]> {
  const data = await readAt(fh, 0, Math.min(size, MAX_PICKLE_BYTES));
  const findings: FileFinding[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const scan = scanPickle(data, start);
    findings.push(...scan.findings);
    if (scan.end < 0) {
      if (size > MAX_PICKLE_BYTES) findings.push(finding('too large to scan completely'));
      break;
    }
    start = scan.end;
    if (start >= data.length || data[start] !== 0x80) break;
  }
  return findings;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly uncompressed: number;
  readonly offset: number;
}

async function scanZip(fh: FileHandle, size: number): Promise<Verdict> {
  const entries = await zipEntries(fh, size);
  if (typeof entries === 'string') return verdict('pytorch-zip', [finding(entries)]);
  const pickles = entries.filter((e) => e.name.endsWith('.pkl'));
  if (pickles.length === 0) return verdict('zip', [finding('a zip archive with no pickle inside')]);
  const findings: FileFinding[] = [];
  for (const entry of pickles) {
    const data = await zipEntryData(fh, size, entry);
    if (typeof data === 'string') {
      findings.push(finding(data, 'zip', entry.name));
      continue;
    }
    for (const f of scanPickle(data, 0).findings) findings.push({ ...f, entry: entry.name });
  }
  return verdict('pytorch-zip', findings);
}

function u64(buf: Buffer, at: number): number {
  const v = Number(buf.readBigUInt64LE(at));
  return Number.isSafeInteger(v) ? v : Number.MAX_SAFE_INTEGER;
}

async function zipEntries(fh: FileHandle, size: number): Promise<ZipEntry[] | string> {
  const tailLength = Math.min(size, 65_535 + 22 + 20);
  const tail = await readAt(fh, size - tailLength, tailLength);
  const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0 || eocd + 22 > tail.length) return 'a zip archive without a central directory';
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) return 'a broken zip64 archive';
    const rec = await readAt(fh, u64(tail, loc + 8), 56);
    if (rec.length < 56 || rec.readUInt32LE(0) !== 0x06064b50) return 'a broken zip64 archive';
    count = u64(rec, 32);
    cdSize = u64(rec, 40);
    cdOffset = u64(rec, 48);
  }
  if (count > MAX_ZIP_ENTRIES || cdSize > MAX_CENTRAL_DIRECTORY || cdOffset + cdSize > size)
    return 'a zip archive with an implausible directory (possible zip bomb)';
  const cd = await readAt(fh, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) return 'a corrupt zip directory';
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > cd.length) return 'a corrupt zip directory';
    let uncompressed = cd.readUInt32LE(p + 24);
    let compressed = cd.readUInt32LE(p + 20);
    let offset = cd.readUInt32LE(p + 42);
    const extra = cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    for (let e = 0; e + 4 <= extra.length; ) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          if (q + 8 > e + 4 + len || q + 8 > extra.length) return Number.MAX_SAFE_INTEGER;
          const v = u64(extra, q);
          q += 8;
          return v;
        };
        if (uncompressed === 0xffffffff) uncompressed = next();
        if (compressed === 0xffffffff) compressed = next();
        if (offset === 0xffffffff) offset = next();
      }
      e += 4 + len;
    }
    entries.push({
      name: cd.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
      method: cd.readUInt16LE(p + 10),
      compressed,
      uncompressed,
      offset,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function zipEntryData(fh: FileHandle, size: number, e: ZipEntry): Promise<Buffer | string> {
  if (e.uncompressed > MAX_PICKLE_BYTES || e.compressed > MAX_PICKLE_BYTES)
    return 'pickle too large to scan';
  const local = await readAt(fh, e.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) return 'a corrupt zip entry';
  const start = e.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + e.compressed > size) return 'a zip entry runs past the end of the file';
  const raw = await readAt(fh, start, e.compressed);
  if (e.method === 0) return raw;
  if (e.method !== 8) return `an unsupported zip compression method ${e.method}`;
  if (e.uncompressed > Math.max(1024 * 1024, e.compressed * MAX_RATIO))
    return 'a zip bomb (compression ratio too high)';
  try {
    const out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.uncompressed) });
    return out.length === e.uncompressed
      ? out
      : 'a zip entry whose size does not match its directory';
  } catch {
    return 'a zip entry that inflates past its declared size, or is corrupt (possible zip bomb)';
  }
}
