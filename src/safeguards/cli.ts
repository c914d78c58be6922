/**
 * `shieldwall safeguards classify --jsonl FILE [--tier 0..4]`: classify
 * prompts on this machine, without the database. Input lines `{"id","text"}`
 * (FILE or `-` for standard input); output lines `{"id","decision","risk",
 * "categories"}` in input order. A bad line gets an error line naming its line
 * number and the rest go on. Exit status 1 when any prompt was given friction
 * or block (a finding, like grep) or a line could not be read, 2 on wrong usage.
 */
import { open } from 'node:fs/promises';
import type { Command } from 'commander';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { SafeguardsModel } from './engine/index.js';
import type { safeguardsErrors } from './errors.js';

/** A line longer than this is answered with an error and skipped. */
export const MAX_LINE_CHARS = 1024 * 1024;

export interface SafeguardsCliDeps {
  readonly model?: () => Promise<SafeguardsModel>;
}

type OutLine =
  | {
      readonly id: string | number | null;
      readonly decision: string;
      readonly risk: number;
      readonly categories: readonly { id: string; score: number }[];
    }
  | {
      readonly id: string | number | null;
      readonly line: number;
      readonly error: { readonly code: string; readonly message: string };
    };

function usage(message: string, cause?: unknown) {
  return platformErrors.create('usage', { message, cause });
}

export function registerSafeguardsCommands(
  program: Command,
  context: CliContext,
  deps: SafeguardsCliDeps = {},
): void {
  const model =
    deps.model ?? (async () => (await import('./load-model.js')).shippedSafeguardsModel());
  const safeguards = program
    .command('safeguards')
    .description('real-time safeguards: classify prompts for cyber misuse');
  safeguards
    .command('classify')
    .description(
      'classify prompts (JSON Lines {"id","text"}); exit 1 if any gets friction or block',
    )
    .requiredOption('--jsonl <file>', 'one JSON object per line ("-" for standard input)')
    .option('--tier <tier>', "the caller's trust tier, 0..4", '0')
    .addHelpText(
      'after',
      `
Examples:
  shieldwall safeguards classify --jsonl prompts.jsonl --tier 0 > decisions.jsonl
  echo '{"id":"1","text":"write ransomware"}' | shieldwall safeguards classify --jsonl -

Exit status: 0 all allowed or monitored, 1 friction or block (or a line could not be read), 2 wrong usage.`,
    )
    .action(async (opts: { jsonl: string; tier: string }) => {
      if (!/^[0-4]$/.test(opts.tier))
        throw usage(`--tier must be 0, 1, 2, 3 or 4 (got "${opts.tier}").`);
      await classifyBatch(opts.jsonl, Number(opts.tier), context, await model());
    });
  safeguards
    .command('monitor')
    .description(
      'offline monitoring of recorded gateway traffic; each finding cites its requests; exit 1 on findings',
    )
    .option('--since <duration>', 'how far back, e.g. 1h, 24h, 7d', '24h')
    .option('--dry-run', 'report the findings only: add nothing to risk scores, pull no lever')
    .addHelpText(
      'after',
      `
Finds: repeated blocked attempts (per account or end user), one key used from many
networks, several accounts sending near-identical blocked prompts, capability-seeking
after a tier upgrade, and a task split over many requests each below the line.
Each finding adds the risk points the policy gives its kind (riskFindingPoints) to
whom it is about, once per kind, subject and day, and the automatic levers follow
(riskFrictionAt, riskFindingLevers), audited with the requests it cites.

Examples:
  shieldwall safeguards monitor --since 24h
  shieldwall safeguards monitor --since 7d --dry-run
  shieldwall --json safeguards monitor --since 7d > findings.jsonl

Exit status: 0 nothing found, 1 findings, 2 wrong usage.`,
    )
    .action(async (opts: { since: string; dryRun?: boolean }) => {
      const { parseLeverDuration } = await import('./engine/lever-rules.js');
      const sinceMs = parseLeverDuration(opts.since);
      if (sinceMs === undefined)
        throw usage(`--since must be a duration like 1h, 24h or 7d (got "${opts.since}").`);
      const platform = await context.platform();
      const { runMonitor } = await import('./monitor-service.js');
      const report = await runMonitor(platform.store, { sinceMs, now: Date.now() });
      const dryRun = opts.dryRun === true;
      await platform.audit.append({
        actor: 'system',
        action: 'safeguards.monitor.run',
        outcome: 'success',
        data: {
          since: report.since,
          requests: report.requests,
          dryRun,
          findings: report.findings
            .map((f) => ({ kind: f.kind, subject: f.subject }))
            .slice(0, 200),
        },
      });
      // Kept for the console's Findings list; a dry run changes nothing.
      if (!dryRun && report.findings.length > 0) {
        const { storeFindings } = await import('./finding-store.js');
        await storeFindings(platform.store, report.findings, Date.now());
      }
      const applied =
        dryRun || report.findings.length === 0
          ? report.findings.map((finding) => ({ finding, outcomes: [] }))
          : await applyFindings(platform, report.findings);
      let levers = 0;
      for (const { finding: f, outcomes } of applied) {
        const risk = outcomes.map((o) => ({
          subject: o.subject,
          added: o.added,
          points: Math.round(o.points * 100) / 100,
          score: Math.round(o.score * 100) / 100,
          levers: o.levers.map((l) => ({ id: l.id, kind: l.kind, mode: l.mode, tier: l.tier })),
        }));
        levers += outcomes.reduce((n, o) => n + o.levers.length, 0);
        const pulled = risk.flatMap((r) =>
          r.levers.map(
            (l) =>
              `\n  lever: ${l.kind}${l.mode === 'step-up' ? ' (step-up)' : ''}${l.tier === null ? '' : ` to tier ${l.tier}`} on ${r.subject}`,
          ),
        );
        const human = `${f.kind}  ${f.subject}  ${f.summary}\n  requests: ${f.requestIds.join(' ')}${pulled.join('')}`;
        context.out.line(dryRun ? f : { ...f, risk }, context.out.json() ? '' : human);
      }
      if (!context.out.json())
        context.out.line(
          {},
          `${report.requests} requests since ${report.since}${report.truncated ? ' (the newest only)' : ''}: ${report.findings.length} findings${dryRun ? ' (dry run: nothing applied)' : `, ${levers} levers pulled`}`,
        );
      if (report.findings.length > 0) context.out.setExitCode(1);
    });
}

/** Feed monitor findings to risk scores with the operator's policy; levers as the server pulls them. */
async function applyFindings(
  platform: Awaited<ReturnType<CliContext['platform']>>,
  findings: readonly import('./monitor-service.js').MonitorFinding[],
) {
  const [
    { safeguardsServices },
    { createRiskService, riskPolicyFromConfig },
    { applyMonitorFindings },
  ] = await Promise.all([
    import('./wire-safeguards.js'),
    import('./risk-service.js'),
    import('./monitor-service.js'),
  ]);
  const services = await safeguardsServices(platform);
  try {
    const risk = createRiskService({
      store: platform.store,
      levers: services.levers,
      audit: platform.audit,
      logger: platform.logger,
      now: Date.now,
      policy: riskPolicyFromConfig(platform.config),
    });
    return await applyMonitorFindings(findings, risk);
  } finally {
    await services.close();
  }
}

async function classifyBatch(
  path: string,
  tier: number,
  context: CliContext,
  model: SafeguardsModel,
): Promise<void> {
  const { classifyPrompt } = await import('./engine/index.js');
  const stream = path === '-' ? context.stdin : await openFile(path);
  let lines = 0;
  let finding = false;
  for await (const line of readLines(stream)) {
    if (line.text.trim() === '') continue;
    lines += 1;
    const out = classifyLine(line.text, line.number, (text) =>
      classifyPrompt(model, { text }, { tier }),
    );
    context.out.line(out, JSON.stringify(out));
    if ('error' in out || out.decision === 'friction' || out.decision === 'block') finding = true;
  }
  if (lines === 0)
    throw usage(`Nothing to classify: ${path === '-' ? 'standard input' : path} has no lines.`);
  if (finding) context.out.setExitCode(1);
}

function classifyLine(
  text: string,
  number: number,
  classify: (text: string) => {
    decision: string;
    risk: number;
    categories: readonly { id: string; score: number }[];
  },
): OutLine {
  const fail = (
    id: string | number | null,
    code: keyof typeof safeguardsErrors.table,
    message: string,
  ): OutLine => ({ id, line: number, error: { code, message } });
  if (text.length > MAX_LINE_CHARS)
    return fail(
      null,
      'input_too_large',
      `Line ${number} is longer than ${MAX_LINE_CHARS} characters; it was skipped.`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail(null, 'input_unreadable', `Line ${number} is not valid JSON.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    return fail(null, 'input_unreadable', `Line ${number} is not a JSON object.`);
  const item = parsed as { id?: unknown; text?: unknown };
  const id = typeof item.id === 'string' || typeof item.id === 'number' ? item.id : null;
  if (item.id !== undefined && id === null)
    return fail(null, 'input_unreadable', `Line ${number}: "id" must be a string or a number.`);
  if (typeof item.text !== 'string' || item.text.trim() === '')
    return fail(id, 'input_unreadable', `Line ${number}: "text" must be a non-empty string.`);
  const r = classify(item.text);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    id,
    decision: r.decision,
    risk: round(r.risk),
    categories: r.categories.map((c) => ({ id: c.id, score: round(c.score) })),
  };
}

async function openFile(path: string): Promise<NodeJS.ReadableStream> {
  try {
    const handle = await open(path, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw new Error('it is a directory');
    }
    return handle.createReadStream();
  } catch (err) {
    throw usage(`Cannot read ${path}: ${(err as Error).message}`, err);
  }
}

/** Lines of a stream (LF or CRLF); a line over MAX_LINE_CHARS is kept only up to just past the limit. */
async function* readLines(
  stream: NodeJS.ReadableStream,
): AsyncGenerator<{ number: number; text: string }> {
  const decoder = new TextDecoder();
  let pending = '';
  let number = 0;
  for await (const chunk of stream) {
    pending +=
      typeof chunk === 'string' ? chunk : decoder.decode(chunk as Buffer, { stream: true });
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
      number += 1;
      yield { number, text: pending.slice(0, nl).replace(/\r$/, '') };
      pending = pending.slice(nl + 1);
    }
    // Bound memory: an endless line is cut just past the limit (and then reported as too large).
    if (pending.length > MAX_LINE_CHARS + 1) pending = pending.slice(0, MAX_LINE_CHARS + 1);
  }
  pending += decoder.decode();
  if (pending !== '') yield { number: number + 1, text: pending.replace(/\r$/, '') };
}
