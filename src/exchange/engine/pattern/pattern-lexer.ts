/**
 * Tokens of the STIX 2.1 patterning language (the lexer rules of the OASIS grammar
 * STIXPattern.g4). Keywords are not separate token kinds: they are `word` tokens that the parser
 * recognises by their exact (upper-case) text where it expects one, which keeps property names
 * such as `in` or `times` usable in object paths.
 */
import { isBase64, isHex } from './binary-codec.js';
import { PatternError } from './pattern-error.js';
import { parseStixTimestamp } from './stix-timestamp.js';

export type TokenKind =
  | 'word'
  | 'string'
  | 'int'
  | 'float'
  | 'timestamp'
  | 'hex'
  | 'binary'
  | 'punct'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** For `string`, `timestamp`, `hex`, `binary`: the decoded content; otherwise the source text. */
  readonly text: string;
  readonly at: number;
}

/** Longest first, so `<=` wins over `<`. */
const PUNCTUATION = [
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '=',
  '<',
  '>',
  '[',
  ']',
  '(',
  ')',
  ':',
  '.',
  ',',
  '*',
];
const WORD = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[+-]?(?:\d*\.\d+|\d+)/y;
const WHITESPACE = /[\s\u0085]+/y;

export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    i = skipSpaceAndComments(input, i);
    if (i >= input.length) break;
    const c = input.charAt(i);
    const next = input.charAt(i + 1);
    if (c === "'") {
      const end = scanString(input, i);
      tokens.push({ kind: 'string', text: unescapeString(input.slice(i + 1, end - 1)), at: i });
      i = end;
    } else if ((c === 't' || c === 'h' || c === 'b') && next === "'") {
      const end = input.indexOf("'", i + 2);
      if (end < 0)
        throw new PatternError(`This ${literalName(c)} is missing its closing quote.`, i);
      tokens.push(typedLiteral(c, input.slice(i + 2, end), i));
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      WORD.lastIndex = i;
      const text = (WORD.exec(input) as RegExpExecArray)[0];
      tokens.push({ kind: 'word', text, at: i });
      i += text.length;
    } else if (/[0-9+-]/.test(c) || (c === '.' && /[0-9]/.test(next))) {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(input);
      if (m === null) throw new PatternError(`Unexpected character '${c}'.`, i);
      tokens.push({ kind: m[0].includes('.') ? 'float' : 'int', text: m[0], at: i });
      i += m[0].length;
    } else {
      const p = PUNCTUATION.find((s) => input.startsWith(s, i));
      if (p === undefined) throw new PatternError(`Unexpected character '${printable(c)}'.`, i);
      tokens.push({ kind: 'punct', text: p, at: i });
      i += p.length;
    }
  }
  tokens.push({ kind: 'eof', text: '', at: input.length });
  return tokens;
}

function skipSpaceAndComments(input: string, start: number): number {
  let i = start;
  for (;;) {
    WHITESPACE.lastIndex = i;
    const ws = WHITESPACE.exec(input);
    if (ws !== null) i += ws[0].length;
    if (input.startsWith('/*', i)) {
      const end = input.indexOf('*/', i + 2);
      if (end < 0) throw new PatternError('This comment is never closed with */.', i);
      i = end + 2;
    } else if (input.startsWith('//', i)) {
      const end = input.indexOf('\n', i);
      i = end < 0 ? input.length : end + 1;
    } else {
      return i;
    }
  }
}

/** Index just past the closing quote of the string literal starting at `start`. */
function scanString(input: string, start: number): number {
  let i = start + 1;
  while (i < input.length) {
    const c = input.charAt(i);
    if (c === "'") return i + 1;
    if (c === '\\') {
      const e = input.charAt(i + 1);
      if (e !== "'" && e !== '\\') {
        throw new PatternError(
          "In a string, a backslash must be followed by ' or by another backslash.",
          i,
        );
      }
      i += 2;
    } else {
      i += 1;
    }
  }
  throw new PatternError('This string is missing its closing quote.', start);
}

function unescapeString(body: string): string {
  return body.replace(/\\(['\\])/g, '$1');
}

function typedLiteral(prefix: string, body: string, at: number): Token {
  if (prefix === 't') {
    if (parseStixTimestamp(body) === null) {
      throw new PatternError(
        `t'${body}' is not a valid timestamp; use RFC 3339 in UTC, like t'2016-06-01T01:30:00.123Z'.`,
        at,
      );
    }
    return { kind: 'timestamp', text: body, at };
  }
  if (prefix === 'h') {
    if (!isHex(body)) throw new PatternError(`h'${body}' is not an even number of hex digits.`, at);
    return { kind: 'hex', text: body, at };
  }
  if (body === '' || !isBase64(body)) throw new PatternError(`b'${body}' is not valid base64.`, at);
  return { kind: 'binary', text: body, at };
}

function literalName(prefix: string): string {
  return prefix === 't' ? 'timestamp' : prefix === 'h' ? 'hex value' : 'binary value';
}

function printable(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
}
