/**
 * `shieldwall vuln db import|status` and `shieldwall vuln scan PATH [--sarif]`: offline
 * dependency scanning against OSV advisories loaded into the store.
 *
 * Exit status of `scan`: 1 when a vulnerable package is found or a lockfile could not be read;
 * 0 when every package in a covered ecosystem is clean. Ecosystems with no advisories loaded
 * are listed as NOT CHECKED (a `coverage` record in JSON) and, by default, do not change the
 * exit status; `--require-coverage` makes them exit 1. 2 is wrong usage.
 */
import { lstat } from 'node:fs/promises';
import type { Command } from 'commander';
import { cliActor } from '../platform/cli/operator.js';
import { platformErrors } from '../platform/errors.js';
import type { CliContext } from '../platform/module.js';
import type { Finding } from './engine/advisory-matcher.js';
import { toSarif } from './engine/sarif-report.js';
import { createVulnService, type ScanReport } from './vuln-service.js';

async function service(context: CliContext) {
  const platform = await context.platform();
  return createVulnService({
    store: platform.store,
    audit: platform.audit,
    now: () => Date.now(),
    actor: cliActor(),
  });
}

/** A path that does not exist is wrong usage (exit 2), not a failed scan. */
async function existing(path: string): Promise<string> {
  await lstat(path).catch(() => {
    throw platformErrors.create('usage', { message: `${path} does not exist.` });
  });
  return path;
}

function findingLine(f: Finding): string {
  const aliases = f.aliases.length > 0 ? ` (${f.aliases.join(', ')})` : '';
  const severity = f.severity === null ? '' : `  severity ${f.severity}`;
  const fixed = f.fixed === null ? 'no fixed version known' : `fixed in ${f.fixed}`;
  return `VULNERABLE  ${f.ecosystem} ${f.package} ${f.version}  ${f.id}${aliases}${severity}  ${fixed}  [${f.source}]`;
}

function printScan(context: CliContext, report: ScanReport): void {
  const { out } = context;
  for (const f of report.findings) out.line({ type: 'finding', ...f }, findingLine(f));
  for (const e of report.errors)
    out.line({ type: 'error', ...e }, `NOT READ    ${e.path}: ${e.reason}`);
  const { coverage } = report;
  for (const eco of coverage.noData)
    out.line(
      { type: 'not_checked', ecosystem: eco, reason: 'no advisories loaded' },
      `NOT CHECKED ${eco}: no advisories loaded for it (import them with \`shieldwall vuln db import\`)`,
    );
  for (const eco of coverage.unsupported)
    out.line(
      { type: 'not_checked', ecosystem: eco, reason: 'ecosystem not supported' },
      `NOT CHECKED ${eco}: this scanner cannot check this ecosystem`,
    );
  const vulnerable = new Set(
    report.findings.map((f) => `${f.ecosystem}/${f.package}@${f.version}`),
  );
  out.line(
    {
      type: 'coverage',
      files: report.files.map((f) => ({ path: f.path, kind: f.kind, packages: f.packages })),
      packages: coverage.packages,
      covered: coverage.covered,
      not_checked: [...coverage.noData, ...coverage.unsupported],
      findings: report.findings.length,
      vulnerable_packages: vulnerable.size,
      unreadable: report.errors.length,
    },
    `${report.files.length} lockfile(s), ${coverage.packages} package(s); checked: ${
      coverage.covered.join(', ') || 'none'
    }; ${vulnerable.size} vulnerable package(s), ${report.findings.length} finding(s)` +
      (coverage.noData.length + coverage.unsupported.length > 0
        ? `; NOT checked: ${[...coverage.noData, ...coverage.unsupported].join(', ')}`
        : ''),
  );
}

export function registerVulnCommands(program: Command, context: CliContext): void {
  const vuln = program
    .command('vuln')
    .description('scan dependencies for known vulnerabilities, offline (OSV advisories)');
  const db = vuln.command('db').description('the local advisory database');

  db.command('import')
    .description(
      'load OSV advisories: JSON files, JSON Lines, or osv.dev zip exports (file or directory)',
    )
    .argument('<path>', 'file or directory')
    .action(async (path: string) => {
      const report = await (await service(context)).importAdvisories(await existing(path));
      context.out.data(report, () =>
        [
          `Imported ${report.records} advisories from ${report.files} file(s) (${report.withdrawn} withdrawn, ${report.rejected} rejected).`,
          ...report.problems.slice(0, 10).map((p) => `  rejected ${p.where}: ${p.reason}`),
          `Ecosystems: ${report.ecosystems.map((e) => `${e.ecosystem} (${e.advisories})`).join(', ')}`,
        ].join('\n'),
      );
    });

  db.command('status')
    .description('list the ecosystems with advisories loaded')
    .action(async () => {
      const ecosystems = await (await service(context)).ecosystems();
      context.out.data(ecosystems, () =>
        ecosystems.length === 0
          ? 'No advisories loaded. Run `shieldwall vuln db import FILE|DIR`.'
          : ecosystems.map((e) => `${e.ecosystem.padEnd(12)} ${e.advisories}`).join('\n'),
      );
    });

  vuln
    .command('scan')
    .description('find lockfiles and SBOMs under PATH and report vulnerable packages')
    .argument('<path>', 'a project directory or one lockfile')
    .option('--sarif', 'print a SARIF 2.1.0 log (for code-scanning UIs)')
    .option('--require-coverage', 'exit 1 when an ecosystem in the lockfiles could not be checked')
    .action(async (path: string, opts: { sarif?: boolean; requireCoverage?: boolean }) => {
      if (opts.sarif === true && context.out.json())
        throw platformErrors.create('usage', { message: 'Use --json or --sarif, not both.' });
      const report = await (await service(context)).scan(await existing(path));
      if (opts.sarif === true) {
        const sarif = toSarif(report.findings, '1');
        context.out.line(sarif, JSON.stringify(sarif, null, 2));
      } else {
        printScan(context, report);
      }
      const notChecked = report.coverage.noData.length + report.coverage.unsupported.length;
      if (report.findings.length > 0 || report.errors.length > 0) context.out.setExitCode(1);
      if (opts.requireCoverage === true && notChecked > 0) context.out.setExitCode(1);
    });
}
