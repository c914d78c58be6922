/**
 * From raw header fields to the structured parts of ParsedEmail: decoded
 * values and the headerText they live in, address fields, subject, and the
 * authentication results with offsets into headerText.
 */
import { parseAddressField } from './address-parser.js';
import { parseAuthResults, parseReceivedSpf } from './auth-results.js';
import type { AddressField, AuthResult, HeaderField, ReceivedSpf } from './email-types.js';
import { decodeEncodedWords } from './encoded-words.js';
import type { RawHeader } from './header-block.js';

export interface HeaderSummary {
  readonly headers: HeaderField[];
  readonly headerText: string;
  readonly from: AddressField | null;
  readonly replyTo: AddressField | null;
  readonly returnPath: AddressField | null;
  readonly sender: AddressField | null;
  readonly to: AddressField | null;
  readonly subject: string;
  readonly date: string;
  readonly messageId: string;
  readonly auth: AuthResult[];
  readonly receivedSpf: ReceivedSpf[];
}

/** Line breaks and other controls inside a header value would break the `Name: value` lines of headerText. */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' '); // one class: linear
}

export function summariseHeaders(raw: readonly RawHeader[]): HeaderSummary {
  const headers: HeaderField[] = [];
  const lines: string[] = [];
  let length = 0;
  for (const h of raw) {
    const prefix = `${h.name}: `;
    const value = oneLine(decodeEncodedWords(h.raw));
    headers.push({ name: h.name, raw: h.raw, value, valueStart: length + prefix.length });
    lines.push(prefix, value, '\n');
    length += prefix.length + value.length + 1;
  }
  const first = (name: string) => headers.find((h) => h.name.toLowerCase() === name);
  const address = (name: string) => {
    const h = first(name);
    return h === undefined ? null : parseAddressField(h.raw);
  };
  return {
    headers,
    headerText: lines.join(''),
    from: address('from'),
    replyTo: address('reply-to'),
    returnPath: address('return-path'),
    sender: address('sender'),
    to: address('to'),
    subject: first('subject')?.value.trim() ?? '',
    date: first('date')?.value.trim() ?? '',
    messageId: first('message-id')?.value.trim() ?? '',
    ...authentication(headers),
  };
}

/**
 * Every Authentication-Results and Received-SPF header, numbered from the top
 * (index 0 was added last, by the person's own mail provider). Parsed from the
 * decoded value, so the offsets land exactly in headerText.
 */
function authentication(headers: readonly HeaderField[]): {
  auth: AuthResult[];
  receivedSpf: ReceivedSpf[];
} {
  const auth: AuthResult[] = [];
  const receivedSpf: ReceivedSpf[] = [];
  let arIndex = 0;
  let spfIndex = 0;
  for (const h of headers) {
    const name = h.name.toLowerCase();
    if (name === 'authentication-results') {
      for (const r of parseAuthResults(h.value)) {
        auth.push({
          ...r,
          headerIndex: arIndex,
          start: h.valueStart + r.start,
          end: h.valueStart + r.end,
        });
      }
      arIndex++;
    } else if (name === 'received-spf') {
      const r = parseReceivedSpf(h.value);
      if (r !== null) {
        receivedSpf.push({
          result: r.result,
          headerIndex: spfIndex,
          start: h.valueStart + r.start,
          end: h.valueStart + r.end,
        });
      }
      spfIndex++;
    }
  }
  return { auth, receivedSpf };
}
