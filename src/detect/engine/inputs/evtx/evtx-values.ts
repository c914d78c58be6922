/**
 * EVTX value types (substitution values and BinXML text) decoded to the JSON values evtx_dump
 * prints: integers as numbers, HexInt32/64 and SizeT as `0x…`, GUIDs upper-case without braces,
 * FILETIME / SYSTEMTIME as ISO 8601 with microseconds, SIDs as `S-1-5-18`, binary as upper-case hex.
 */
import { EvtxFormatError } from './evtx-errors.js';

export type EvtxScalar = string | number | boolean | null;
export type EvtxValue = EvtxScalar | readonly EvtxScalar[];

export const VALUE_TYPE = {
  null: 0x00,
  string: 0x01,
  ansiString: 0x02,
  int8: 0x03,
  uint8: 0x04,
  int16: 0x05,
  uint16: 0x06,
  int32: 0x07,
  uint32: 0x08,
  int64: 0x09,
  uint64: 0x0a,
  real32: 0x0b,
  real64: 0x0c,
  bool: 0x0d,
  binary: 0x0e,
  guid: 0x0f,
  sizeT: 0x10,
  fileTime: 0x11,
  sysTime: 0x12,
  sid: 0x13,
  hexInt32: 0x14,
  hexInt64: 0x15,
  binXml: 0x21,
  array: 0x80,
} as const;

const utf16 = new TextDecoder('utf-16le');
const latin1 = new TextDecoder('latin1');

export function readUtf16(bytes: Uint8Array, at: number, chars: number): string {
  if (at + chars * 2 > bytes.length)
    throw new EvtxFormatError('string runs past the end of the chunk');
  return utf16.decode(bytes.subarray(at, at + chars * 2));
}

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');

function guid(view: DataView, at: number): string {
  const d1 = view.getUint32(at, true).toString(16).toUpperCase().padStart(8, '0');
  const d2 = view
    .getUint16(at + 4, true)
    .toString(16)
    .toUpperCase()
    .padStart(4, '0');
  const d3 = view
    .getUint16(at + 6, true)
    .toString(16)
    .toUpperCase()
    .padStart(4, '0');
  let d4 = '';
  let d5 = '';
  for (let i = 8; i < 10; i++) d4 += hex2(view.getUint8(at + i));
  for (let i = 10; i < 16; i++) d5 += hex2(view.getUint8(at + i));
  return `${d1}-${d2}-${d3}-${d4}-${d5}`;
}

const FILETIME_UNIX_EPOCH = 116444736000000000n;

/** FILETIME (100 ns since 1601) → `2025-10-26T17:28:03.064387Z`. */
export function fileTimeToIso(ticks: bigint): string {
  const since1970 = ticks - FILETIME_UNIX_EPOCH;
  const ms = Number(since1970 / 10000n) - (since1970 % 10000n < 0n ? 1 : 0);
  const micros = Number((((since1970 / 10n) % 1000000n) + 1000000n) % 1000000n);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) throw new EvtxFormatError('FILETIME is out of range');
  return `${date.toISOString().slice(0, 19)}.${String(micros).padStart(6, '0')}Z`;
}

function sysTime(view: DataView, at: number): string {
  const [y, mo, , d, h, mi, s, ms] = [0, 2, 4, 6, 8, 10, 12, 14].map((o) =>
    view.getUint16(at + o, true),
  ) as number[];
  const t = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s, ms);
  if (Number.isNaN(t)) throw new EvtxFormatError('SYSTEMTIME is out of range');
  return `${new Date(t).toISOString().slice(0, 19)}.${String((ms as number) * 1000).padStart(6, '0')}Z`;
}

function sid(bytes: Uint8Array, view: DataView, at: number, size: number): string {
  const count = view.getUint8(at + 1);
  if (8 + count * 4 > size) throw new EvtxFormatError('SID is longer than its value');
  let authority = 0;
  for (let i = 2; i < 8; i++) authority = authority * 256 + (bytes[at + i] as number);
  let out = `S-${view.getUint8(at)}-${authority}`;
  for (let i = 0; i < count; i++) out += `-${view.getUint32(at + 8 + i * 4, true)}`;
  return out;
}

function int64(view: DataView, at: number, signed: boolean): number | string {
  const v = signed ? view.getBigInt64(at, true) : view.getBigUint64(at, true);
  // JSON numbers beyond 2^53 would silently change; keep those as decimal strings.
  return v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(v)
    : v.toString();
}

const FIXED_SIZE: Readonly<Record<number, number>> = {
  3: 1,
  4: 1,
  5: 2,
  6: 2,
  7: 4,
  8: 4,
  9: 8,
  10: 8,
  11: 4,
  12: 8,
  13: 4,
  15: 16,
  17: 8,
  18: 16,
  20: 4,
  21: 8,
};

/** One scalar of a fixed-size type at `at`. */
function fixed(view: DataView, type: number, at: number): EvtxScalar {
  switch (type) {
    case 0x03:
      return view.getInt8(at);
    case 0x04:
      return view.getUint8(at);
    case 0x05:
      return view.getInt16(at, true);
    case 0x06:
      return view.getUint16(at, true);
    case 0x07:
      return view.getInt32(at, true);
    case 0x08:
      return view.getUint32(at, true);
    case 0x09:
      return int64(view, at, true);
    case 0x0a:
      return int64(view, at, false);
    case 0x0b:
      return view.getFloat32(at, true);
    case 0x0c:
      return view.getFloat64(at, true);
    case 0x0d:
      return view.getUint32(at, true) !== 0;
    case 0x0f:
      return guid(view, at);
    case 0x11:
      return fileTimeToIso(view.getBigUint64(at, true));
    case 0x12:
      return sysTime(view, at);
    case 0x14:
      return `0x${view.getUint32(at, true).toString(16)}`;
    case 0x15:
      return `0x${view.getBigUint64(at, true).toString(16)}`;
    default:
      throw new EvtxFormatError(`value type 0x${type.toString(16)} is not known`);
  }
}

/** Decode a value of `type` occupying `size` bytes at `at` (not BinXML: the parser handles that). */
export function decodeValue(
  bytes: Uint8Array,
  view: DataView,
  type: number,
  at: number,
  size: number,
): EvtxValue {
  if (at + size > bytes.length) throw new EvtxFormatError('value runs past the end of the chunk');
  if (type === VALUE_TYPE.null || size === 0) return null;
  if (type === VALUE_TYPE.string)
    return utf16.decode(bytes.subarray(at, at + size)).replace(/\0+$/, '');
  if (type === VALUE_TYPE.ansiString)
    return latin1.decode(bytes.subarray(at, at + size)).replace(/\0+$/, '');
  if (type === VALUE_TYPE.binary) {
    let out = '';
    for (let i = 0; i < size; i++) out += hex2(bytes[at + i] as number);
    return out;
  }
  if (type === VALUE_TYPE.sid) return sid(bytes, view, at, size);
  if (type === VALUE_TYPE.sizeT) {
    return size === 8
      ? `0x${view.getBigUint64(at, true).toString(16)}`
      : `0x${view.getUint32(at, true).toString(16)}`;
  }
  if (type & VALUE_TYPE.array) return decodeArray(bytes, view, type & 0x7f, at, size);
  const width = FIXED_SIZE[type];
  if (width === undefined)
    throw new EvtxFormatError(`value type 0x${type.toString(16)} is not known`);
  if (size < width) throw new EvtxFormatError('value is shorter than its type');
  return fixed(view, type, at);
}

function decodeArray(
  bytes: Uint8Array,
  view: DataView,
  base: number,
  at: number,
  size: number,
): EvtxScalar[] {
  if (base === VALUE_TYPE.string) {
    const parts = utf16.decode(bytes.subarray(at, at + size)).split('\0');
    if (parts[parts.length - 1] === '') parts.pop();
    return parts;
  }
  const width = FIXED_SIZE[base];
  if (width === undefined)
    throw new EvtxFormatError(`array of type 0x${base.toString(16)} is not supported`);
  const out: EvtxScalar[] = [];
  for (let o = 0; o + width <= size; o += width) out.push(fixed(view, base, at + o));
  return out;
}
