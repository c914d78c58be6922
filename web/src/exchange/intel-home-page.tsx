import { useMemo } from 'preact/hooks';
import { useAccountState } from '../access/account-state.js';
import { administered } from '../access/administered.js';
import { Page } from '../components/page.js';
import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import { useResource } from '../use-resource.js';
import { CollectionsSection } from './collections-section.js';
import { FederationSection } from './federation-section.js';
import { fetchCollections } from './intel-api.js';
import { collectionText } from './intel-words.js';
import { LazyWebhooksSection } from './lazy-webhooks.js';
import { LiveFeedSection } from './live-feed-section.js';
import { SearchSection } from './search-section.js';

const loadCollections = (signal: AbortSignal) => fetchCollections({ signal });

/**
 * `/exchange`: search, the collections you may use, the live feed, (org admins) their
 * organizations' webhooks and (operators) federation.
 */
export function IntelHomePage({ title }: { readonly title: string }) {
  const locale = useLocale();
  const [collections, retry] = useResource(loadCollections);
  const [account] = useAccountState();
  // Webhooks are for the admins of an organization (the server checks it again on every call).
  const orgs = account.state === 'signed_in' ? administered(account.me.orgs) : [];
  const titles = useMemo(
    () =>
      new Map(
        collections.state === 'ready'
          ? collections.data.map((c) => [c.id, collectionText(locale, c.title)] as const)
          : [],
      ),
    [collections, locale],
  );
  return (
    <Page title={title} lead={intelMessages.t(locale, 'home.lead')}>
      <SearchSection titles={titles} />
      <LiveFeedSection titles={titles} />
      <CollectionsSection collections={collections} onRetry={retry} />
      {orgs.length === 0 ? null : (
        <LazyWebhooksSection
          orgs={orgs}
          collections={collections}
          words={{
            loading: intelMessages.t(locale, 'loading'),
            failed: intelMessages.t(locale, 'hooks_unavailable'),
          }}
        />
      )}
      <FederationSection titles={titles} />
    </Page>
  );
}
