/**
 * STIX identifiers (§2.9) and type names read by position: validation checks every object's
 * type, id and references on the way in (a bulk import reads several per object), and a regular
 * expression match with a capture allocates its result each time; these allocate nothing.
 *
 * An identifier is `type--UUID`: the type a type name, the UUID of RFC 4122 versions 1–5 and
 * variant 10xx — the same as `^([a-z][a-z0-9]*(?:-[a-z0-9]+)*)--<UUID>$`.
 */

const UUID_LENGTH = 36;
const HYPHEN = 45;

/**
 * Is `s.slice(from, to)` a type name: a lowercase letter, then lowercase letters and digits with
 * single hyphens between them (`[a-z][a-z0-9]*(?:-[a-z0-9]+)*`)?
 */
export function isTypeName(s: string, from = 0, to = s.length): boolean {
  if (to <= from || !isLower(s.charCodeAt(from))) return false;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === HYPHEN) {
      // Single hyphens only, and never the last character.
      if (i + 1 >= to || s.charCodeAt(i + 1) === HYPHEN) return false;
    } else if (!isLower(c) && !isDigit(c)) return false;
  }
  return true;
}

/**
 * The length of the type part of the identifier `s` (`s.slice(0, n)` is its type), or -1 when
 * `s` is not a STIX identifier.
 *
 * @example
 * identifierTypeLength('indicator--26ffb872-1dd9-446e-b6f5-d58527e5b5d2'); // 9
 * identifierTypeLength('indicator--not-a-uuid'); // -1
 */
export function identifierTypeLength(s: string): number {
  // The UUID has a fixed length, so the "--" before it is at a fixed place.
  const typeEnd = s.length - UUID_LENGTH - 2;
  if (typeEnd < 1 || s.charCodeAt(typeEnd) !== HYPHEN || s.charCodeAt(typeEnd + 1) !== HYPHEN)
    return -1;
  return isTypeName(s, 0, typeEnd) && isUuid(s, typeEnd + 2) ? typeEnd : -1;
}

/** Is the identifier's type (its first `typeLength` characters) exactly `type`? */
export function identifierHasType(s: string, typeLength: number, type: string): boolean {
  return typeLength === type.length && s.startsWith(type);
}

/** RFC 4122 UUID text of versions 1–5 and variant 10xx at `at` (36 characters to the end). */
function isUuid(s: string, at: number): boolean {
  for (let i = 0; i < UUID_LENGTH; i++) {
    const c = s.charCodeAt(at + i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== HYPHEN) return false;
    } else if (i === 14) {
      if (c < 49 /* 1 */ || c > 53 /* 5 */) return false;
    } else if (i === 19) {
      if (c !== 56 && c !== 57 && c !== 97 && c !== 98 && c !== 65 && c !== 66) return false; // 89abAB
    } else if (!isHex(c)) return false;
  }
  return true;
}

const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
