import { useMemo } from 'preact/hooks';
import { Page } from '../components/page.js';
import { useResource } from '../use-resource.js';
import { CollectionsSection } from './collections-section.js';
import { FederationSection } from './federation-section.js';
import { fetchCollections } from './intel-api.js';
import { LiveFeedSection } from './live-feed-section.js';
import { SearchSection } from './search-section.js';

const loadCollections = (signal: AbortSignal) => fetchCollections({ signal });

/** `/exchange`: search, the collections you may use, the live feed and (operators) federation. */
export function IntelHomePage({ title }: { readonly title: string }) {
  const [collections, retry] = useResource(loadCollections);
  const titles = useMemo(
    () =>
      new Map(
        collections.state === 'ready' ? collections.data.map((c) => [c.id, c.title] as const) : [],
      ),
    [collections],
  );
  return (
    <Page
      title={title}
      lead="Warnings about scams and attacks that defenders share with each other: look something up, see what you may use, and watch new intelligence arrive."
    >
      <SearchSection titles={titles} />
      <LiveFeedSection titles={titles} />
      <CollectionsSection collections={collections} onRetry={retry} />
      <FederationSection titles={titles} />
    </Page>
  );
}
