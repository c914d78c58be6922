import { describe, expect, it } from 'vitest';
import { isBech32, normaliseWallet, walletKind } from './crypto-wallets.js';
import { sha256 } from './sha256.js';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Test helper: a valid base58check address for a version byte and a 20-byte payload. */
function base58check(version: number, fill: number): string {
  const body = new Uint8Array(21);
  body[0] = version;
  body.fill(fill, 1);
  const bytes = new Uint8Array(25);
  bytes.set(body);
  bytes.set(sha256(sha256(body)).subarray(0, 4), 21);
  let n = BigInt(`0x${hex(bytes)}`);
  let out = '';
  while (n > 0n) {
    out = (ALPHABET[Number(n % 58n)] ?? '') + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

describe('sha256 (FIPS 180-4 test vectors)', () => {
  const enc = new TextEncoder();
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('sha256(%j)', (input, expected) => {
    expect(hex(sha256(enc.encode(input)))).toBe(expected);
  });

  it('hashes a million a (multi-block)', () => {
    expect(hex(sha256(new Uint8Array(1_000_000).fill(0x61)))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });
});

describe('walletKind', () => {
  it.each([
    ['1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa', 'btc'], // the genesis block address
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'btc'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'btc'], // P2SH
    ['bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'btc'], // bech32
    ['BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ', 'btc'], // upper case is valid too
    ['bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297', 'btc'], // bech32m (BIP-350 vector)
    ['0x52908400098527886E0F7030069857D2E4169EE7', 'eth'],
    ['TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', 'tron'],
    [
      '44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A',
      'xmr',
    ],
  ])('%s is %s', (address, kind) => {
    expect(walletKind(address)).toBe(kind);
  });

  it('recognises generated base58check addresses by version byte', () => {
    expect(walletKind(base58check(0x00, 7))).toBe('btc');
    expect(walletKind(base58check(0x05, 9))).toBe('btc');
    expect(walletKind(base58check(0x41, 3))).toBe('tron');
    expect(walletKind(base58check(0x30, 5))).toBe('ltc');
    expect(walletKind(base58check(0x1e, 5))).toBe('doge');
  });

  it.each([
    '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb', // one character changed: bad checksum
    '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLz',
    'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr',
    'bc1qAR0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', // mixed case
    'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u',
    '0x52908400098527886E0F7030069857D2E4169EE', // 39 hex digits
    '1ThisIsJustAVeryLongWordOfLetters',
    'ThisIsASentenceWithoutSpacesInIt12',
  ])('%s is not a wallet', (token) => {
    expect(walletKind(token)).toBeUndefined();
  });

  it('checks bech32 against its human-readable part', () => {
    expect(isBech32('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'bc')).toBe(true);
    expect(isBech32('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq', 'tb')).toBe(false);
  });

  it('lower-cases only case-insensitive formats', () => {
    expect(normaliseWallet('0xAbC', 'eth')).toBe('0xabc');
    expect(normaliseWallet('BC1QAR0', 'btc')).toBe('bc1qar0');
    expect(normaliseWallet('1BvBMSEY', 'btc')).toBe('1BvBMSEY');
  });
});
