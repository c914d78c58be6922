/**
 * Read one RFC 5322 header block (top-level or a MIME part's) from bytes:
 * unfold continuation lines, cap each field, and stop at the blank line — or
 * at the first line that is not a header (broken mail often has no blank line),
 * or where the caller says a MIME boundary begins. Each byte is looked at a
 * constant number of times, so the cost is linear in the block.
 */
import { decodeGuess, latin1 } from './byte-text.js';

/** A header field before any structured parsing: unfolded, bytes decoded (UTF-8 else windows-1252). */
export interface RawHeader {
  readonly name: string;
  readonly raw: string;
}

export interface HeaderBlock {
  readonly headers: RawHeader[];
  /** Where the body starts (after the blank line, or at the first non-header line). */
  readonly bodyStart: number;
  /** False when the very first line was not a header field. */
  readonly hasHeaders: boolean;
}

export interface HeaderBlockOptions {
  readonly maxHeaders: number;
  readonly maxLineBytes: number;
  /** True when the line starting at `pos` is a MIME boundary of an enclosing multipart. */
  readonly isStop?: (pos: number) => boolean;
  readonly onLimit?: (what: 'header_limit' | 'header_line_truncated') => void;
}

const LF = 0x0a;
const CR = 0x0d;
const MAX_NAME = 256;

export function readHeaderBlock(
  bytes: Uint8Array,
  start: number,
  end: number,
  options: HeaderBlockOptions,
): HeaderBlock {
  const headers: RawHeader[] = [];
  const field = new FieldBuilder(options);
  let pos = start;
  let first = true;
  while (pos < end) {
    let lineEnd = bytes.indexOf(LF, pos);
    if (lineEnd < 0 || lineEnd > end) lineEnd = end;
    const next = lineEnd < end ? lineEnd + 1 : end;
    const contentEnd = lineEnd > pos && bytes[lineEnd - 1] === CR ? lineEnd - 1 : lineEnd;
    if (contentEnd === pos) return field.finish(headers, next, !first || headers.length > 0);
    if (options.isStop?.(pos) === true) return field.finish(headers, pos, !first);
    const c = bytes[pos];
    if ((c === 0x20 || c === 0x09) && !first) {
      field.append(bytes, pos, contentEnd);
    } else {
      const colon = headerColon(bytes, pos, contentEnd);
      if (colon < 0) return field.finish(headers, pos, !first);
      field.flush(headers);
      if (headers.length >= options.maxHeaders) {
        options.onLimit?.('header_limit');
        if (options.isStop === undefined) return skipRest(bytes, pos, end, headers);
      } else {
        field.begin(latin1(bytes, pos, colon).trimEnd());
        field.append(bytes, colon + 1, contentEnd);
      }
    }
    first = false;
    pos = next;
  }
  return field.finish(headers, end, !first);
}

/** Index of the ':' ending a valid field name at `pos`, or -1 if the line is not a header field. */
function headerColon(bytes: Uint8Array, pos: number, end: number): number {
  const limit = Math.min(end, pos + MAX_NAME);
  let i = pos;
  while (i < limit) {
    const c = bytes[i] ?? 0;
    if (c === 0x3a) break;
    if (c <= 0x20 || c > 0x7e) break;
    i++;
  }
  if (i === pos) return -1;
  let j = i;
  while (j < limit && (bytes[j] === 0x20 || bytes[j] === 0x09)) j++;
  return j < limit && bytes[j] === 0x3a ? j : -1;
}

/** Past the header limit with no boundaries to watch: jump to the blank line in one tight loop. */
function skipRest(bytes: Uint8Array, pos: number, end: number, headers: RawHeader[]): HeaderBlock {
  for (let i = pos; i < end; i++) {
    if (bytes[i] !== LF) continue;
    if (bytes[i + 1] === LF) return { headers, bodyStart: i + 2, hasHeaders: true };
    if (bytes[i + 1] === CR && bytes[i + 2] === LF)
      return { headers, bodyStart: i + 3, hasHeaders: true };
  }
  return { headers, bodyStart: end, hasHeaders: true };
}

/** Accumulates the byte segments of one unfolded field, capped at maxLineBytes. */
class FieldBuilder {
  private name: string | null = null;
  private segments: Uint8Array[] = [];
  private size = 0;
  private capped = false;

  constructor(private readonly options: HeaderBlockOptions) {}

  begin(name: string): void {
    this.name = name;
    this.segments = [];
    this.size = 0;
    this.capped = false;
  }

  append(bytes: Uint8Array, start: number, end: number): void {
    if (this.name === null || this.capped) return;
    const room = this.options.maxLineBytes - this.size;
    if (end - start > room) {
      this.capped = true;
      this.options.onLimit?.('header_line_truncated');
      end = start + Math.max(0, room);
    }
    this.segments.push(bytes.subarray(start, end));
    this.size += end - start;
  }

  flush(into: RawHeader[]): void {
    if (this.name === null) return;
    let joined = this.segments[0] ?? new Uint8Array(0);
    if (this.segments.length > 1) {
      joined = new Uint8Array(this.size);
      let n = 0;
      for (const s of this.segments) {
        joined.set(s, n);
        n += s.length;
      }
    }
    into.push({ name: this.name, raw: decodeGuess(joined).trim() });
    this.name = null;
  }

  finish(into: RawHeader[], bodyStart: number, hasHeaders: boolean): HeaderBlock {
    this.flush(into);
    return { headers: into, bodyStart, hasHeaders };
  }
}
