/**
 * Recognise cryptocurrency addresses: Bitcoin (legacy `1…`, P2SH `3…`,
 * bech32/bech32m `bc1…`), Ethereum (`0x` + 40 hex), TRON (`T…`, 34),
 * Litecoin/Dogecoin (base58check) and Monero (shape only). Checksums are
 * verified where that is cheap (base58check: two SHA-256 of 25 bytes;
 * bech32: a polymod over at most 90 characters), so random words that merely
 * look like addresses are not reported.
 */
import { sha256 } from './sha256.js';

export type WalletKind = 'btc' | 'eth' | 'tron' | 'ltc' | 'doge' | 'xmr';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BASE58_INDEX = new Map([...BASE58].map((ch, i) => [ch, i]));
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Base58 to bytes (quadratic in length; addresses are at most 35 characters here). */
function base58Decode(s: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const ch of s) {
    let carry = BASE58_INDEX.get(ch);
    if (carry === undefined) return undefined;
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] ?? 0) * 58;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let k = 0; k < s.length && s[k] === '1'; k++) bytes.push(0);
  return Uint8Array.from(bytes.reverse());
}

/** The version byte of a valid 25-byte base58check payload, or undefined. */
function base58checkVersion(s: string): number | undefined {
  if (s.length < 26 || s.length > 35) return undefined;
  const bytes = base58Decode(s);
  if (bytes?.length !== 25) return undefined;
  const check = sha256(sha256(bytes.subarray(0, 21)));
  for (let i = 0; i < 4; i++) if (check[i] !== bytes[21 + i]) return undefined;
  return bytes[0];
}

function polymod(values: readonly number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i] ?? 0;
  }
  return chk >>> 0;
}

/** Valid bech32 (BIP-173) or bech32m (BIP-350) string with the given human-readable part. */
export function isBech32(address: string, hrp: string): boolean {
  const lower = address.toLowerCase();
  if (address !== lower && address !== address.toUpperCase()) return false; // mixed case is invalid
  if (!lower.startsWith(`${hrp}1`) || lower.length < 14 || lower.length > 90) return false;
  const data: number[] = [];
  for (const ch of lower.slice(hrp.length + 1)) {
    const v = BECH32.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const expanded = [
    ...[...hrp].map((c) => c.charCodeAt(0) >> 5),
    0,
    ...[...hrp].map((c) => c.charCodeAt(0) & 31),
  ];
  const check = polymod([...expanded, ...data]);
  return check === 1 || check === 0x2bc830a3;
}

// Anchored, fixed-length classes: linear.
const ETH = /^0x[0-9a-fA-F]{40}$/;
const XMR = /^[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}$/;

/** What kind of wallet address a whole token is, or undefined. */
export function walletKind(token: string): WalletKind | undefined {
  if (token.length === 42 && ETH.test(token)) return 'eth';
  if (
    (token.length >= 42 && isBech32(token, 'bc')) ||
    (token.length >= 42 && isBech32(token, 'ltc'))
  ) {
    return token.toLowerCase().startsWith('ltc') ? 'ltc' : 'btc';
  }
  if (token.length === 95 && XMR.test(token)) return 'xmr';
  const first = token[0];
  if (
    first !== '1' &&
    first !== '3' &&
    first !== 'T' &&
    first !== 'L' &&
    first !== 'M' &&
    first !== 'D'
  )
    return undefined;
  const version = base58checkVersion(token);
  if (version === 0x00 || version === 0x05) return 'btc';
  if (version === 0x41) return 'tron';
  if (version === 0x30 || version === 0x32) return 'ltc';
  if (version === 0x1e) return 'doge';
  return undefined;
}

/** The value to report: case-insensitive formats lower-cased so the same wallet matches. */
export function normaliseWallet(token: string, kind: WalletKind): string {
  if (kind === 'eth') return token.toLowerCase();
  // Anchored literal alternatives, no quantifier: constant time.
  if ((kind === 'btc' || kind === 'ltc') && /^(?:bc|ltc)1/i.test(token)) return token.toLowerCase();
  return token;
}
