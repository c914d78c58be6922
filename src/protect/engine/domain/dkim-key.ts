/**
 * DKIM public keys (RFC 6376 §3.6.1) at `<selector>._domainkey.<domain>`: is the
 * key revoked (empty p=), what kind, and for RSA how many bits — read from the
 * DER inside the base64, by hand, because the engine has no crypto library.
 */
import { parseTagList } from './tag-list.js';

export type DkimKey =
  | { readonly state: 'revoked' }
  | { readonly state: 'rsa'; readonly bits: number; readonly testing: boolean }
  | { readonly state: 'ed25519'; readonly testing: boolean }
  | { readonly state: 'unreadable'; readonly reason: 'base64' | 'der' | 'key_type' };

/** True when a TXT string looks like a DKIM key record (v=DKIM1 or a p= tag). */
export function isDkimRecord(text: string): boolean {
  const { tags } = parseTagList(text);
  return tags.get('v')?.toUpperCase() === 'DKIM1' || tags.has('p');
}

export function readDkimKey(text: string): DkimKey {
  const { tags } = parseTagList(text);
  const p = (tags.get('p') ?? '').replace(/\s+/g, '');
  if (p === '') return { state: 'revoked' };
  const testing = (tags.get('t') ?? '').split(':').some((flag) => flag.trim() === 'y');
  const k = (tags.get('k') ?? 'rsa').toLowerCase();
  const bytes = decodeBase64(p);
  if (bytes === undefined) return { state: 'unreadable', reason: 'base64' };
  if (k === 'ed25519')
    return bytes.length === 32
      ? { state: 'ed25519', testing }
      : { state: 'unreadable', reason: 'der' };
  if (k !== 'rsa') return { state: 'unreadable', reason: 'key_type' };
  const bits = rsaModulusBits(bytes);
  return bits === undefined
    ? { state: 'unreadable', reason: 'der' }
    : { state: 'rsa', bits, testing };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (padding optional); undefined for anything else. At most 8 KiB of text. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (text.length > 8192) return undefined;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--; // trailing '=' padding
  const body = text.slice(0, end);
  if (body.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((body.length * 3) / 4));
  let acc = 0;
  let bitsHeld = 0;
  let j = 0;
  for (let i = 0; i < body.length; i++) {
    const v = ALPHABET.indexOf(body.charAt(i));
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bitsHeld += 6;
    if (bitsHeld >= 8) {
      bitsHeld -= 8;
      out[j++] = (acc >> bitsHeld) & 0xff;
    }
  }
  return out.subarray(0, j);
}

interface Der {
  readonly tag: number;
  readonly start: number;
  readonly end: number;
}

/** One DER element at `at` (definite lengths only), or undefined when it runs past `limit`. */
function element(bytes: Uint8Array, at: number, limit: number): Der | undefined {
  if (at + 2 > limit) return undefined;
  const tag = bytes[at] as number;
  let len = bytes[at + 1] as number;
  let start = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > limit) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (bytes[start + i] as number);
    start += n;
  }
  const end = start + len;
  return end > limit ? undefined : { tag, start, end };
}

/**
 * Modulus size of an RSA key given as SubjectPublicKeyInfo (what DKIM records
 * hold) or as a bare PKCS#1 RSAPublicKey (which some generators publish).
 */
export function rsaModulusBits(bytes: Uint8Array): number | undefined {
  const outer = element(bytes, 0, bytes.length);
  if (outer === undefined || outer.tag !== 0x30) return undefined;
  const firstInner = element(bytes, outer.start, outer.end);
  if (firstInner === undefined) return undefined;
  if (firstInner.tag === 0x02) return integerBits(bytes, firstInner); // PKCS#1
  if (firstInner.tag !== 0x30) return undefined;
  const bitString = element(bytes, firstInner.end, outer.end);
  if (bitString === undefined || bitString.tag !== 0x03) return undefined;
  // Skip the "unused bits" byte of the BIT STRING; inside is RSAPublicKey.
  const rsa = element(bytes, bitString.start + 1, bitString.end);
  if (rsa === undefined || rsa.tag !== 0x30) return undefined;
  const modulus = element(bytes, rsa.start, rsa.end);
  return modulus === undefined || modulus.tag !== 0x02 ? undefined : integerBits(bytes, modulus);
}

function integerBits(bytes: Uint8Array, int: Der): number | undefined {
  let i = int.start;
  while (i < int.end && bytes[i] === 0) i++;
  if (i >= int.end) return undefined;
  const lead = bytes[i] as number;
  return (int.end - i - 1) * 8 + (32 - Math.clz32(lead));
}
