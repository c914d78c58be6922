/**
 * Guess a log file's format from its first bytes (EVTX magic, JSON, web access log, syslog) and,
 * to tell auth.log from other syslog files, from its name.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { isEvtx } from '../engine/inputs/evtx/evtx-chunk.js';
import { LineSplitter } from '../engine/inputs/line-splitter.js';
import { parseSyslogLine } from '../engine/inputs/syslog-parser.js';
import { parseWebAccessLine } from '../engine/inputs/web-access-log.js';
import { detectInputErrors } from './input-problems.js';

const SNIFF_BYTES = 64 * 1024;

export type SniffedFormat = 'jsonl' | 'evtx' | 'syslog' | 'auth' | 'web';

export async function sniffFormat(path: string): Promise<SniffedFormat> {
  const file = await open(path, 'r');
  const buf = new Uint8Array(SNIFF_BYTES);
  let n = 0;
  try {
    n = (await file.read(buf, 0, SNIFF_BYTES, 0)).bytesRead;
  } finally {
    await file.close();
  }
  const format = sniffBytes(buf.subarray(0, n), basename(path));
  if (format === undefined)
    throw detectInputErrors.create('input_format_unknown', { details: { path } });
  return format;
}

/** The format of these first bytes, or undefined when no format fits the first lines. */
export function sniffBytes(bytes: Uint8Array, name: string): SniffedFormat | undefined {
  if (isEvtx(bytes)) return 'evtx';
  const splitter = new LineSplitter({ maxLineBytes: SNIFF_BYTES });
  const lines = splitter
    .push(bytes)
    .flatMap((l) => (l.kind === 'line' && l.text.trim() !== '' ? [l.text] : []));
  if (lines.length === 0)
    lines.push(...splitter.end().flatMap((l) => (l.kind === 'line' ? [l.text] : [])));
  const first = lines.slice(0, 5);
  if (first.length === 0) return undefined;
  const all = (ok: (line: string) => boolean) =>
    first.filter(ok).length >= Math.ceil(first.length / 2);
  if (all((l) => l.trimStart().startsWith('{'))) return 'jsonl';
  if (all((l) => parseWebAccessLine(l).ok)) return 'web';
  if (all((l) => parseSyslogLine(l).ok))
    return /^(auth\.log|secure)/.test(name) ? 'auth' : 'syslog';
  return undefined;
}
