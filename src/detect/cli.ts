/**
 * `shieldwall detect scan FILE… --rules DIR|FILE` and `shieldwall detect rules check DIR`.
 *
 * scan: reads each log (format sniffed: EVTX, JSON Lines of evtx_dump/ECS/flat objects, syslog,
 * auth log, web access log), runs every loaded Sigma rule over it, and prints one alert per rule
 * that fired (JSON Lines with --json). Exit status: 1 when any alert fired, 0 when none, 2 for
 * wrong usage (no rules, a missing file). Rule files that cannot be loaded are listed on stderr
 * with the file and the reason; the other rules still run.
 *
 * watch: see src/detect/watch/watch-cli.ts.
 */
import { lstat } from 'node:fs/promises';
import type { Command } from 'commander';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import {
  type Alert,
  AlertAggregator,
  compileRuleSet,
  LEVELS,
  type Level,
  type RuleProblem,
} from './engine/sigma/index.js';
import { type LogFormat, readLogEvents } from './inputs/index.js';
import { registerWatchCommand } from './watch/watch-cli.js';

const FORMATS: readonly LogFormat[] = ['auto', 'jsonl', 'evtx', 'syslog', 'auth', 'web'];

async function existing(path: string, what: string): Promise<string> {
  await lstat(path).catch(() => {
    throw platformErrors.create('usage', { message: `${what} ${path} does not exist.` });
  });
  return path;
}

function problemLine(p: RuleProblem): string {
  const rule = p.rule === undefined ? '' : ` (${p.rule})`;
  return `${p.severity === 'skipped' ? 'SKIPPED' : 'NOT LOADED'} ${p.source}${rule}: ${p.message}`;
}

function alertLines(a: Alert): string {
  const attack = a.attack.length > 0 ? `  ATT&CK: ${a.attack.join(', ')}` : '';
  const lines = [
    `${a.level.toUpperCase().padEnd(13)} ${a.rule_title}  (${a.count} event${a.count === 1 ? '' : 's'})${attack}`,
    `    rule ${a.rule_id}  ${a.rule_source}${a.author === undefined ? '' : `  by ${a.author}`}`,
  ];
  if (a.correlation !== undefined)
    lines.push(
      `    ${a.correlation.type} = ${a.correlation.value} for ${JSON.stringify(a.correlation.group)}`,
    );
  for (const e of a.events.slice(0, 3)) {
    const where = `${e.source}${e.line === undefined ? '' : `:${e.line}`}`;
    const fields = Object.entries(e.fields)
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ')
      .slice(0, 300);
    lines.push(`    ${where}${e.time === undefined ? '' : ` ${e.time}`}  ${fields}`);
  }
  if (a.references[0] !== undefined) lines.push(`    see ${a.references[0]}`);
  return lines.join('\n');
}

async function compileFrom(paths: readonly string[], context: CliContext) {
  for (const p of paths) await existing(p, 'Rules path');
  // Loaded when needed (it brings the YAML parser), so other commands start faster.
  const { loadRules, rulesCacheDir } = await import('./rules-loader.js');
  const loaded = await loadRules(paths, { cacheDir: rulesCacheDir(await context.dataDir()) });
  const set = compileRuleSet(loaded.documents);
  return { set, problems: [...loaded.problems, ...set.problems], files: loaded.files };
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerDetectCommands(program: Command, context: CliContext): void {
  const detect = program.command('detect').description('detect threats in logs with Sigma rules');

  detect
    .command('scan')
    .description('run Sigma rules over log files and report the rules that fire (exit 1 on alerts)')
    .argument('<files...>', 'log files: EVTX, JSON Lines, syslog, auth.log, web access logs')
    .requiredOption('--rules <path>', 'a Sigma rule file or folder (repeat for more)', collect)
    .option('--format <format>', `log format: ${FORMATS.join(', ')}`, 'auto')
    .option(
      '--min-level <level>',
      `report only rules of this level or above: ${LEVELS.join(', ')}`,
      'informational',
    )
    .option('--max-events <n>', 'matching events shown per alert (all are counted)', '10')
    .action(
      async (
        files: string[],
        opts: { rules: string[]; format: string; minLevel: string; maxEvents: string },
      ) => {
        const { out } = context;
        if (!(FORMATS as readonly string[]).includes(opts.format))
          throw platformErrors.create('usage', {
            message: `--format must be one of ${FORMATS.join(', ')}.`,
          });
        const minLevel = LEVELS.indexOf(opts.minLevel as Level);
        if (minLevel < 0)
          throw platformErrors.create('usage', {
            message: `--min-level must be one of ${LEVELS.join(', ')}.`,
          });
        const maxEvents = Number(opts.maxEvents);
        if (!Number.isInteger(maxEvents) || maxEvents < 0 || maxEvents > 10_000)
          throw platformErrors.create('usage', {
            message: '--max-events must be a whole number from 0 to 10000.',
          });
        for (const f of files) await existing(f, 'Log file');
        const { set, problems } = await compileFrom(opts.rules, context);
        for (const p of problems) process.stderr.write(`${problemLine(p)}\n`);
        if (set.rules.length === 0)
          throw platformErrors.create('usage', {
            message: 'No Sigma rule could be loaded from --rules.',
          });
        process.stderr.write(
          `${set.rules.length} rules loaded (${problems.length} not loaded or skipped)\n`,
        );
        const alerts = new AlertAggregator(maxEvents);
        const progress = out.progress('scanning', files.length);
        let events = 0;
        let skipped = 0;
        for (const file of files) {
          const format = opts.format as LogFormat;
          for await (const event of readLogEvents(file, {
            format,
            onProblem: () => void skipped++,
          })) {
            events += 1;
            const result = set.feed(event);
            for (const m of result.matches)
              if (LEVELS.indexOf(m.rule.level) >= minLevel) alerts.add(m);
            for (const c of result.correlations) alerts.addCorrelation(c);
          }
          progress.tick();
        }
        for (const c of set.flush()) alerts.addCorrelation(c);
        progress.done();
        const list = alerts.alerts().filter((a) => LEVELS.indexOf(a.level) >= minLevel);
        for (const a of list) out.line(a, alertLines(a));
        process.stderr.write(
          `${events} events read from ${files.length} file(s)${skipped > 0 ? ` (${skipped} lines or records skipped)` : ''}; ${list.length} alert(s)\n`,
        );
        if (list.length > 0) out.setExitCode(1);
      },
    );

  registerWatchCommand(detect, context);

  detect
    .command('rules')
    .description('work with Sigma rule files')
    .command('check')
    .description(
      'load and compile every rule under PATH and list the ones that cannot be used (exit 1 if any)',
    )
    .argument('<paths...>', 'Sigma rule files or folders')
    .action(async (paths: string[]) => {
      const { set, problems, files } = await compileFrom(paths, context);
      const { out } = context;
      for (const p of problems) out.line({ type: 'problem', ...p }, problemLine(p));
      out.line(
        {
          type: 'summary',
          files,
          rules: set.rules.length,
          correlations: set.correlations.length,
          filters: set.filters.length,
          errors: problems.filter((p) => p.severity === 'error').length,
          skipped: problems.filter((p) => p.severity === 'skipped').length,
        },
        `${files} file(s): ${set.rules.length} rules, ${set.correlations.length} correlation rules, ${set.filters.length} filters loaded; ${problems.filter((p) => p.severity === 'error').length} error(s), ${problems.filter((p) => p.severity === 'skipped').length} skipped (need placeholder values)`,
      );
      if (problems.some((p) => p.severity === 'error')) out.setExitCode(1);
    });
}
