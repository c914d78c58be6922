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
 * Screens a streamed answer while it streams. Content is never held back (streaming stays
 * chunk by chunk): every `everyChars` new characters of answer text, the last `windowChars`
 * are checked, one check at a time; when a check says stop, the client gets `cutEvent` instead
 * of the rest and the upstream request is cancelled. What was sent before stays sent.
 * Only the terminal event (`data: [DONE]`, `event: response.completed`) waits: the text after
 * the last check — all of a short answer — is checked before it goes, so no stream completes
 * unscreened, and one that should not have ends in `cutEvent`, which the client reads as an
 * error instead of a complete answer. A check that fails counts as stop: a streamed answer
 * fails closed, as a buffered one does.
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
  /** The check running now, if any. */
  let checking: Promise<void> | undefined;
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
  /** With a guard, the terminal event and anything after it, held until the last check. */
  let held: Buffer = EMPTY;
  const cutStream = (upstreamDone = false) => {
    if (cut || ended || guard === undefined) return;
    cut = true;
    partial = EMPTY;
    held = EMPTY;
    if (!out.destroyed) out.end(guard.cutEvent);
    if (!upstreamDone) abortUpstream();
    end(status, 'safeguard_blocked');
  };
  /** Check the answer's last window; a check that throws says stop. */
  const check = (g: StreamGuard): Promise<boolean> => {
    const text = scanner.text();
    checkedTo = text.length;
    return g
      .check(text.length > g.windowChars ? text.slice(-g.windowChars) : text)
      .catch(() => true);
  };
  const screenIfDue = () => {
    if (guard === undefined || checking !== undefined || cut || ended) return;
    if (scanner.text().length - checkedTo < guard.everyChars) return;
    checking = check(guard).then((stop) => {
      checking = undefined;
      if (stop) cutStream();
      else screenIfDue(); // more may have arrived while this check ran
    });
  };
  /** At the upstream's end: check what no check has seen, then complete the stream or cut it. */
  const finish = async (g: StreamGuard) => {
    // A check that ends may start another for what arrived meanwhile: wait for them all.
    while (checking !== undefined) await checking;
    if (cut || ended) return;
    if (scanner.text().length > checkedTo && (await check(g))) return cutStream(true);
    if (cut || ended) return;
    if (!out.destroyed) out.end(held.length === 0 ? partial : Buffer.concat([held, partial]));
    end(status, null);
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
    if (held.length > 0) {
      held = Buffer.concat([held, bytes.subarray(0, complete)]);
      return;
    }
    const terminal = terminalEventStart(bytes.subarray(0, complete));
    if (terminal >= 0) held = Buffer.from(bytes.subarray(terminal, complete));
    const ready = bytes.subarray(0, terminal >= 0 ? terminal : complete);
    if (ready.length > 0 && !out.write(ready)) {
      upstream.pause();
      out.once('drain', () => upstream.resume());
    }
  };
  if (guard === undefined) upstream.pipe(out);
  upstream.on('end', () => {
    if (guard === undefined) end(status, null);
    else void finish(guard);
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

/**
 * Chat Completions ends with `data: [DONE]`; the Responses API with a `response.completed`
 * event (with or without an `event:` line). Each is looked for where an event starts: at the
 * beginning or after a blank line (inside JSON a line break is always escaped).
 */
const TERMINAL_MARKERS = [
  'data: [DONE]',
  'event: response.completed',
  'data: {"type":"response.completed"',
].map((m) => Buffer.from(m));
const TERMINAL_NEEDLES = TERMINAL_MARKERS.flatMap((m) =>
  ['\n\n', '\r\n\r\n'].map((gap) => ({
    bytes: Buffer.concat([Buffer.from(gap), m]),
    skip: gap.length,
  })),
);

/** Where the event that completes a stream begins in whole events, or -1. */
function terminalEventStart(events: Buffer): number {
  for (const m of TERMINAL_MARKERS) if (events.subarray(0, m.length).equals(m)) return 0;
  let first = -1;
  for (const n of TERMINAL_NEEDLES) {
    const at = events.indexOf(n.bytes);
    if (at >= 0 && (first < 0 || at + n.skip < first)) first = at + n.skip;
  }
  return first;
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
