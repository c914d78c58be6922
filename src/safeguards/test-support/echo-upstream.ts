/**
 * The smallest OpenAI-compatible model server for the safeguards tests: it
 * lists one model and answers every chat call "ok" (the gateway's own stub
 * lives behind the gateway module's door, which tests may not cross).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface EchoUpstream {
  /** Base URL including /v1. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startEchoUpstream(model = 'defender-small'): Promise<EchoUpstream> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && req.url === '/v1/models') {
        res.end(
          JSON.stringify({
            object: 'list',
            data: [{ id: model, object: 'model', created: 0, owned_by: 'test' }],
          }),
        );
        return;
      }
      res.end(
        JSON.stringify({
          id: 'chatcmpl-test',
          object: 'chat.completion',
          created: 0,
          model,
          choices: [
            { index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' },
          ],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
