/**
 * The one contract every BlobStore adapter must pass (STYLE habit 1). An adapter's test
 * file calls `runBlobContract` with a factory that opens a fresh, empty store (its own
 * directory, or its own bucket prefix).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShieldwallError } from '../errors.js';
import type { BlobStore } from './blob.js';

export interface BlobHarness {
  readonly blob: BlobStore;
  cleanup(): Promise<void>;
}

export interface BlobContractFactory {
  create(): Promise<BlobHarness>;
}

async function codeOf(work: () => Promise<unknown>): Promise<string> {
  try {
    await work();
  } catch (err) {
    if (err instanceof ShieldwallError) return err.code;
    throw err;
  }
  return 'resolved';
}

/** `chunks` pieces of `size` random bytes, generated as they are read. */
async function* randomChunks(chunks: number, size: number, sink?: Buffer[]) {
  for (let i = 0; i < chunks; i++) {
    const b = randomBytes(size);
    sink?.push(b);
    yield b;
  }
}

async function* once(b: Uint8Array) {
  yield b;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const MB = 1024 * 1024;

export function runBlobContract(name: string, factory: BlobContractFactory): void {
  describe(name, () => {
    let h: BlobHarness;
    let blob: BlobStore;
    beforeEach(async () => {
      h = await factory.create();
      blob = h.blob;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('stores a streamed object and reads back the same bytes, size and digest', async () => {
      const sent: Buffer[] = [];
      const info = await blob.put('models/a/one.bin', randomChunks(9, 300_001, sent), {
        maxBytes: 10 * MB,
      });
      const whole = Buffer.concat(sent);
      expect(info).toEqual({ key: 'models/a/one.bin', size: whole.length, sha256: sha(whole) });
      expect(await blob.stat('models/a/one.bin')).toEqual({ size: whole.length });
      expect(sha(await readAll(await blob.get('models/a/one.bin')))).toBe(sha(whole));
    });

    it('stores an empty object', async () => {
      const info = await blob.put('empty', once(new Uint8Array(0)), { maxBytes: 0, size: 0 });
      expect(info.size).toBe(0);
      expect((await readAll(await blob.get('empty'))).length).toBe(0);
    });

    it('publishes an object only when it matches the declared digest and size', async () => {
      const good = randomBytes(50_000);
      await blob.put('k', once(good), { maxBytes: MB, sha256: sha(good), size: good.length });
      const other = randomBytes(50_000);
      expect(
        await codeOf(() => blob.put('k', once(other), { maxBytes: MB, sha256: sha(good) })),
      ).toBe('blob_digest_mismatch');
      expect(
        await codeOf(() => blob.put('k', once(other), { maxBytes: MB, size: other.length + 1 })),
      ).toBe('blob_digest_mismatch');
      // The object already there is untouched by the failed writes.
      expect(sha(await readAll(await blob.get('k')))).toBe(sha(good));
      expect(
        await codeOf(() => blob.put('fresh', once(other), { maxBytes: MB, sha256: sha(good) })),
      ).toBe('blob_digest_mismatch');
      expect(await blob.stat('fresh')).toBeUndefined();
      expect(await codeOf(() => blob.get('fresh'))).toBe('blob_not_found');
    });

    it('refuses more bytes than maxBytes or the declared size, keeping nothing', async () => {
      expect(
        await codeOf(() => blob.put('big', randomChunks(5, 100_000), { maxBytes: 450_000 })),
      ).toBe('blob_too_large');
      expect(await blob.stat('big')).toBeUndefined();
      expect(
        await codeOf(() => blob.put('big', randomChunks(2, 1000), { maxBytes: MB, size: 1500 })),
      ).toBe('blob_too_large');
      expect(await blob.stat('big')).toBeUndefined();
    });

    it('keeps nothing when the source fails part-way', async () => {
      async function* broken() {
        yield randomBytes(200_000);
        throw Object.assign(new Error('client went away'), { code: 'ECONNRESET' });
      }
      expect(await codeOf(() => blob.put('cut', broken(), { maxBytes: MB }))).toBe(
        'blob_upload_incomplete',
      );
      expect(await blob.stat('cut')).toBeUndefined();
    });

    it('refuses keys that could name something outside the store', async () => {
      const bad = [
        '',
        '../escape',
        'a/../../b',
        '/etc/passwd',
        'a//b',
        'a/',
        '.hidden',
        'a/.git/config',
        'a\\..\\b',
        '%2e%2e/x',
        'a b',
        'x'.repeat(600),
        'nul\u0000byte',
        7 as unknown as string,
      ];
      for (const key of bad) {
        const what = JSON.stringify(key).slice(0, 40);
        expect(
          await codeOf(() => blob.put(key, once(randomBytes(4)), { maxBytes: 10 })),
          what,
        ).toBe('blob_key_invalid');
        expect(await codeOf(() => blob.get(key)), what).toBe('blob_key_invalid');
        expect(await codeOf(() => blob.stat(key)), what).toBe('blob_key_invalid');
        expect(await codeOf(() => blob.delete(key)), what).toBe('blob_key_invalid');
      }
    });

    it('refuses bad limits', async () => {
      for (const limits of [
        { maxBytes: -1 },
        { maxBytes: 1.5 },
        { maxBytes: 10, sha256: 'ABC' },
        { maxBytes: 10, size: -3 },
      ])
        expect(await codeOf(() => blob.put('k', once(randomBytes(1)), limits))).toBe(
          'blob_key_invalid',
        );
    });

    it('replaces an object whole; concurrent writers of one key leave one whole object', async () => {
      await blob.put('same', once(Buffer.from('first')), { maxBytes: 100 });
      const versions = Array.from({ length: 6 }, () => randomBytes(200_000));
      await Promise.all(versions.map((v) => blob.put('same', once(v), { maxBytes: MB })));
      const got = sha(await readAll(await blob.get('same')));
      expect(versions.map(sha)).toContain(got);
    });

    it('deletes, says whether something was there, and answers not found after', async () => {
      await blob.put('gone', once(Buffer.from('x')), { maxBytes: 1 });
      expect(await blob.delete('gone')).toBe(true);
      expect(await blob.delete('gone')).toBe(false);
      expect(await codeOf(() => blob.get('gone'))).toBe('blob_not_found');
    });

    it('answers ping, and refuses use once closed', async () => {
      await blob.ping();
      await blob.close();
      await blob.close();
      expect(await codeOf(() => blob.ping())).toBe('blob_unavailable');
      expect(await codeOf(() => blob.get('k'))).toBe('blob_unavailable');
      expect(await codeOf(() => blob.put('k', once(randomBytes(1)), { maxBytes: 1 }))).toBe(
        'blob_unavailable',
      );
    });
  });
}
