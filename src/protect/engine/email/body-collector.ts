/**
 * Receives the leaf parts found by the MIME walker and keeps what the
 * checker needs: decoded text of text/plain and text/html parts (within the
 * text budget), and attachments by name, type and size only — their content
 * is never decoded, only counted.
 */

import { decodeCharset } from './byte-text.js';
import type { EmailAttachment, EmailLimits, EmailWarningCode } from './email-types.js';
import { type HtmlForm, type HtmlLink, htmlToText } from './html-to-text.js';
import type { MimeSink, PartInfo } from './mime-walker.js';
import { base64DecodedSize, decodeBase64, decodeQuotedPrintable } from './transfer-encoding.js';

const PART_SEPARATOR = '\n\n';
/** More junk than this in a base64 text part earns a warning (line noise is normal). */
const BASE64_JUNK_WARNING = 64;
const MAX_ATTACHMENTS = 500;

function isBodyText(part: PartInfo): boolean {
  if (part.type !== 'text/plain' && part.type !== 'text/html') return false;
  return part.disposition.value !== 'attachment' && part.filename === '';
}

export class BodyCollector implements MimeSink {
  plainText = '';
  htmlText = '';
  readonly htmlLinks: HtmlLink[] = [];
  readonly forms: HtmlForm[] = [];
  readonly attachments: Omit<EmailAttachment, 'start' | 'end'>[] = [];
  textTruncated = false;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: EmailLimits,
    private readonly onWarn: (code: EmailWarningCode) => void,
  ) {}

  warn(code: EmailWarningCode): void {
    this.onWarn(code);
  }

  private get remaining(): number {
    return this.limits.maxTextChars - this.plainText.length - this.htmlText.length;
  }

  leaf(part: PartInfo, start: number, end: number): void {
    if (isBodyText(part)) this.addText(part, start, end);
    else this.addAttachment(part, this.encodedSize(part, start, end));
  }

  message(part: PartInfo, start: number, end: number): void {
    this.addAttachment(part, end - start);
  }

  private encodedSize(part: PartInfo, start: number, end: number): number {
    return part.encoding === 'base64' ? base64DecodedSize(this.bytes, start, end) : end - start;
  }

  private addAttachment(part: PartInfo, size: number): void {
    if (this.attachments.length >= MAX_ATTACHMENTS) return;
    const d = part.disposition.value;
    const disposition = d === 'attachment' ? 'attachment' : d === 'inline' ? 'inline' : 'none';
    this.attachments.push({
      filename: part.filename.slice(0, 1024),
      contentType: part.type,
      size,
      disposition,
    });
  }

  private addText(part: PartInfo, start: number, end: number): void {
    const budget = this.remaining - PART_SEPARATOR.length;
    if (budget <= 0) {
      this.textTruncated = true;
      return;
    }
    // UTF-8 needs at most 3 bytes per UTF-16 unit; HTML source is read up to twice the text budget
    // (markup-heavy mail still yields more text than people write; hostile mail costs less).
    const isHtml = part.type === 'text/html';
    const raw = this.decodeTransfer(part, start, end, budget * (isHtml ? 2 : 3));
    const { text, known } = decodeCharset(raw.bytes, part.contentType.params.get('charset') ?? '');
    if (!known) this.warn('unknown_charset');
    if (raw.cut) this.textTruncated = true;
    if (isHtml) this.addHtml(text, budget);
    else this.addPlain(text, budget);
  }

  private decodeTransfer(
    part: PartInfo,
    start: number,
    end: number,
    maxOut: number,
  ): { bytes: Uint8Array; cut: boolean } {
    if (part.encoding === 'base64') {
      const r = decodeBase64(this.bytes, start, end, maxOut);
      if (r.junk > BASE64_JUNK_WARNING) this.warn('bad_base64');
      return { bytes: r.bytes, cut: r.bytes.length >= maxOut };
    }
    if (part.encoding === 'quoted-printable') {
      const bytes = decodeQuotedPrintable(this.bytes, start, end, maxOut);
      return { bytes, cut: bytes.length >= maxOut };
    }
    // 7bit, 8bit, binary, and unknown encodings (read as 8bit).
    const cutEnd = Math.min(end, start + maxOut);
    return { bytes: this.bytes.subarray(start, cutEnd), cut: cutEnd < end };
  }

  private addPlain(text: string, budget: number): void {
    let t = text.replace(/\r\n?/g, '\n'); // one alternation of fixed strings: linear
    if (t.trim() === '') return;
    if (t.length > budget) {
      t = cutAt(t, budget);
      this.textTruncated = true;
    }
    this.plainText += (this.plainText === '' ? '' : PART_SEPARATOR) + t;
  }

  private addHtml(html: string, budget: number): void {
    const r = htmlToText(html, budget, Math.max(0, this.limits.maxLinks - this.htmlLinks.length));
    if (r.truncated) this.textTruncated = true;
    if (r.linksTruncated) this.warn('link_limit');
    if (r.text === '' && r.links.length === 0 && r.forms.length === 0) return;
    const offset = this.htmlText === '' ? 0 : this.htmlText.length + PART_SEPARATOR.length;
    if (this.htmlText !== '') this.htmlText += PART_SEPARATOR;
    this.htmlText += r.text;
    for (const l of r.links)
      this.htmlLinks.push({ ...l, start: l.start + offset, end: l.end + offset });
    for (const f of r.forms)
      this.forms.push({ ...f, start: f.start + offset, end: f.end + offset });
  }
}

/** Cut to at most n UTF-16 units without splitting a surrogate pair. */
export function cutAt(text: string, n: number): string {
  if (text.length <= n) return text;
  const c = text.charCodeAt(n - 1);
  return text.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
}
