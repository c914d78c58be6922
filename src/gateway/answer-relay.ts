/**
 * Relaying an upstream's answer: a stream is piped to the client chunk by chunk
 * as it arrives (read on the side for usage and the record), and the upstream
 * request is cancelled when the client goes away; a plain answer is read whole,
 * bounded in size.
 */
import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import type { CancelSignal } from './cancel-signal.js';
import { createStreamScanner, type Usage } from './engine/openai-payload.js';
import { gatewayErrors } from './errors.js';

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
 * @example
 * const out = relayStream(response, abortUpstream, signal, (o) => record(o));
 * reply.send(out);
 */
export function relayStream(
  upstream: IncomingMessage,
  abortUpstream: () => void,
  clientGone: CancelSignal,
  done: (outcome: StreamOutcome) => void,
): Readable {
  const out = new PassThrough();
  const scanner = createStreamScanner();
  const decoder = new TextDecoder();
  const status = upstream.statusCode ?? 200;
  let ended = false;
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
  upstream.on('data', (chunk: Buffer) => scanner.push(decoder.decode(chunk, { stream: true })));
  upstream.pipe(out);
  upstream.on('end', () => end(status, null));
  upstream.on('error', () => {
    end(status, 'upstream_stream_failed');
    out.destroy();
  });
  // The client went away (or the relay was destroyed): cancel the upstream request.
  out.on('close', () => {
    if (!upstream.complete) {
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
