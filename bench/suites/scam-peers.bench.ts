/**
 * `npm run bench:scam-peers` (also part of `npm run bench:scam`): Shieldwall's
 * checker, SpamAssassin 4 and Rspamd 3 (stock rules and local tests only, no
 * network) in one run on the same DEV e-mails of ../shared/data/scam: recall on phishing, on spam and on
 * both, false-positive rate on ham, and messages/s over the whole dev set with
 * two scans in flight (one per core, matching each server's two workers).
 * Start-up (rule loading/compiling) is timed apart and not in messages/s.
 * See docs/scam-peers.md for how each peer is installed and configured.
 *
 * Skipped, with a line saying why, when ../shared is absent; a peer that is
 * not installed or does not start is skipped alone. A scan that fails or
 * times out (30 s) is printed on stderr, counted in `errors` and left out of
 * the ratios.
 */
import { performance } from 'node:perf_hooks';
import type { BenchSuite, Figure } from '../harness.js';
import { DATA_DIR, type DevEmail, type EmailLabel, loadDevEmails } from '../peers/dev-emails.js';
import type { Peer } from '../peers/peer-types.js';
import { startRspamd } from '../peers/rspamd.js';
import { startShieldwall } from '../peers/shieldwall.js';
import { startSpamAssassin } from '../peers/spamassassin.js';

/** Scans in flight at once, for every peer. */
const CONCURRENCY = 2;
/**
 * Messages scanned (and not counted) before the timed pass, the same for every
 * peer: enough for a JIT (Shieldwall runs in V8) to have compiled its hot paths.
 */
const WARMUP = 50;

const PEERS: readonly [name: string, start: () => Promise<Peer>][] = [
  ['shieldwall', startShieldwall],
  ['spamassassin', startSpamAssassin],
  ['rspamd', startRspamd],
];

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Verdict per message (undefined where the scan failed), with `concurrency` scans in flight. */
async function classifyAll(
  peer: Peer,
  emails: readonly DevEmail[],
  concurrency: number,
): Promise<(boolean | undefined)[]> {
  const verdicts: (boolean | undefined)[] = new Array(emails.length).fill(undefined);
  let next = 0;
  const worker = async () => {
    while (next < emails.length) {
      const i = next++;
      const email = emails[i] as DevEmail;
      try {
        verdicts[i] = await peer.classify(email.raw);
      } catch (e) {
        process.stderr.write(`${peer.name}: ${email.id} (${email.label}): error: ${message(e)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return verdicts;
}

async function measure(peer: Peer, emails: readonly DevEmail[]): Promise<Figure[]> {
  for (const email of emails.slice(0, WARMUP)) await peer.classify(email.raw).catch(() => {});
  const start = performance.now();
  const verdicts = await classifyAll(peer, emails, CONCURRENCY);
  const seconds = (performance.now() - start) / 1000;
  process.stderr.write(
    `${peer.name}: ${emails.length} messages in ${seconds.toFixed(1)} s, ${CONCURRENCY} in flight\n`,
  );

  const flaggedShare = (labels: readonly EmailLabel[]) => {
    let n = 0;
    let flagged = 0;
    emails.forEach((email, i) => {
      const v = verdicts[i];
      if (v === undefined || !labels.includes(email.label)) return;
      n += 1;
      if (v) flagged += 1;
    });
    return n === 0 ? Number.NaN : flagged / n;
  };
  const p = `peer.${peer.name}`;
  const scored = verdicts.filter((v) => v !== undefined).length;
  return [
    { name: `${p}.count`, value: scored, unit: 'messages' },
    { name: `${p}.errors`, value: emails.length - scored, unit: 'messages' },
    { name: `${p}.phishing.recall`, value: flaggedShare(['phishing']), unit: 'ratio' },
    { name: `${p}.spam.recall`, value: flaggedShare(['spam']), unit: 'ratio' },
    { name: `${p}.recall`, value: flaggedShare(['phishing', 'spam']), unit: 'ratio' },
    { name: `${p}.ham.fpr`, value: flaggedShare(['ham']), unit: 'ratio' },
    { name: `${p}.throughput`, value: emails.length / seconds, unit: 'messages/s' },
    {
      name: `${p}.throughput_per_core`,
      value: emails.length / seconds / peer.cores,
      unit: 'messages/s',
    },
  ];
}

export const suite: BenchSuite = {
  name: 'scam-peers: SpamAssassin and Rspamd (stock rules, local tests only) on the e-mail dev split',
  async run() {
    const emails = loadDevEmails();
    if (emails === null) {
      process.stderr.write(`skipped: no e-mail data at ${DATA_DIR}\n`);
      return [];
    }
    const figures: Figure[] = [];
    for (const [name, start] of PEERS) {
      const began = performance.now();
      let peer: Peer;
      try {
        peer = await start();
      } catch (e) {
        process.stderr.write(`skipped ${name}: ${message(e)}\n`);
        continue;
      }
      const startup = (performance.now() - began) / 1000;
      // Stop the server (and remove its temp dir) on Ctrl-C too, not only at the end.
      const interrupted = (signal: NodeJS.Signals) => {
        void peer.stop().finally(() => process.kill(process.pid, signal));
      };
      process.once('SIGINT', interrupted);
      process.once('SIGTERM', interrupted);
      try {
        figures.push({ name: `peer.${name}.startup`, value: startup, unit: 's' });
        figures.push(...(await measure(peer, emails)));
      } finally {
        process.removeListener('SIGINT', interrupted);
        process.removeListener('SIGTERM', interrupted);
        await peer.stop();
      }
    }
    // Side by side: Shieldwall's messages/s (one core, in-process) over each peer's (two
    // workers), as measured and per core.
    const value = (name: string, figure: string) =>
      figures.find((f) => f.name === `peer.${name}.${figure}`)?.value;
    for (const [name] of PEERS.slice(1)) {
      for (const figure of ['throughput', 'throughput_per_core']) {
        const ours = value('shieldwall', figure);
        const theirs = value(name, figure);
        if (ours === undefined || theirs === undefined) continue;
        figures.push({
          name: `ratio.shieldwall_vs_${name}.${figure}`,
          value: ours / theirs,
          unit: 'x',
        });
      }
    }
    return figures;
  },
};
