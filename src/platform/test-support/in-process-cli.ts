/**
 * The real `shieldwall` program run in-process (commander, the output helpers,
 * the exit statuses) on a data directory, with captured streams — for the CLI
 * tests of every module.
 */
import { PassThrough, Readable } from 'node:stream';
import { modules } from '../../modules.js';
import { runCli } from '../cli/program.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * @example
 * const shieldwall = cliOn(dataDir);
 * const run = await shieldwall('--json', 'admin', 'org', 'list');
 * // `stdinText` is what the command reads on standard input:
 * await cliOn(dataDir, {}, 'evil.example\n')('intel', 'match', '-');
 */
export function cliOn(dataDir: string, env: Record<string, string> = {}, stdinText = '') {
  return async (...args: string[]): Promise<CliRun> => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    stdout.on('data', (c: Buffer) => out.push(c));
    stderr.on('data', (c: Buffer) => err.push(c));
    const code = await runCli({
      argv: ['--data', dataDir, ...args],
      env: { SHIELDWALL_LOG_LEVEL: 'warn', ...env },
      stdin: Readable.from(stdinText === '' ? [] : [Buffer.from(stdinText)]),
      stdout,
      stderr,
      cwd: dataDir,
      version: '0.0.0-test',
      webRoot: null,
      // All modules: the data directory holds every module's tables, and migrations must know them all.
      modules,
    });
    return {
      code,
      stdout: Buffer.concat(out).toString('utf8'),
      stderr: Buffer.concat(err).toString('utf8'),
    };
  };
}
