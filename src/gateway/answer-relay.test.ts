import type { IncomingMessage } from 'node:http';
import { PassThrough, type Readable } from 'node:stream';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { relayStream, type StreamGuard, type StreamOutcome } from './answer-relay.js';
import { createCancel } from './cancel-signal.js';

const CUT = 'data: {"error":{"code":"safeguard_blocked"}}\n\n';
const chat = (content: string) =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content } }] })}\n\n`;
const DONE = 'data: [DONE]\n\n';

/** An upstream answer as the HTTP client hands it over: a byte stream that knows when it is complete. */
function upstreamAnswer() {
  const body = new PassThrough() as PassThrough & { statusCode: number; complete: boolean };
  body.statusCode = 200;
  body.complete = false;
  return {
    message: body as unknown as IncomingMessage,
    send: (text: string) => body.write(Buffer.from(text)),
    finish: () => {
      body.complete = true;
      body.end();
    },
  };
}

/** Relay with `guard`; `read()` is everything the client has been sent so far. */
function relay(guard?: StreamGuard) {
  const up = upstreamAnswer();
  const abort = vi.fn();
  let outcome: StreamOutcome | undefined;
  const out: Readable = relayStream(
    up.message,
    abort,
    createCancel(),
    (o) => {
      outcome = o;
    },
    guard,
  );
  let sent = '';
  let ended = false;
  out.on('data', (b: Buffer) => {
    sent += b.toString();
  });
  out.on('end', () => {
    ended = true;
  });
  return { up, abort, read: () => sent, ended: () => ended, outcome: () => outcome };
}

function guardOf(check: (text: string) => Promise<boolean>): StreamGuard & { seen: string[] } {
  const seen: string[] = [];
  return {
    everyChars: 2000,
    windowChars: 16_000,
    cutEvent: CUT,
    seen,
    check: (text) => {
      seen.push(text);
      return check(text);
    },
  };
}

async function settle(r: ReturnType<typeof relay>) {
  for (let i = 0; i < 50 && !r.ended(); i++) await tick();
}

describe('relaying a screened stream', () => {
  it('checks a short answer before the stream completes, and completes it when allowed', async () => {
    const guard = guardOf(async () => false);
    const r = relay(guard);
    r.up.send(chat('Patch the VPN appliance') + chat(' and rotate its keys.'));
    r.up.send(DONE);
    r.up.finish();
    await settle(r);
    // Never screened mid-stream (under 2,000 characters): once, whole, at the end.
    expect(guard.seen).toEqual(['Patch the VPN appliance and rotate its keys.']);
    expect(r.read()).toBe(chat('Patch the VPN appliance') + chat(' and rotate its keys.') + DONE);
    expect(r.outcome()?.error).toBeNull();
  });

  it('ends a short answer the final check blocks with the cut event instead of [DONE]', async () => {
    const guard = guardOf(async (text) => text.includes('WITHHOLD'));
    const r = relay(guard);
    r.up.send(chat('here is the WITHHOLD part'));
    r.up.send(DONE);
    r.up.finish();
    await settle(r);
    expect(r.read()).toBe(chat('here is the WITHHOLD part') + CUT);
    expect(r.read()).not.toContain('[DONE]');
    expect(r.outcome()?.error).toBe('safeguard_blocked');
    // The upstream had finished: nothing to cancel.
    expect(r.abort).not.toHaveBeenCalled();
  });

  it('sends content at once and holds only the terminal event while the last check runs', async () => {
    let allow: (stop: boolean) => void = () => {};
    const guard = guardOf(() => new Promise((resolve) => (allow = resolve)));
    const r = relay(guard);
    r.up.send(chat('first'));
    await tick();
    expect(r.read()).toBe(chat('first')); // not waiting for anything
    r.up.send(chat(' second') + DONE);
    r.up.finish();
    await tick();
    await tick();
    expect(r.read()).toBe(chat('first') + chat(' second'));
    allow(false);
    await settle(r);
    expect(r.read()).toBe(chat('first') + chat(' second') + DONE);
  });

  it('completes only after every check has answered, one started by another included', async () => {
    const answers: ((stop: boolean) => void)[] = [];
    const guard: StreamGuard = {
      everyChars: 10,
      windowChars: 16_000,
      cutEvent: CUT,
      check: () => new Promise((resolve) => answers.push(resolve)),
    };
    const r = relay(guard);
    r.up.send(chat('0123456789ab')); // the first check starts
    await tick();
    r.up.send(chat('harmful part here') + DONE); // arrives while it runs
    r.up.finish();
    await tick();
    answers[0]?.(false); // the first says go on, and a second starts for the rest
    for (let i = 0; i < 5; i++) await tick();
    expect(answers).toHaveLength(2);
    expect(r.read()).not.toContain('[DONE]');
    answers[1]?.(true);
    await settle(r);
    expect(r.read().endsWith(CUT)).toBe(true);
    expect(r.outcome()?.error).toBe('safeguard_blocked');
  });

  it('fails closed: a check that throws cuts the stream', async () => {
    const r = relay(guardOf(async () => Promise.reject(new Error('classifier down'))));
    r.up.send(chat('anything') + DONE);
    r.up.finish();
    await settle(r);
    expect(r.read()).toBe(chat('anything') + CUT);
    expect(r.outcome()?.error).toBe('safeguard_blocked');
  });

  it('holds the Responses API completion event the same way', async () => {
    const guard = guardOf(async (text) => text.includes('WITHHOLD'));
    const r = relay(guard);
    const delta = `event: response.output_text.delta\ndata: ${JSON.stringify({ type: 'response.output_text.delta', delta: 'WITHHOLD this' })}\n\n`;
    const completed = `event: response.completed\ndata: ${JSON.stringify({ type: 'response.completed', response: { output: [] } })}\n\n`;
    r.up.send(delta + completed);
    r.up.finish();
    await settle(r);
    expect(r.read()).toBe(delta + CUT);
  });

  it('does not mistake "data: [DONE]" inside an answer for the end of the stream', async () => {
    const guard = guardOf(async () => false);
    const r = relay(guard);
    r.up.send(chat('a stream ends with\n\ndata: [DONE]'));
    r.up.send(chat(' and this goes on at once'));
    await tick();
    expect(r.read()).toBe(
      chat('a stream ends with\n\ndata: [DONE]') + chat(' and this goes on at once'),
    );
    r.up.send(DONE);
    r.up.finish();
    await settle(r);
    expect(r.read().endsWith(DONE)).toBe(true);
  });

  it('without a guard passes the bytes through as they come', async () => {
    const r = relay();
    r.up.send(chat('plain') + DONE);
    r.up.finish();
    await settle(r);
    expect(r.read()).toBe(chat('plain') + DONE);
    expect(r.outcome()?.error).toBeNull();
  });
});
