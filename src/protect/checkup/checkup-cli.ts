/**
 * `shieldwall checkup questions|answer|export`: the small-business checkup for operators and
 * scripts. `answer` saves a completed checkup for an organization from a JSON file; `export`
 * writes its latest checkup as Markdown, PDF or CSV and exits 1 when it has none.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor } from '../../platform/cli/operator.js';
import { isLocale, type Locale } from '../../platform/engine-kit/i18n/messages.js';
import { platformErrors } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import { areaTitle, localizedCheckup } from '../engine/checkup/index.js';
import { createCheckupService, type ExportFormat } from './checkup-service.js';

/** An answers file is about 1 KB; anything near this is not one. */
const MAX_ANSWERS_FILE = 64 * 1024;

function localeOption(value: string | undefined): Locale {
  if (value === undefined || isLocale(value)) return value ?? 'en';
  throw platformErrors.create('usage', { message: `Unknown language "${value}": use en or es.` });
}

async function withOrg<T>(
  context: CliContext,
  name: string,
  run: (
    service: ReturnType<typeof createCheckupService>,
    org: { id: string; name: string },
  ) => Promise<T>,
): Promise<T> {
  const platform = await context.platform();
  // Imported here: `shieldwall check` registers this command and should not load access.
  const { withNamedOrg } = await import('../../access/index.js');
  return withNamedOrg(platform, name, (org) =>
    run(createCheckupService({ store: platform.store, audit: platform.audit, now: Date.now }), {
      id: org.id,
      name: org.name,
    }),
  );
}

async function readAnswersFile(path: string): Promise<Record<string, unknown>> {
  const info = await stat(path).catch(() => {
    throw platformErrors.create('usage', { message: `${path} does not exist.` });
  });
  if (info.size > MAX_ANSWERS_FILE)
    throw platformErrors.create('usage', {
      message: `${path} is larger than ${MAX_ANSWERS_FILE / 1024} KB; an answers file is about 1 KB.`,
    });
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw platformErrors.create('usage', { message: `${path} is not valid JSON.` });
  }
  // Either {"answers": {...}} (what the API takes) or the answers object itself.
  const record = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const answers = record(parsed) && record(parsed.answers) ? parsed.answers : parsed;
  if (!record(answers))
    throw platformErrors.create('usage', {
      message: `${path} must hold a JSON object of question id → yes, partly, no or unknown.`,
    });
  return answers;
}

export function registerCheckupCommands(program: Command, context: CliContext): void {
  const checkup = program
    .command('checkup')
    .description('the small-business security checkup (questions, saved answers, reports)');

  checkup
    .command('questions')
    .description(
      'list the questions with their area, impact, effort and framework ids (JSON Lines with --json)',
    )
    .option('--locale <lang>', 'language of the questions: en or es', 'en')
    .action((opts: { locale?: string }) => {
      const set = localizedCheckup(localeOption(opts.locale));
      set.questions.forEach((q, index) => {
        context.out.line(
          { type: 'question', ...q },
          `${String(index + 1).padStart(2)}. [${q.id}] (${set.areas.find((a) => a.id === q.area)?.title}) ${q.text}\n    impact ${q.impact}/5, effort ${q.effort}/5; CPG ${q.frameworks.cpg.join(' ') || '—'}; CIS ${q.frameworks.cis.join(' ') || '—'}; CSF ${q.frameworks.csf.join(' ') || '—'}; CE ${q.frameworks.ce.join(', ') || '—'}`,
        );
      });
    });

  checkup
    .command('answer')
    .description(
      'save a completed checkup for an organization from a JSON file of question id → yes|partly|no|unknown',
    )
    .requiredOption('--org <name>', 'organization name or id')
    .requiredOption('--file <path>', 'the answers (JSON; see `checkup questions` for the ids)')
    .action(async (opts: { org: string; file: string }) => {
      const answers = await readAnswersFile(opts.file);
      const saved = await withOrg(context, opts.org, (service, org) =>
        service.save(org.id, answers, { id: cliActor() }),
      );
      context.out.data(
        {
          id: saved.id,
          created_at: new Date(saved.createdAt).toISOString(),
          overall: saved.overall,
          areas: saved.areas,
          top_fixes: saved.result.topFixes.map((f) => f.id),
        },
        () =>
          [
            `Saved checkup ${saved.id}: overall ${saved.overall}/100`,
            ...saved.result.areas.map((a) => `  ${areaTitle('en', a.area).padEnd(32)} ${a.score}`),
            `Top fixes: ${saved.result.topFixes.map((f) => f.id).join(', ') || 'none'}`,
          ].join('\n'),
      );
    });

  checkup
    .command('export')
    .description(
      "write an organization's latest checkup as Markdown, PDF or a CSV framework cross-reference (exit 1 when it has none)",
    )
    .requiredOption('--org <name>', 'organization name or id')
    .option('--format <format>', 'md, pdf or csv', 'md')
    .option('--out <file>', 'write to this file instead of standard output (required for pdf)')
    .option('--locale <lang>', 'language of the report: en or es', 'en')
    .action(async (opts: { org: string; format: string; out?: string; locale?: string }) => {
      if (!['md', 'pdf', 'csv'].includes(opts.format))
        throw platformErrors.create('usage', { message: '--format must be md, pdf or csv.' });
      const format = opts.format as ExportFormat;
      if (format === 'pdf' && opts.out === undefined)
        throw platformErrors.create('usage', { message: 'A PDF needs --out FILE.' });
      const locale = localeOption(opts.locale);
      const file = await withOrg(context, opts.org, (service, org) =>
        service.export(org, format, locale, { id: cliActor() }),
      );
      if (opts.out !== undefined) {
        await writeFile(opts.out, file.body);
        context.out.data(
          { org: opts.org, format, out: opts.out, bytes: file.body.length, file: file.filename },
          () => `Wrote ${opts.out} (${file.body.length} bytes, ${file.filename}).`,
        );
      } else {
        const text = file.body.toString('utf8');
        context.out.data({ org: opts.org, format, file: file.filename, content: text }, () =>
          text.trimEnd(),
        );
      }
    });
}
