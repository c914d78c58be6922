/**
 * EVTX files read chunk by chunk (64 KiB at a time, whatever the file size). Each record's
 * evtx_dump-shaped JSON goes through the rule engine's Windows mapping. A damaged chunk or record
 * is reported and skipped; a file cut in the middle of a chunk yields the records before the cut.
 */
import { open } from 'node:fs/promises';
import type { LogEvent } from '../engine/event.js';
import {
  EVTX_CHUNK_BYTES,
  EVTX_FILE_HEADER_BYTES,
  type EvtxRecord,
  parseChunk,
  parseFileHeader,
} from '../engine/inputs/evtx/evtx-chunk.js';
import { windowsEventFromJson } from '../engine/mapping/index.js';
import { detectInputErrors, type ProblemHandler } from './input-problems.js';

/** Raw evtx_dump-shaped records of a file, chunk by chunk. */
export async function* readEvtxRecords(
  path: string,
  options: { source: string; onProblem: ProblemHandler },
): AsyncGenerator<EvtxRecord> {
  const { source, onProblem } = options;
  const file = await open(path, 'r');
  try {
    const head = new Uint8Array(EVTX_FILE_HEADER_BYTES);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    const header = parseFileHeader(head.subarray(0, bytesRead));
    if (header === undefined) throw detectInputErrors.create('evtx_invalid', { details: { path } });
    if (!header.checksumOk) {
      onProblem({
        code: 'evtx_damaged',
        message: 'EVTX file header checksum does not match',
        source,
      });
    }
    const chunk = new Uint8Array(EVTX_CHUNK_BYTES);
    for (let index = 0; ; index++) {
      const at = EVTX_FILE_HEADER_BYTES + index * EVTX_CHUNK_BYTES;
      const read = await file.read(chunk, 0, EVTX_CHUNK_BYTES, at);
      if (read.bytesRead === 0) break;
      const result = parseChunk(chunk.subarray(0, read.bytesRead));
      for (const p of result.problems) {
        onProblem({
          code: p.message.includes('cut short') ? 'file_truncated' : 'evtx_damaged',
          message: `chunk ${index + 1}: ${p.message}`,
          source,
          ...(p.recordId === undefined ? {} : { line: p.recordId }),
        });
      }
      yield* result.records;
      if (read.bytesRead < EVTX_CHUNK_BYTES) break;
    }
  } finally {
    await file.close();
  }
}

export async function* readEvtxEvents(
  path: string,
  options: { source: string; onProblem: ProblemHandler },
): AsyncGenerator<LogEvent> {
  for await (const record of readEvtxRecords(path, options)) {
    const event = windowsEventFromJson(record.json, {
      source: options.source,
      line: record.recordId,
    });
    if (event !== null) yield event;
    else {
      options.onProblem({
        code: 'evtx_damaged',
        message: `record ${record.recordId} has no Event/System part`,
        source: options.source,
        line: record.recordId,
      });
    }
  }
}
