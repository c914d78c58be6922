/**
 * A software passkey authenticator for tests: it does what a platform
 * authenticator (or a security key) does for `navigator.credentials.create()`
 * and `.get()`, per WebAuthn Level 3 — a P-256 key pair per credential, "none"
 * attestation, authenticator data with the RP ID hash, flags and a signature
 * counter, and ES256 assertions over authenticatorData ‖ SHA-256(clientDataJSON).
 * The server code under test cannot tell it from a browser's answer; browser
 * tests use Chromium's own virtual authenticator instead.
 */
import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

interface Credential {
  readonly id: Buffer;
  readonly privateKey: KeyObject;
  readonly x: Buffer;
  readonly y: Buffer;
  readonly userHandle: string;
  counter: number;
}

export interface SoftAuthenticatorOptions {
  /** The page's origin, as the browser would put in clientDataJSON. */
  readonly origin: string;
  /** Whether the authenticator verifies the user (PIN, biometrics). */
  readonly userVerification?: boolean;
}

export function createSoftAuthenticator(options: SoftAuthenticatorOptions) {
  const credentials: Credential[] = [];
  const uv = options.userVerification ?? true;
  const clientData = (type: string, challenge: string, origin = options.origin) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

  return {
    credentials,
    /** Answer registration options as `navigator.credentials.create()` would. */
    create(
      opts: { challenge: string; rp: { id?: string }; user: { id: string } },
      override: { origin?: string } = {},
    ) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      const cred: Credential = {
        id: randomBytes(32),
        privateKey,
        x: Buffer.from(jwk.x as string, 'base64url'),
        y: Buffer.from(jwk.y as string, 'base64url'),
        userHandle: opts.user.id,
        counter: 0,
      };
      credentials.push(cred);
      const cose = cbor(
        new Map<number, unknown>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, cred.x],
          [-3, cred.y],
        ]),
      );
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(cred.id.length);
      const authData = Buffer.concat([
        rpIdHash(opts.rp.id as string),
        Buffer.from([FLAG_UP | (uv ? FLAG_UV : 0) | FLAG_AT]),
        counterBytes(cred.counter),
        Buffer.alloc(16), // AAGUID: zeros, as with "none" attestation
        idLength,
        cred.id,
        cose,
      ]);
      const attestationObject = cbor(
        new Map<string, unknown>([
          ['fmt', 'none'],
          ['attStmt', new Map()],
          ['authData', authData],
        ]),
      );
      const id = cred.id.toString('base64url');
      return {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: {
          clientDataJSON: clientData('webauthn.create', opts.challenge, override.origin).toString(
            'base64url',
          ),
          attestationObject: attestationObject.toString('base64url'),
          transports: ['internal' as const],
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform' as const,
      };
    },

    /** Answer authentication options as `navigator.credentials.get()` would, with the credential at `index`. */
    get(
      opts: { challenge: string; rpId?: string },
      index = 0,
      override: { origin?: string; counter?: number } = {},
    ) {
      const cred = credentials[index];
      if (cred === undefined) throw new Error('no such credential');
      cred.counter = override.counter ?? cred.counter + 1;
      const authData = Buffer.concat([
        rpIdHash(opts.rpId as string),
        Buffer.from([FLAG_UP | (uv ? FLAG_UV : 0)]),
        counterBytes(cred.counter),
      ]);
      const cd = clientData('webauthn.get', opts.challenge, override.origin);
      const signature = sign(
        'sha256',
        Buffer.concat([authData, createHash('sha256').update(cd).digest()]),
        cred.privateKey,
      );
      const id = cred.id.toString('base64url');
      return {
        id,
        rawId: id,
        type: 'public-key' as const,
        response: {
          clientDataJSON: cd.toString('base64url'),
          authenticatorData: authData.toString('base64url'),
          signature: signature.toString('base64url'),
          userHandle: cred.userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform' as const,
      };
    },
  };
}

function rpIdHash(rpId: string): Buffer {
  return createHash('sha256').update(rpId).digest();
}

function counterBytes(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Just enough CBOR (RFC 8949) for attestation objects and COSE keys. */
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number) => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) {
    const parts: Buffer[] = [head(5, value.size)];
    for (const [k, v] of value) parts.push(cbor(k), cbor(v));
    return Buffer.concat(parts);
  }
  throw new Error(`cbor: cannot encode ${typeof value}`);
}
