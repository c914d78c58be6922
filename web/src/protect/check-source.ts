import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { checkerPageMessages } from '../i18n/checker-page-messages.js';

/** What the person asked to check: pasted text, or an email saved as a file. */
export type CheckSource =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'file'; readonly name: string; readonly bytes: Uint8Array };

/** Where the check runs. "device" is the default: nothing leaves the computer. */
export type CheckPlace = 'device' | 'server';

/** The largest email file we read (the server's limit too). */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

/** Why a chosen file can't be checked, in plain words of `locale`; null when it can. */
export function emailFileProblem(
  file: { readonly name: string; readonly size: number },
  locale: Locale = 'en',
): string | null {
  const t = checkerPageMessages.t;
  if (!/\.eml$/i.test(file.name)) return t(locale, 'file.not_eml');
  if (file.size > MAX_EMAIL_BYTES) return t(locale, 'file.too_big', { size: megabytes(file.size) });
  if (file.size === 0) return t(locale, 'file.empty');
  return null;
}

/** "340 KB", "12.5 MB": sizes as people see them in their file manager. */
export function fileSizeInWords(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

/** An email file's bytes as text, for the server and for a report that includes the message. */
export function sourceAsText(source: CheckSource): string {
  return source.type === 'text' ? source.text : new TextDecoder().decode(source.bytes);
}
