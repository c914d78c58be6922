/**
 * Header checks for the safe weight formats: safetensors (a JSON header of tensors with
 * dtype, shape and byte offsets that must tile the data exactly) and GGUF (recognised by
 * its magic and version; its metadata is not executed by any loader).
 */
export const MAX_SAFETENSORS_HEADER = 100 * 1024 * 1024;

const DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1,
  U8: 1,
  I8: 1,
  F8_E4M3: 1,
  F8_E5M2: 1,
  U16: 2,
  I16: 2,
  F16: 2,
  BF16: 2,
  U32: 4,
  I32: 4,
  F32: 4,
  U64: 8,
  I64: 8,
  F64: 8,
  C64: 8,
};

export type HeaderCheck =
  | { readonly ok: true; readonly summary: string }
  | { readonly ok: false; readonly problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Length of the safetensors JSON header from the first 8 bytes (little-endian u64). */
export function safetensorsHeaderLength(first8: Uint8Array): number {
  let n = 0;
  for (let i = 7; i >= 0; i--) n = n * 256 + (first8[i] ?? 0);
  return n;
}

/** Check a safetensors header (the JSON text) against the file's total size. */
export function checkSafetensorsHeader(
  headerJson: string,
  headerLength: number,
  fileSize: number,
): HeaderCheck {
  let header: unknown;
  try {
    header = JSON.parse(headerJson);
  } catch {
    return { ok: false, problem: 'the header is not JSON' };
  }
  if (!isRecord(header)) return { ok: false, problem: 'the header is not a JSON object' };
  const dataSize = fileSize - 8 - headerLength;
  const ranges: [number, number][] = [];
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (!isRecord(entry) || !Object.values(entry).every((v) => typeof v === 'string'))
        return { ok: false, problem: '__metadata__ must map strings to strings' };
      continue;
    }
    if (!isRecord(entry)) return { ok: false, problem: `tensor ${name} is not an object` };
    const size = typeof entry.dtype === 'string' ? DTYPE_BYTES[entry.dtype] : undefined;
    if (size === undefined) return { ok: false, problem: `tensor ${name} has an unknown dtype` };
    const shape = entry.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0))
      return { ok: false, problem: `tensor ${name} has a bad shape` };
    const offsets = entry.data_offsets;
    if (
      !Array.isArray(offsets) ||
      offsets.length !== 2 ||
      !offsets.every((o) => Number.isSafeInteger(o) && o >= 0)
    )
      return { ok: false, problem: `tensor ${name} has bad data_offsets` };
    const [begin, end] = offsets as [number, number];
    const elements = shape.reduce((a: number, d: number) => a * d, 1);
    if (end < begin || end - begin !== elements * size)
      return { ok: false, problem: `tensor ${name}: offsets do not match its shape and dtype` };
    ranges.push([begin, end]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cursor = 0;
  for (const [begin, end] of ranges) {
    if (begin !== cursor) return { ok: false, problem: 'tensor data overlaps or leaves gaps' };
    cursor = end;
  }
  if (cursor !== dataSize)
    return { ok: false, problem: 'tensor data does not fill the file exactly' };
  return { ok: true, summary: `safetensors, ${ranges.length} tensors` };
}

/** Recognise a GGUF file from its first 24 bytes: magic, version 1..3, plausible counts. */
export function checkGgufHeader(head: Uint8Array): HeaderCheck {
  if (head.length < 24 || String.fromCharCode(...head.subarray(0, 4)) !== 'GGUF')
    return { ok: false, problem: 'not a GGUF file' };
  const u32 = (o: number) =>
    (head[o] as number) +
    (head[o + 1] as number) * 256 +
    (head[o + 2] as number) * 65536 +
    (head[o + 3] as number) * 16777216;
  const version = u32(4);
  if (version < 1 || version > 3) return { ok: false, problem: `unknown GGUF version ${version}` };
  const tensors = u32(8) + u32(12) * 2 ** 32;
  const kv = u32(16) + u32(20) * 2 ** 32;
  if (tensors > 10_000_000 || kv > 10_000_000)
    return { ok: false, problem: 'implausible GGUF counts' };
  return { ok: true, summary: `GGUF v${version}, ${tensors} tensors, ${kv} metadata keys` };
}
