/**
 * `shieldwall recovery --what password,card [--country GB] [--category …] [--locale es]` and
 * `shieldwall report-channels --country US [--category …] [--locale es]`: the recovery checklist
 * and where to report, offline (no data directory needed). `--json` prints one JSON object.
 * Exit status: 0 answered, 2 wrong usage (an unknown choice or country; the message lists the
 * known ones).
 */
import type { Command } from 'commander';
import { isLocale, LOCALES, type Locale } from '../../platform/engine-kit/i18n/messages.js';
import { platformErrors, ShieldwallError } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import { recoveryMessages, WHAT_HAPPENED } from '../engine/recovery/index.js';
import { CATEGORIES } from '../engine/types.js';
import {
  type ChannelsAnswer,
  type RecoveryAnswer,
  recoveryChecklist,
  reportChannels,
} from './after-service.js';

/** Bad input is wrong usage (exit 2) on the command line, with the service's own message. */
function asUsage<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof ShieldwallError && err.status === 400)
      throw platformErrors.create('usage', { message: err.message });
    throw err;
  }
}

function locale(value: string): Locale {
  if (isLocale(value)) return value;
  throw platformErrors.create('usage', {
    message: `--locale must be one of: ${LOCALES.join(', ')}.`,
  });
}

export function checklistText(answer: RecoveryAnswer): string {
  const lines: string[] = [];
  let priority = '';
  let n = 0;
  for (const step of answer.steps) {
    if (step.priority !== priority) {
      priority = step.priority;
      lines.push('', recoveryMessages.t(answer.locale, `priority.${step.priority}`).toUpperCase());
    }
    n += 1;
    lines.push(`${n}. ${step.text}`, `   ${step.why}`);
    if (step.phone !== undefined) lines.push(`   ☎ ${step.phone}`);
    if (step.link !== undefined) lines.push(`   → ${step.link}`);
  }
  return lines.join('\n').trimStart();
}

export function channelsText(answer: ChannelsAnswer): string {
  return answer.channels
    .map((c) =>
      [
        `${c.name}${c.region === undefined ? '' : ` (${c.region})`}`,
        `   ${c.kind.toUpperCase()}  ${c.value}`,
        `   ${c.description}`,
        ...(c.caution === undefined ? [] : [`   ! ${c.caution}`]),
        `   reviewed ${c.reviewed}, source ${c.source}`,
      ].join('\n'),
    )
    .join('\n\n');
}

export function registerAfterCommands(program: Command, context: CliContext): void {
  program
    .command('recovery')
    .description(
      'what to do after a scam ("I already clicked / paid / gave my code"): a checklist, most urgent first',
    )
    .requiredOption('--what <list>', `what happened, comma-separated: ${WHAT_HAPPENED.join(', ')}`)
    .option('--country <code>', 'two-letter country code, for country-specific steps (e.g. US, GB)')
    .option('--category <category>', `the kind of scam: ${CATEGORIES.join(', ')}`)
    .option('--locale <locale>', `language: ${LOCALES.join(', ')}`, 'en')
    .action((options: { what: string; country?: string; category?: string; locale: string }) => {
      const answer = asUsage(() =>
        recoveryChecklist({
          what: options.what,
          country: options.country,
          category: options.category,
          locale: locale(options.locale),
        }),
      );
      context.out.data(answer, () => checklistText(answer));
    });

  program
    .command('report-channels')
    .description('where to report a scam in a country: official websites, numbers and addresses')
    .requiredOption('--country <code>', 'two-letter country code (e.g. US, GB, ES)')
    .option(
      '--category <category>',
      `the kind of scam, to list the most useful first: ${CATEGORIES.join(', ')}`,
    )
    .option('--locale <locale>', `language: ${LOCALES.join(', ')}`, 'en')
    .action((options: { country: string; category?: string; locale: string }) => {
      const answer = asUsage(() =>
        reportChannels({
          country: options.country,
          category: options.category,
          locale: locale(options.locale),
        }),
      );
      context.out.data(answer, () => channelsText(answer));
    });
}
