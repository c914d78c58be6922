/**
 * `shieldwall domain check DOMAIN [--resolver HOST:PORT] [--dkim-selector a,b]
 * [--mta-sts-policy] [--locale es] [--json]`: the email-domain health check.
 *
 * Exit status: 0 when every finding is "good" or "info"; 1 when there is a
 * problem — any finding of severity warning or critical; 2 for wrong usage (a
 * bad domain, resolver or selector) and when the look-up failed for the
 * domain's own TXT or DMARC record (we cannot judge it), after printing what we
 * could find.
 */
import type { Command } from 'commander';
import { isLocale, LOCALES, type Locale } from '../../platform/engine-kit/i18n/messages.js';
import { platformErrors, ShieldwallError } from '../../platform/errors.js';
import type { CliContext } from '../../platform/module.js';
import type { Severity } from '../engine/domain/index.js';
import type { DomainWire } from './domain-wire.js';
import type { PolicyFetcher } from './mta-sts-fetch.js';

export interface DomainCliDeps {
  /** For tests: where the MTA-STS policy is fetched from. */
  readonly fetchPolicy?: PolicyFetcher;
}

const HELP_AFTER = `
Examples:
  shieldwall domain check example.com
  shieldwall domain check example.com --dkim-selector mailjet,pm --mta-sts-policy
  shieldwall --json domain check bücher.example --resolver 127.0.0.1:5353

Looks up SPF, DMARC, DKIM (common selectors plus those you name), MTA-STS,
TLS-RPT, BIMI and MX through the system resolver, or --resolver / SHIELDWALL_DNS.
--mta-sts-policy also fetches https://mta-sts.DOMAIN/.well-known/mta-sts.txt
(5 s, 64 KiB, public addresses only).

Exit status: 0 nothing to fix; 1 a problem (any finding of severity warning or
critical); 2 wrong usage, or the look-up of the domain's TXT or DMARC record failed.`;

const MARK: Readonly<Record<Severity, string>> = {
  critical: '[FIX NOW]',
  warning: '[SHOULD FIX]',
  info: '[INFO]',
  good: '[OK]',
};

export function registerDomainCommands(
  program: Command,
  context: CliContext,
  deps: DomainCliDeps = {},
): void {
  const domain = program
    .command('domain')
    .description('email-domain health: SPF, DMARC, DKIM, MTA-STS and more');
  domain
    .command('check')
    .description("check a domain's email security records and print fixes; exit 1 on a problem")
    .argument('<domain>', 'the domain, e.g. example.com')
    .option(
      '--resolver <host:port>',
      'DNS server(s) to ask, comma-separated (default: SHIELDWALL_DNS, else the system resolver)',
    )
    .option('--dkim-selector <list>', 'extra DKIM selectors to try, comma-separated (up to 10)')
    .option(
      '--mta-sts-policy',
      'also fetch the MTA-STS policy file over https (a network call beyond DNS)',
    )
    .option('--locale <locale>', `language: ${LOCALES.join(', ')}`, 'en')
    .addHelpText('after', HELP_AFTER)
    .action(
      async (
        name: string,
        opts: { resolver?: string; dkimSelector?: string; mtaStsPolicy?: boolean; locale: string },
      ) => {
        const locale = localeOption(opts.locale);
        // Imported on use: registering the command costs other commands nothing.
        const [
          { createDnsLookups },
          { createDomainCheckService, todayStamp },
          { toDomainWire },
          fetch,
          { domainMessages },
        ] = await Promise.all([
          import('./dns-lookups.js'),
          import('./domain-check-service.js'),
          import('./domain-wire.js'),
          import('./mta-sts-fetch.js'),
          import('../engine/domain/index.js'),
        ]);
        const servers = await resolvers(opts.resolver, context);
        const service = createDomainCheckService({
          dns: createDnsLookups({ servers }),
          fetchPolicy: deps.fetchPolicy ?? fetch.createPolicyFetcher(),
          today: () => todayStamp(Date.now()),
        });
        const selectors =
          opts.dkimSelector === undefined
            ? []
            : opts.dkimSelector.split(',').filter((s) => s.trim() !== '');
        const result = await service
          .check({ domain: name, selectors, fetchPolicy: opts.mtaStsPolicy === true })
          .catch((err: unknown) => {
            // Bad input is wrong usage (exit 2), with the plain reason.
            if (err instanceof ShieldwallError && err.status === 400)
              throw platformErrors.create('usage', { message: err.message });
            throw err;
          });
        const wire = toDomainWire(result, locale);
        context.out.data(wire, () => formatReport(wire, locale, domainMessages.t));
        if (result.report.problem) context.out.setExitCode(1);
        if (result.incomplete)
          throw platformErrors.create('usage', {
            message: `The DNS look-ups for ${result.report.domain} failed, so this check is incomplete. Try again, or name a working server with --resolver.`,
          });
      },
    );
}

function localeOption(value: string): Locale {
  if (isLocale(value)) return value;
  throw platformErrors.create('usage', {
    message: `--locale must be one of: ${LOCALES.join(', ')}.`,
  });
}

async function resolvers(
  flag: string | undefined,
  context: CliContext,
): Promise<string[] | undefined> {
  // The platform (and its data directory) is composed only when the setting must come from it.
  const text = flag ?? (await context.platform()).config.dns;
  if (text === undefined) return undefined;
  const { parseResolverList } = await import('./domain-name.js');
  const servers = parseResolverList(text);
  if (servers === null)
    throw platformErrors.create('usage', {
      message: `${flag === undefined ? 'SHIELDWALL_DNS' : '--resolver'} must be IP:PORT, comma-separated (at most 5), e.g. 127.0.0.1:5353.`,
    });
  return servers;
}

type Translate = (locale: Locale, key: never) => string;

export function formatReport(w: DomainWire, locale: Locale, say: Translate): string {
  const t = (key: string) => say(locale, key as never);
  const lines = [`${w.display_domain}${w.display_domain === w.domain ? '' : ` (${w.domain})`}`, ''];
  const areas = [...new Set(w.findings.map((f) => f.area))];
  for (const area of areas) {
    lines.push(t(`area.${area}`));
    for (const f of w.findings.filter((x) => x.area === area)) {
      lines.push(`  ${MARK[f.severity as Severity]} ${f.title}`);
      lines.push(`      ${f.meaning}`);
      if (f.severity !== 'good') lines.push(`      → ${f.fix}`);
    }
    lines.push('');
  }
  if (w.records.length > 0) {
    lines.push(locale === 'es' ? 'Registros para pegar:' : 'Records to paste:');
    for (const r of w.records) {
      lines.push(`  ${r.purpose}`);
      if (r.type === 'FILE')
        lines.push(`    ${r.name}`, ...r.value.split('\n').map((v) => `      ${v}`));
      else lines.push(`    ${r.name}  ${r.type}  ${r.type === 'TXT' ? `"${r.value}"` : r.value}`);
    }
    lines.push('');
  }
  if (w.plan.length > 0) {
    lines.push(locale === 'es' ? 'Plan paso a paso hasta p=reject:' : 'Step by step to p=reject:');
    for (const s of w.plan) {
      lines.push(`  ${s.step}. ${s.title}  [${t(`plan.status.${s.status}`)}]`);
      lines.push(`     ${s.what} ${s.watch}`);
      lines.push(`     ${s.record.name}  TXT  "${s.record.value}"`);
    }
  }
  return lines.join('\n').trimEnd();
}
