import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import type { Resource } from '../use-resource.js';
import type { Collection } from './intel-api.js';

/** What you may do in a collection, in words. */
function rightsOf(c: Collection): string {
  if (c.canRead && c.canWrite) return 'You can read it and add to it.';
  if (c.canRead) return 'You can read it.';
  if (c.canWrite) return 'You can add to it, but not read it.';
  return 'You can see it exists; verified defenders can read it.';
}

/** "Collections": the ones you may use, and what you may do in each. */
export function CollectionsSection({
  collections,
  onRetry,
}: {
  readonly collections: Resource<Collection[]>;
  readonly onRetry: () => void;
}) {
  return (
    <section aria-labelledby="collections-heading" class="intel-section">
      <h2 id="collections-heading">Collections</h2>
      <p>Intelligence is kept in collections. Each one decides who may read it and add to it.</p>
      {collections.state === 'loading' ? (
        <LoadingMessage>Loading the collections…</LoadingMessage>
      ) : null}
      {collections.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load the collections."
          error={collections.error}
          onRetry={onRetry}
        />
      ) : null}
      {collections.state === 'ready' && collections.data.length === 0 ? (
        <p>There are no collections you may use on this server.</p>
      ) : null}
      {collections.state === 'ready' && collections.data.length > 0 ? (
        <ul class="intel-list" aria-label="Collections you may use">
          {collections.data.map((c) => (
            <li key={c.id} class="intel-item">
              <h3 class="intel-item__heading">{c.title}</h3>
              {c.description === null ? null : <p>{c.description}</p>}
              <p class="intel-item__meta">
                {rightsOf(c)}{' '}
                {c.ownerOrg === null
                  ? 'Shared with everyone on this server.'
                  : 'Belongs to one organization.'}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
