/**
 * RFC 6587 framing of syslog over TCP: each frame is either octet-counted (`123 <message>`) or
 * ends with a newline (non-transparent framing); a sender may mix them. Messages longer than
 * `maxBytes` are skipped without being buffered (reported as too long), and binary garbage can
 * only produce `garbage` / `too_long` frames: the framer never throws and never grows unbounded.
 */

export type SyslogFrame =
  | { readonly kind: 'message'; readonly bytes: Uint8Array }
  | { readonly kind: 'too_long'; readonly bytes: number }
  | { readonly kind: 'garbage'; readonly reason: string };

const MAX_COUNT_DIGITS = 7;

export class SyslogFramer {
  private buf: number[] = [];
  /** Bytes still to read for an octet-counted frame; -1 when not in one. */
  private remaining = -1;
  private digits = '';
  private mode: 'start' | 'count' | 'octets' | 'line' | 'skip_octets' | 'skip_line' = 'start';

  constructor(private readonly maxBytes: number) {}

  push(chunk: Uint8Array): SyslogFrame[] {
    const out: SyslogFrame[] = [];
    for (let i = 0; i < chunk.length; i++) this.byte(chunk[i] as number, out);
    return out;
  }

  /** The connection closed: a last newline-framed message without its newline still counts. */
  end(): SyslogFrame[] {
    const out: SyslogFrame[] = [];
    if (this.mode === 'line' && this.buf.length > 0) out.push(this.message());
    else if (this.mode === 'octets' || this.mode === 'count') {
      out.push({ kind: 'garbage', reason: 'connection closed in the middle of a message' });
    }
    this.mode = 'start';
    this.buf = [];
    return out;
  }

  private message(): SyslogFrame {
    const bytes = Uint8Array.from(this.buf);
    this.buf = [];
    return { kind: 'message', bytes };
  }

  private byte(b: number, out: SyslogFrame[]): void {
    switch (this.mode) {
      case 'start':
        if (b === 0x0a || b === 0x0d || b === 0x00) return;
        if (b >= 0x31 && b <= 0x39) {
          this.mode = 'count';
          this.digits = String.fromCharCode(b);
        } else {
          this.mode = 'line';
          this.buf.push(b);
        }
        return;
      case 'count':
        if (b >= 0x30 && b <= 0x39 && this.digits.length < MAX_COUNT_DIGITS) {
          this.digits += String.fromCharCode(b);
        } else if (b === 0x20) {
          this.remaining = Number(this.digits);
          this.mode = this.remaining > this.maxBytes ? 'skip_octets' : 'octets';
          if (this.mode === 'skip_octets') out.push({ kind: 'too_long', bytes: this.remaining });
        } else {
          // Not an octet count after all: the digits start a newline-framed message.
          this.mode = 'line';
          for (const c of this.digits) this.buf.push(c.charCodeAt(0));
          this.byte(b, out);
        }
        return;
      case 'octets':
        this.buf.push(b);
        if (--this.remaining === 0) {
          out.push(this.message());
          this.mode = 'start';
        }
        return;
      case 'skip_octets':
        if (--this.remaining <= 0) this.mode = 'start';
        return;
      case 'line':
        if (b === 0x0a) {
          out.push(this.message());
          this.mode = 'start';
        } else if (this.buf.length >= this.maxBytes) {
          out.push({ kind: 'too_long', bytes: this.buf.length + 1 });
          this.buf = [];
          this.mode = 'skip_line';
        } else this.buf.push(b);
        return;
      case 'skip_line':
        if (b === 0x0a) this.mode = 'start';
        return;
    }
  }
}

/** Binary rather than text: NUL or many control bytes. Such messages are counted, not parsed. */
export function looksBinary(bytes: Uint8Array): boolean {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control += 1;
  }
  return control > bytes.length / 10;
}
