/**
 * `followLogEvents(path, signal)`: like `tail -F`. Reads the file to its end, then polls for new
 * lines; when the file shrinks (truncated) it starts again from the top, and when the path points
 * at a new file (rotated: other inode) it reads the new file from the start. Text formats only.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { LogEvent } from '../engine/event.js';
import { type LineItem, LineSplitter } from '../engine/inputs/line-splitter.js';
import type { ProblemHandler } from './input-problems.js';
import { type LogFormat, lineToEvent, overlong } from './read-log-events.js';
import { sniffFormat } from './sniff-format.js';

export interface FollowOptions {
  readonly format?: Exclude<LogFormat, 'evtx'>;
  readonly onProblem?: ProblemHandler;
  readonly pollMs?: number;
  readonly maxLineBytes?: number;
}

export async function* followLogEvents(
  path: string,
  signal: AbortSignal,
  options: FollowOptions = {},
): AsyncGenerator<LogEvent> {
  const onProblem = options.onProblem ?? (() => {});
  const pollMs = options.pollMs ?? 250;
  let format = options.format ?? 'auto';
  let inode = -1;
  let offset = 0;
  let splitter = newSplitter(options);
  while (!signal.aborted) {
    const info = await stat(path).catch(() => undefined);
    if (info !== undefined) {
      if (info.ino !== inode || info.size < offset) {
        // New file (rotation) or truncated: read from the start with a fresh line state.
        inode = info.ino;
        offset = 0;
        splitter = newSplitter(options);
      }
      if (format === 'auto' && info.size > 0) {
        const sniffed = await sniffFormat(path);
        if (sniffed === 'evtx')
          throw new Error('followLogEvents reads text logs; EVTX cannot be followed');
        format = sniffed;
      }
      if (info.size > offset && format !== 'auto') {
        const stream = createReadStream(path, { start: offset, end: info.size - 1 });
        offset = info.size;
        // Chunk by chunk: a file that grew by gigabytes between two polls still streams.
        for await (const chunk of stream) {
          for (const item of splitter.push(chunk as Buffer)) {
            const event = toEvent(item, format, path, onProblem);
            if (event !== undefined) yield event;
          }
        }
      }
    }
    await sleep(pollMs, undefined, { signal }).catch(() => undefined);
  }
}

function toEvent(
  item: LineItem,
  format: Exclude<LogFormat, 'evtx' | 'auto'>,
  path: string,
  onProblem: ProblemHandler,
): LogEvent | undefined {
  if (item.kind === 'overlong') {
    onProblem(overlong(path, item.line, item.bytes));
    return undefined;
  }
  if (item.text.trim() === '') return undefined;
  const result = lineToEvent(item.text, format, { source: path, line: item.line });
  if (result.ok) return result.event;
  onProblem({ code: 'line_unparsed', message: result.reason, source: path, line: item.line });
  return undefined;
}

function newSplitter(options: FollowOptions): LineSplitter {
  return new LineSplitter(
    options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes },
  );
}
