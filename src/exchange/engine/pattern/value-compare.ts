/**
 * Comparing a property value from JSON with a pattern constant, per STIX 2.1 §9 and
 * cti-pattern-matcher: numbers numerically, strings by code point, timestamps as instants,
 * binary byte by byte (a string meets binary as bytes when all its code points are < 256).
 * Values of types that do not meet are unequal and unordered.
 */
import { compareBytes, decodeBase64, decodeHex, latin1Bytes } from './binary-codec.js';
import type { Constant } from './pattern-ast.js';
import { parseStixTimestamp } from './stix-timestamp.js';

export type Literal =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'instant'; readonly value: bigint }
  | { readonly kind: 'bytes'; readonly value: Uint8Array };

export function toLiteral(c: Constant): Literal {
  switch (c.type) {
    case 'string':
      return { kind: 'string', value: c.value };
    case 'int':
    case 'float':
      return { kind: 'number', value: c.value };
    case 'bool':
      return { kind: 'bool', value: c.value };
    case 'timestamp':
      return { kind: 'instant', value: parseStixTimestamp(c.value) ?? 0n };
    case 'hex':
      return { kind: 'bytes', value: decodeHex(c.value) ?? new Uint8Array() };
    case 'binary':
      return { kind: 'bytes', value: decodeBase64(c.value) ?? new Uint8Array() };
  }
}

/** Order of `value` relative to `literal` (<0, 0, >0), or null if they do not compare. */
export function compareValue(value: unknown, literal: Literal): number | null {
  switch (literal.kind) {
    case 'number':
      return typeof value === 'number' ? Math.sign(value - literal.value) : null;
    case 'string':
      if (typeof value === 'string') return compareCodePoints(value, literal.value);
      if (value instanceof Uint8Array) return compareWithBytes(literal.value, value, -1);
      return null;
    case 'bool':
      return typeof value === 'boolean' && value === literal.value ? 0 : null;
    case 'instant': {
      if (typeof value !== 'string') return null;
      const instant = parseStixTimestamp(value);
      if (instant === null) return null;
      return instant < literal.value ? -1 : instant > literal.value ? 1 : 0;
    }
    case 'bytes':
      if (value instanceof Uint8Array) return compareBytes(value, literal.value);
      if (typeof value === 'string') return compareWithBytes(value, literal.value, 1);
      return null;
  }
}

export function valueEquals(value: unknown, literal: Literal): boolean {
  return compareValue(value, literal) === 0;
}

/** Booleans have equality but no order. */
export function isOrderable(literal: Literal): boolean {
  return literal.kind !== 'bool';
}

/** `sign` 1: the string is the value; -1: the bytes are the value. */
function compareWithBytes(text: string, bytes: Uint8Array, sign: 1 | -1): number | null {
  const asBytes = latin1Bytes(text);
  if (asBytes === null) return null;
  return sign * compareBytes(asBytes, bytes);
}

/**
 * Code-point order. JavaScript's `<` compares UTF-16 code units, which puts U+10000 and above
 * (surrogate pairs) before U+E000–U+FFFF; shifting surrogates up fixes that.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}
