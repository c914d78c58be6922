/**
 * `shieldwall lever restrict|friction|revoke|lift TARGET --reason … [--tier N] [--for 24h]`
 * and `shieldwall lever list [TARGET]`: the operator's levers from the shell. The
 * change reaches running servers over the bus within a second. Exit status 0 done,
 * 1 refused (no such target, nothing to lift), 2 wrong usage.
 */
import type { Command } from 'commander';
import { cliActor } from '../platform/cli/operator.js';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import { type Lever, type LeverKind, parseLeverDuration } from './engine/lever-rules.js';
import { safeguardsErrors } from './errors.js';
import type { LeverActor } from './lever-service.js';
import type { SafeguardsServices } from './wire-safeguards.js';

export interface LeverCliDeps {
  readonly open?: (context: CliContext) => Promise<SafeguardsServices>;
}

const TARGET_HELP =
  'org:<id|name>, key:<id>, user:<id> or enduser:<org>/<end-user-id> (OpenAI `user`/`safety_identifier`)';

function usage(message: string) {
  return platformErrors.create('usage', { message });
}

function forMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = parseLeverDuration(text);
  if (ms === undefined)
    throw usage(`--for must be a duration like 30m, 24h or 7d (got "${text}").`);
  return ms;
}

function tierArg(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,2}$/.test(text)) throw usage(`--tier must be a tier number (got "${text}").`);
  return Number(text);
}

export function leverLine(l: Lever): string {
  const what =
    l.kind === 'restrict'
      ? `restrict to tier ${l.tier}`
      : l.kind === 'friction'
        ? `friction (${l.mode})`
        : 'revoke';
  const until =
    l.expiresAt === null ? 'until lifted' : `until ${new Date(l.expiresAt).toISOString()}`;
  const state = l.liftedAt === null ? until : `lifted by ${l.liftedBy}`;
  return `${l.id}  ${l.target}  ${what}  ${state}  by ${l.actor}${l.automatic ? ' (automatic)' : ''}: ${l.reason}`;
}

export function registerLeverCommands(
  program: Command,
  context: CliContext,
  deps: LeverCliDeps = {},
): void {
  const open =
    deps.open ??
    (async (c: CliContext) =>
      (await import('./wire-safeguards.js')).safeguardsServices(await c.platform()));
  const actor = (): LeverActor => ({
    id: cliActor(),
    requestId: `cli-${process.pid}-${Date.now()}`,
  });
  const withServices = async <T>(fn: (s: SafeguardsServices) => Promise<T>): Promise<T> => {
    const s = await open(context);
    try {
      return await fn(s);
    } catch (err) {
      // A lever asked wrongly is wrong usage (exit 2), like a missing option.
      if (safeguardsErrors.is(err, 'lever_invalid')) throw usage(err.message);
      throw err;
    } finally {
      await s.close();
    }
  };

  const lever = program
    .command('lever')
    .description('safeguards levers: restrict a tier, add friction, revoke, lift (audited)')
    .addHelpText(
      'after',
      `
Targets: ${TARGET_HELP}

Examples:
  shieldwall lever restrict org:acme --tier 1 --for 7d --reason "exploit requests, case 41"
  shieldwall lever friction key:k_abc --step-up --reason "key seen from 30 networks"
  shieldwall lever revoke enduser:acme/u-42 --reason "ransomware builder"
  shieldwall lever revoke org:acme --keys --reason "account taken over"
  shieldwall lever lift org:acme --reason "reviewed, false positive"

Exit status: 0 done, 1 refused (no such target, nothing to lift), 2 wrong usage.`,
    );

  const pull =
    (kind: LeverKind) =>
    async (
      target: string,
      opts: { reason: string; tier?: string; for?: string; stepUp?: boolean; keys?: boolean },
    ) => {
      const tier = tierArg(opts.tier);
      if (kind === 'restrict' && tier === undefined) throw usage('restrict needs --tier N.');
      const duration = forMs(opts.for);
      const done = await withServices((s) =>
        s.levers.pull(
          {
            kind,
            target,
            reason: opts.reason,
            ...(tier === undefined ? {} : { tier }),
            ...(kind === 'friction' ? { mode: opts.stepUp === true ? 'step-up' : 'limits' } : {}),
            ...(duration === undefined ? {} : { forMs: duration }),
            ...(opts.keys === true ? { keys: true } : {}),
          },
          actor(),
        ),
      );
      context.out.data(
        { lever: done.lever, revokedKeys: done.revokedKeys },
        () =>
          `pulled ${leverLine(done.lever)}${done.revokedKeys.length === 0 ? '' : `\nrevoked keys: ${done.revokedKeys.join(', ')}`}`,
      );
    };

  lever
    .command('restrict')
    .description('lower the target’s effective tier to N (temporarily with --for)')
    .argument('<target>', TARGET_HELP)
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .requiredOption('--tier <n>', 'the highest tier the target keeps')
    .option('--for <duration>', 'how long, e.g. 24h or 7d (default: until lifted)')
    .action(pull('restrict'));
  lever
    .command('friction')
    .description(
      'lower the target’s rate limits tenfold, or with --step-up refuse calls until confirmed',
    )
    .argument('<target>', TARGET_HELP)
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option('--step-up', 'answer every call step_up_required until the lever is lifted or expires')
    .option('--for <duration>', 'how long, e.g. 24h or 7d (default: until lifted)')
    .action(pull('friction'));
  lever
    .command('revoke')
    .description(
      'refuse every gateway request of the target; --keys also revokes its API keys for good',
    )
    .argument('<target>', TARGET_HELP)
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option(
      '--keys',
      'also revoke the API keys of the org, user or key (lift does not restore them)',
    )
    .option('--for <duration>', 'how long, e.g. 24h or 7d (default: until lifted)')
    .action(pull('revoke'));
  lever
    .command('lift')
    .description('lift the levers in force on the target')
    .argument('<target>', TARGET_HELP)
    .requiredOption('--reason <text>', 'why (recorded in the audit log)')
    .option('--kind <kind>', 'only this kind: restrict, friction or revoke')
    .action(async (target: string, opts: { reason: string; kind?: string }) => {
      if (opts.kind !== undefined && !['restrict', 'friction', 'revoke'].includes(opts.kind))
        throw usage('--kind must be restrict, friction or revoke.');
      const lifted = await withServices((s) =>
        s.levers.lift(
          { target, ...(opts.kind === undefined ? {} : { kind: opts.kind as LeverKind }) },
          opts.reason,
          actor(),
        ),
      );
      context.out.data({ lifted }, () => lifted.map((l) => `lifted ${leverLine(l)}`).join('\n'));
    });
  lever
    .command('list')
    .description('the levers in force (on one target when given)')
    .argument('[target]', TARGET_HELP)
    .action(async (target: string | undefined) => {
      const list = await withServices((s) => s.levers.active(target));
      if (context.out.json()) for (const l of list) context.out.line(l, '');
      else if (list.length === 0) context.out.line({}, 'no levers in force');
      else for (const l of list) context.out.line(l, leverLine(l));
    });
}
