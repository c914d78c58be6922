/** `model scan` over files: PyTorch zip archives (and zip bombs), legacy pickles, safetensors, GGUF. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../platform/cli/program.js';
import { provenanceModule } from './index.js';
import { scanModel } from './model-scanner.js';
import { pickle, torchStateDict, zipArchive } from './test-support/pickle-fixtures.js';

const work = mkdtempSync(join(tmpdir(), 'sw-scan-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function dir(files: Record<string, Buffer | string>): string {
  const d = mkdtempSync(join(work, 'm-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), data);
  }
  return d;
}

const evil = pickle().proto(2).global('os', 'system').str('id').tuple1().reduce().stop().bytes();

function safetensors(header: object, dataBytes: number): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, Buffer.alloc(dataBytes)]);
}

describe('model scan', () => {
  it('passes a clean PyTorch zip checkpoint and names the entry of a malicious one', async () => {
    const clean = zipArchive([
      { name: 'archive/data.pkl', data: torchStateDict() },
      { name: 'archive/data/0', data: Buffer.alloc(16) },
    ]);
    const bad = zipArchive([
      { name: 'archive/data.pkl', data: evil, deflated: deflateRawSync(evil) },
    ]);
    const scans = await scanModel(dir({ 'clean.pt': clean, 'bad.pth': bad }));
    expect(scans.find((s) => s.path === 'clean.pt')).toMatchObject({
      safe: true,
      format: 'pytorch-zip',
    });
    const b = scans.find((s) => s.path === 'bad.pth');
    expect(b).toMatchObject({ safe: false });
    expect(b?.findings[0]).toMatchObject({ entry: 'archive/data.pkl', opcode: 'GLOBAL' });
  });

  it('refuses zip bombs without inflating them', async () => {
    const bomb = Buffer.alloc(50 * 1024 * 1024);
    const deflated = deflateRawSync(bomb);
    const lying = zipArchive([
      { name: 'archive/data.pkl', data: Buffer.alloc(10), deflated, declaredSize: 10 },
    ]);
    const honest = zipArchive([{ name: 'archive/data.pkl', data: bomb, deflated }]);
    const scans = await scanModel(dir({ 'lying.pt': lying, 'honest.pt': honest }));
    for (const s of scans) {
      expect(s.safe).toBe(false);
      expect(s.findings[0]?.detail).toMatch(/zip bomb|does not match/);
    }
  });

  it('scans the leading pickles of legacy files (.bin, .ckpt, .pkl, .joblib)', async () => {
    const magic = pickle().proto(2).op(0x8a, 1, 7).stop().bytes();
    const legacy = Buffer.concat([magic, torchStateDict(), Buffer.from([1, 2, 3])]);
    const legacyEvil = Buffer.concat([magic, evil]);
    const scans = await scanModel(
      dir({
        'ok.bin': legacy,
        'evil.ckpt': legacyEvil,
        'm.pkl': evil,
        'm.joblib': 'not a pickle at all',
      }),
    );
    const by = (p: string) => scans.find((s) => s.path === p);
    expect(by('ok.bin')).toMatchObject({ safe: true });
    expect(by('evil.ckpt')).toMatchObject({ safe: false });
    expect(by('m.pkl')).toMatchObject({ safe: false });
    expect(by('m.joblib')).toMatchObject({ safe: false });
  });

  it('validates safetensors headers and recognises GGUF', async () => {
    const good = safetensors(
      { a: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] }, __metadata__: { format: 'pt' } },
      16,
    );
    const gap = safetensors({ a: { dtype: 'F32', shape: [2], data_offsets: [8, 16] } }, 16);
    const wrongShape = safetensors({ a: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8);
    const hugeLen = Buffer.alloc(16);
    hugeLen.writeBigUInt64LE(2n ** 60n);
    const gguf = Buffer.alloc(32);
    gguf.write('GGUF', 0, 'latin1');
    gguf.writeUInt32LE(3, 4);
    gguf.writeUInt32LE(2, 8);
    gguf.writeUInt32LE(5, 16);
    const scans = await scanModel(
      dir({
        'good.safetensors': good,
        'gap.safetensors': gap,
        'shape.safetensors': wrongShape,
        'len.safetensors': hugeLen,
        'm.gguf': gguf,
      }),
    );
    const by = (p: string) => scans.find((s) => s.path === p);
    expect(by('good.safetensors')).toMatchObject({ safe: true });
    expect(by('gap.safetensors')).toMatchObject({ safe: false });
    expect(by('shape.safetensors')).toMatchObject({ safe: false });
    expect(by('len.safetensors')).toMatchObject({ safe: false });
    expect(by('m.gguf')).toMatchObject({ safe: true, format: 'gguf' });
  });

  it('shieldwall model scan exits 1 on findings, 0 when clean', async () => {
    const run = async (args: string[]) => {
      const stdout = new PassThrough();
      const chunks: Buffer[] = [];
      stdout.on('data', (c: Buffer) => chunks.push(c));
      const code = await runCli({
        argv: args,
        env: {},
        stdin: Readable.from([]),
        stdout,
        stderr: new PassThrough(),
        cwd: work,
        version: '0',
        webRoot: null,
        modules: [provenanceModule],
      });
      return { code, out: Buffer.concat(chunks).toString() };
    };
    const bad = await run(['model', 'scan', dir({ 'm.pkl': evil })]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/UNSAFE m\.pkl[\s\S]*os\.system/);
    expect(
      (
        await run([
          'model',
          'scan',
          dir({ 'w.pt': zipArchive([{ name: 'a/data.pkl', data: torchStateDict() }]) }),
        ])
      ).code,
    ).toBe(0);
  });
});
