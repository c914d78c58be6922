import { useCallback } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { getOrg } from './access-api.js';
import { accessPaths } from './access-paths.js';
import { BackLink } from './back-link.js';
import { KeysSection } from './keys-section.js';
import { InvitationsSection, MembersSection } from './members-section.js';
import { roleWords } from './role-words.js';
import { formatDate, useLoaded } from './use-loaded.js';

/** `/access/orgs/<id>`: one organization: members, invitations and API keys. */
export function OrgPage({ id }: { readonly id: string }) {
  const load = useCallback((signal: AbortSignal) => getOrg(id, signal), [id]);
  const [org, reload] = useLoaded(load);
  if (org.state !== 'ready')
    return (
      <>
        <BackLink href={accessPaths.orgs} children="Organizations" />
        <Page title="Organization">
          {org.state === 'loading' ? (
            <LoadingMessage>Loading the organization…</LoadingMessage>
          ) : (
            <ErrorMessage
              heading="We couldn't load this organization."
              error={org.error}
              onRetry={() => void reload()}
            />
          )}
        </Page>
      </>
    );
  const { data } = org;
  const manager = data.role === 'owner' || data.role === 'admin';
  return (
    <>
      <BackLink href={accessPaths.orgs} children="Organizations" />
      <Page
        title={data.name}
        lead={`${data.role === undefined ? '' : `You are ${roleWords(data.role).withArticle} here. `}Level: ${data.tier.name}${
          data.tier_expires_at === null ? '' : `, until ${formatDate(data.tier_expires_at)}`
        }.`}
      >
        <MembersSection orgId={data.id} orgName={data.name} myRole={data.role ?? 'member'} />
        {manager ? (
          <>
            <InvitationsSection orgId={data.id} myRole={data.role ?? 'member'} />
            <KeysSection orgId={data.id} />
          </>
        ) : (
          <p>Ask an owner or administrator of {data.name} to invite people or manage API keys.</p>
        )}
      </Page>
    </>
  );
}
