/**
 * What a peer filter (SpamAssassin, Rspamd, …) looks like to the benchmarks:
 * a started local server that says of one raw RFC 822 message whether it
 * flags it, and that is stopped (and its temp files removed) at the end.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Peer {
  /** Short lower-case name used in figure names, e.g. `spamassassin`. */
  readonly name: string;
  /** CPU cores its scans can use at once (server workers, or 1 for in-process). */
  readonly cores: number;
  /**
   * True when the peer flags the message (its own spam verdict at its stock
   * threshold). Rejects on a timeout or a server error; never resolves a guess.
   */
  classify(raw: Uint8Array): Promise<boolean>;
  /** Stops the server (children included) and removes its temp dir; safe to call twice. */
  stop(): Promise<void>;
}

/** Per-message timeout of a scan, for every peer. */
export const SCAN_TIMEOUT_MS = 30_000;

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address !== null && typeof address === 'object') resolvePort(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

/** True when `cmd` is an executable on PATH. */
export function onPath(cmd: string): boolean {
  const dirs = (process.env.PATH ?? '').split(':').filter((d) => d !== '');
  return dirs.some((d) => {
    try {
      accessSync(join(d, cmd), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export interface Daemon {
  readonly dir: string;
  readonly log: string;
  /** Resolves with the exit code once the process has exited. */
  readonly exited: Promise<number | null>;
  isRunning(): boolean;
  /** Last `n` characters of the server's log (stdout and stderr). */
  logTail(n?: number): string;
  stop(): Promise<void>;
}

/**
 * Starts `cmd args` in the foreground as a child of this process, with its
 * stdout and stderr in `<dir>/server.log`, where `dir` is a fresh temp dir
 * (made by `setup` before the start) that `stop()` removes. `stop()` sends
 * SIGTERM, then SIGKILL after 10 s; the child is also killed if this process exits.
 */
export function startDaemon(
  prefix: string,
  setup: (dir: string) => { cmd: string; args: string[] },
): Daemon {
  const dir = mkdtempSync(join(tmpdir(), `sw-peer-${prefix}-`));
  const log = join(dir, 'server.log');
  let cmd: string;
  let args: string[];
  try {
    ({ cmd, args } = setup(dir));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const fd = openSync(log, 'a');
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], cwd: dir });
  let running = true;
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => {
      running = false;
      done(code);
    });
    child.once('error', (err) => {
      running = false;
      process.stderr.write(`${prefix}: ${err.message}\n`);
      done(null);
    });
  });
  const killOnExit = () => {
    if (running) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  let stopped: Promise<void> | undefined;
  return {
    dir,
    log,
    exited,
    isRunning: () => running,
    logTail(n = 1500) {
      try {
        const text = readFileSync(log, 'utf8');
        return text.slice(-n);
      } catch {
        return '';
      }
    },
    stop() {
      stopped ??= (async () => {
        if (running) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => {
            if (running) child.kill('SIGKILL');
          }, 10_000);
          await exited;
          clearTimeout(timer);
        }
        process.removeListener('exit', killOnExit);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** Polls `ready` every 500 ms until it is true, the daemon dies, or `timeoutMs` passes. */
export async function waitReady(
  name: string,
  daemon: Daemon,
  ready: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!daemon.isRunning()) {
      throw new Error(`${name} exited during start-up; log tail:\n${daemon.logTail()}`);
    }
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${name} not ready after ${timeoutMs / 1000} s; log tail:\n${daemon.logTail()}`);
}
