import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBlobContract } from '../ports/blob.contract.js';
import { createFsBlobStore } from './fs-blob.js';

runBlobContract('fs blob store', {
  async create() {
    const root = mkdtempSync(join(tmpdir(), 'sw-blob-'));
    const blob = createFsBlobStore({ root });
    return {
      blob,
      async cleanup() {
        await blob.close();
        rmSync(root, { recursive: true, force: true });
      },
    };
  },
});

describe('fs blob store on disk', () => {
  it('leaves no temporary file behind after a failed write', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sw-blob-'));
    const blob = createFsBlobStore({ root });
    async function* body() {
      yield Buffer.alloc(1000);
    }
    await expect(blob.put('x', body(), { maxBytes: 10 })).rejects.toThrow();
    await expect(
      blob.put('x', body(), { maxBytes: 2000, sha256: '0'.repeat(64) }),
    ).rejects.toThrow();
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });

  it('does not follow a symbolic link planted under an object name', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sw-blob-'));
    const outside = join(root, 'secret.txt');
    writeFileSync(outside, 'not yours');
    const blob = createFsBlobStore({ root });
    symlinkSync(outside, join(root, 'objects', 'link'));
    await expect(blob.get('link')).rejects.toMatchObject({ code: 'blob_not_found' });
    rmSync(root, { recursive: true, force: true });
  });
});
