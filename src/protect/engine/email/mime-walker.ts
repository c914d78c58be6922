/**
 * The MIME structure of a message in ONE forward pass, however deep it nests.
 *
 * Instead of recursing into each multipart (which rescans the same bytes once
 * per level: 100 levels × 25 MB), we keep a stack of open multiparts and an
 * index of their boundaries (boundary-index.ts). A single scan looks only at
 * lines starting with "--"; each is matched against all open boundaries at
 * once by binary search on its bytes. A boundary of an outer multipart closes everything inside it (so a
 * missing closing boundary costs nothing extra). Part headers are read where
 * they begin and never re-read. Total work is linear in the input.
 *
 * message/rfc822 parts are descended into (their text and links are read, as a
 * mail client shows a forwarded message inline) and also reported to the sink
 * as an attachment once their extent is known. Parts nested deeper than
 * maxDepth are skipped; after maxParts the walk stops.
 */
import { BoundaryIndex, boundaryBytes } from './boundary-index.js';
import type { EmailLimits, EmailWarningCode } from './email-types.js';
import { type RawHeader, readHeaderBlock } from './header-block.js';
import { type HeaderParams, parseHeaderParams, partFilename } from './mime-params.js';

export interface PartInfo {
  /** Lower-case `type/subtype`. */
  readonly type: string;
  readonly contentType: HeaderParams;
  readonly disposition: HeaderParams;
  /** Lower-case Content-Transfer-Encoding ('' when absent). */
  readonly encoding: string;
  readonly filename: string;
}

export interface MimeSink {
  /** A leaf part's (still encoded) body is bytes[start, end). */
  leaf(part: PartInfo, start: number, end: number): void;
  /** An embedded message (message/rfc822) occupied bytes[start, end). */
  message(part: PartInfo, start: number, end: number): void;
  warn(code: EmailWarningCode): void;
}

type Frame =
  | {
      kind: 'multipart';
      /** The boundary's key in the BoundaryIndex. */
      boundary: string;
      depth: number;
      bodyStart: number;
      seen: boolean;
      digest: boolean;
    }
  | { kind: 'message'; depth: number; start: number; part: PartInfo };

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
/** RFC 2046 allows 70; broken mailers go longer, so we accept up to this many bytes. */
const MAX_BOUNDARY = 200;

function header(headers: readonly RawHeader[], name: string): string {
  for (const h of headers) if (h.name.toLowerCase() === name) return h.raw;
  return '';
}

export function partInfo(headers: readonly RawHeader[], defaultType: string): PartInfo {
  const contentType = parseHeaderParams(header(headers, 'content-type'));
  const disposition = parseHeaderParams(header(headers, 'content-disposition'));
  const type = contentType.value.includes('/') ? contentType.value : defaultType;
  const encoding = header(headers, 'content-transfer-encoding').trim().toLowerCase();
  return {
    type,
    contentType,
    disposition,
    encoding,
    filename: partFilename(disposition, contentType),
  };
}

export class MimeWalker {
  private readonly stack: Frame[] = [];
  private readonly boundaries = new BoundaryIndex();
  private multiparts = 0;
  private leafPart: { part: PartInfo; start: number } | null = null;
  private parts = 1;
  private stopped = false;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly end: number,
    private readonly limits: EmailLimits,
    private readonly sink: MimeSink,
  ) {}

  /** Walk the message whose top-level headers were already read; returns the number of parts seen. */
  run(top: PartInfo, bodyStart: number): number {
    let pos = this.openEntity(top, bodyStart, 0);
    while (!this.stopped && this.multiparts > 0) {
      const line = this.nextCandidate(pos);
      if (line < 0) break;
      const m = this.matchAt(line);
      pos = m === null ? line + 2 : this.onDelimiter(m, line);
    }
    const stopAt = this.stopped ? pos : this.end;
    this.closeLeaf(stopAt);
    while (this.stack.length > 0) this.popFrame(stopAt, true);
    return this.parts;
  }

  /** Start reading an entity (part or embedded message) whose body begins at bodyStart. */
  private openEntity(info: PartInfo, bodyStart: number, depth: number): number {
    if (info.type.startsWith('multipart/')) {
      const boundary = info.contentType.params.get('boundary') ?? '';
      if (boundary === '') {
        this.sink.warn('missing_boundary');
        this.leafPart = { part: { ...info, type: 'text/plain' }, start: bodyStart };
      } else if (depth >= this.limits.maxDepth) {
        this.sink.warn('depth_limit');
      } else {
        const digest = info.type === 'multipart/digest';
        // The frame goes at stack position stack.length.
        const key = this.boundaries.add(boundaryBytes(boundary), this.stack.length);
        this.stack.push({
          kind: 'multipart',
          boundary: key,
          depth,
          bodyStart,
          seen: false,
          digest,
        });
        this.multiparts++;
      }
      return bodyStart;
    }
    const embedded = info.type === 'message/rfc822' || info.type === 'message/global';
    if (embedded && depth >= this.limits.maxDepth) this.sink.warn('depth_limit');
    if (!embedded || depth >= this.limits.maxDepth || !this.countPart()) {
      this.leafPart = { part: info, start: bodyStart };
      return bodyStart;
    }
    this.stack.push({ kind: 'message', depth, start: bodyStart, part: info });
    const inner = readHeaderBlock(this.bytes, bodyStart, this.end, this.headerOptions());
    return this.openEntity(partInfo(inner.headers, 'text/plain'), inner.bodyStart, depth + 1);
  }

  private headerOptions() {
    return {
      maxHeaders: this.limits.maxHeaders,
      maxLineBytes: this.limits.maxHeaderLineBytes,
      isStop: (p: number) => this.bytes[p] === DASH && this.matchAt(p) !== null,
      onLimit: (w: 'header_limit' | 'header_line_truncated') => this.sink.warn(w),
    };
  }

  private countPart(): boolean {
    if (this.parts >= this.limits.maxParts) {
      this.sink.warn('part_limit');
      this.stopped = true;
      return false;
    }
    this.parts++;
    return true;
  }

  /** The first line start at or after `from` that begins with "--", or -1. A tight byte loop. */
  private nextCandidate(from: number): number {
    const b = this.bytes;
    if (
      from < this.end &&
      (from === 0 || b[from - 1] === LF) &&
      b[from] === DASH &&
      b[from + 1] === DASH
    )
      return from;
    const last = this.end - 2;
    for (let i = from; i < last; i++) {
      if (b[i] === LF && b[i + 1] === DASH && b[i + 2] === DASH) return i + 1;
    }
    return -1;
  }

  /** Is the line at `line` (starting "--") a delimiter of an open multipart? */
  private matchAt(line: number): { idx: number; close: boolean; next: number } | null {
    const b = this.bytes;
    const from = line + 2;
    const limit = Math.min(this.end, from + MAX_BOUNDARY + 2 + 64);
    let e = from;
    while (e < limit && b[e] !== LF && b[e] !== CR) e++;
    if (e === limit && e < this.end) return null; // longer than any boundary line
    let t = e;
    while (t > from && (b[t - 1] === 0x20 || b[t - 1] === 0x09)) t--;
    const next = b[e] === CR && b[e + 1] === LF ? e + 2 : Math.min(this.end, e + 1);
    const open = this.boundaries.find(b, from, t);
    if (open >= 0) return { idx: open, close: false, next };
    if (t - from < 2 || b[t - 1] !== DASH || b[t - 2] !== DASH) return null;
    const closing = this.boundaries.find(b, from, t - 2);
    return closing >= 0 ? { idx: closing, close: true, next } : null;
  }

  private onDelimiter(m: { idx: number; close: boolean; next: number }, line: number): number {
    // The line break before a delimiter belongs to the delimiter, not to the part.
    let contentEnd = line > 0 ? line - 1 : line;
    if (contentEnd > 0 && this.bytes[contentEnd - 1] === CR) contentEnd--;
    this.closeLeaf(contentEnd);
    while (this.stack.length - 1 > m.idx) this.popFrame(contentEnd, true);
    const frame = this.stack[m.idx];
    if (frame === undefined || frame.kind !== 'multipart') return m.next;
    frame.seen = true;
    if (m.close) {
      this.popFrame(contentEnd, false);
      return m.next; // the epilogue up to an outer boundary is ignored
    }
    if (!this.countPart()) return m.next;
    const block = readHeaderBlock(this.bytes, m.next, this.end, this.headerOptions());
    const info = partInfo(block.headers, frame.digest ? 'message/rfc822' : 'text/plain');
    return this.openEntity(info, block.bodyStart, frame.depth + 1);
  }

  private closeLeaf(at: number): void {
    const leaf = this.leafPart;
    if (leaf === null) return;
    this.leafPart = null;
    this.sink.leaf(leaf.part, leaf.start, Math.max(leaf.start, at));
  }

  /** Close the innermost frame at `at`; `unclosed` when its closing boundary never came. */
  private popFrame(at: number, unclosed: boolean): void {
    const frame = this.stack.pop();
    if (frame === undefined) return;
    if (frame.kind === 'message') {
      this.sink.message(frame.part, frame.start, Math.max(frame.start, at));
      return;
    }
    this.multiparts--;
    this.boundaries.remove(frame.boundary);
    if (!frame.seen) {
      // The boundary never appeared: read the whole body as text rather than lose it.
      this.sink.warn('boundary_not_found');
      this.sink.leaf(partInfo([], 'text/plain'), frame.bodyStart, Math.max(frame.bodyStart, at));
    } else if (unclosed) {
      this.sink.warn('missing_closing_boundary');
    }
  }
}
