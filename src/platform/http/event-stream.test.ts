/**
 * The SSE helper against a bus whose subscriptions take a while to be made (as NATS JetStream's
 * consumers do): an event published as soon as the client reads ": connected" must arrive, and a
 * client that leaves while the subscription is being made must not leave it behind.
 */
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Bus, BusHandler } from '../ports/bus.js';
import type { App } from './app.js';
import { createEventStreams } from './event-stream.js';

/** A bus that takes `delayMs` to make each subscription; counts live subscriptions. */
function slowBus(delayMs: number) {
  const handlers = new Set<BusHandler>();
  let seq = 0;
  const bus: Bus = {
    async publish(subject, data) {
      seq += 1;
      for (const h of handlers) await h({ subject, seq, time: new Date().toISOString(), data });
      return { seq };
    },
    async subscribe(_pattern, handler) {
      await new Promise((r) => setTimeout(r, delayMs));
      handlers.add(handler);
      return {
        unsubscribe: async () => {
          handlers.delete(handler);
        },
      };
    },
    lastSeq: async () => seq,
    ping: async () => {},
    close: async () => {},
  };
  return { bus, live: () => handlers.size };
}

describe('event streams over a slow-to-subscribe bus', () => {
  let app: App | undefined;
  afterEach(async () => {
    await app?.close();
  });

  async function serve(bus: Bus): Promise<string> {
    app = Fastify() as unknown as App;
    const stream = createEventStreams(app, bus);
    app.get('/stream', (request, reply) =>
      stream(request, reply, { pattern: 'x.>', eventName: 'x', project: (e) => e.data }),
    );
    return app.listen({ port: 0, host: '127.0.0.1' });
  }

  it('delivers an event published right after ": connected"', async () => {
    const { bus } = slowBus(150);
    const url = await serve(bus);
    const abort = new AbortController();
    const res = await fetch(`${url}/stream`, { signal: abort.signal });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async (until: string) => {
      while (!text.includes(until)) text += decoder.decode((await reader.read()).value);
    };
    await read(': connected');
    await bus.publish('x.one', { n: 1 });
    await read('event: x');
    expect(text).toContain('data: {"n":1}');
    abort.abort();
  });

  it('drops the subscription of a client that left while it was being made', async () => {
    const { bus, live } = slowBus(300);
    const url = await serve(bus);
    const abort = new AbortController();
    const res = fetch(`${url}/stream`, { signal: abort.signal }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    abort.abort();
    await res;
    await new Promise((r) => setTimeout(r, 600));
    expect(live()).toBe(0);
  });
});
