/**
 * The shared webhook POST: URL checks, a status-only answer, a time limit, and
 * internal addresses refused unless allowed — up front for literal addresses, on
 * connect for names that resolve to one (DNS rebinding).
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { postWebhook, webhookUrlProblem, webhookUrlProblems } from './webhook-post.js';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise<void>((r) => s.close(() => r()))));
});

/** A receiver answering `status` (or never answering when `hang`), counting what it got. */
async function receiver(status: number, hang = false): Promise<{ url: string; got: string[] }> {
  const got: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      got.push(body);
      if (!hang) res.writeHead(status).end('a long answer nobody reads');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/hook`, got };
}

const ua = { userAgent: 'Shieldwall-Test/1' };

describe('webhookUrlProblem', () => {
  it('accepts public https URLs and says what is wrong with the rest', () => {
    expect(webhookUrlProblem('https://hooks.example.org/x', false)).toBeUndefined();
    // Plain http only where internal addresses are allowed (tests, a private network).
    expect(webhookUrlProblem('http://hooks.example.org/x', false, '; use --allow')).toBe(
      'only https URLs: plain http is allowed only where internal addresses are; use --allow',
    );
    expect(webhookUrlProblem('http://hooks.example.org/x', true)).toBeUndefined();
    expect(webhookUrlProblem('http://127.0.0.1:8080/x', true)).toBeUndefined();
    expect(webhookUrlProblem('ftp://hooks.example.org/x', false)).toMatch(/http/);
    expect(webhookUrlProblem('https://user:pw@hooks.example.org/x', false)).toMatch(/password/);
    expect(webhookUrlProblem('not a url', false)).toBe('not a URL');
    expect(webhookUrlProblem(`https://example.org/${'a'.repeat(2048)}`, false)).toMatch(/2,048/);
    for (const internal of [
      'http://127.0.0.1:8080/x',
      'http://localhost:9/x',
      'http://[::1]/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::ffff:10.0.0.1]/x',
    ])
      expect(webhookUrlProblem(internal, false)).toMatch(/internal address/);
    expect(webhookUrlProblem('http://10.1.2.3/x', false, '; use --allow')).toMatch(
      /; use --allow$/,
    );
  });
});

describe('webhookUrlProblems', () => {
  it('says each refusal in English and in Spanish, with the hint where allowing internal addresses would help', () => {
    const hint = { en: ' (EN hint)', es: ' (ES hint)' };
    for (const bad of [
      `https://example.org/${'a'.repeat(2048)}`,
      'not a url',
      'ftp://hooks.example.org/x',
      'https://user:pw@hooks.example.org/x',
      'https://127.0.0.1/x',
      'http://hooks.example.org/x',
    ]) {
      const p = webhookUrlProblems(bad, false, hint);
      expect(p, bad).toBeDefined();
      expect(p?.es, bad).not.toBe(p?.en);
      // The English is what the command line prints.
      expect(p?.en).toBe(webhookUrlProblem(bad, false, hint.en));
    }
    expect(webhookUrlProblems('http://hooks.example.org/x', false, hint)?.es).toMatch(
      /https.*\(ES hint\)$/,
    );
    expect(webhookUrlProblems('https://hooks.example.org/x', false, hint)).toBeUndefined();
  });
});

describe('postWebhook', () => {
  it('refuses to send over plain http unless internal addresses are allowed', async () => {
    const out = await postWebhook(
      'http://hooks.example.org/x',
      '{}',
      {},
      {
        allowInternal: false,
        userAgent: 'test',
      },
    );
    expect(out).toMatchObject({ ok: false, refused: true });
    expect(out.error).toMatch(/https/);
  });

  it('POSTs the JSON and reports the status without reading the answer', async () => {
    const ok = await receiver(204);
    const sent = await postWebhook(
      ok.url,
      '{"a":1}',
      { 'x-one': '1' },
      { allowInternal: true, ...ua },
    );
    expect(sent).toEqual({ ok: true, status: 204 });
    expect(ok.got).toEqual(['{"a":1}']);
    const failing = await receiver(500);
    expect(await postWebhook(failing.url, '{}', {}, { allowInternal: true, ...ua })).toEqual({
      ok: false,
      status: 500,
      error: 'HTTP 500',
    });
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const slow = await receiver(200, true);
    const t0 = Date.now();
    const outcome = await postWebhook(
      slow.url,
      '{}',
      {},
      { allowInternal: true, timeoutMs: 300, ...ua },
    );
    expect(outcome).toMatchObject({ ok: false, error: 'ETIMEDOUT' });
    expect(Date.now() - t0).toBeLessThan(3_000);
  });

  it('refuses internal addresses unless allowed, literal or by name, as final', async () => {
    const hook = await receiver(200);
    const port = new URL(hook.url).port;
    // `localhost` is refused on the address it resolves to when connecting.
    const byName = await postWebhook(
      `http://localhost:${port}/x`,
      '{}',
      {},
      {
        allowInternal: false,
        timeoutMs: 2_000,
        ...ua,
      },
    );
    expect(byName).toMatchObject({
      ok: false,
      refused: true,
      error: expect.stringMatching(/internal/),
    });
    const literal = await postWebhook(hook.url, '{}', {}, { allowInternal: false, ...ua });
    expect(literal).toMatchObject({ ok: false, refused: true });
    expect(hook.got).toEqual([]);
    expect((await postWebhook(hook.url, '{}', {}, { allowInternal: true, ...ua })).ok).toBe(true);
  });
});
