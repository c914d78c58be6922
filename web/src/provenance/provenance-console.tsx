import { accessPaths } from '../access/access-paths.js';
import { useAccountState } from '../access/account-state.js';
import { AppLink } from '../components/app-link.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { registryMessages } from '../i18n/registry-messages.js';
import { NotFoundPage } from '../pages/not-found-page.js';
import { currentPath } from '../router.js';
import { ArtifactPage } from './artifact-page.js';
import { FindingsSection } from './findings-section.js';
import { ModelsSection } from './models-section.js';
import { findingsPath, PROVENANCE } from './registry-api.js';
import './registry.css';

const ARTIFACT = /^artifacts\/([0-9a-f-]{36})$/;
const t = registryMessages.t;

/**
 * "Your AI models" (`/provenance`): the models the signed-in person may see, one model's page at
 * `/provenance/artifacts/<id>`, and operators' "unusual access" at `/provenance/findings`. The
 * registry is for people of organizations, so signed out the page says so and links to sign-in;
 * what the server refuses (403) becomes a sentence, not an error.
 */
export function ProvenanceConsole() {
  const locale = useLocale();
  const [account] = useAccountState();
  const rest = currentPath().slice(PROVENANCE.length).replace(/^\/+/, '');
  const id = ARTIFACT.exec(rest)?.[1];
  const findings = rest === 'findings';
  if (rest !== '' && id === undefined && !findings) return <NotFoundPage />;

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
  if (id !== undefined) return <ArtifactPage key={id} id={id} />;
  if (findings)
    return (
      <Page title={t(locale, 'findings.title')} lead={t(locale, 'findings.lead')}>
        <RegistryNav current="findings" />
        <FindingsSection />
      </Page>
    );
  return (
    <Page title={t(locale, 'title')} lead={t(locale, 'lead')}>
      <RegistryNav current="models" />
      <ModelsSection />
    </Page>
  );
}

function RegistryNav({ current }: { readonly current: 'models' | 'findings' }) {
  const locale = useLocale();
  return (
    <nav class="registry-nav" aria-label={t(locale, 'nav.label')}>
      <AppLink href={PROVENANCE} current={current === 'models'} class="registry-nav__link">
        {t(locale, 'nav.models')}
      </AppLink>
      <AppLink href={findingsPath} current={current === 'findings'} class="registry-nav__link">
        {t(locale, 'nav.findings')}
      </AppLink>
    </nav>
  );
}
