/**
 * Splits a byte stream into text lines with bounded memory, whatever arrives: a line longer than
 * `maxLineBytes` is dropped (its bytes are counted, never buffered) and reported as `overlong`, so a
 * 10 GB file with one giant line cannot exhaust memory. Encodings: a UTF-16 LE/BE byte-order mark
 * switches to UTF-16; otherwise UTF-8 (BOM skipped) with invalid bytes (Latin-1, binary) turned into
 * U+FFFD instead of failing. CRLF and LF both end a line. Pure: the caller feeds chunks.
 */

export type LineItem =
  | { readonly kind: 'line'; readonly line: number; readonly text: string }
  | { readonly kind: 'overlong'; readonly line: number; readonly bytes: number };

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

export class LineSplitter {
  private readonly maxLineBytes: number;
  private encoding: TextEncodingName | undefined;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Bytes of the current line when it is already too long (then nothing is buffered). */
  private overlongBytes = -1;
  private lineNo = 0;
  /** A first chunk shorter than a BOM waits here until the encoding can be decided. */
  private head: Uint8Array | undefined;
  private wide: TextDecoder | undefined;
  private wideText = '';
  private readonly utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

  constructor(options: { maxLineBytes?: number } = {}) {
    this.maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  }

  /** The encoding found from the byte-order mark (after the first bytes arrived). */
  get detectedEncoding(): TextEncodingName | undefined {
    return this.encoding;
  }

  push(chunk: Uint8Array): LineItem[] {
    const out: LineItem[] = [];
    let bytes = chunk;
    if (this.encoding === undefined) {
      const joined = this.head === undefined ? chunk : concat([this.head, chunk]);
      if (joined.length < 3) {
        this.head = joined;
        return out;
      }
      this.head = undefined;
      bytes = this.decideEncoding(joined);
    }
    if (this.encoding === 'utf-8') this.pushUtf8(bytes, out);
    else this.pushWide(bytes, out, false);
    return out;
  }

  /** Flush the last line (a file need not end with a newline). */
  end(): LineItem[] {
    const out: LineItem[] = [];
    if (this.encoding === undefined) {
      const rest = this.head ?? new Uint8Array(0);
      this.head = undefined;
      const bytes = this.decideEncoding(rest);
      if (this.encoding === 'utf-8') this.pushUtf8(bytes, out);
      else this.pushWide(bytes, out, false);
    }
    if (this.encoding === 'utf-8') {
      if (this.overlongBytes >= 0) this.emitOverlong(out);
      else if (this.pendingBytes > 0) this.emitLine(concat(this.pending), out);
      this.pending = [];
      this.pendingBytes = 0;
    } else {
      this.pushWide(new Uint8Array(0), out, true);
      if (this.overlongBytes >= 0) this.emitOverlong(out);
      else if (this.wideText.length > 0) this.emitText(this.wideText, out);
      this.wideText = '';
    }
    return out;
  }

  private decideEncoding(bytes: Uint8Array): Uint8Array {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      this.encoding = 'utf-16le';
      this.wide = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });
      return bytes.subarray(2);
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      this.encoding = 'utf-16be';
      this.wide = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: true });
      return bytes.subarray(2);
    }
    this.encoding = 'utf-8';
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3);
    return bytes;
  }

  private pushUtf8(bytes: Uint8Array, out: LineItem[]): void {
    let start = 0;
    for (;;) {
      const nl = bytes.indexOf(0x0a, start);
      const end = nl < 0 ? bytes.length : nl;
      const piece = bytes.subarray(start, end);
      if (this.overlongBytes >= 0) {
        this.overlongBytes += piece.length;
      } else if (this.pendingBytes + piece.length > this.maxLineBytes) {
        this.overlongBytes = this.pendingBytes + piece.length;
        this.pending = [];
        this.pendingBytes = 0;
      } else if (piece.length > 0) {
        // Copy: the caller may reuse its chunk buffer.
        this.pending.push(nl < 0 ? piece.slice() : piece);
        this.pendingBytes += piece.length;
      }
      if (nl < 0) return;
      if (this.overlongBytes >= 0) this.emitOverlong(out);
      else this.emitLine(concat(this.pending), out);
      this.pending = [];
      this.pendingBytes = 0;
      start = nl + 1;
    }
  }

  private pushWide(bytes: Uint8Array, out: LineItem[], final: boolean): void {
    const decoder = this.wide as TextDecoder;
    const text = decoder.decode(bytes, { stream: !final });
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const piece = text.slice(start, nl < 0 ? text.length : nl);
      // Two bytes per UTF-16 code unit: the same byte bound as UTF-8 lines.
      if (this.overlongBytes >= 0) this.overlongBytes += piece.length * 2;
      else if ((this.wideText.length + piece.length) * 2 > this.maxLineBytes) {
        this.overlongBytes = (this.wideText.length + piece.length) * 2;
        this.wideText = '';
      } else this.wideText += piece;
      if (nl < 0) return;
      if (this.overlongBytes >= 0) this.emitOverlong(out);
      else this.emitText(this.wideText, out);
      this.wideText = '';
      start = nl + 1;
    }
  }

  private emitLine(bytes: Uint8Array, out: LineItem[]): void {
    this.emitText(this.utf8.decode(bytes), out);
  }

  private emitText(text: string, out: LineItem[]): void {
    this.lineNo += 1;
    const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
    out.push({ kind: 'line', line: this.lineNo, text: clean });
  }

  private emitOverlong(out: LineItem[]): void {
    this.lineNo += 1;
    out.push({ kind: 'overlong', line: this.lineNo, bytes: this.overlongBytes });
    this.overlongBytes = -1;
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
