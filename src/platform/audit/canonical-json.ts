/**
 * The canonical serialisation of audit entries: the exact bytes hashed into the
 * Merkle tree, so anyone can recompute a leaf hash from an entry's fields.
 *
 * Rules (the JSON Canonicalization Scheme, RFC 8785, for the values we accept):
 * - object keys sorted by UTF-16 code units, ascending; keys whose value is
 *   `undefined` are left out; no whitespace anywhere;
 * - strings and numbers written exactly as ECMAScript `JSON.stringify` writes
 *   them (numbers must be finite; `-0` is written `0`);
 * - only null, booleans, numbers, strings, arrays and plain objects; strings
 *   must be well-formed Unicode (no lone surrogates, per I-JSON);
 * - the UTF-8 encoding of the result is the leaf data.
 *
 * Hostile input is bounded: nesting depth and output size are capped, and
 * anything outside the rules is refused rather than silently coerced.
 */

export const MAX_DEPTH = 16;

export type CanonicalResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly reason: string };

class Refused extends Error {}

/** Counts characters as they are written, so oversized input is refused early. */
class Budget {
  #left: number;
  constructor(max: number) {
    this.#left = max;
  }
  fits(length: number): boolean {
    return length <= this.#left;
  }
  spend(text: string): string {
    this.#left -= text.length;
    if (this.#left < 0) throw new Refused('is too large');
    return text;
  }
}

/** Serialise `value` canonically, refusing anything longer than `maxLength` characters. */
export function canonicalJson(value: unknown, maxLength: number): CanonicalResult {
  try {
    return { ok: true, text: write(value, '$', 0, new Budget(maxLength)) };
  } catch (err) {
    if (err instanceof Refused) return { ok: false, reason: err.message };
    throw err;
  }
}

function write(value: unknown, path: string, depth: number, budget: Budget): string {
  if (value === null || typeof value === 'boolean') return budget.spend(String(value));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Refused(`${path} is not a finite number`);
    return budget.spend(JSON.stringify(value));
  }
  if (typeof value === 'string') return writeString(value, path, budget);
  if (depth >= MAX_DEPTH) throw new Refused(`${path} is nested more than ${MAX_DEPTH} levels deep`);
  if (Array.isArray(value)) return writeArray(value, path, depth, budget);
  if (isPlainObject(value)) {
    budget.spend('{}');
    const parts: string[] = [];
    for (const key of Object.keys(value).sort()) {
      const item = value[key];
      if (item === undefined) continue;
      const name = writeString(key, path, budget);
      budget.spend(':,');
      parts.push(`${name}:${write(item, `${path}.${key}`, depth + 1, budget)}`);
    }
    return `{${parts.join(',')}}`;
  }
  throw new Refused(`${path} is a ${describe(value)}, which JSON cannot hold`);
}

function writeArray(
  value: readonly unknown[],
  path: string,
  depth: number,
  budget: Budget,
): string {
  budget.spend('[]');
  const items: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const item = value[i];
    // JSON.stringify would quietly turn these into null: refuse instead.
    if (item === undefined) throw new Refused(`${path}[${i}] is undefined`);
    budget.spend(',');
    items.push(write(item, `${path}[${i}]`, depth + 1, budget));
  }
  return `[${items.join(',')}]`;
}

function writeString(text: string, path: string, budget: Budget): string {
  // Refuse a huge string before copying it.
  if (!budget.fits(text.length + 2)) throw new Refused('is too large');
  if (/\p{Surrogate}/u.test(text)) throw new Refused(`${path} is not well-formed Unicode`);
  return budget.spend(JSON.stringify(text));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}
