import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Bus, BusEvent } from '../ports/bus.js';
import type { App } from './app.js';

export interface EventStreamOptions {
  /** Subject pattern on the bus, e.g. `audit.appended`. */
  readonly pattern: string;
  /** SSE `event:` name sent to the client. */
  readonly eventName: string;
  /** What of the bus event the client may see (never more than it may read); undefined sends nothing. */
  readonly project: (event: BusEvent) => unknown;
}

const HEARTBEAT_MS = 15_000;
const MAX_STREAMS = 200;

/**
 * Server-Sent Events fed by the bus, for live views (audit entries now; alerts
 * and indicators later). A client that reconnects with `Last-Event-ID` gets
 * what it missed, replayed from the bus. Streams are closed when the server
 * shuts down so they do not hold up the drain, and their number is capped.
 */
export type EventStream = (
  request: FastifyRequest,
  reply: FastifyReply,
  options: EventStreamOptions,
) => Promise<void>;

export function createEventStreams(app: App, bus: Bus): EventStream {
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of open) end();
  });

  return async function stream(
    request: FastifyRequest,
    reply: FastifyReply,
    options: EventStreamOptions,
  ): Promise<void> {
    if (open.size >= MAX_STREAMS) {
      await reply
        .code(503)
        .header('retry-after', '30')
        .type('application/problem+json')
        .send({
          type: 'urn:shieldwall:error:too_many_streams',
          title: 'Service unavailable',
          status: 503,
          code: 'too_many_streams',
          detail: 'Too many live streams are open on this server. Try again in a little while.',
          instance: request.url.split('?')[0],
          requestId: String(request.id),
        });
      return;
    }
    const lastId = Number(request.headers['last-event-id']);
    const from = Number.isSafeInteger(lastId) && lastId >= 0 ? { seq: lastId + 1 } : 'new';
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': String(request.id),
    });
    // Subscribe before saying "connected": a client that acts on that line (or a test that publishes
    // right after it) must not miss an event published in between.
    const subscription = await bus.subscribe(
      options.pattern,
      (event) => {
        const shown = options.project(event);
        if (shown === undefined) return;
        raw.write(
          `id: ${event.seq}\nevent: ${options.eventName}\ndata: ${JSON.stringify(shown)}\n\n`,
        );
      },
      { from },
    );
    raw.write(': connected\n\n');
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      open.delete(end);
      clearInterval(heartbeat);
      void subscription.unsubscribe();
      raw.end();
    };
    open.add(end);
    request.raw.once('close', end);
    // The client may have gone while the subscription was being made: 'close' has fired already.
    if (request.raw.destroyed || raw.destroyed) end();
  };
}
