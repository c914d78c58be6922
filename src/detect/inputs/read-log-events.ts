/**
 * `readLogEvents(path)`: every event of a log file, streamed. Text formats are read line by line
 * with a bounded line length; EVTX chunk by chunk. A bad line or a damaged EVTX chunk is reported
 * through `onProblem` and skipped; only a file that cannot be read at all throws.
 */
import { stat } from 'node:fs/promises';
import type { EventOrigin, LogEvent } from '../engine/event.js';
import { defaultFieldMap, type FieldMap } from '../engine/inputs/ecs-field-map.js';
import { jsonTextToEvent } from '../engine/inputs/json-event.js';
import { parseTextLine, type TextFormat } from '../engine/inputs/text-line-event.js';
import { windowsEventFromJson } from '../engine/mapping/index.js';
import { readEvtxEvents } from './evtx-source.js';
import { detectInputErrors, type InputProblem, type ProblemHandler } from './input-problems.js';
import { readLines } from './line-source.js';
import { sniffFormat } from './sniff-format.js';

/** Log formats `readLogEvents` understands; `auto` sniffs the first bytes (and the file name). */
export type LogFormat = 'auto' | 'jsonl' | 'evtx' | 'syslog' | 'auth' | 'web';

export interface ReadLogOptions {
  readonly format?: LogFormat;
  /** Skipped input (overlong line, unparsable line, damaged EVTX chunk); default: ignored. */
  readonly onProblem?: ProblemHandler;
  /** Longest line kept, in bytes (default 1 MiB); longer lines are reported and skipped. */
  readonly maxLineBytes?: number;
  /** ECS → Sigma field table for JSON Lines (default: the built-in one, see `extendFieldMap`). */
  readonly fieldMap?: FieldMap;
  /** Name used in each event's origin instead of the path. */
  readonly sourceName?: string;
}

export async function* readLogEvents(
  path: string,
  options: ReadLogOptions = {},
): AsyncGenerator<LogEvent> {
  await assertReadableFile(path);
  const format =
    options.format === undefined || options.format === 'auto'
      ? await sniffFormat(path)
      : options.format;
  const source = options.sourceName ?? path;
  const onProblem = options.onProblem ?? (() => {});
  if (format === 'evtx') {
    yield* readEvtxEvents(path, { source, onProblem });
    return;
  }
  yield* readTextEvents(path, format, { ...options, source, onProblem });
}

async function assertReadableFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw detectInputErrors.create('input_unreadable', { details: { path } });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw detectInputErrors.create('input_not_found', { details: { path }, cause: err });
    }
    throw err;
  }
}

/** One line's text → event, or the reason it was skipped; shared with the follow and syslog inputs. */
export function lineToEvent(
  text: string,
  format: Exclude<LogFormat, 'auto' | 'evtx'>,
  origin: EventOrigin,
  fieldMap: FieldMap = defaultFieldMap,
): { ok: true; event: LogEvent } | { ok: false; reason: string } {
  if (format === 'jsonl') {
    return jsonTextToEvent(text, origin, { fieldMap, windows: windowsEventFromJson });
  }
  // BSD syslog timestamps carry no year: this year (UTC) is the best guess for a live log.
  return parseTextLine(text, format as TextFormat, origin, { year: new Date().getUTCFullYear() });
}

async function* readTextEvents(
  path: string,
  format: Exclude<LogFormat, 'auto' | 'evtx'>,
  options: ReadLogOptions & { source: string; onProblem: ProblemHandler },
): AsyncGenerator<LogEvent> {
  const { source, onProblem } = options;
  const lines = readLines(
    path,
    options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes },
  );
  for await (const item of lines) {
    if (item.kind === 'overlong') {
      onProblem(overlong(source, item.line, item.bytes));
      continue;
    }
    if (item.text.trim() === '') continue;
    const result = lineToEvent(item.text, format, { source, line: item.line }, options.fieldMap);
    if (result.ok) yield result.event;
    else onProblem({ code: 'line_unparsed', message: result.reason, source, line: item.line });
  }
}

export function overlong(source: string, line: number, bytes: number): InputProblem {
  return {
    code: 'line_too_long',
    message: `line of ${bytes} bytes is longer than the limit and was skipped`,
    source,
    line,
  };
}
