/**
 * Rspamd 3 as a benchmark peer: a private `rspamd -f` started from the stock
 * /etc/rspamd/rspamd.conf with its own LOCAL_CONFDIR, DBDIR, RUNDIR and
 * LOGDIR in a temp dir, so the stock rules and scores apply and only the
 * overrides below differ. Two normal workers on 127.0.0.1 (one per core); the
 * controller and proxy workers are off; no Redis is configured, so Bayes,
 * neural, reputation, ratelimit, greylist and replies stay inactive.
 *
 * Local tests only, as SpamAssassin's `-L`: every module whose verdict needs
 * DNS or another server is disabled (see DISABLED_MODULES), hfilter keeps only
 * its content (URL) checks, the phishing module keeps its local URL checks
 * without the Phishtank DNS feed, and maps that the stock config fetches from
 * maps.rspamd.com use their shipped local copies (or an empty file where none
 * is shipped). As a guard, Rspamd's resolver is pointed at a UDP socket on
 * 127.0.0.1 held by this process that answers nothing and counts queries.
 *
 * Messages are posted to /checkv2 with no connection metadata (IP, HELO,
 * hostname, envelope), as SpamAssassin gets them from spamc; one is flagged
 * when Rspamd's action is `reject`, `add header` or `rewrite subject`
 * (stock scores 15 and 6; `greylist` at 4 is a soft reject and not counted).
 */
import { createSocket } from 'node:dgram';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  onPath,
  type Peer,
  SCAN_TIMEOUT_MS,
  startDaemon,
  waitReady,
} from './peer-types.js';

/** The stock config, and the local copies of maps it also fetches from maps.rspamd.com. */
const STOCK_CONFIG = '/etc/rspamd/rspamd.conf';
const STOCK_MAPS = '/etc/rspamd/maps.d';

/** Normal workers, and so scans in flight that Rspamd serves at once. */
export const RSPAMD_WORKERS = 2;

/** Actions counted as "flagged". */
export const RSPAMD_FLAGGED_ACTIONS: ReadonlySet<string> = new Set([
  'reject',
  'add header',
  'rewrite subject',
]);

/** Modules turned off, and why (all but dkim_signing need DNS or a remote service). */
export const DISABLED_MODULES: Readonly<Record<string, string>> = {
  rbl: 'DNS blocklists (IP, received, URL, e-mail, DKIM domain)',
  surbl: 'DNS URL blocklists (legacy module)',
  emails: 'DNS e-mail blocklists (legacy module)',
  fuzzy_check: "Rspamd's public fuzzy hash servers (UDP)",
  dcc: 'DCC server (already off in the stock config)',
  asn: 'ASN lookups over DNS',
  spf: 'SPF records over DNS',
  dkim: 'DKIM public keys over DNS',
  dmarc: 'DMARC policies over DNS',
  arc: 'ARC keys over DNS',
  once_received: 'PTR lookup of the sending IP (taken from Received) for RDNS_NONE',
  whitelist: 'depends on SPF/DKIM/DMARC results only',
  mx_check: 'MX lookups (already off in the stock config)',
  rspamd_update: 'rule updates over HTTPS (already off in the stock config)',
  dkim_signing: 'signs outbound mail, not a check; without keys it only logs a miss per message',
};

const MULTIMAP_REMOTE_RULES: readonly [name: string, type: string, header: string | null][] = [
  ['envfrom', 'from', null],
  ['envrcpt', 'rcpt', null],
  ['from', 'header', 'from'],
  ['to', 'header', 'To'],
  ['cc', 'header', 'Cc'],
  ['replyto', 'header', 'Reply-To'],
];

/** The files of LOCAL_CONFDIR (local.d/ merges, override.d/ replaces). */
function localConfig(port: number, dnsPort: number, emptyMap: string): Record<string, string> {
  const files: Record<string, string> = {
    'local.d/options.inc': [
      `dns { nameserver = ["127.0.0.1:${dnsPort}"]; timeout = 0.2s; retransmits = 1; }`,
      '',
    ].join('\n'),
    'override.d/worker-normal.inc': [
      `bind_socket = "127.0.0.1:${port}";`,
      `count = ${RSPAMD_WORKERS};`,
      'mime = true;',
      '',
    ].join('\n'),
    'override.d/worker-controller.inc': 'enabled = false;\n',
    'override.d/worker-proxy.inc': 'enabled = false;\n',
    // HELO/hostname/envelope-from checks resolve names (or fire only because no
    // metadata was passed: HFILTER_HOSTNAME_UNKNOWN); URL checks stay on.
    'local.d/hfilter.conf': [
      'helo_enabled = false;',
      'hostname_enabled = false;',
      'from_enabled = false;',
      'mid_enabled = false;',
      '',
    ].join('\n'),
    'override.d/phishing.conf': [
      'phishtank_enabled = false;',
      'openphish_enabled = false;',
      'exceptions = {',
      `  REDIRECTOR_FALSE = ["${STOCK_MAPS}/redirectors.inc"];`,
      '};',
      '',
    ].join('\n'),
    'override.d/mime_types.conf': `file = ["${STOCK_MAPS}/mime_types.inc"];\n`,
    'override.d/mid.conf': `source = { url = ["${STOCK_MAPS}/mid.inc"]; };\n`,
    // The freemail and disposable-domain lists are published online only.
    'override.d/multimap.conf': ['freemail', 'disposable']
      .flatMap((list) =>
        MULTIMAP_REMOTE_RULES.map(([name, type, header]) => {
          const symbol = `${list.toUpperCase()}_${name.toUpperCase()}`;
          return [
            `${list}_${name} {`,
            `  type = "${type}";`,
            ...(header === null ? [] : [`  header = "${header}";`]),
            '  filter = "email:domain";',
            `  map = "${emptyMap}";`,
            `  symbol = "${symbol}";`,
            '  score = 0.0;',
            '}',
          ].join('\n');
        }),
      )
      .join('\n')
      .concat('\n'),
  };
  for (const module of Object.keys(DISABLED_MODULES)) {
    files[`local.d/${module}.conf`] = 'enabled = false;\n';
  }
  return files;
}

/**
 * Rspamd answers before its hs_helper has compiled the regexp rules to
 * Hyperscan (seconds to a minute); until then workers match with PCRE and are
 * slower. Waits until every normal worker logged loading the Hyperscan
 * database, so throughput is measured in steady state; gives up (with a
 * note on stderr) after `timeoutMs`, e.g. on a CPU Hyperscan does not support.
 */
async function waitForHyperscan(logFile: string, timeoutMs = 180_000): Promise<void> {
  const loaded = /#(\d+)\(normal\).*hyperscan database of \d+ regexps has been loaded/g;
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    let log = '';
    try {
      log = readFileSync(logFile, 'utf8');
    } catch {
      // not written yet
    }
    const workers = new Set([...log.matchAll(loaded)].map((m) => m[1]));
    if (workers.size >= RSPAMD_WORKERS) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  process.stderr.write('rspamd: Hyperscan not loaded by every worker; scanning anyway (PCRE)\n');
}

interface CheckResult {
  action?: string;
  score?: number;
  required_score?: number;
  error?: string;
}

export async function startRspamd(): Promise<Peer> {
  if (!onPath('rspamd')) throw new Error('rspamd not found (apt-get install rspamd)');
  const port = await freePort();

  // Black-hole resolver: receives, counts, never answers.
  const dns = createSocket('udp4');
  let dnsQueries = 0;
  dns.on('message', () => {
    dnsQueries += 1;
  });
  await new Promise<void>((done, fail) => {
    dns.once('error', fail);
    dns.bind(0, '127.0.0.1', () => done());
  });
  dns.unref();
  const dnsPort = dns.address().port;
  const closeDns = () => new Promise<void>((done) => dns.close(() => done()));

  const asRoot = process.getuid?.() === 0;
  let daemon: ReturnType<typeof startDaemon>;
  try {
    daemon = startDaemon('rspamd', (dir) => {
      const conf = join(dir, 'conf');
      const emptyMap = join(conf, 'empty.map');
      for (const [file, text] of Object.entries(localConfig(port, dnsPort, emptyMap))) {
        mkdirSync(join(conf, file, '..'), { recursive: true });
        writeFileSync(join(conf, file), text);
      }
      writeFileSync(emptyMap, '');
      // As root, workers run as Debian's _rspamd user: it must read conf/ and write the rest.
      chmodSync(dir, 0o755);
      for (const sub of ['db', 'run', 'log']) {
        mkdirSync(join(dir, sub));
        chmodSync(join(dir, sub), 0o777);
      }
      return {
        cmd: 'rspamd',
        args: [
          '--no-fork',
          '--config',
          STOCK_CONFIG,
          ...(asRoot ? ['--user', '_rspamd', '--group', '_rspamd'] : []),
          '--var',
          `LOCAL_CONFDIR=${conf}`,
          '--var',
          `DBDIR=${join(dir, 'db')}`,
          '--var',
          `RUNDIR=${join(dir, 'run')}`,
          '--var',
          `LOGDIR=${join(dir, 'log')}`,
        ],
      };
    });
  } catch (e) {
    await closeDns();
    throw e;
  }
  const base = `http://127.0.0.1:${port}`;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await daemon.stop();
      await closeDns();
      if (dnsQueries > 0) {
        process.stderr.write(
          `rspamd: ${dnsQueries} DNS queries reached the black-hole resolver (none left the host)\n`,
        );
      }
    })();
    return stopping;
  };
  try {
    await waitReady(
      'rspamd',
      daemon,
      async () => {
        const res = await fetch(`${base}/ping`, { signal: AbortSignal.timeout(2_000) });
        return res.ok && (await res.text()).trim() === 'pong';
      },
      300_000,
    );
    await waitForHyperscan(join(daemon.dir, 'log', 'rspamd.log'));
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    name: 'rspamd',
    cores: RSPAMD_WORKERS,
    async classify(raw) {
      const res = await fetch(`${base}/checkv2`, {
        method: 'POST',
        // A copy typed as backed by an ArrayBuffer, as BodyInit requires.
        body: new Uint8Array(raw),
        signal: AbortSignal.timeout(SCAN_TIMEOUT_MS),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
      const result = JSON.parse(text) as CheckResult;
      if (result.error !== undefined) throw new Error(result.error);
      if (typeof result.action !== 'string') throw new Error(`no action in ${text.slice(0, 200)}`);
      return RSPAMD_FLAGGED_ACTIONS.has(result.action);
    },
    stop,
  };
}
