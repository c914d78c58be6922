import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64, readDkimKey } from './dkim-key.js';

describe('DKIM key records', () => {
  it('treats an empty p= as revoked', () => {
    expect(readDkimKey('v=DKIM1; k=rsa; p=')).toEqual({ state: 'revoked' });
    expect(readDkimKey('v=DKIM1; p= ;')).toEqual({ state: 'revoked' });
  });

  it('says a key that is not base64 or not DER is unreadable', () => {
    expect(readDkimKey('v=DKIM1; p=!!!notbase64')).toEqual({
      state: 'unreadable',
      reason: 'base64',
    });
    expect(readDkimKey('v=DKIM1; p=AAAA')).toEqual({ state: 'unreadable', reason: 'der' });
    expect(readDkimKey('v=DKIM1; k=dsa; p=AAAA')).toEqual({
      state: 'unreadable',
      reason: 'key_type',
    });
  });

  it('decodes base64 like the standard alphabet', () => {
    expect([...(decodeBase64('aGVsbG8=') ?? [])]).toEqual([...new TextEncoder().encode('hello')]);
    expect(decodeBase64('a')).toBeUndefined();
  });

  it('never throws on arbitrary key text (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.uint8Array({ maxLength: 300 }),
        (text, bytes) => {
          readDkimKey(`v=DKIM1; p=${text}`);
          let b64 = '';
          for (const byte of bytes) b64 += String.fromCharCode(byte);
          readDkimKey(`v=DKIM1; p=${btoa(b64)}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
