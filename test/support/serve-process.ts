import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

export interface ServeProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process printed on stdout (JSON log lines). */
  logs(): string;
  /** Send a signal and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Start `shieldwall serve` as a real child process on a free port and wait until it listens. */
export async function startServeProcess(
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<ServeProcess> {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('SHIELDWALL_')) base[k] = v;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'src/cli.ts'), 'serve'],
    {
      cwd: repoRoot,
      env: { ...base, SHIELDWALL_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`serve did not start in ${timeoutMs} ms:\n${stderr}\n${stdout}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
      const m = /running at (http:\/\/\S+)/.exec(stderr);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code} before listening:\n${stderr}\n${stdout}`));
    });
  });
  return {
    url,
    child,
    logs: () => stdout,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Poll until `GET url` answers 200, or throw with the last answer. */
export async function waitForOk(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not OK after ${timeoutMs} ms: ${last}`);
}
