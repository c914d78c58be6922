/**
 * A small, bounded zip reader for osv.dev's per-ecosystem exports (`PyPI/all.zip`): reads
 * the central directory, then each entry (stored or deflated) with node:zlib, refusing
 * zip64, encryption and entries that inflate beyond the limit.
 */
import { inflateRawSync } from 'node:zlib';
import { vulnErrors } from './errors.js';

export interface ZipLimits {
  /** Largest inflated size of one entry, bytes. */
  readonly maxEntryBytes: number;
  /** Most entries read. */
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 32 * 1024 * 1024,
  maxEntries: 2_000_000,
};

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const bad = (message: string) => vulnErrors.create('zip_invalid', { message });

function findEocd(zip: Buffer): number {
  const stop = Math.max(0, zip.length - 22 - 0xffff);
  for (let i = zip.length - 22; i >= stop; i--) if (zip.readUInt32LE(i) === EOCD) return i;
  throw bad('Not a zip file (no end of central directory).');
}

/**
 * The entries of a zip held in memory, one at a time.
 *
 * @example
 * for (const { name, data } of zipEntries(await readFile('all.zip'))) console.log(name, data.length);
 */
export function* zipEntries(
  zip: Buffer,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Generator<{ name: string; data: Buffer }> {
  const eocd = findEocd(zip);
  const count = zip.readUInt16LE(eocd + 10);
  const cdOffset = zip.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw bad('Zip64 archives are not supported.');
  if (count > limits.maxEntries) throw bad(`More than ${limits.maxEntries} entries.`);
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL)
      throw bad('Damaged central directory.');
    const flags = zip.readUInt16LE(p + 8);
    const method = zip.readUInt16LE(p + 10);
    const compressed = zip.readUInt32LE(p + 20);
    const size = zip.readUInt32LE(p + 24);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if ((flags & 1) !== 0) throw bad(`${name}: encrypted entries are not supported.`);
    if (size > limits.maxEntryBytes)
      throw bad(`${name}: larger than ${limits.maxEntryBytes} bytes.`);
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL)
      throw bad(`${name}: damaged entry.`);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + compressed > zip.length) throw bad(`${name}: truncated.`);
    const raw = zip.subarray(start, start + compressed);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw, { maxOutputLength: limits.maxEntryBytes });
      } catch (cause) {
        throw vulnErrors.create('zip_invalid', { message: `${name}: cannot inflate.`, cause });
      }
    } else throw bad(`${name}: compression method ${method} is not supported.`);
    yield { name, data };
  }
}
