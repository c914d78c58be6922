/**
 * Uploaded documents (a registration certificate, a letter on letterhead): a
 * short list of types reviewers can open safely, checked by their first bytes,
 * with a size bound enforced before the base64 text is decoded.
 */
import { createHash } from 'node:crypto';
import { accessErrors } from '../errors.js';
import { verificationErrors } from './errors.js';

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;
/** Base64 text of a 5 MiB document, rounded up to whole 4-character groups. */
export const MAX_DOCUMENT_BASE64 = Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4;
const MAX_FILE_NAME = 200;

/** Accepted media types and the bytes such a file starts with. */
const SIGNATURES: Readonly<Record<string, readonly number[] | null>> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
  // Plain text has no signature; it must be valid UTF-8 (checked below).
  'text/plain': null,
};
export const DOCUMENT_MEDIA_TYPES = Object.keys(SIGNATURES);

export interface DocumentInput {
  readonly fileName: string;
  readonly mediaType: string;
  /** The file's bytes, standard base64 with padding. */
  readonly contentBase64: string;
}

export interface CheckedDocument {
  readonly fileName: string;
  readonly mediaType: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly contentBase64: string;
}

/** Validate a document; throws `document_too_large` (413) or `document_invalid` (400). */
export function checkDocument(input: DocumentInput): CheckedDocument {
  const fileName = checkFileName(input.fileName);
  const mediaType = typeof input.mediaType === 'string' ? input.mediaType.toLowerCase() : '';
  if (!(mediaType in SIGNATURES))
    throw verificationErrors.create('document_invalid', {
      message: `Upload a PDF, PNG, JPEG or plain-text file (${DOCUMENT_MEDIA_TYPES.join(', ')}).`,
    });
  const text = typeof input.contentBase64 === 'string' ? input.contentBase64 : '';
  // Decide on the size from the text's length first, so nothing large is ever decoded.
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const size = (text.length / 4) * 3 - padding;
  if (text.length > MAX_DOCUMENT_BASE64 || size > MAX_DOCUMENT_BYTES)
    throw verificationErrors.create('document_too_large', {
      message: `A document may be at most 5 MiB; this one is ${(size / 1048576).toFixed(1)} MiB.`,
    });
  const bytes = Buffer.from(text, 'base64');
  // Buffer.from skips characters that are not base64: re-encoding shows whether anything was.
  if (text.length === 0 || text.length % 4 !== 0 || bytes.toString('base64') !== text)
    throw verificationErrors.create('document_invalid', {
      message: 'The content must be the file in standard base64, with padding.',
    });
  const signature = SIGNATURES[mediaType];
  if (signature !== null && signature !== undefined) {
    if (!signature.every((b, i) => bytes[i] === b))
      throw verificationErrors.create('document_invalid', {
        message: `The file is not a ${mediaType} file.`,
      });
  } else if (!isUtf8Text(bytes)) {
    throw verificationErrors.create('document_invalid', {
      message: 'A text/plain document must be UTF-8 text.',
    });
  }
  return {
    fileName,
    mediaType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentBase64: text,
  };
}

function checkFileName(name: string): string {
  const n = typeof name === 'string' ? name.normalize('NFC').trim() : '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (n.length === 0 || n.length > MAX_FILE_NAME || /[\u0000-\u001f\u007f/\\]/.test(n))
    throw accessErrors.create('invalid_input', {
      message: `A file name is 1 to ${MAX_FILE_NAME} characters, without slashes.`,
    });
  return n;
}

function isUtf8Text(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return !bytes.includes(0);
  } catch {
    return false;
  }
}
