/**
 * The DEV split of the e-mail data in ../shared/data/scam (the same messages
 * Shieldwall's e-mail figures are measured on), raw bytes exactly as stored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const DATA_DIR = resolve(ROOT, '..', 'shared', 'data', 'scam');

export type EmailLabel = 'ham' | 'spam' | 'phishing';

export interface DevEmail {
  readonly id: string;
  readonly label: EmailLabel;
  readonly raw: Uint8Array;
}

interface EmailRecord {
  id: string;
  kind: string;
  label: string;
  file: string;
  split: string;
}

const LABELS: readonly string[] = ['ham', 'spam', 'phishing'];

/** Dev e-mails in index order, or null when the data dir (or its e-mail index) is absent. */
export function loadDevEmails(dir: string = DATA_DIR): DevEmail[] | null {
  const index = join(dir, 'email.jsonl');
  if (!existsSync(index)) return null;
  const out: DevEmail[] = [];
  for (const line of readFileSync(index, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as EmailRecord;
    if (r.split !== 'dev' || r.kind !== 'email') continue;
    if (!LABELS.includes(r.label)) throw new Error(`${r.id}: unexpected label ${r.label}`);
    out.push({
      id: r.id,
      label: r.label as EmailLabel,
      raw: new Uint8Array(readFileSync(join(dir, r.file))),
    });
  }
  return out;
}
