/**
 * `shieldwall audit verify` and `shieldwall audit tail`. Thin: parse options,
 * call the service, print through the shared output helpers (which honour
 * --json and TTY detection). Exit status 1 when verify finds any problem.
 */
import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { platformErrors } from '../errors.js';
import type { CliContext } from '../module.js';
import type { Bus } from '../ports/bus.js';
import type { AuditEntry } from './audit-entry.js';
import { AUDIT_APPENDED, type AuditLog } from './audit-log.js';
import { MAX_PAGE } from './audit-reads.js';
import { MAX_NOTE_LENGTH } from './engine/index.js';
import type { VerifyReport } from './verify-report.js';

export interface AuditCliDeps {
  /** Where the log and bus come from; default: the composed platform. */
  readonly open?: () => Promise<{ audit: AuditLog; bus: Bus }>;
  /** Resolves when `tail --follow` should stop; default: SIGINT or SIGTERM. */
  readonly until?: () => Promise<void>;
}

export function registerAuditCommands(
  program: Command,
  context: CliContext,
  deps: AuditCliDeps = {},
): void {
  const open =
    deps.open ??
    (async () => {
      const platform = await context.platform();
      return { audit: platform.audit, bus: platform.bus };
    });
  const until = deps.until ?? untilSignal;
  const audit = program.command('audit').description('check and read the tamper-evident audit log');

  audit
    .command('verify')
    .description(
      'check every entry against its hash and signed tree head; exit 1 naming each problem',
    )
    .option('--checkpoint <file>', 'a checkpoint you saved earlier: the log must still contain it')
    .action(async (opts: { checkpoint?: string }) => {
      const checkpoint =
        opts.checkpoint === undefined ? undefined : await readCheckpointFile(opts.checkpoint);
      const { audit: log } = await open();
      const progress = context.out.progress('Verifying the audit log', await log.size());
      let reported = 0;
      const report = await log.verify({
        ...(checkpoint === undefined ? {} : { checkpoint }),
        onProgress(done) {
          progress.tick(done - reported);
          reported = done;
        },
      });
      progress.done();
      context.out.data(report, () => formatReport(report));
      if (!report.ok) context.out.setExitCode(1);
    });

  audit
    .command('tail')
    .description('print the latest entries; with --follow, keep printing new ones')
    .option('-n, --lines <count>', `how many of the latest entries (1–${MAX_PAGE})`, '10')
    .option('-f, --follow', 'keep printing entries as they are appended (Ctrl+C stops)')
    .action(async (opts: { lines: string; follow?: boolean }) => {
      const count = parseCount(opts.lines);
      const { audit: log, bus } = await open();
      const printer = new EntryPrinter(log, context);
      // Subscribe before reading the tail, so nothing appended in between is missed.
      const subscription = opts.follow
        ? await bus.subscribe(AUDIT_APPENDED, (event) => printer.upTo(indexOf(event.data)))
        : undefined;
      const size = await log.size();
      await printer.start(Math.max(0, size - count), size - 1);
      if (subscription === undefined) return;
      await until();
      await subscription.unsubscribe();
    });
}

/** Prints entries once each, in order, whatever order the notifications arrive in. */
class EntryPrinter {
  #next = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly log: AuditLog,
    private readonly context: CliContext,
  ) {}

  start(from: number, to: number): Promise<void> {
    this.#next = from;
    return this.upTo(to);
  }

  /** Print every entry up to `index` not printed yet (fills any missed notification). */
  upTo(index: number | undefined): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      while (index !== undefined && this.#next <= index) {
        const page = await this.log.entries({
          from: this.#next,
          limit: Math.min(MAX_PAGE, index - this.#next + 1),
        });
        for (const entry of page.entries) this.context.out.line(entry, entryLine(entry));
        const last = page.entries.at(-1);
        if (last === undefined) break;
        this.#next = last.index + 1;
      }
    });
    return this.#queue;
  }
}

function indexOf(data: unknown): number | undefined {
  const index = (data as { index?: unknown } | null)?.index;
  return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}

function parseCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_PAGE) {
    throw platformErrors.create('usage', {
      message: `-n must be a whole number from 1 to ${MAX_PAGE}, not "${text}".`,
    });
  }
  return n;
}

async function readCheckpointFile(path: string): Promise<string> {
  try {
    if ((await stat(path)).size > MAX_NOTE_LENGTH * 4)
      throw new Error('it is far too large for a checkpoint');
    return await readFile(path, 'utf8');
  } catch (err) {
    throw platformErrors.create('usage', {
      message: `Cannot read the checkpoint file ${path}: ${(err as Error).message}`,
      cause: err,
    });
  }
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    // The bus polls on an unref'd timer, so without this the process would simply end.
    const keepAlive = setInterval(() => {}, 60_000);
    const stop = () => {
      clearInterval(keepAlive);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function entryLine(e: AuditEntry): string {
  const subject = e.subject === undefined ? '' : `  ${e.subject}`;
  return `#${e.index}  ${e.time}  ${e.outcome.padEnd(7)}  ${e.actor}  ${e.action}${subject}`;
}

export function formatReport(r: VerifyReport): string {
  const lines = [
    `Audit log ${r.origin}: ${r.entriesChecked} entries checked, tree size ${r.treeSize}.`,
  ];
  if (r.witness !== undefined) {
    lines.push(
      r.witness.consistent
        ? `Consistent with your checkpoint of ${r.witness.size} entries.`
        : `NOT consistent with your checkpoint of ${r.witness.size} entries.`,
    );
  }
  if (r.ok) {
    lines.push('OK: every entry matches its hash and its signed tree head.');
    return lines.join('\n');
  }
  const total = r.problems.length + r.problemsOmitted;
  lines.push(`${total} problem${total === 1 ? '' : 's'} found:`);
  for (const p of r.problems) lines.push(`  - ${p.message}`);
  if (r.problemsOmitted > 0) lines.push(`  … and ${r.problemsOmitted} more not listed.`);
  return lines.join('\n');
}
