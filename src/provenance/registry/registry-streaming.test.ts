/**
 * A 200 MB artifact goes up and comes back through a real server without being held in
 * memory: the peak of live (collected) JS heap plus Buffer memory stays far below the
 * artifact size.
 * Client and server share this process, so the figure bounds both sides together.
 * Throughput and CPU time are printed for the report (not asserted: the machine is shared).
 */
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessServices } from '../../access/index.js';
import { startTestServer, type TestServer } from '../../platform/test-support/test-server.js';
import { bindKeyAs } from './registry-admin.js';

const MB = 1024 * 1024;
const SIZE = 200 * MB;
const CHUNK = 256 * 1024;

/** Deterministic, non-repeating-looking bytes, generated as they are read. */
function* chunks(): Generator<Buffer> {
  const block = Buffer.alloc(CHUNK);
  for (let i = 0; i < SIZE / CHUNK; i++) {
    block.writeUInt32LE(i, 0);
    for (let j = 4; j < CHUNK; j += 4096) block.writeUInt32LE((i * 2654435761 + j) >>> 0, j);
    yield Buffer.from(block);
  }
}

function digest(): string {
  const h = createHash('sha256');
  for (const c of chunks()) h.update(c);
  return h.digest('hex');
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Peak of heapUsed + arrayBuffers above the level at start, sampled every 200 ms after a
 * collection: what the transfer keeps alive, not garbage the collector has yet to visit.
 */
function memoryWatch() {
  const live = () => {
    gc();
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const base = live();
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, live() - base);
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, live() - base);
    },
  };
}

describe('registry streaming', () => {
  let server: TestServer;
  let key = '';
  let orgId = '';
  const actor = { id: 'operator:streaming-test' };

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        SHIELDWALL_MODEL_MAX_BYTES: String(SIZE + MB),
        SHIELDWALL_REQUEST_TIMEOUT_MS: '600000',
      },
    });
    const access = await accessServices(server.platform);
    const org = await access.directory.createOrg({ name: 'Streaming Lab', tier: 3 }, actor);
    orgId = org.id;
    const k = await access.keys.create({ owner: { type: 'org', id: org.id } }, actor);
    key = k.key;
    const { store, audit } = server.platform;
    await bindKeyAs({ store, audit, now: Date.now }, actor.id, k.info.id, 'dev');
    await access.close();
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('uploads and downloads 200 MB with bounded memory', async () => {
    const sha256 = digest();
    const created = await fetch(`${server.url}/api/models/artifacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        orgId,
        name: 'big',
        version: '1',
        environment: 'dev',
        sha256,
        size: SIZE,
      }),
    });
    expect(created.status).toBe(201);
    const { artifact } = (await created.json()) as { artifact: { id: string } };

    const upWatch = memoryWatch();
    const upCpu = process.cpuUsage();
    const upStart = performance.now();
    const up = await putStream(`${server.url}/api/models/artifacts/${artifact.id}/content`, key);
    expect(up.status, up.text).toBe(200);
    const upMs = performance.now() - upStart;
    const upCpuMs = cpuMs(process.cpuUsage(upCpu));
    const upPeak = upWatch.stop();

    const downWatch = memoryWatch();
    const downCpu = process.cpuUsage();
    const downStart = performance.now();
    const down = await fetch(`${server.url}/api/models/artifacts/${artifact.id}/content`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(down.status).toBe(200);
    const h = createHash('sha256');
    let got = 0;
    for await (const c of Readable.fromWeb(down.body as import('node:stream/web').ReadableStream)) {
      h.update(c as Buffer);
      got += (c as Buffer).length;
    }
    const downMs = performance.now() - downStart;
    const downCpuMs = cpuMs(process.cpuUsage(downCpu));
    const downPeak = downWatch.stop();
    expect(got).toBe(SIZE);
    expect(h.digest('hex')).toBe(sha256);

    console.log(
      [
        `registry 200 MB (client and server in one process, wall time on a shared machine):`,
        `  upload   ${(SIZE / MB / (upMs / 1000)).toFixed(0)} MB/s wall, CPU ${upCpuMs.toFixed(0)} ms (${(SIZE / MB / (upCpuMs / 1000)).toFixed(0)} MB per CPU-second), peak retained memory +${(upPeak / MB).toFixed(1)} MB`,
        `  download ${(SIZE / MB / (downMs / 1000)).toFixed(0)} MB/s wall, CPU ${downCpuMs.toFixed(0)} ms (${(SIZE / MB / (downCpuMs / 1000)).toFixed(0)} MB per CPU-second), peak retained memory +${(downPeak / MB).toFixed(1)} MB`,
      ].join('\n'),
    );
    // Whole-file buffering would need at least 200 MB on one side.
    expect(upPeak).toBeLessThan(64 * MB);
    expect(downPeak).toBeLessThan(64 * MB);
  }, 180_000);
});

/** PUT the chunks with node:http, which waits for the socket to drain between writes. */
async function putStream(url: string, key: string): Promise<{ status: number; text: string }> {
  const req = request(url, {
    method: 'PUT',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/octet-stream' },
  });
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.on('response', async (res) => {
      let text = '';
      for await (const c of res) text += String(c);
      resolve({ status: res.statusCode ?? 0, text });
    });
    req.on('error', reject);
  });
  await pipeline(Readable.from(chunks()), req);
  return answer;
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000;
}
