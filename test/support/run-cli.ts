import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '../..');
const cliEntry = join(repoRoot, 'src/cli.ts');
/** The bundled CLI that `npm run build:server` writes (what `npx shieldwall` runs). */
export const bundledCli = join(repoRoot, 'dist/bin/shieldwall.js');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run the real `shieldwall` CLI (from source, through tsx; with `bundled`, the built bundle
 * under plain Node) as a child process, optionally with `input` on stdin.
 * SHIELDWALL_* variables of the test runner's own environment are not passed on.
 */
export function runCli(
  args: string[],
  options: {
    env?: Record<string, string>;
    cwd?: string;
    timeoutMs?: number;
    bundled?: boolean;
    input?: string;
  } = {},
): Promise<CliResult> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('SHIELDWALL_')) env[k] = v;
  return new Promise((resolve, reject) => {
    const entry = options.bundled === true ? [bundledCli] : ['--import', 'tsx', cliEntry];
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...env, ...options.env },
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdin?.end(options.input);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
