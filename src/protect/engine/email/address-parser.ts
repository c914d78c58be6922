/**
 * RFC 5322 address lists as they appear in the wild: `"Name" <a@b>`,
 * `Name <a@b>`, `a@b (Name)`, groups (`Team: a@b, c@d;`), nested comments,
 * quoted strings with escapes, obsolete routes, and broken forms (no angle
 * brackets, unterminated quotes). Structure is parsed BEFORE encoded-words are
 * decoded, so an encoded display name that decodes to `<support@paypal.com>`
 * stays a name and can never become the address.
 */

import type { AddressField, Mailbox } from './email-types.js';
import { decodeEncodedWords } from './encoded-words.js';

const MAX_MAILBOXES = 100;
const MAX_NAME = 512;

type Token =
  | { readonly kind: 'word' | 'quoted' | 'comment' | 'angle'; readonly text: string }
  | { readonly kind: 'special'; readonly text: ',' | ';' | ':' };

/** One left-to-right pass; unterminated quotes, comments and angles run to the end. */
export function tokenizeAddresses(raw: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === ',' || c === ';' || c === ':') {
      tokens.push({ kind: 'special', text: c });
      i++;
    } else if (c === '"') {
      const [text, next] = readDelimited(raw, i + 1, '"', '"');
      tokens.push({ kind: 'quoted', text });
      i = next;
    } else if (c === '(') {
      const [text, next] = readDelimited(raw, i + 1, '(', ')');
      tokens.push({ kind: 'comment', text });
      i = next;
    } else if (c === '<') {
      const close = raw.indexOf('>', i + 1);
      const end = close < 0 ? raw.length : close;
      tokens.push({ kind: 'angle', text: raw.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i + 1;
      while (j < raw.length && !' \t\r\n,;:"(<'.includes(raw[j] as string)) j++;
      tokens.push({ kind: 'word', text: raw.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

/** Quoted string or (nested) comment body from `i`; backslash escapes one character. */
function readDelimited(raw: string, i: number, open: string, close: string): [string, number] {
  let depth = 1;
  let out = '';
  let from = i;
  while (i < raw.length) {
    const c = raw[i];
    if (c === '\\') {
      out += raw.slice(from, i);
      from = i + 1;
      i += 2;
      continue;
    }
    if (c === close && --depth === 0) return [out + raw.slice(from, i), i + 1];
    if (c === open && open !== close) depth++;
    i++;
  }
  return [out + raw.slice(from), raw.length];
}

interface Pending {
  words: string[];
  /** Parallel to words: true for quoted strings, which are names and never addresses. */
  quoted: boolean[];
  comments: string[];
  angle: string | null;
}

const empty = (): Pending => ({ words: [], quoted: [], comments: [], angle: null });

/** Parse an address header value (unfolded, not yet encoded-word decoded). */
export function parseAddressField(raw: string): AddressField {
  const found: { name: string; address: string }[] = [];
  let p = empty();
  for (const t of tokenizeAddresses(raw)) {
    if (found.length >= MAX_MAILBOXES) break;
    if (t.kind === 'special') {
      // ':' after a phrase opens a group: the phrase is the group's name, not a mailbox.
      if (t.text === ':' && p.angle === null) p = empty();
      else if (t.text !== ':') {
        finish(p, found);
        p = empty();
      }
    } else if (t.kind === 'angle') p.angle = t.text;
    else if (t.kind === 'comment') p.comments.push(t.text);
    else {
      p.words.push(t.text);
      p.quoted.push(t.kind === 'quoted');
    }
  }
  finish(p, found);
  return buildField(found);
}

function finish(p: Pending, into: { name: string; address: string }[]): void {
  let address = '';
  let nameWords = p.words;
  if (p.angle !== null) {
    address = cleanAngle(p.angle);
  } else {
    const at = p.words.findIndex((w, i) => !p.quoted[i] && w.includes('@'));
    if (at >= 0 && p.words.slice(at + 1).every((w) => !w.includes('@'))) {
      // `Name a@b` (no brackets): the word with '@' is the address, the rest is the name.
      address = p.words.slice(at).join('');
      nameWords = p.words.slice(0, at);
    } else if (at >= 0) {
      address = p.words.join('');
      nameWords = [];
    }
  }
  let name = cleanName(nameWords.join(' '));
  if (name === '') name = cleanName(p.comments.join(' '));
  if (name !== '' || address !== '') into.push({ name, address });
}

function cleanAngle(angle: string): string {
  let a = angle.trim();
  const colon = a.lastIndexOf(':');
  if (colon >= 0) a = a.slice(colon + 1); // obsolete route `@a,@b:x@y`, or `mailto:x@y`
  return a.replace(/\s+/g, ''); // one character class: linear
}

function cleanName(words: string): string {
  const decoded = decodeEncodedWords(words)
    .replace(/[\r\n\t]+/g, ' ')
    .trim();
  return decoded.length > MAX_NAME ? decoded.slice(0, MAX_NAME) : decoded;
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  let d = address.slice(at + 1).toLowerCase();
  if (d.startsWith('[') && d.endsWith(']')) d = d.slice(1, -1);
  while (d.endsWith('.')) d = d.slice(0, -1);
  return d;
}

/** The display form `Name <addr>, …`, with each mailbox's offsets into it. */
function buildField(found: readonly { name: string; address: string }[]): AddressField {
  let text = '';
  const mailboxes: Mailbox[] = [];
  for (const { name, address } of found) {
    if (text !== '') text += ', ';
    const nameStart = text.length;
    text += name;
    const nameEnd = text.length;
    if (name !== '' && address !== '') text += ' <';
    const addressStart = text.length;
    text += address;
    const addressEnd = text.length;
    if (name !== '' && address !== '') text += '>';
    const domain = domainOf(address);
    mailboxes.push({ name, address, domain, nameStart, nameEnd, addressStart, addressEnd });
  }
  return { text, mailboxes };
}
