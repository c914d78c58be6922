/**
 * C2SP signed notes (https://c2sp.org/signed-note): a UTF-8 text ending in a
 * newline, a blank line, then one signature line per signer:
 *
 *     — <key name> <base64(key hash (4 bytes) || signature)>
 *
 * For Ed25519 the key hash is the first 4 bytes of
 * SHA-256(key name || 0x0A || 0x01 || public key). Signing and verifying are
 * injected, so this file holds only the format.
 */
import { concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.js';
import type { Sha256 } from './merkle.js';

/** Checkpoints are a few hundred bytes; bound what we parse. */
export const MAX_NOTE_LENGTH = 64 * 1024;
export const MAX_SIGNATURES = 100;
const DASH = '\u2014 ';
const ED25519 = 0x01;

export interface NoteSignature {
  readonly name: string;
  readonly keyHash: Uint8Array;
  readonly signature: Uint8Array;
}

export interface NoteSigner {
  readonly name: string;
  readonly keyHash: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

export interface NoteVerifier {
  readonly name: string;
  readonly keyHash: Uint8Array;
  verify(message: Uint8Array, signature: Uint8Array): boolean;
}

export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

const bad = (reason: string) => ({ ok: false, reason }) as const;

/** Key names: non-empty, no whitespace, no '+' (the verifier key string's separator). */
export function isValidKeyName(name: string): boolean {
  return name.length > 0 && name.length <= 1024 && !/[\s+]/u.test(name) && !hasControl(name);
}

function hasControl(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  return /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u.test(text);
}

/** First 4 bytes of SHA-256(name || "\n" || 0x01 || publicKey). */
export function ed25519KeyHash(h: Sha256, name: string, publicKey: Uint8Array): Uint8Array {
  return h.sha256(concatBytes(utf8(`${name}\n`), Uint8Array.of(ED25519), publicKey)).slice(0, 4);
}

/** The verifier key string witnesses configure: `<name>+<hash hex>+<base64(0x01||pub)>`. */
export function verifierKeyString(h: Sha256, name: string, publicKey: Uint8Array): string {
  const hash = toHex(ed25519KeyHash(h, name, publicKey));
  return `${name}+${hash}+${toBase64(concatBytes(Uint8Array.of(ED25519), publicKey))}`;
}

export function parseVerifierKey(
  h: Sha256,
  text: string,
): Parsed<{ name: string; keyHash: Uint8Array; publicKey: Uint8Array }> {
  // Only the first two '+' separate fields: base64 key material may contain '+' itself.
  const first = text.indexOf('+');
  const second = text.indexOf('+', first + 1);
  if (first < 0 || second < 0 || text.length > 1024) {
    return bad('a verifier key has three parts joined by "+"');
  }
  const name = text.slice(0, first);
  const hashHex = text.slice(first + 1, second);
  const key = text.slice(second + 1);
  const keyHash = fromHex(hashHex);
  const raw = fromBase64(key);
  if (!isValidKeyName(name)) return bad('the key name is not valid');
  if (keyHash?.length !== 4) return bad('the key hash must be 8 hex digits');
  if (raw?.length !== 33 || raw[0] !== ED25519) return bad('only Ed25519 keys are supported');
  const publicKey = raw.slice(1);
  if (toHex(ed25519KeyHash(h, name, publicKey)) !== hashHex)
    return bad('the key hash does not match');
  return { ok: true, value: { name, keyHash, publicKey } };
}

/** Check the note text itself: bounded, ends in a newline, no control characters. */
export function checkNoteText(text: string): string | undefined {
  if (text.length === 0 || !text.endsWith('\n')) return 'the note text must end with a newline';
  if (text.length > MAX_NOTE_LENGTH) return 'the note is too long';
  if (hasControl(text)) return 'the note contains control characters';
  if (/[\ud800-\udfff]/u.test(text)) return 'the note is not valid Unicode';
  return undefined;
}

export function signatureLine(sig: NoteSignature): string {
  return `${DASH}${sig.name} ${toBase64(concatBytes(sig.keyHash, sig.signature))}\n`;
}

/** Sign `text` (which must be a valid note text) and return the whole note. */
export function signNote(text: string, signer: NoteSigner): string {
  const problem = checkNoteText(text);
  if (problem !== undefined || !isValidKeyName(signer.name)) {
    throw new Error(`cannot sign: ${problem ?? 'the key name is not valid'}`);
  }
  const signature = signer.sign(utf8(text));
  return `${text}\n${signatureLine({ name: signer.name, keyHash: signer.keyHash, signature })}`;
}

/** Split a note into its text and signature lines (no signature checked yet). */
export function parseNote(note: string): Parsed<{ text: string; signatures: NoteSignature[] }> {
  if (note.length > MAX_NOTE_LENGTH) return bad('the note is too long');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) return bad('the note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  const problem = checkNoteText(text);
  if (problem !== undefined) return bad(problem);
  const rest = note.slice(split + 2);
  if (!rest.endsWith('\n')) return bad('the last signature line must end with a newline');
  const lines = rest.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return bad('the note has too many signatures');
  const signatures: NoteSignature[] = [];
  for (const line of lines) {
    const sig = parseSignatureLine(line);
    if (sig === undefined) return bad('a signature line is malformed');
    signatures.push(sig);
  }
  return { ok: true, value: { text, signatures } };
}

function parseSignatureLine(line: string): NoteSignature | undefined {
  if (!line.startsWith(DASH)) return undefined;
  const parts = line.slice(DASH.length).split(' ');
  const [name, encoded] = parts;
  if (parts.length !== 2 || name === undefined || encoded === undefined) return undefined;
  if (!isValidKeyName(name)) return undefined;
  const raw = fromBase64(encoded);
  if (raw === undefined || raw.length < 5) return undefined;
  return { name, keyHash: raw.slice(0, 4), signature: raw.slice(4) };
}

/**
 * Open a note with one trusted key: the note must carry exactly one signature
 * from that key (name and key hash), and it must verify. Other signers' lines
 * (witness cosignatures) are allowed and ignored.
 */
export function openNote(note: string, verifier: NoteVerifier): Parsed<string> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const mine = parsed.value.signatures.filter(
    (s) => s.name === verifier.name && toHex(s.keyHash) === toHex(verifier.keyHash),
  );
  if (mine.length === 0) return bad(`the note is not signed by ${verifier.name}`);
  if (mine.length > 1) return bad(`the note carries ${mine.length} signatures from one key`);
  const sig = mine[0] as NoteSignature;
  if (!verifier.verify(utf8(parsed.value.text), sig.signature)) {
    return bad(`the signature by ${verifier.name} is not valid`);
  }
  return { ok: true, value: parsed.value.text };
}
