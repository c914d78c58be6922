/**
 * Lines of a file, streamed in fixed-size chunks through the pure LineSplitter: memory stays
 * bounded by the chunk size plus the longest allowed line, whatever the file size.
 */
import { createReadStream } from 'node:fs';
import { type LineItem, LineSplitter } from '../engine/inputs/line-splitter.js';

export const READ_CHUNK_BYTES = 256 * 1024;

export async function* readLines(
  path: string,
  options: { maxLineBytes?: number; start?: number } = {},
): AsyncGenerator<LineItem> {
  const splitter = new LineSplitter(
    options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes },
  );
  const stream = createReadStream(path, {
    highWaterMark: READ_CHUNK_BYTES,
    ...(options.start === undefined ? {} : { start: options.start }),
  });
  for await (const chunk of stream) {
    yield* splitter.push(chunk as Buffer);
  }
  yield* splitter.end();
}
