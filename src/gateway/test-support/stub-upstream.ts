/**
 * A faithful stand-in for an OpenAI-compatible model server, for tests and the
 * benchmark: a real HTTP server that answers /v1/models, /v1/chat/completions
 * and /v1/responses in OpenAI's formats (JSON and Server-Sent Events, with
 * `usage`), and can be told to misbehave: hang, reset the connection, answer
 * 502/503, send malformed SSE, or hold its last streamed chunk until released.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubMode = 'ok' | 'hang' | 'reset' | '502' | '503' | 'malformed' | 'error400';

export interface StubRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
}

export interface StubUpstream {
  /** Base URL including /v1, e.g. http://127.0.0.1:40123/v1 */
  readonly url: string;
  mode: StubMode;
  /** Models GET /v1/models lists. */
  models: string[];
  /** Answer text (split into one chunk per word when streaming). */
  answer: string;
  /** Delay between streamed chunks, ms. */
  chunkDelayMs: number;
  /** When set, a stream holds its last chunk until this resolves. */
  holdLast: Promise<void> | undefined;
  readonly requests: StubRequest[];
  /** Requests whose client went away before the answer was finished. */
  readonly aborted: number;
  /** Chunks written to streams so far (all requests). */
  readonly chunksSent: number;
  close(): Promise<void>;
}

export async function startStubUpstream(
  options: { models?: string[]; answer?: string; record?: boolean } = {},
): Promise<StubUpstream> {
  let aborted = 0;
  let chunksSent = 0;
  const record = options.record ?? true;
  const state = {
    mode: 'ok' as StubMode,
    models: options.models ?? ['defender-small', 'defender-large', 'general-model'],
    answer: options.answer ?? 'Patch the server and rotate the credentials.',
    chunkDelayMs: 0,
    holdLast: undefined as Promise<void> | undefined,
    requests: [] as StubRequest[],
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body =
          chunks.length === 0
            ? {}
            : (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>);
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            error: { message: 'bad json', type: 'invalid_request_error', param: null, code: null },
          }),
        );
        return;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (record) state.requests.push({ path, headers: req.headers, body });
      res.on('close', () => {
        if (!res.writableFinished) aborted++;
      });
      void answer(path, body, req, res);
    });
  });
  server.keepAliveTimeout = 30_000;

  async function answer(
    path: string,
    body: Record<string, unknown>,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    if (path === '/v1/models' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          object: 'list',
          data: state.models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'stub' })),
        }),
      );
      return;
    }
    if (state.mode === 'hang') return; // never answers
    if (state.mode === 'reset') {
      req.socket.destroy();
      return;
    }
    if (state.mode === '502' || state.mode === '503') {
      res.writeHead(Number(state.mode), { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: 'overloaded', type: 'server_error', param: null, code: null },
        }),
      );
      return;
    }
    if (state.mode === 'error400') {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: {
            message: 'context too long',
            type: 'invalid_request_error',
            param: 'messages',
            code: 'context_length_exceeded',
          },
        }),
      );
      return;
    }
    const model = typeof body.model === 'string' ? body.model : 'unknown';
    const words = state.answer.split(' ');
    const usage = { prompt: 12, completion: words.length };
    if (path === '/v1/chat/completions') {
      if (body.stream === true) {
        const frames = words.map((w, i) =>
          sse({
            id: 'chatcmpl-stub',
            object: 'chat.completion.chunk',
            created: 1,
            model,
            choices: [
              {
                index: 0,
                delta: i === 0 ? { role: 'assistant', content: w } : { content: ` ${w}` },
                finish_reason: null,
              },
            ],
          }),
        );
        frames.push(
          sse({
            id: 'chatcmpl-stub',
            object: 'chat.completion.chunk',
            created: 1,
            model,
            choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
            ...(isRecord(body.stream_options) && body.stream_options.include_usage === true
              ? {
                  usage: {
                    prompt_tokens: usage.prompt,
                    completion_tokens: usage.completion,
                    total_tokens: usage.prompt + usage.completion,
                  },
                }
              : {}),
          }),
        );
        frames.push('data: [DONE]\n\n');
        return stream(res, frames);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-stub',
          object: 'chat.completion',
          created: 1,
          model,
          choices: [
            {
              index: 0,
              message: { role: 'assistant', content: state.answer, refusal: null },
              finish_reason: 'stop',
              logprobs: null,
            },
          ],
          usage: {
            prompt_tokens: usage.prompt,
            completion_tokens: usage.completion,
            total_tokens: usage.prompt + usage.completion,
          },
        }),
      );
      return;
    }
    if (path === '/v1/responses') {
      const response = {
        id: 'resp_stub',
        object: 'response',
        created_at: 1,
        status: 'completed',
        model,
        output: [
          {
            type: 'message',
            id: 'msg_stub',
            status: 'completed',
            role: 'assistant',
            content: [{ type: 'output_text', text: state.answer, annotations: [] }],
          },
        ],
        usage: {
          input_tokens: usage.prompt,
          output_tokens: usage.completion,
          total_tokens: usage.prompt + usage.completion,
        },
      };
      if (body.stream === true) {
        let seq = 0;
        const ev = (type: string, data: Record<string, unknown>) =>
          `event: ${type}\n${sse({ type, sequence_number: seq++, ...data })}`;
        const frames = [
          ev('response.created', {
            response: { ...response, status: 'in_progress', output: [], usage: null },
          }),
          ...words.map((w, i) =>
            ev('response.output_text.delta', {
              item_id: 'msg_stub',
              output_index: 0,
              content_index: 0,
              delta: i === 0 ? w : ` ${w}`,
            }),
          ),
          ev('response.completed', { response }),
        ];
        return stream(res, frames);
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(response));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: { message: 'not found', type: 'invalid_request_error', param: null, code: null },
      }),
    );
  }

  async function stream(res: ServerResponse, frames: string[]): Promise<void> {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
    });
    res.flushHeaders();
    for (let i = 0; i < frames.length; i++) {
      if (res.destroyed) return;
      if (i === frames.length - 1 && state.holdLast !== undefined) await state.holdLast;
      else if (i > 0 && state.chunkDelayMs > 0)
        await new Promise((r) => setTimeout(r, state.chunkDelayMs));
      if (res.destroyed) return;
      const frame =
        state.mode === 'malformed' && i === 1
          ? 'data: {"choices": [ broken\n\n'
          : (frames[i] as string);
      res.write(frame);
      chunksSent++;
    }
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stub = {
    url: `http://127.0.0.1:${port}/v1`,
    get mode() {
      return state.mode;
    },
    set mode(m: StubMode) {
      state.mode = m;
    },
    get models() {
      return state.models;
    },
    set models(m: string[]) {
      state.models = m;
    },
    get answer() {
      return state.answer;
    },
    set answer(a: string) {
      state.answer = a;
    },
    get chunkDelayMs() {
      return state.chunkDelayMs;
    },
    set chunkDelayMs(ms: number) {
      state.chunkDelayMs = ms;
    },
    get holdLast() {
      return state.holdLast;
    },
    set holdLast(p: Promise<void> | undefined) {
      state.holdLast = p;
    },
    get requests() {
      return state.requests;
    },
    get aborted() {
      return aborted;
    },
    get chunksSent() {
      return chunksSent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return stub;
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
