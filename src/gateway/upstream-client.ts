/**
 * Sends a request to the first upstream that can take it: node:http(s) with a
 * keep-alive agent per upstream (measured faster than global fetch here, and
 * its response is a plain stream we can pipe), a timeout on every wait, retries
 * with backoff only on failures that are safe to repeat (connection refused or
 * reset before a response; 502/503 before anything was streamed), a circuit
 * breaker per upstream, and fail-over down the candidate list.
 */
import {
  Agent as HttpAgent,
  request as httpRequest,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { urlToHttpOptions } from 'node:url';
import type { CancelSignal } from './cancel-signal.js';
import { type CircuitBreaker, createCircuitBreaker } from './engine/circuit-breaker.js';
import type { Candidate } from './engine/model-routing.js';
import type { UpstreamSpec } from './engine/upstream-config.js';

export type UpstreamResult =
  | {
      readonly ok: true;
      readonly upstream: string;
      readonly status: number;
      readonly response: IncomingMessage;
      readonly attempts: number;
      /** Abort the upstream request (the client went away). */
      abort(): void;
    }
  | {
      readonly ok: false;
      /** `timeout`: no answer in time; `unreachable`: refused/reset/502/503 after retries; `open`: every breaker open. */
      readonly reason: 'timeout' | 'unreachable' | 'open' | 'aborted';
      readonly upstream: string | null;
      readonly attempts: number;
    };

export interface UpstreamClient {
  send(
    candidates: readonly Candidate[],
    path: string,
    body: (model: string) => Buffer,
    options: { signal: CancelSignal; requestId: string },
  ): Promise<UpstreamResult>;
  /** GET {base}/models: the ids an upstream lists, or undefined when it cannot be read. */
  listModels(upstream: UpstreamSpec): Promise<string[] | undefined>;
  breakerState(upstream: string): 'closed' | 'open' | 'half-open';
  close(): void;
}

/** Parsed request targets kept (upstreams × paths; cleared if a config churns past this). */
const MAX_TARGETS = 1024;

const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const MAX_LIST_BYTES = 4 * 1024 * 1024;

type Attempt =
  | { kind: 'response'; response: IncomingMessage; abort(): void }
  | { kind: 'retryable' }
  /** Failed before any answer in a way repeating here will not fix (TLS, DNS, protocol): try the next upstream. */
  | { kind: 'broken' }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

export function createUpstreamClient(deps: {
  /** The API key of an upstream (read from its environment variable by the caller). */
  readonly apiKey: (upstream: UpstreamSpec) => string | undefined;
  readonly now: () => number;
  readonly breaker?: { threshold?: number; cooldownMs?: number };
  /** First retry delay, doubled each time (default 50 ms). */
  readonly backoffMs?: number;
}): UpstreamClient {
  const http = new HttpAgent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000 });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000 });
  const breakers = new Map<string, CircuitBreaker>();
  // `baseUrl + path` parsed once: a URL per request was a measurable part of its cost.
  const targets = new Map<string, { secure: boolean; options: RequestOptions }>();
  const targetOf = (href: string) => {
    let t = targets.get(href);
    if (t === undefined) {
      if (targets.size >= MAX_TARGETS) targets.clear();
      const url = new URL(href);
      // Only what node's http client reads (as it would from the URL itself).
      const { protocol, hostname, port, path, auth } = urlToHttpOptions(url);
      const options: RequestOptions = { protocol, hostname, path };
      if (port !== undefined && port !== '') options.port = port;
      if (auth !== undefined) options.auth = auth;
      t = { secure: url.protocol === 'https:', options };
      targets.set(href, t);
    }
    return t;
  };
  const breaker = (name: string) => {
    let b = breakers.get(name);
    if (b === undefined) {
      b = createCircuitBreaker(deps.breaker);
      breakers.set(name, b);
    }
    return b;
  };

  const attempt = (
    u: UpstreamSpec,
    method: 'GET' | 'POST',
    path: string,
    payload: Buffer | undefined,
    signal: CancelSignal | undefined,
    requestId: string,
  ): Promise<Attempt> =>
    new Promise((resolve) => {
      const { secure, options } = targetOf(u.baseUrl + path);
      const key = deps.apiKey(u);
      // Identity encoding: the answer is relayed as it comes, with its content type only.
      const headers: Record<string, string> = {
        accept: 'application/json, text/event-stream',
        'accept-encoding': 'identity',
      };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(payload.length);
      }
      if (key !== undefined) headers.authorization = `Bearer ${key}`;
      headers['x-request-id'] = requestId;
      let settled = false;
      let timedOut = false;
      const settle = (a: Attempt) => {
        if (!settled) {
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          resolve(a);
        }
      };
      const req = (secure ? httpsRequest : httpRequest)({
        ...options,
        method,
        headers,
        agent: secure ? https : http,
      });
      const onAbort = () => {
        req.destroy();
        settle({ kind: 'aborted' });
      };
      if (signal?.aborted === true) return onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      // An idle socket for timeoutMs — waiting for headers or between streamed chunks — ends it.
      req.setTimeout(u.timeoutMs, () => {
        timedOut = true;
        req.destroy(new Error('upstream timeout'));
      });
      req.on('response', (response) => {
        settle({ kind: 'response', response, abort: () => req.destroy() });
      });
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (timedOut) return settle({ kind: 'timeout' });
        if (signal?.aborted === true) return settle({ kind: 'aborted' });
        // Refused or reset before any response: nothing was processed, safe to repeat.
        const code = err.code ?? '';
        settle(
          RETRYABLE_CODES.has(code) || err.message === 'socket hang up'
            ? { kind: 'retryable' }
            : { kind: 'broken' },
        );
      });
      req.end(payload);
    });

  return {
    async send(candidates, path, body, options) {
      let attempts = 0;
      let lastUpstream: string | null = null;
      let anyTried = false;
      for (const c of candidates) {
        const b = breaker(c.upstream.name);
        const payload = body(c.model);
        for (let i = 0; i <= c.upstream.retries; i++) {
          if (!b.allow(deps.now())) break;
          anyTried = true;
          attempts++;
          lastUpstream = c.upstream.name;
          const a = await attempt(
            c.upstream,
            'POST',
            path,
            payload,
            options.signal,
            options.requestId,
          );
          if (a.kind === 'aborted')
            return { ok: false, reason: 'aborted', upstream: lastUpstream, attempts };
          if (a.kind === 'timeout') {
            b.failure(deps.now());
            return { ok: false, reason: 'timeout', upstream: lastUpstream, attempts };
          }
          if (a.kind === 'response') {
            const status = a.response.statusCode ?? 502;
            if (status !== 502 && status !== 503) {
              if (status >= 500) b.failure(deps.now());
              else b.success();
              return {
                ok: true,
                upstream: c.upstream.name,
                status,
                response: a.response,
                attempts,
                abort: a.abort,
              };
            }
            a.response.resume(); // drain, so the socket goes back to the pool
          }
          b.failure(deps.now());
          if (a.kind === 'broken') break;
          if (i < c.upstream.retries)
            await sleep((deps.backoffMs ?? 50) * 2 ** i * (0.5 + Math.random() / 2));
        }
      }
      return {
        ok: false,
        reason: anyTried ? 'unreachable' : 'open',
        upstream: lastUpstream,
        attempts,
      };
    },

    async listModels(upstream) {
      const a = await attempt(upstream, 'GET', '/models', undefined, undefined, 'model-list');
      if (a.kind !== 'response') return undefined;
      if (a.response.statusCode !== 200) {
        a.response.resume();
        return undefined;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of a.response as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_LIST_BYTES) {
          a.abort();
          return undefined;
        }
        chunks.push(chunk);
      }
      try {
        const doc = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: unknown };
        if (!Array.isArray(doc.data)) return undefined;
        return doc.data
          .map((m: unknown) =>
            typeof m === 'object' && m !== null ? (m as { id?: unknown }).id : undefined,
          )
          .filter((id): id is string => typeof id === 'string' && id.length <= 128);
      } catch {
        return undefined;
      }
    },

    breakerState: (name) => breaker(name).state(deps.now()),

    close() {
      http.destroy();
      https.destroy();
    },
  };
}
