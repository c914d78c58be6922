/**
 * API key format: `sw_live_<id>_<secret><checksum>`.
 *
 * - `sw_live_` makes a leaked key recognizable to secret scanners (GitHub push
 *   protection, gitleaks, trufflehog): see `API_KEY_PATTERN`.
 * - `<id>` (12 base62 characters) is public: it names the key in lists, the audit
 *   log and `shieldwall admin key revoke sw_live_<id>`. Only it is indexed.
 * - `<secret>` (32 base62 characters, ~190 bits) is shown once; only its SHA-256 is stored.
 * - `<checksum>` (6 base62 characters) is CRC-32 of everything before it, so a
 *   scanner (and we) can tell a real key from a random string without a lookup.
 *
 * Pure: the random bytes are passed in.
 */

export const API_KEY_PREFIX = 'sw_live_';
const ID_LENGTH = 12;
const SECRET_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
/** Random bytes `formatApiKey` needs. */
export const API_KEY_RANDOM_BYTES = 64;
/** For secret scanners: a whole key, with word boundaries. */
export const API_KEY_PATTERN = /\bsw_live_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}\b/;
const WHOLE_KEY = /^sw_live_([0-9A-Za-z]{12})_([0-9A-Za-z]{32})([0-9A-Za-z]{6})$/;
const KEY_ID = /^sw_live_[0-9A-Za-z]{12}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface ApiKeyParts {
  /** The public part, `sw_live_<id>`: what lists, logs and revocation use. */
  readonly keyId: string;
  /** The whole key, shown to its owner once. */
  readonly key: string;
  /** The secret part the stored hash is computed over. */
  readonly secret: string;
}

/**
 * Build a key from 64 random bytes (rejection-free: each character takes one
 * byte mod 62, whose tiny bias is irrelevant at ~190 bits).
 *
 * @example
 * const { key, keyId, secret } = formatApiKey(randomBytes(API_KEY_RANDOM_BYTES));
 */
export function formatApiKey(random: Uint8Array): ApiKeyParts {
  if (random.length < ID_LENGTH + SECRET_LENGTH) throw new Error('not enough random bytes');
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += BASE62[(random[i] as number) % 62];
  let secret = '';
  for (let i = 0; i < SECRET_LENGTH; i++) secret += BASE62[(random[ID_LENGTH + i] as number) % 62];
  const body = `${API_KEY_PREFIX}${id}_${secret}`;
  return { keyId: `${API_KEY_PREFIX}${id}`, key: body + checksum(body), secret };
}

/**
 * Split a presented key, or return undefined when it is not one of ours (wrong
 * shape or checksum): such a request needs no database lookup at all.
 */
export function parseApiKey(key: string): { keyId: string; secret: string } | undefined {
  if (key.length !== API_KEY_PREFIX.length + ID_LENGTH + 1 + SECRET_LENGTH + CHECKSUM_LENGTH)
    return undefined;
  const m = WHOLE_KEY.exec(key);
  if (m === null) return undefined;
  const body = key.slice(0, key.length - CHECKSUM_LENGTH);
  if (checksum(body) !== m[3]) return undefined;
  return { keyId: `${API_KEY_PREFIX}${m[1]}`, secret: m[2] as string };
}

/** True for a key id such as `sw_live_AbC123xyz789`. */
export function isApiKeyId(s: string): boolean {
  return KEY_ID.test(s);
}

function checksum(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE) of an ASCII string. */
export function crc32(s: string): number {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++)
    crc = (table[(crc ^ s.charCodeAt(i)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
