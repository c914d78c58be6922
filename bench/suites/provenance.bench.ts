/**
 * Model signing speed: on a generated model directory (a few large shards plus many small
 * files; 500 MB by default, PROVENANCE_BENCH_MB=2048 for the 2 GB), Shieldwall verify
 * and sign against `sha256sum` and the hardware's hashing limit, two parallel
 * `openssl dgst -sha256` processes over the same files; then the same verify with BLAKE3
 * digests (`--hash blake3`). Prints MB/s (wall clock), CPU seconds per GB (all threads of
 * this process, so comparable on a loaded machine), ratios and peak RSS.
 */
import { execFile } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signModel, verifyModel } from '../../src/provenance/index.js';
import { generateKeys } from '../../src/provenance/key-material.js';
import { type BenchSuite, type Figure, timeMs } from '../harness.js';

const run = promisify(execFile);

function generate(root: string, totalMb: number): { files: string[]; bytes: number } {
  const files: string[] = [];
  const chunk = Buffer.alloc(8 * 1024 * 1024);
  for (let i = 0; i < chunk.length; i += 4) chunk.writeUInt32LE((i * 2654435761) >>> 0, i);
  const small = 400;
  const smallSize = 64 * 1024;
  const largeBytes = totalMb * 1024 * 1024 - small * smallSize;
  const shards = 4;
  for (let s = 0; s < shards; s++) {
    const path = join(root, `model-0000${s + 1}-of-0000${shards}.safetensors`);
    const fd = openSync(path, 'w');
    let left = Math.floor(largeBytes / shards);
    while (left > 0) {
      chunk[0] = (chunk[0] as number) + 1;
      left -= writeSync(fd, chunk, 0, Math.min(left, chunk.length));
    }
    closeSync(fd);
    files.push(path);
  }
  mkdirSync(join(root, 'tokenizer'));
  for (let i = 0; i < small; i++) {
    const path = join(root, 'tokenizer', `part-${i}.json`);
    chunk[1] = i & 0xff;
    writeFileSync(path, chunk.subarray(0, smallSize));
    files.push(path);
  }
  return { files, bytes: Math.floor(largeBytes / shards) * shards + small * smallSize };
}

export const suite: BenchSuite = {
  name: 'provenance',
  async run() {
    const totalMb = Number(process.env.PROVENANCE_BENCH_MB ?? 500);
    const work = mkdtempSync(join(tmpdir(), 'sw-bench-prov-'));
    const root = join(work, 'model');
    mkdirSync(root);
    try {
      const { files, bytes } = generate(root, totalMb);
      const mb = bytes / (1024 * 1024);
      const keys = generateKeys('p256');
      const key = createPrivateKey(keys.privatePem);
      const sigPath = join(work, 'model.sig');
      // Warm the page cache once so every contender reads from memory (cat's output goes to
      // /dev/null: through a pipe, a small maxBuffer would kill it after the first bytes).
      await run('sh', ['-c', 'cat -- "$@" > /dev/null', 'sh', ...files]);
      const signOnce = () =>
        timeMs(async () => {
          writeFileSync(
            sigPath,
            (await signModel({ model: root, key, signaturePath: sigPath, ignore: [] })).bundle,
          );
        });
      const verifyTimed = async (path: string) => {
        let valid = false;
        const cpuBefore = process.cpuUsage();
        const ms = await timeMs(async () => {
          const r = await verifyModel({
            model: root,
            signaturePath: path,
            trust: { kind: 'key', publicKeyPem: keys.publicPem },
            ignore: [],
            now: new Date(),
          });
          valid = r.valid;
        });
        if (!valid) throw new Error('the benchmark model did not verify');
        const cpu = process.cpuUsage(cpuBefore);
        return { ms, cpuS: (cpu.user + cpu.system) / 1e6 };
      };
      // Sign and verify alternate, three rounds each, and the medians are compared: the first
      // run of anything pays for starting the worker threads and the JIT, and one run each way
      // swung the sign/verify ratio between 0.98 and 1.18 on this machine.
      const signRuns: number[] = [];
      const verifyRuns: { ms: number; cpuS: number }[] = [];
      for (let round = 0; round < 3; round++) {
        signRuns.push(await signOnce());
        verifyRuns.push(await verifyTimed(sigPath));
      }
      const median = <T>(xs: T[], key: (x: T) => number): T =>
        [...xs].sort((a, b) => key(a) - key(b))[Math.floor(xs.length / 2)] as T;
      const signMs = median(signRuns, (x) => x);
      const verify = median(verifyRuns, (x) => x.ms);
      const verifyMs = verify.ms;
      const blakeSigPath = join(work, 'model-blake3.sig');
      const blakeSignMs = await timeMs(async () => {
        const signed = await signModel({
          model: root,
          key,
          signaturePath: blakeSigPath,
          ignore: [],
          algorithm: 'blake3',
        });
        writeFileSync(blakeSigPath, signed.bundle);
      });
      const blake = await verifyTimed(blakeSigPath);
      const rssMb = process.resourceUsage().maxRSS / 1024;
      const sha256sumMs = await timeMs(() =>
        run('sha256sum', files, { maxBuffer: 64 * 1024 * 1024 }),
      );
      // Two halves of equal bytes: the two large-shard pairs, small files split evenly.
      const halves: string[][] = [[], []];
      files.forEach((f, i) => {
        (halves[i % 2] as string[]).push(f);
      });
      const opensslMs = await timeMs(() =>
        Promise.all(
          halves.map((h) =>
            run('openssl', ['dgst', '-sha256', ...h], { maxBuffer: 64 * 1024 * 1024 }),
          ),
        ),
      );
      const rate = (ms: number) => mb / (ms / 1000);
      const figures: Figure[] = [
        { name: 'provenance model size', value: mb, unit: 'MB' },
        { name: 'provenance verify', value: rate(verifyMs), unit: 'MB/s' },
        { name: 'provenance sign', value: rate(signMs), unit: 'MB/s' },
        { name: 'provenance sha256sum', value: rate(sha256sumMs), unit: 'MB/s' },
        { name: 'provenance openssl x2', value: rate(opensslMs), unit: 'MB/s' },
        { name: 'provenance verify / openssl x2', value: opensslMs / verifyMs, unit: 'x' },
        { name: 'provenance verify / sha256sum', value: sha256sumMs / verifyMs, unit: 'x' },
        { name: 'provenance sign time / verify time', value: signMs / verifyMs, unit: 'x' },
        { name: 'provenance verify CPU per GB', value: verify.cpuS / (mb / 1024), unit: 's' },
        { name: 'provenance blake3 verify', value: rate(blake.ms), unit: 'MB/s' },
        { name: 'provenance blake3 sign', value: rate(blakeSignMs), unit: 'MB/s' },
        {
          name: 'provenance blake3 verify CPU per GB',
          value: blake.cpuS / (mb / 1024),
          unit: 's',
        },
        { name: 'provenance blake3 verify / sha256 verify', value: verifyMs / blake.ms, unit: 'x' },
        { name: 'provenance peak RSS (whole bench process)', value: rssMb, unit: 'MB' },
      ];
      return figures;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
