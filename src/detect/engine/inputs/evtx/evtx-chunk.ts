/**
 * The EVTX container: a 4 KiB file header, then 64 KiB chunks, each with a 512-byte header and
 * event records (`**\0\0`, size, record id, written time, BinXML, size again). Each chunk stands
 * alone (its names and templates are chunk-relative), so a reader needs one chunk in memory at a
 * time. Damage is contained: a bad record is reported and the reader moves on to the next one.
 */
import { BinXmlParser } from './binxml-parser.js';
import { EvtxFormatError } from './evtx-errors.js';
import { type JsonValue, recordToJson } from './evtx-json.js';

export const EVTX_FILE_HEADER_BYTES = 4096;
export const EVTX_CHUNK_BYTES = 65536;
const CHUNK_HEADER_BYTES = 512;
const FILE_MAGIC = 'ElfFile\0';
const CHUNK_MAGIC = 'ElfChnk\0';

export interface EvtxFileHeader {
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly chunkCount: number;
  readonly checksumOk: boolean;
}

export interface EvtxRecord {
  readonly recordId: number;
  readonly json: Record<string, JsonValue>;
}

export interface EvtxChunkProblem {
  /** Record id when known, else the byte offset inside the chunk. */
  readonly recordId?: number;
  readonly offset: number;
  readonly message: string;
}

export interface EvtxChunkResult {
  readonly records: EvtxRecord[];
  readonly problems: EvtxChunkProblem[];
  /** False for an all-zero (unused) chunk. */
  readonly used: boolean;
}

function magic(bytes: Uint8Array, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

export function isEvtx(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && magic(bytes, FILE_MAGIC);
}

export function parseFileHeader(bytes: Uint8Array): EvtxFileHeader | undefined {
  if (bytes.length < 128 || !magic(bytes, FILE_MAGIC)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 128);
  return {
    minorVersion: view.getUint16(36, true),
    majorVersion: view.getUint16(38, true),
    chunkCount: view.getUint16(42, true),
    checksumOk: crc32(bytes.subarray(0, 120)) === view.getUint32(124, true),
  };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE), as the EVTX header and record checksums use. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++)
    c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** All records of one chunk (which may be cut short when the file was truncated). */
export function parseChunk(chunk: Uint8Array): EvtxChunkResult {
  const records: EvtxRecord[] = [];
  const problems: EvtxChunkProblem[] = [];
  if (chunk.length < CHUNK_HEADER_BYTES || !magic(chunk, CHUNK_MAGIC)) {
    if (allZero(chunk)) return { records, problems, used: false };
    problems.push({
      offset: 0,
      message: 'chunk header is missing or damaged; the chunk was skipped',
    });
    return { records, problems, used: true };
  }
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const rawFree = view.getUint32(48, true);
  const freeSpace = Math.min(rawFree, chunk.length);
  if (crc32Concat(chunk.subarray(0, 120), chunk.subarray(128, 512)) !== view.getUint32(124, true)) {
    problems.push({ offset: 0, message: 'chunk header checksum does not match (damaged?)' });
  } else if (rawFree <= chunk.length) {
    if (crc32(chunk.subarray(CHUNK_HEADER_BYTES, rawFree)) !== view.getUint32(52, true)) {
      problems.push({
        offset: CHUNK_HEADER_BYTES,
        message: 'chunk records checksum does not match (damaged?)',
      });
    }
  }
  const parser = new BinXmlParser(chunk);
  let offset = CHUNK_HEADER_BYTES;
  while (offset + 28 <= freeSpace) {
    const next = readRecord(chunk, view, parser, offset, records, problems);
    if (next === undefined) break;
    offset = next;
  }
  if (rawFree > chunk.length) {
    problems.push({
      offset: chunk.length,
      message: `chunk is cut short at byte ${chunk.length}; later records are missing`,
    });
  }
  return { records, problems, used: true };
}

function allZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

function crc32Concat(a: Uint8Array, b: Uint8Array): number {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return crc32(joined);
}

/** Parse the record at `offset`; returns the next record's offset, or undefined to stop. */
function readRecord(
  chunk: Uint8Array,
  view: DataView,
  parser: BinXmlParser,
  offset: number,
  records: EvtxRecord[],
  problems: EvtxChunkProblem[],
): number | undefined {
  if (view.getUint32(offset, true) !== 0x00002a2a) {
    const next = findSignature(chunk, offset + 1);
    problems.push({ offset, message: 'record signature missing; skipped to the next record' });
    return next;
  }
  const size = view.getUint32(offset + 4, true);
  const recordId = Number(view.getBigUint64(offset + 8, true));
  if (
    size < 28 ||
    offset + size > chunk.length ||
    view.getUint32(offset + size - 4, true) !== size
  ) {
    problems.push({ recordId, offset, message: `record ${recordId} has a damaged size; skipped` });
    return findSignature(chunk, offset + 1);
  }
  try {
    const nodes = parser.parseFragment(offset + 24, offset + size - 4);
    records.push({ recordId, json: recordToJson(nodes) });
  } catch (err) {
    if (!(err instanceof EvtxFormatError)) throw err;
    problems.push({
      recordId,
      offset,
      message: `record ${recordId} could not be decoded: ${err.message}`,
    });
  }
  return offset + size;
}

function findSignature(chunk: Uint8Array, from: number): number | undefined {
  for (let i = from; i + 4 <= chunk.length; i++) {
    if (chunk[i] === 0x2a && chunk[i + 1] === 0x2a && chunk[i + 2] === 0 && chunk[i + 3] === 0)
      return i;
  }
  return undefined;
}
