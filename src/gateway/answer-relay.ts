/**
 * Relaying an upstream's answer: a stream is piped to the client chunk by chunk
 * as it arrives (read on the side for usage, the record and the safeguards
 * guard, which can cut it), and the upstream request is cancelled when the
 * client goes away; a plain answer is read whole, bounded in size.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { CancelSignal } from './cancel-signal.js';
import { createStreamScanner, type Usage } from './engine/openai-payload.js';
import { gatewayErrors } from './errors.js';

const EMPTY = Buffer.alloc(0);

/** Largest non-streamed upstream answer relayed, bytes. */
const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

export interface StreamOutcome {
  readonly status: number;
  /** `client_closed`, `upstream_stream_failed`, `upstream_malformed`, or null. */
  readonly error: string | null;
  readonly usage: Usage | undefined;
  readonly text: string;
}

/**
 * Screens a streamed answer while it streams. Chunks are never held back (streaming stays
 * chunk by chunk): every `everyChars` new characters of answer text, the last `windowChars`
 * are checked, one check at a time; when a check says stop, the client gets `cutEvent` instead
 * of the rest and the upstream request is cancelled. What was sent before stays sent.
 */
export interface StreamGuard {
  readonly everyChars: number;
  readonly windowChars: number;
  /** Resolves true to cut the stream. */
  check(text: string): Promise<boolean>;
  /** The last thing the client reads (an SSE event). */
  readonly cutEvent: string;
}

/**
 * @example
 * const out = relayStream(response, abortUpstream, signal, (o) => record(o));
 * reply.send(out);
 */
export function relayStream(
  upstream: IncomingMessage,
  abortUpstream: () => void,
  clientGone: CancelSignal,
  done: (outcome: StreamOutcome) => void,
  guard?: StreamGuard,
): Readable {
  const out = new PassThrough();
  const scanner = createStreamScanner();
  const decoder = new TextDecoder();
  const status = upstream.statusCode ?? 200;
  let ended = false;
  let cut = false;
  let checking = false;
  let checkedTo = 0;
  const end = (s: number, error: string | null) => {
    if (ended) return;
    ended = true;
    done({
      status: s,
      error: error ?? (scanner.malformed() > 0 ? 'upstream_malformed' : null),
      usage: scanner.usage(),
      text: scanner.text(),
    });
  };
  /** With a guard, the bytes of an event not yet complete (a cut must fall between events). */
  let partial: Buffer = EMPTY;
  const cutStream = () => {
    if (cut || ended || guard === undefined) return;
    cut = true;
    partial = EMPTY;
    out.end(guard.cutEvent);
    abortUpstream();
    end(status, 'safeguard_blocked');
  };
  const screenIfDue = () => {
    if (guard === undefined || checking || cut || ended) return;
    const text = scanner.text();
    if (text.length - checkedTo < guard.everyChars) return;
    checking = true;
    checkedTo = text.length;
    guard.check(text.length > guard.windowChars ? text.slice(-guard.windowChars) : text).then(
      (stop) => {
        checking = false;
        if (stop) cutStream();
        else screenIfDue(); // more may have arrived while this check ran
      },
      () => {
        checking = false; // a failing screen never breaks the stream
      },
    );
  };
  upstream.on('data', (chunk: Buffer) => {
    scanner.push(decoder.decode(chunk, { stream: true }));
    if (guard !== undefined && !cut) forwardEvents(chunk);
    screenIfDue();
  });
  // Without a guard the bytes go on as they come; with one, each event goes on as soon as it is
  // complete, so a cut never leaves half an event before the error event.
  const forwardEvents = (chunk: Buffer) => {
    const bytes = partial.length === 0 ? chunk : Buffer.concat([partial, chunk]);
    const lf = bytes.lastIndexOf('\n\n');
    const crlf = bytes.lastIndexOf('\r\n\r\n');
    const complete = Math.max(lf < 0 ? -1 : lf + 2, crlf < 0 ? -1 : crlf + 4);
    if (complete < 0) {
      partial = bytes;
      return;
    }
    partial = bytes.subarray(complete);
    if (!out.write(bytes.subarray(0, complete))) {
      upstream.pause();
      out.once('drain', () => upstream.resume());
    }
  };
  if (guard === undefined) upstream.pipe(out);
  upstream.on('end', () => {
    if (guard !== undefined && !cut) out.end(partial);
    end(status, null);
  });
  upstream.on('error', () => {
    end(status, 'upstream_stream_failed');
    // After a cut the relay ends on its own, with the cut event still to be read.
    if (!cut) out.destroy();
  });
  // The client went away (or the relay was destroyed): cancel the upstream request.
  out.on('close', () => {
    if (!upstream.complete && !cut) {
      abortUpstream();
      end(499, 'client_closed');
    }
  });
  clientGone.addEventListener('abort', () => out.destroy(), { once: true });
  return out;
}

/** The whole answer, at most MAX_ANSWER_BYTES; `upstream_unavailable` when it breaks off. */
export function readAnswer(stream: Readable, abort: () => void): Promise<Buffer> {
  // Plain events rather than `for await`: this runs on every request, and async iteration costs more.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_ANSWER_BYTES) {
        abort();
        stream.destroy();
        reject(
          gatewayErrors.create('upstream_unavailable', {
            message: 'The model server sent an answer larger than this gateway relays.',
          }),
        );
        return;
      }
      chunks.push(chunk);
    });
    stream.once('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    stream.once('error', (err) =>
      reject(
        gatewayErrors.create('upstream_unavailable', {
          message: 'The model server broke off its answer.',
          cause: err,
        }),
      ),
    );
    stream.once('aborted', () =>
      reject(
        gatewayErrors.create('upstream_unavailable', {
          message: 'The model server broke off its answer.',
        }),
      ),
    );
  });
}
