import { type Answers, readAnswers } from '../../../../src/protect/engine/checkup/index.js';

/**
 * Answers of a checkup taken without an account stay on this device (localStorage). What is
 * read back is checked like any outside input: another version or a hand-edited value is dropped.
 */
const KEY = 'shieldwall.checkup.answers.v1';

export function loadAnswers(): Answers {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (raw === null || raw.length > 10_000) return {};
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const read = readAnswers(parsed as Record<string, unknown>);
    return read.ok ? read.answers : {};
  } catch {
    return {};
  }
}

export function storeAnswers(answers: Answers): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(answers));
  } catch {
    // Storage blocked (private mode, policy): the checkup still works for this visit.
  }
}

/** Offers `text` as a file download, made on the device (nothing is sent anywhere). */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
