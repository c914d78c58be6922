/**
 * SpamAssassin 4 as a benchmark peer: a private `spamd` on 127.0.0.1 with
 * local tests only (`-L`: no DNS, no RBL/URIBL, no Razor/Pyzor/DCC), the stock
 * rules shipped by the Debian package, Bayes and auto-learning off (an empty
 * Bayes database scores nothing, and auto-learning would make the verdicts
 * depend on the order of the messages), user configs off, a temp home and
 * pidfile, at most two children (one per core). Each message goes through
 * `spamc -c`, whose exit code is spamd's verdict: 1 when score >= the
 * required score (5.0 stock), 0 below it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  freePort,
  onPath,
  type Peer,
  SCAN_TIMEOUT_MS,
  startDaemon,
  waitReady,
} from './peer-types.js';

/** Children of spamd, and so scans in flight that it serves at once. */
export const SPAMASSASSIN_CHILDREN = 2;

interface SpamcResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function spamc(args: string[], input: Uint8Array | undefined): Promise<SpamcResult> {
  return new Promise((done, fail) => {
    const child = spawn('spamc', args, {
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      timeout: SCAN_TIMEOUT_MS + 5_000,
      killSignal: 'SIGKILL',
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
    if (input !== undefined && child.stdin !== null) {
      // spamc may close its stdin early on an error; that shows in its exit code.
      child.stdin.on('error', () => {});
      child.stdin.end(input);
    }
  });
}

export async function startSpamAssassin(): Promise<Peer> {
  for (const cmd of ['spamd', 'spamc']) {
    if (!onPath(cmd)) {
      throw new Error(`${cmd} not found (apt-get install spamassassin spamd spamc)`);
    }
  }
  const port = await freePort();
  const daemon = startDaemon('spamassassin', (dir) => ({
    cmd: 'spamd',
    args: [
      '--local',
      '--nouser-config',
      `--helper-home-dir=${dir}`,
      `--listen=127.0.0.1:${port}`,
      '--allowed-ips=127.0.0.1',
      `--max-children=${SPAMASSASSIN_CHILDREN}`,
      `--min-children=${SPAMASSASSIN_CHILDREN}`,
      `--pidfile=${join(dir, 'spamd.pid')}`,
      '--syslog=stderr',
      '--cf=use_bayes 0',
      '--cf=bayes_auto_learn 0',
      // spamd refuses to run its children as root; as root, drop to nobody.
      ...(process.getuid?.() === 0 ? ['--username=nobody'] : []),
    ],
  }));
  const base = ['-d', '127.0.0.1', '-p', String(port)];
  try {
    await waitReady(
      'spamd',
      daemon,
      async () => (await spamc([...base, '-K'], undefined)).code === 0,
      180_000,
    );
  } catch (e) {
    await daemon.stop();
    throw e;
  }
  return {
    name: 'spamassassin',
    cores: SPAMASSASSIN_CHILDREN,
    async classify(raw) {
      // -x: no safe fallback (an error is an error, not "ham"); -c: verdict only;
      // -s: above the largest message, so none is passed through unchecked.
      const args = [...base, '-x', '-c', '-t', String(SCAN_TIMEOUT_MS / 1000), '-s', '10485760'];
      const r = await spamc(args, raw);
      const m = /^(-?[\d.]+)\/(-?[\d.]+)\s*$/.exec(r.stdout.trim());
      if ((r.code !== 0 && r.code !== 1) || m === null) {
        const why = `${r.stdout.trim()} ${r.stderr.trim()}`.trim();
        throw new Error(`spamc exited ${r.code}${why === '' ? '' : `: ${why}`}`);
      }
      return r.code === 1;
    },
    stop: () => daemon.stop(),
  };
}
