/**
 * Reading a /v1 request without Fastify, the way Fastify would: the JSON body
 * bounded by the gateway's body limit and refused when it carries prototype
 * poisoning (as Fastify's `onProtoPoisoning`/`onConstructorPoisoning: 'error'`
 * do), the request id, and the caller's address (X-Forwarded-For only when
 * the operator trusts the proxy in front).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { gatewayErrors } from './errors.js';
import { notJson } from './openai-reply.js';

/** The request id the client sent when it is safe to echo (as the server's genReqId), else a new one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * The caller's address as Fastify's `request.ip` gives it: the socket's peer, or
 * with a trusted proxy the first (client-most) X-Forwarded-For entry.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const peer = req.socket.remoteAddress;
  const header = req.headers['x-forwarded-for'];
  if (!trustProxy || typeof header !== 'string') return peer;
  // Entries are comma-separated, spaces and tabs around them ignored, empty ones skipped.
  for (let start = 0; start <= header.length; ) {
    const comma = header.indexOf(',', start);
    const end = comma < 0 ? header.length : comma;
    const entry = trimSpaces(header.slice(start, end));
    if (entry.length > 0) return entry;
    start = end + 1;
  }
  return peer;
}

function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s[a] === ' ' || s[a] === '\t')) a++;
  while (b > a && (s[b - 1] === ' ' || s[b - 1] === '\t')) b--;
  return s.slice(a, b);
}

/** `application/json`, with parameters or not: the only body the lean path reads. */
export function isJsonType(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const semi = contentType.indexOf(';');
  const essence = (semi < 0 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
  return essence === 'application/json';
}

/**
 * The body as JSON, at most `limit` bytes: `request_too_large` past it (before
 * reading when Content-Length says so), `invalid_request` for anything that is
 * not JSON or is poisoned.
 */
export function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limit)
      return reject(gatewayErrors.create('request_too_large'));
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        // What is left of the body is read and dropped by node once the answer is sent.
        reject(gatewayErrors.create('request_too_large'));
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      const text = (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)).toString(
        'utf8',
      );
      try {
        const value: unknown = JSON.parse(text);
        if (suspect(text) && poisoned(value)) return reject(notJson());
        resolve(value);
      } catch {
        reject(notJson());
      }
    };
    const onError = () => {
      stop();
      reject(notJson());
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    // A client that goes away mid-body: settle (nobody hears the answer; the cancel stops the rest).
    req.on('close', onError);
  });
}

/** Could the text name `__proto__` or `constructor` as a key (plainly or \u-escaped)? Linear scans only. */
function suspect(text: string): boolean {
  return text.includes('__proto__') || text.includes('constructor') || text.includes('\\u');
}

/**
 * An object with an own `__proto__` key, or a `constructor` key whose value has
 * a `prototype`: what merging code could turn into prototype pollution. Walked
 * with an explicit stack, so deep nesting cannot overflow ours.
 */
export function poisoned(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object' && x !== null) stack.push(x);
      continue;
    }
    if (Object.hasOwn(v, '__proto__')) return true;
    const ctor = (v as { constructor?: unknown }).constructor;
    if (
      Object.hasOwn(v, 'constructor') &&
      typeof ctor === 'object' &&
      ctor !== null &&
      Object.hasOwn(ctor, 'prototype')
    )
      return true;
    for (const key of Object.keys(v)) {
      const x = (v as Record<string, unknown>)[key];
      if (typeof x === 'object' && x !== null) stack.push(x);
    }
  }
  return false;
}
