/**
 * `shieldwall detect watch [FILE…] [--syslog-udp HOST:PORT] [--syslog-tcp HOST:PORT] --rules PATH`:
 * follows log files and listens for syslog, runs the Sigma rules and anomaly scoring on each event
 * as it arrives, and prints each new alert (one readable block, or a JSON line with --json) while
 * storing it, publishing it on the bus (the console's live view) and sending it to webhooks.
 * Runs until SIGINT/SIGTERM, then finishes the events it has, saves the anomaly baselines and
 * exits 0. Exit 2 for wrong usage (no rules, no input, a bad address or option).
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { accessServices } from '../../access/index.js';
import { cliActor } from '../../platform/cli/operator.js';
import type { Platform } from '../../platform/compose.js';
import { platformErrors } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import { newWebhookSecret } from '../../platform/net/webhook-signature.js';
import {
  checkPrivate,
  createPrivateFileOnce,
  privateFileExists,
  readPrivateFile,
} from '../../platform/private-file.js';
import { compileRuleSet, LEVELS, type Level, type RuleProblem } from '../engine/sigma/index.js';
import type { LogFormat } from '../inputs/index.js';
import { sniffFormat } from '../inputs/sniff-format.js';
import { alertWebhookUrlProblem } from './alert-webhooks.js';
import { ruleLicenses } from './rule-license.js';
import type { WatchAlert } from './watch-alert.js';
import { type HostPort, parseHostPort } from './watch-inputs.js';
import { startWatch } from './watch-runner.js';

const FORMATS = ['auto', 'jsonl', 'syslog', 'auth', 'web'] as const;
/** The webhook signing secret kept in the data directory when --webhook-secret-file is not given. */
export const WEBHOOK_SECRET_FILE = 'detect-webhook-secret';

interface WatchOptions {
  syslogUdp?: string;
  syslogTcp?: string;
  rules?: string[];
  format: string;
  org?: string;
  minLevel: string;
  anomaly: boolean;
  webhook?: string[];
  webhookSecretFile?: string;
  webhookAllowInternal?: boolean;
  window: string;
}

const usage = (message: string) => platformErrors.create('usage', { message });
const collect = (value: string, previous: string[] = []) => [...previous, value];

/** One readable block per alert: what, where, who wrote the rule, what to do next. */
export function alertBlock(a: WatchAlert): string {
  const where = [a.host === null ? '' : `host ${a.host}`, a.user === null ? '' : `user ${a.user}`]
    .filter((x) => x !== '')
    .join(', ');
  const lines = [
    `${a.level.toUpperCase().padEnd(13)} ${a.title}${where === '' ? '' : `  (${where})`}`,
  ];
  if (a.rule !== null)
    lines.push(
      `    rule ${a.rule.id}${a.rule.author === null ? '' : ` by ${a.rule.author}`}${a.rule.license === null ? '' : ` (${a.rule.license})`}  ${a.rule.ruleSource}`,
    );
  if (a.anomaly !== null)
    lines.push(`    anomaly ${a.anomaly.kind}, score ${a.anomaly.score}: ${a.anomaly.explanation}`);
  if (a.attack.length > 0)
    lines.push(
      `    ATT&CK ${a.attack.map((t) => (t.tactic === null ? t.id : `${t.id} (${t.tactic})`)).join(', ')}`,
    );
  for (const e of a.events.slice(0, 3)) {
    const at = `${e.origin.source}${e.origin.line === null ? '' : `:${e.origin.line}`}`;
    const fields = a.matchedFields
      .filter((f) => e.fields[f] !== undefined)
      .map((f) => `${f}=${JSON.stringify(e.fields[f])}`)
      .join(' ')
      .slice(0, 300);
    lines.push(`    ${at}${e.time === null ? '' : ` ${e.time}`}  ${fields}`);
  }
  lines.push(`    What to do: ${a.advice.summary}`);
  a.advice.steps.forEach((s, i) => {
    lines.push(`      ${i + 1}. ${s}`);
  });
  if (a.rule?.references[0] !== undefined) lines.push(`    see ${a.rule.references[0]}`);
  return lines.join('\n');
}

function problemLine(p: RuleProblem): string {
  const rule = p.rule === undefined ? '' : ` (${p.rule})`;
  return `${p.severity === 'skipped' ? 'SKIPPED' : 'NOT LOADED'} ${p.source}${rule}: ${p.message}`;
}

async function webhookSecret(platform: Platform, file: string | undefined): Promise<string> {
  const path = file ?? join(platform.config.data, WEBHOOK_SECRET_FILE);
  try {
    if (file === undefined && !privateFileExists(path))
      createPrivateFileOnce(path, `${newWebhookSecret()}\n`);
    checkPrivate(path);
    const secret = readPrivateFile(path, 4096).trim();
    if (secret.length < 16) throw new Error('the secret is shorter than 16 characters');
    process.stderr.write(
      `Webhooks are signed with the secret in ${path} (give it to the receiver).\n`,
    );
    return secret;
  } catch (err) {
    throw usage(`Cannot use the webhook secret file: ${(err as Error).message}`);
  }
}

async function resolveOrg(platform: Platform, nameOrId: string): Promise<string> {
  const access = await accessServices(platform);
  try {
    return (await access.directory.getOrg(nameOrId)).id;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'not_found')
      throw usage(`There is no organization named or numbered ${JSON.stringify(nameOrId)}.`);
    throw err;
  } finally {
    await access.close();
  }
}

function checkOptions(files: readonly string[], o: WatchOptions) {
  if (!(FORMATS as readonly string[]).includes(o.format))
    throw usage(`--format must be one of ${FORMATS.join(', ')} (EVTX files cannot be followed).`);
  const minLevel = o.minLevel as Level;
  if (!LEVELS.includes(minLevel)) throw usage(`--min-level must be one of ${LEVELS.join(', ')}.`);
  const window = Number(o.window);
  if (!Number.isFinite(window) || window < 0 || window > 24 * 60)
    throw usage('--window must be a number of minutes from 0 to 1440.');
  if (o.rules === undefined || o.rules.length === 0)
    throw usage(
      'detect watch needs Sigma rules: give --rules DIR (or FILE), for example a copy of the rules/ folder of github.com/SigmaHQ/sigma, or your own rule folder. There is no default rules folder yet.',
    );
  const udp: HostPort | undefined =
    o.syslogUdp === undefined ? undefined : parseHostPort(o.syslogUdp, '--syslog-udp');
  const tcp: HostPort | undefined =
    o.syslogTcp === undefined ? undefined : parseHostPort(o.syslogTcp, '--syslog-tcp');
  if (files.length === 0 && udp === undefined && tcp === undefined)
    throw usage('Nothing to watch: name log files and/or --syslog-udp / --syslog-tcp HOST:PORT.');
  const allowInternal = o.webhookAllowInternal === true;
  for (const url of o.webhook ?? []) {
    const problem = alertWebhookUrlProblem(url, allowInternal);
    if (problem !== undefined) throw usage(`--webhook ${url.slice(0, 200)}: ${problem}.`);
  }
  return { minLevel, windowMs: window * 60_000, udp, tcp, allowInternal };
}

async function checkFiles(files: readonly string[], auto: boolean): Promise<void> {
  for (const f of files) {
    const info = await lstat(f).catch(() => undefined);
    if (info === undefined) {
      process.stderr.write(`${f} does not exist yet; it will be read once it appears.\n`);
      continue;
    }
    if (!info.isFile()) throw usage(`${f} is not a file.`);
    // An empty file is recognised once its first lines arrive.
    if (info.size === 0) continue;
    const format = await sniffFormat(f).catch((err: unknown) => {
      if (!auto) return undefined;
      throw usage(`${f}: ${(err as Error).message}`);
    });
    if (format === 'evtx')
      throw usage(`${f} is an EVTX file: those cannot be followed; use detect scan for it.`);
  }
}

/** Resolves with the signal's name at the first SIGINT or SIGTERM; handlers are removed then. */
function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      resolve(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export function registerWatchCommand(detect: Command, context: CliContext): void {
  detect
    .command('watch')
    .description(
      'follow log files and listen for syslog; raise alerts from Sigma rules and anomaly scores as events arrive (stop with Ctrl+C)',
    )
    .argument(
      '[files...]',
      'text log files to follow like tail -F: syslog, auth.log, web access logs, JSON Lines',
    )
    .option('--syslog-udp <host:port>', 'listen for syslog over UDP, e.g. 0.0.0.0:514')
    .option('--syslog-tcp <host:port>', 'listen for syslog over TCP (RFC 6587 framing)')
    .option('--rules <path>', 'a Sigma rule file or folder (required; repeat for more)', collect)
    .option('--format <format>', `format of the files: ${FORMATS.join(', ')}`, 'auto')
    .option(
      '--org <org>',
      'organization (name or id) the alerts belong to; default: server-wide, operators only',
    )
    .option(
      '--min-level <level>',
      `raise only alerts of this level or above: ${LEVELS.join(', ')}`,
      'informational',
    )
    .option('--no-anomaly', 'do not score anomalies (rules only)')
    .option('--webhook <url>', 'POST each new alert to this URL, signed (repeat for more)', collect)
    .option(
      '--webhook-secret-file <file>',
      `secret that signs webhooks (default DATA/${WEBHOOK_SECRET_FILE}, created on first use)`,
    )
    .option(
      '--webhook-allow-internal',
      'let webhooks reach loopback and private addresses (a receiver on your own network)',
    )
    .option(
      '--window <minutes>',
      'repeats of a rule on a host within this many minutes join one alert',
      '10',
    )
    .action(async (files: string[], o: WatchOptions) => {
      const { out } = context;
      const checked = checkOptions(files, o);
      await checkFiles(files, o.format === 'auto');
      for (const p of o.rules ?? [])
        if ((await lstat(p).catch(() => undefined)) === undefined)
          throw usage(`Rules path ${p} does not exist.`);
      const rulesPaths = o.rules ?? [];
      const { loadRules, rulesCacheDir } = await import('../rules-loader.js');
      const loaded = await loadRules(rulesPaths, {
        cacheDir: rulesCacheDir(await context.dataDir()),
      });
      const rules = compileRuleSet(loaded.documents);
      for (const p of [...loaded.problems, ...rules.problems])
        process.stderr.write(`${problemLine(p)}\n`);
      if (rules.rules.length === 0 && rules.correlations.length === 0)
        throw usage('No Sigma rule could be loaded from --rules (see the problems listed above).');
      const platform = await context.platform();
      const org = o.org === undefined ? null : await resolveOrg(platform, o.org);
      const secret =
        (o.webhook ?? []).length === 0
          ? undefined
          : await webhookSecret(platform, o.webhookSecretFile);
      const licenseOf = await ruleLicenses(loaded.documents, rulesPaths);
      let problems = 0;
      const watch = await startWatch(
        platform,
        {
          files,
          format: o.format as Exclude<LogFormat, 'evtx'>,
          ...(checked.udp === undefined ? {} : { syslogUdp: checked.udp }),
          ...(checked.tcp === undefined ? {} : { syslogTcp: checked.tcp }),
          rules,
          licenseOf,
          org,
          minLevel: checked.minLevel,
          anomaly: o.anomaly ? {} : null,
          aggregation: { windowMs: checked.windowMs },
          ...(secret === undefined
            ? {}
            : {
                webhooks: { urls: o.webhook ?? [], secret, allowInternal: checked.allowInternal },
              }),
        },
        {
          onAlert: (alert) => out.line(alert, `${alertBlock(alert)}\n`),
          onProblem: (p) => {
            problems += 1;
            // The first few say what is wrong; after that only the count (a flood of garbage must not flood stderr).
            if (problems <= 5)
              process.stderr.write(
                `skipped ${p.source}${p.line === undefined ? '' : `:${p.line}`}: ${p.message}\n`,
              );
          },
          onWarning: (m) => process.stderr.write(`warning: ${m}\n`),
        },
      );
      const actor = cliActor();
      await platform.audit.append({
        actor,
        action: 'detect.watch.started',
        ...(org === null ? {} : { subject: `org:${org}` }),
        data: {
          files: files.length,
          syslogUdp: o.syslogUdp ?? null,
          syslogTcp: o.syslogTcp ?? null,
          rules: rules.rules.length,
          anomaly: o.anomaly,
          // Where alerts go, by origin only: a webhook's path may hold the receiver's token.
          webhooks: (o.webhook ?? []).map((u) => new URL(u).origin),
          webhooksAllowInternal: checked.allowInternal,
        },
      });
      const ports = [
        watch.syslog.udpPort === undefined
          ? ''
          : `syslog UDP ${checked.udp?.host}:${watch.syslog.udpPort}`,
        watch.syslog.tcpPort === undefined
          ? ''
          : `syslog TCP ${checked.tcp?.host}:${watch.syslog.tcpPort}`,
      ].filter((x) => x !== '');
      process.stderr.write(
        `Watching ${[files.length > 0 ? `${files.length} file(s)` : '', ...ports].filter((x) => x !== '').join(', ')} with ${rules.rules.length} rules${o.anomaly ? ` and anomaly scoring${watch.anomalyResumed ? ' (baselines resumed)' : ' (learning baselines: no anomaly alerts during the warm-up)'}` : ''}. Stop with Ctrl+C.\n`,
      );
      const signal = await untilSignal();
      process.stderr.write(`${signal}: finishing the events already received…\n`);
      const stats = await watch.stop();
      await platform.audit.append({ actor, action: 'detect.watch.stopped', data: { ...stats } });
      process.stderr.write(
        `Stopped: ${stats.events} events, ${stats.alertsCreated} alert(s) (${stats.alertsUpdated} repeats joined), ${stats.dropped} event(s) dropped because the queue was full, ${problems} line(s) skipped.\n`,
      );
    });
}
