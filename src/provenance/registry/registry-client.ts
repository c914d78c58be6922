/**
 * The registry's HTTP client for `shieldwall model push|pull|list|grant|revoke-grant`:
 * files stream both ways (never read whole), uploads are hashed before they are
 * described, and downloads are hashed as they arrive and kept only when they match.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rename, stat, unlink } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { platformErrors, ShieldwallError } from '../../platform/errors.js';
import { registryErrors } from './registry-errors.js';

export interface ClientOptions {
  readonly server: string;
  readonly apiKey: string;
  readonly fetch?: typeof fetch;
}

const API_KEY = /^[A-Za-z0-9_]{1,200}$/;

/** Read an API key from a file (keys never go on the command line, where `ps` shows them). */
export async function readKeyFile(path: string): Promise<string> {
  let text: string;
  try {
    const st = await stat(path);
    if (st.size > 4096) throw new Error('too large');
    text = (await readFile(path, 'utf8')).trim();
  } catch (cause) {
    throw platformErrors.create('usage', {
      message: `Cannot read the API key file ${path}.`,
      cause,
    });
  }
  if (!API_KEY.test(text))
    throw platformErrors.create('usage', { message: `${path} does not hold an API key.` });
  return text;
}

/** SHA-256 and size of a file, streamed. */
export async function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/**
 * PUT a file with node:http(s), which writes a chunk only when the socket has drained.
 * (fetch in Node 20 reads a streamed request body ahead without limit, which would hold
 * a whole model in memory; the registry streaming test caught it.)
 */
async function putFile(
  url: string,
  headers: Record<string, string>,
  file: string,
): Promise<{ status: number; text: string }> {
  const send = url.startsWith('https:') ? httpsRequest : httpRequest;
  const req = send(url, { method: 'PUT', headers, timeout: 120_000 });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', (res) => {
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= 1024 * 1024) parts.push(c);
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(parts).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('the server stopped answering')));
    req.on('error', reject);
  });
  await Promise.all([
    pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), req),
    answer,
  ]);
  return answer;
}

export function createRegistryClient(options: ClientOptions) {
  const fetcher = options.fetch ?? fetch;
  const base = options.server.replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${options.apiKey}` };

  /** Turn a problem answer into the same ShieldwallError the server threw. */
  async function fail(res: Response): Promise<never> {
    const text = await res.text().catch(() => '');
    let problem: { code?: unknown; detail?: unknown } = {};
    try {
      problem = JSON.parse(text) as typeof problem;
    } catch {
      // not a problem document
    }
    const code = typeof problem.code === 'string' ? problem.code : 'internal';
    const detail = typeof problem.detail === 'string' ? problem.detail : `HTTP ${res.status}`;
    throw new ShieldwallError(code, res.status, detail);
  }

  async function json(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetcher(`${base}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      redirect: 'error',
    });
    if (!res.ok) return fail(res);
    return res.status === 204 ? undefined : ((await res.json()) as unknown);
  }

  return {
    json,

    /** Describe the artifact, then stream the file; returns the server's answers. */
    async push(
      file: string,
      meta: Record<string, unknown>,
    ): Promise<{ created: Record<string, unknown>; artifact: unknown }> {
      const { sha256, size } = await hashFile(file);
      const created = (await json('POST', '/api/models/artifacts', { ...meta, sha256, size })) as {
        uploadUrl: string;
      } & Record<string, unknown>;
      const put = await putFile(
        `${base}${created.uploadUrl}`,
        { ...auth, 'content-type': 'application/octet-stream' },
        file,
      );
      if (put.status !== 200) return fail(new Response(put.text, { status: put.status }));
      return { created, artifact: JSON.parse(put.text) as unknown };
    },

    /** Download to `out` (written only when the bytes match the artifact's SHA-256). */
    async pull(id: string, out: string): Promise<{ sha256: string; size: number }> {
      const res = await fetcher(`${base}/api/models/artifacts/${encodeURIComponent(id)}/content`, {
        headers: auth,
        redirect: 'error',
      });
      if (!res.ok || res.body === null) return fail(res);
      const expected = res.headers.get('x-artifact-sha256') ?? '';
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, chunk);
        },
      });
      const temp = `${out}.${randomBytes(6).toString('hex')}.part`;
      try {
        await pipeline(
          Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
          meter,
          createWriteStream(temp, { flags: 'wx', mode: 0o600 }),
        );
        const sha256 = hash.digest('hex');
        if (sha256 !== expected) throw registryErrors.create('download_mismatch');
        await rename(temp, out);
        return { sha256, size };
      } catch (err) {
        await unlink(temp).catch(() => undefined);
        throw err;
      }
    },
  };
}
