/**
 * `shieldwall practice list` and `shieldwall exercise create|results|end`: the practice messages,
 * and organization exercises run by an operator from the command line (the same service as the
 * web admin view). Exit status: 0 done, 2 wrong usage or an unknown organization or message.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { cliActor } from '../../platform/cli/operator.js';
import { platformErrors } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import { durationWords, PRACTICE_SAMPLES, redFlags } from '../engine/practice/index.js';
import { practiceErrors } from './errors.js';
import {
  createExerciseService,
  type ExerciseView,
  MAX_EXERCISE_DAYS,
  MAX_EXERCISE_MESSAGES,
} from './exercise-service.js';

/** The service and the organization named on the command line; `close` releases the access services. */
async function withOrg<T>(
  context: CliContext,
  orgName: string,
  run: (
    service: ReturnType<typeof createExerciseService>,
    org: { id: string; name: string },
  ) => Promise<T>,
): Promise<T> {
  const platform = await context.platform();
  // Imported here: `shieldwall check` registers this command and should not load access.
  const { withNamedOrg } = await import('../../access/index.js');
  return withNamedOrg(platform, orgName, (org, access) =>
    run(
      createExerciseService({
        store: platform.store,
        audit: platform.audit,
        now: Date.now,
        randomBytes: (n) => randomBytes(n),
        orgs: { members: (orgId) => access.directory.members(orgId) },
      }),
      org,
    ),
  );
}

const percent = (rate: number | null) => (rate === null ? '-' : `${Math.round(rate * 100)}%`);
const duration = (ms: number | null) => (ms === null ? '-' : durationWords('en', ms));

function exerciseLine(e: ExerciseView): string {
  const m = e.metrics;
  const state = e.endedAt !== null ? 'ended' : e.endsAt <= Date.now() ? 'finished' : 'running';
  return [
    `${e.name} (${e.id}, ${state}, ${new Date(e.startsAt).toISOString().slice(0, 10)} to ${new Date(e.endsAt).toISOString().slice(0, 10)})`,
    `  reported ${m.reported} of ${m.delivered} delivered (${percent(m.reportRate)}); time to report: median ${duration(m.medianReportMs)}, 90% within ${duration(m.p90ReportMs)}`,
    `  clicked the practice link: ${m.clicked} (${percent(m.clickRate)})`,
  ].join('\n');
}

function usageFrom(err: unknown): never {
  // Unknown or genuine messages are wrong usage here (exit 2), with the service's plain message.
  if (
    practiceErrors.is(err, 'unknown_message') ||
    practiceErrors.is(err, 'genuine_message') ||
    practiceErrors.is(err, 'no_members')
  )
    throw platformErrors.create('usage', { message: err.message });
  throw err;
}

export function registerPracticeCommands(program: Command, context: CliContext): void {
  program
    .command('practice')
    .description('practice spotting scams with made-up messages')
    .command('list')
    .description('list the practice messages (JSON Lines with --json)')
    .action(() => {
      for (const s of PRACTICE_SAMPLES)
        context.out.line(
          {
            id: s.id,
            kind: s.kind,
            category: s.category,
            scam: s.scam,
            title: s.title,
            red_flags: redFlags(s).length,
          },
          `${s.id.padEnd(28)} ${s.kind.padEnd(6)} ${(s.scam ? 'scam' : 'genuine').padEnd(8)} ${s.category.padEnd(25)} ${s.title}`,
        );
    });

  const exercise = program
    .command('exercise')
    .description('organization exercises: practice scams sent to members’ practice inboxes');

  exercise
    .command('create')
    .description('send practice scams to every member of an organization over a number of days')
    .requiredOption('--org <name>', 'organization name or id')
    .requiredOption(
      '--messages <ids>',
      `comma-separated practice message ids (at most ${MAX_EXERCISE_MESSAGES}; see \`practice list\`)`,
    )
    .option('--days <n>', `how many days it runs (1-${MAX_EXERCISE_DAYS})`, '14')
    .option('--name <text>', 'a name for the exercise', 'Practice exercise')
    .action(async (opts: { org: string; messages: string; days: string; name: string }) => {
      const days = Number(opts.days);
      if (!Number.isInteger(days) || days < 1 || days > MAX_EXERCISE_DAYS)
        throw platformErrors.create('usage', {
          message: `--days must be a whole number from 1 to ${MAX_EXERCISE_DAYS}.`,
        });
      const ids = opts.messages
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (ids.length === 0 || ids.length > MAX_EXERCISE_MESSAGES)
        throw platformErrors.create('usage', {
          message: `--messages needs 1 to ${MAX_EXERCISE_MESSAGES} ids.`,
        });
      const name = opts.name.trim().slice(0, 120);
      if (name === '')
        throw platformErrors.create('usage', { message: '--name must not be empty.' });
      const created = await withOrg(context, opts.org, (service, org) =>
        service.create({ orgId: org.id, name, sampleIds: ids, days }, cliActor()).catch(usageFrom),
      );
      context.out.data(created, () => `Started: ${exerciseLine(created)}`);
    });

  exercise
    .command('results')
    .description(
      'report rate, time to report and click rate of every exercise, oldest first (JSON Lines with --json)',
    )
    .requiredOption('--org <name>', 'organization name or id')
    .action(async (opts: { org: string }) => {
      const list = await withOrg(context, opts.org, (service, org) => service.list(org.id));
      if (list.length === 0 && !context.out.json()) {
        context.out.line({}, 'No exercises yet.');
        return;
      }
      for (const e of list) context.out.line(e, exerciseLine(e));
    });

  exercise
    .command('end')
    .description('end a running exercise now')
    .requiredOption('--org <name>', 'organization name or id')
    .requiredOption('--id <id>', 'the exercise id (from `exercise results`)')
    .action(async (opts: { org: string; id: string }) => {
      if (!/^[A-Za-z0-9_-]{1,80}$/.test(opts.id))
        throw platformErrors.create('usage', { message: '--id is not an exercise id.' });
      const ended = await withOrg(context, opts.org, (service, org) =>
        service.end(org.id, opts.id, cliActor()),
      );
      context.out.data(ended, () => `Ended: ${exerciseLine(ended)}`);
    });
}
