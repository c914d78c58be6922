/**
 * The pieces of an HTML tokenizer that html-to-text needs: tags with the few
 * attributes we read, comments/doctypes to skip, and the end of raw-text
 * elements (script, style). Written with indexOf and single forward scans so
 * every byte is visited a bounded number of times: no regex ever backtracks
 * over email HTML.
 */
import { decodeEntities } from './html-entities.js';

export interface Tag {
  /** Lower-case tag name. */
  readonly name: string;
  readonly isEnd: boolean;
  readonly selfClosing: boolean;
  /** Only the attributes we use (WANTED), entity-decoded, first occurrence wins. */
  readonly attrs: ReadonlyMap<string, string>;
  /** Index just past the tag's '>' (or the end of input for an unterminated tag). */
  readonly next: number;
}

const WANTED = new Set(['href', 'style', 'type', 'action', 'hidden', 'alt']);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c;
}

function isLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/** Parse the tag at `html[i] === '<'`; null when '<' does not start a tag (it is then text). */
export function readTag(html: string, i: number): Tag | null {
  let j = i + 1;
  const isEnd = html.charCodeAt(j) === 0x2f;
  if (isEnd) j++;
  if (!isLetter(html.charCodeAt(j))) return null;
  const nameStart = j;
  while (j < html.length && !isSpace(html.charCodeAt(j)) && html[j] !== '>' && html[j] !== '/') j++;
  const name = html.slice(nameStart, j).toLowerCase();
  const attrs = new Map<string, string>();
  let selfClosing = false;
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (c === 0x3e) return { name, isEnd, selfClosing, attrs, next: j + 1 };
    if (isSpace(c) || c === 0x2f) {
      selfClosing = c === 0x2f;
      j++;
      continue;
    }
    selfClosing = false;
    j = readAttribute(html, j, attrs);
  }
  return { name, isEnd, selfClosing, attrs, next: html.length };
}

/** One `name[=value]` from `j`; returns the index after it. */
function readAttribute(html: string, j: number, into: Map<string, string>): number {
  const start = j;
  j++; // the first character belongs to the name whatever it is (even '=')
  while (j < html.length) {
    const c = html.charCodeAt(j);
    if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
    j++;
  }
  const name = html.slice(start, j).toLowerCase();
  let k = j;
  while (k < html.length && isSpace(html.charCodeAt(k))) k++;
  if (html.charCodeAt(k) !== 0x3d) {
    if (WANTED.has(name) && !into.has(name)) into.set(name, '');
    return j;
  }
  k++;
  while (k < html.length && isSpace(html.charCodeAt(k))) k++;
  const quote = html[k];
  let value: string;
  if (quote === '"' || quote === "'") {
    const close = html.indexOf(quote, k + 1);
    // An unterminated quote runs to the end of input, as in browsers.
    value = html.slice(k + 1, close < 0 ? html.length : close);
    k = close < 0 ? html.length : close + 1;
  } else {
    const vs = k;
    while (k < html.length && !isSpace(html.charCodeAt(k)) && html[k] !== '>') k++;
    value = html.slice(vs, k);
  }
  if (WANTED.has(name) && !into.has(name)) into.set(name, decodeEntities(value, true));
  return k;
}

/** Skip `<!-- … -->`, `<!DOCTYPE …>`, `<![if …]>`, `<? … >` at `i`; returns the index after. */
export function skipMarkup(html: string, i: number): number {
  if (html.startsWith('<!--', i)) {
    const close = html.indexOf('-->', i + 4);
    return close < 0 ? html.length : close + 3;
  }
  const close = html.indexOf('>', i + 1);
  return close < 0 ? html.length : close + 1;
}

/**
 * Index just past `</name …>` (case-insensitive) from `from`, or the end of
 * input. Each '<' after `from` is examined once.
 */
export function skipRawText(html: string, from: number, name: string): number {
  let at = html.indexOf('</', from);
  while (at >= 0) {
    const after = at + 2 + name.length;
    if (html.slice(at + 2, after).toLowerCase() === name) {
      const c = html.charCodeAt(after);
      if (Number.isNaN(c) || isSpace(c) || c === 0x3e || c === 0x2f) {
        const close = html.indexOf('>', after);
        return close < 0 ? html.length : close + 1;
      }
    }
    at = html.indexOf('</', at + 2);
  }
  return html.length;
}
