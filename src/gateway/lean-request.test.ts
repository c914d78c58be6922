/**
 * Reading a request on the lean path as Fastify would: bounded bodies, JSON only,
 * prototype poisoning refused (plain and \u-escaped), request ids, caller address.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShieldwallError } from '../platform/errors.js';
import { createCancel } from './cancel-signal.js';
import { clientAddress, isJsonType, poisoned, readJsonBody, requestIdOf } from './lean-request.js';

/** A request-shaped stream: its body in `chunks`, its headers and peer address. */
function fakeRequest(
  chunks: (string | Buffer)[],
  headers: Record<string, string> = {},
  peer = '10.1.2.3',
): IncomingMessage {
  const r = Readable.from(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
  return Object.assign(r, {
    headers,
    socket: { remoteAddress: peer },
  }) as unknown as IncomingMessage;
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ShieldwallError) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('readJsonBody', () => {
  it('parses a JSON body sent in several chunks', async () => {
    const body = await readJsonBody(fakeRequest(['{"model":', '"m","messages":[]}']), 1000);
    expect(body).toEqual({ model: 'm', messages: [] });
  });

  it('refuses a body over the limit, by Content-Length before reading and by counting', async () => {
    expect(
      await refusal(readJsonBody(fakeRequest(['{}'], { 'content-length': '5000' }), 1000)),
    ).toBe('request_too_large');
    expect(await refusal(readJsonBody(fakeRequest(['{"a":"', 'x'.repeat(2000), '"}']), 1000))).toBe(
      'request_too_large',
    );
    // At the limit exactly is fine.
    const exact = `{"a":"${'x'.repeat(1000 - 8)}"}`;
    expect(exact.length).toBe(1000);
    expect(await readJsonBody(fakeRequest([exact]), 1000)).toEqual({ a: 'x'.repeat(992) });
  });

  it('refuses what is not JSON, and an empty body', async () => {
    expect(await refusal(readJsonBody(fakeRequest(['{"model":']), 1000))).toBe('invalid_request');
    expect(await refusal(readJsonBody(fakeRequest([]), 1000))).toBe('invalid_request');
  });

  it('refuses prototype poisoning, plainly written or \\u-escaped, at any depth', async () => {
    for (const text of [
      '{"__proto__":{"admin":true}}',
      '{"messages":[{"role":"user","content":"x","__proto__":{"a":1}}]}',
      '{"\\u005f\\u005fproto__":{"admin":true}}',
      '{"a":{"b":{"constructor":{"prototype":{"admin":true}}}}}',
    ])
      expect(await refusal(readJsonBody(fakeRequest([text]), 1000)), text).toBe('invalid_request');
  });

  it('accepts the words themselves in values, and a constructor key without a prototype', async () => {
    const text = '{"content":"__proto__ and constructor","constructor":"x","m":"caf\\u00e9"}';
    expect(await readJsonBody(fakeRequest([text]), 1000)).toEqual({
      content: '__proto__ and constructor',
      constructor: 'x',
      m: 'café',
    });
  });
});

describe('poisoned', () => {
  it('walks deep nesting without overflowing the stack', () => {
    const depth = 100_000;
    const deep = JSON.parse(`${'['.repeat(depth)}{"__proto__":1}${']'.repeat(depth)}`);
    expect(poisoned(deep)).toBe(true);
    expect(poisoned(JSON.parse(`${'['.repeat(depth)}1${']'.repeat(depth)}`))).toBe(false);
  });

  it('never calls a body without own __proto__/constructor.prototype keys poisoned', () => {
    fc.assert(
      fc.property(fc.json(), (text) => {
        const value: unknown = JSON.parse(text);
        const named = /"(__proto__|constructor)"\s*:/.test(text);
        if (!named) expect(poisoned(value)).toBe(false);
      }),
    );
  });
});

describe('request id and caller address', () => {
  it('echoes a safe X-Request-Id and replaces anything else', () => {
    expect(requestIdOf(fakeRequest([], { 'x-request-id': 'abc-123.x:y_z' }))).toBe('abc-123.x:y_z');
    for (const bad of ['has space', 'x'.repeat(129), '<script>', ''])
      expect(requestIdOf(fakeRequest([], { 'x-request-id': bad }))).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-/,
      );
  });

  it('takes X-Forwarded-For only from a trusted proxy, client-most entry first', () => {
    const xff = { 'x-forwarded-for': ' , 203.0.113.9 ,\t198.51.100.2' };
    expect(clientAddress(fakeRequest([], xff), false)).toBe('10.1.2.3');
    expect(clientAddress(fakeRequest([], xff), true)).toBe('203.0.113.9');
    expect(clientAddress(fakeRequest([], { 'x-forwarded-for': ' 2001:db8::1 ' }), true)).toBe(
      '2001:db8::1',
    );
    expect(clientAddress(fakeRequest([], { 'x-forwarded-for': ' , ' }), true)).toBe('10.1.2.3');
    expect(clientAddress(fakeRequest([]), true)).toBe('10.1.2.3');
  });

  it('reads only application/json bodies', () => {
    expect(isJsonType('application/json')).toBe(true);
    expect(isJsonType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonType('application/jsonx')).toBe(false);
    expect(isJsonType('text/plain')).toBe(false);
    expect(isJsonType(undefined)).toBe(false);
  });
});

describe('createCancel', () => {
  it('calls each listener once on abort, none after removal, and stays aborted', () => {
    const c = createCancel();
    const calls: string[] = [];
    const a = () => calls.push('a');
    const b = () => calls.push('b');
    c.addEventListener('abort', a, { once: true });
    c.addEventListener('abort', b, { once: true });
    c.removeEventListener('abort', a);
    expect(c.aborted).toBe(false);
    c.abort();
    c.abort();
    expect(calls).toEqual(['b']);
    expect(c.aborted).toBe(true);
    c.addEventListener('abort', a);
    expect(calls).toEqual(['b']);
  });
});
