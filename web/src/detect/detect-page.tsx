import { useMemo } from 'preact/hooks';
import { accessPaths } from '../access/access-paths.js';
import { useAccountState } from '../access/account-state.js';
import { AppLink } from '../components/app-link.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { detectMessages } from '../i18n/detect-messages.js';
import { useLocale } from '../i18n/locale.js';
import type { ModulePageProps } from '../pages/module-pages.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { currentPath } from '../router.js';
import { AlertPage } from './alert-page.js';
import { AlertsSection } from './alerts-section.js';
import { DETECT } from './detect-api.js';
import './detect.css';

const ALERT = /^alerts\/([0-9A-Za-z-]{1,64})$/;

/**
 * "Alerts" (`/detect`, and one alert at `/detect/alerts/<id>`). Alerts belong to organizations,
 * so the page needs a signed-in person: signed out, it says so and links to sign-in; an account
 * whose access does not include detection hears that in words (the API's 403, which the list and
 * the alert's page turn into a sentence), not an error.
 */
export function DetectPage(_: ModulePageProps) {
  const locale = useLocale();
  const t = detectMessages.t;
  const [account] = useAccountState();
  const orgs = account.state === 'signed_in' ? account.me.orgs : [];
  // Names of the reader's organizations; shown on alerts only when there is more than one.
  const names = useMemo(() => new Map(orgs.map((o) => [o.id, o.name] as const)), [orgs]);
  const rest = currentPath().slice(DETECT.length).replace(/^\/+/, '');
  const id = rest === '' ? undefined : ALERT.exec(rest)?.[1];
  if (rest !== '' && id === undefined) return <NotFoundPage />;

  if (account.state !== 'signed_in')
    return (
      <Page title={t(locale, 'title')} lead={t(locale, 'lead')}>
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
  const orgName = (org: string | null) =>
    names.size <= 1 && org !== null ? undefined : org === null ? null : (names.get(org) ?? org);
  if (id !== undefined) return <AlertPage key={id} id={id} orgName={orgName} />;
  return (
    <Page title={t(locale, 'title')} lead={t(locale, 'lead')}>
      <AlertsSection orgName={orgName} />
    </Page>
  );
}
