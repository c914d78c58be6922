/**
 * URLs written in plain text (`https://…`, `http://…`, `www.…`), as a mail
 * client would make them clickable. One forward scan; each character is
 * looked at a bounded number of times. Trailing punctuation that belongs to
 * the sentence (`.`, `,`, `)` without a matching `(`) is not part of the URL.
 */

export interface TextUrl {
  readonly url: string;
  readonly start: number;
  readonly end: number;
}

const MAX_URL = 4096;

function startsWithCi(text: string, at: number, prefix: string): boolean {
  if (at + prefix.length > text.length) return false;
  for (let k = 0; k < prefix.length; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== prefix.charCodeAt(k)) return false;
  }
  return true;
}

/** Characters that end a URL in running text. */
function isStop(c: number): boolean {
  return (
    c <= 0x20 ||
    c === 0x3c ||
    c === 0x3e ||
    c === 0x22 ||
    c === 0x60 ||
    c === 0x7b ||
    c === 0x7d ||
    c === 0x7c ||
    c === 0x5c ||
    c === 0x5e ||
    c === 0x7f ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200f) ||
    c === 0x3000
  );
}

function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ||
    c === 0x2e ||
    c === 0x2d ||
    c === 0x2f ||
    c === 0x40
  );
}

function prefixAt(text: string, i: number): number {
  const c = text.charCodeAt(i) | 0x20;
  if (c === 0x68) {
    if (startsWithCi(text, i, 'https://')) return 8;
    if (startsWithCi(text, i, 'http://')) return 7;
  } else if (
    c === 0x77 &&
    startsWithCi(text, i, 'www.') &&
    (i === 0 || !isWordChar(text.charCodeAt(i - 1)))
  ) {
    return 4;
  }
  return 0;
}

/** Drop sentence punctuation at the end; keep ')' and ']' only while the URL has a matching opener. */
function trimEnd(text: string, start: number, end: number): number {
  let parens = 0;
  let brackets = 0;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x28) parens++;
    else if (c === 0x29) parens--;
    else if (c === 0x5b) brackets++;
    else if (c === 0x5d) brackets--;
  }
  while (end > start) {
    const c = text[end - 1] as string;
    if ('.,;:!?\'"*'.includes(c)) end--;
    else if (c === ')' && parens < 0) {
      end--;
      parens++;
    } else if (c === ']' && brackets < 0) {
      end--;
      brackets++;
    } else break;
  }
  return end;
}

/** Where URLs can start: fixed strings only, so the regex scan is linear. */
const URL_START = /https?:\/\/|www\./gi;

export function findTextUrls(text: string, max: number, from = 0, to = text.length): TextUrl[] {
  const found: TextUrl[] = [];
  const re = new RegExp(URL_START.source, URL_START.flags);
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to && found.length < max; m = re.exec(text)) {
    const i = m.index;
    const prefix = prefixAt(text, i);
    if (prefix === 0) continue;
    let end = i + prefix;
    while (end < to && end - i < MAX_URL && !isStop(text.charCodeAt(end))) end++;
    const stop = end;
    end = trimEnd(text, i + prefix, end);
    if (end > i + prefix) found.push({ url: text.slice(i, end), start: i, end });
    re.lastIndex = Math.max(stop, i + 1);
  }
  return found;
}
