/**
 * Puts the lean path in front of Fastify on the HTTP server, with no change to
 * the server's bootstrap: Fastify listens to the node server's 'request' event;
 * this takes its listener(s) off and puts one dispatcher on that hands each
 * request to the lean path when it claims it and to Fastify otherwise.
 * `app.inject()` does not go through the node server, so injected requests are
 * always Fastify's.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { LeanPath } from './lean-path.js';

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * @returns a function that puts Fastify's listeners back (tests).
 * @example
 * const restore = putInFront(app.server, createLeanPath({ ... }));
 */
export function putInFront(server: Server, lean: LeanPath): () => void {
  const behind = server.listeners('request') as RequestListener[];
  // Without Fastify's listener there is nothing to fall back on: leave the server as it is.
  if (behind.length === 0) return () => undefined;
  const dispatch: RequestListener = (req, res) => {
    const endpoint = lean.claims(req);
    if (endpoint !== undefined) return lean.handle(req, res, endpoint);
    for (const listener of behind) listener.call(server, req, res);
  };
  server.removeAllListeners('request');
  server.on('request', dispatch);
  return () => {
    server.off('request', dispatch);
    for (const listener of behind) server.on('request', listener);
  };
}
