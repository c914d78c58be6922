/**
 * Builds readable text from HTML text runs: collapses whitespace as a browser
 * does, turns block boundaries into line breaks, and stops at a budget. Each
 * append reports where its text landed, so anchors and forms get exact offsets.
 */

export interface Emitted {
  /** Offset of `text` in the built string. */
  readonly start: number;
  readonly text: string;
  /** The space or line breaks put before `text`. */
  readonly separator: string;
}

/** HTML whitespace plus no-break space; one character class, so the regex is linear. */
const WHITESPACE = /[ \t\n\r\f\u00a0]+/g;

export class TextBuilder {
  private readonly parts: string[] = [];
  length = 0;
  full = false;
  private pendingSpace = false;
  private pendingBreaks = 0;

  constructor(private readonly max: number) {}

  append(run: string): Emitted | null {
    if (this.full) return null;
    // Markup is full of runs that are only indentation: they just ask for a space.
    if (run !== '' && isAllWhitespace(run)) {
      this.pendingSpace = true;
      return null;
    }
    const collapsed = run.replace(WHITESPACE, ' ');
    if (collapsed === '') return null;
    const leading = collapsed.charCodeAt(0) === 0x20;
    const trailing = collapsed.length > 1 && collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    const core = collapsed.slice(
      leading ? 1 : 0,
      trailing ? collapsed.length - 1 : collapsed.length,
    );
    if (core === '') {
      this.pendingSpace = true;
      return null;
    }
    let separator = '';
    if (this.length > 0) {
      if (this.pendingBreaks > 0) separator = this.pendingBreaks > 1 ? '\n\n' : '\n';
      else if (this.pendingSpace || leading) separator = ' ';
    }
    this.pendingBreaks = 0;
    this.pendingSpace = trailing;
    return this.push(separator, core);
  }

  private push(separator: string, core: string): Emitted | null {
    const room = this.max - this.length - separator.length;
    if (room <= 0) {
      this.full = true;
      return null;
    }
    let text = core;
    if (text.length > room) {
      const cut = isHighSurrogate(text.charCodeAt(room - 1)) ? room - 1 : room;
      text = text.slice(0, cut);
      this.full = true;
    }
    const start = this.length + separator.length;
    this.parts.push(separator, text);
    this.length = start + text.length;
    return { start, text, separator };
  }

  /** A line break (1) or paragraph break (2) before the next text. */
  breakLine(n: 1 | 2): void {
    if (this.length > 0 && n > this.pendingBreaks) this.pendingBreaks = n;
  }

  space(): void {
    this.pendingSpace = true;
  }

  toString(): string {
    return this.parts.join('');
  }
}

/** True when every unit is HTML whitespace or a no-break space (what WHITESPACE matches). */
function isAllWhitespace(run: string): boolean {
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0xa0)
      return false;
  }
  return true;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
