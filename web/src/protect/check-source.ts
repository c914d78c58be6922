/** What the person asked to check: pasted text, or an email saved as a file. */
export type CheckSource =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'file'; readonly name: string; readonly bytes: Uint8Array };

/** Where the check runs. "device" is the default: nothing leaves the computer. */
export type CheckPlace = 'device' | 'server';

/** The largest email file we read (the server's limit too). */
export const MAX_EMAIL_BYTES = 25 * 1024 * 1024;

/** Why a chosen file can't be checked, in plain words; null when it can. */
export function emailFileProblem(file: {
  readonly name: string;
  readonly size: number;
}): string | null {
  if (!/\.eml$/i.test(file.name)) {
    return 'That file is not a saved email (a file ending in .eml). In your email program, choose “Save as” or “Download message”, then choose that file here.';
  }
  if (file.size > MAX_EMAIL_BYTES) {
    return `That file is too big to check: it is ${megabytes(file.size)}. Emails up to 25 MB can be checked.`;
  }
  if (file.size === 0) return 'That file is empty. Please choose another one.';
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
