import { useCallback } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { orgMessages, tierName } from '../i18n/org-messages.js';
import { getOrg } from './access-api.js';
import { accessPaths } from './access-paths.js';
import { BackLink } from './back-link.js';
import { KeysSection } from './keys-section.js';
import { InvitationsSection, MembersSection } from './members-section.js';
import { roleWords } from './role-words.js';
import { formatDate, useLoaded } from './use-loaded.js';

const { t } = orgMessages;

/** `/access/orgs/<id>`: one organization: members, invitations and API keys. */
export function OrgPage({ id }: { readonly id: string }) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => getOrg(id, signal), [id]);
  const [org, reload] = useLoaded(load);
  const back = <BackLink href={accessPaths.orgs} children={t(locale, 'orgs.back')} />;
  if (org.state !== 'ready')
    return (
      <>
        {back}
        <Page title={t(locale, 'org.title')}>
          {org.state === 'loading' ? (
            <LoadingMessage>{t(locale, 'org.loading')}</LoadingMessage>
          ) : (
            <ErrorMessage
              heading={t(locale, 'org.failed')}
              error={org.error}
              onRetry={() => void reload()}
            />
          )}
        </Page>
      </>
    );
  const { data } = org;
  const manager = data.role === 'owner' || data.role === 'admin';
  const tier = tierName(locale, data.tier);
  const level =
    data.tier_expires_at === null
      ? t(locale, 'org.level', { tier })
      : t(locale, 'org.level_until', { tier, date: formatDate(data.tier_expires_at, locale) });
  return (
    <>
      {back}
      <Page
        title={data.name}
        lead={`${
          data.role === undefined
            ? ''
            : `${t(locale, 'org.your_role', { role: roleWords(data.role, locale).withArticle })} `
        }${level}`}
      >
        <MembersSection orgId={data.id} orgName={data.name} myRole={data.role ?? 'member'} />
        {manager ? (
          <>
            <InvitationsSection orgId={data.id} myRole={data.role ?? 'member'} />
            <KeysSection orgId={data.id} />
          </>
        ) : (
          <p>{t(locale, 'org.not_manager', { org: data.name })}</p>
        )}
      </Page>
    </>
  );
}
