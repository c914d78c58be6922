import { accessPaths } from '../access/access-paths.js';
import { useAccountState } from '../access/account-state.js';
import { administered } from '../access/administered.js';
import { AppLink } from '../components/app-link.js';
import { lazyPart } from '../components/lazy-part.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { safeguardsMessages } from '../i18n/safeguards-messages.js';
import type { ModulePageProps } from '../pages/module-pages.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { currentPath } from '../router.js';
import { AppealsSection } from './appeals-section.js';
import {
  DecisionsSection,
  FindingsSection,
  LeverHistorySection,
  RiskSection,
} from './console-sections.js';
import { OwnerSection } from './owner-section.js';
import { CONSOLE_PARTS, type ConsolePart, partPath, SAFEGUARDS } from './safeguards-api.js';
import './safeguards.css';

const t = safeguardsMessages.t;

/** The webhook form, in its own chunk: only an organization's owners and admins see it. */
const LazyWebhookSection = lazyPart(() =>
  import('./webhook-section.js').then((m) => m.WebhookSection),
);

type Part = 'mine' | ConsolePart;

/** Which capability each console part needs (the server checks it too; this only hides links). */
const NEEDS: Readonly<Record<ConsolePart, string>> = {
  decisions: 'safeguards.levers',
  risk: 'safeguards.levers',
  findings: 'safeguards.levers',
  levers: 'safeguards.levers',
  appeals: 'safeguards.appeals',
};

/**
 * "AI safeguards" (`/safeguards`): for everyone signed in, the limits on their account and the
 * organizations they manage, with an appeal form and their messages, and for org admins where
 * those messages are also posted (the webhook); for operators, the console
 * at `/safeguards/<part>`: live decisions, accounts by risk, findings, lever history, appeals.
 */
export function SafeguardsPage({ module: _module }: ModulePageProps) {
  const locale = useLocale();
  const [account] = useAccountState();
  const rest = currentPath().slice(SAFEGUARDS.length).replace(/^\/+/, '');
  const part: Part | undefined = rest === '' ? 'mine' : CONSOLE_PARTS.find((p) => p === rest);
  if (part === undefined) return <NotFoundPage />;
  const title = part === 'mine' ? t(locale, 'title') : t(locale, `nav.${part}`);

  if (account.state !== 'signed_in')
    return (
      <Page title={title} lead={t(locale, 'lead')}>
        {account.state === 'loading' ? (
          <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
        ) : null}
        {account.state === 'signed_out' ? (
          <p class="notice">
            {t(locale, 'signed_out')}{' '}
            <AppLink href={accessPaths.signIn}>{t(locale, 'sign_in')}</AppLink>
          </p>
        ) : null}
        {account.state === 'failed' ? <p role="alert">{account.error.message}</p> : null}
      </Page>
    );

  const caps = new Set(account.me.capabilities);
  const admins = administered(account.me.orgs);
  const shown = CONSOLE_PARTS.filter((p) => caps.has(NEEDS[p]));
  return (
    <Page title={title} {...(part === 'mine' ? { lead: t(locale, 'lead') } : {})}>
      {shown.length > 0 ? <ConsoleNav current={part} parts={shown} /> : null}
      {part === 'mine' ? <OwnerSection orgs={account.me.orgs} /> : null}
      {part === 'mine' && admins.length > 0 ? (
        <LazyWebhookSection
          orgs={admins}
          words={{ loading: t(locale, 'loading'), failed: t(locale, 'webhook_unavailable') }}
        />
      ) : null}
      {part !== 'mine' && !caps.has(NEEDS[part]) ? (
        <p class="notice">{t(locale, 'forbidden')}</p>
      ) : null}
      {part === 'decisions' && caps.has(NEEDS.decisions) ? <DecisionsSection /> : null}
      {part === 'risk' && caps.has(NEEDS.risk) ? <RiskSection /> : null}
      {part === 'findings' && caps.has(NEEDS.findings) ? <FindingsSection /> : null}
      {part === 'levers' && caps.has(NEEDS.levers) ? <LeverHistorySection /> : null}
      {part === 'appeals' && caps.has(NEEDS.appeals) ? <AppealsSection /> : null}
    </Page>
  );
}

/** The console's pages as large links; the one shown is marked for screen readers. */
function ConsoleNav({
  current,
  parts,
}: {
  readonly current: Part;
  readonly parts: readonly ConsolePart[];
}) {
  const locale = useLocale();
  return (
    <nav class="sg-nav" aria-label={t(locale, 'nav.label')}>
      <ul class="sg-nav__list">
        <li>
          <AppLink href={SAFEGUARDS} class="sg-nav__link" current={current === 'mine'}>
            {t(locale, 'nav.mine')}
          </AppLink>
        </li>
        {parts.map((p) => (
          <li key={p}>
            <AppLink href={partPath(p)} class="sg-nav__link" current={current === p}>
              {t(locale, `nav.${p}`)}
            </AppLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
