import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import type { Resource } from '../use-resource.js';
import type { Collection } from './intel-api.js';
import { collectionText } from './intel-words.js';

/** What you may do in a collection, in words. */
function rightsOf(locale: Locale, c: Collection): string {
  const t = intelMessages.t;
  if (c.canRead && c.canWrite) return t(locale, 'collections.read_write');
  if (c.canRead) return t(locale, 'collections.read');
  if (c.canWrite) return t(locale, 'collections.write');
  return t(locale, 'collections.see');
}

/** "Collections": the ones you may use, and what you may do in each. */
export function CollectionsSection({
  collections,
  onRetry,
}: {
  readonly collections: Resource<Collection[]>;
  readonly onRetry: () => void;
}) {
  const locale = useLocale();
  const t = intelMessages.t;
  return (
    <section aria-labelledby="collections-heading" class="intel-section">
      <h2 id="collections-heading">{t(locale, 'collections.heading')}</h2>
      <p>{t(locale, 'collections.lead')}</p>
      {collections.state === 'loading' ? (
        <LoadingMessage>{t(locale, 'collections.loading')}</LoadingMessage>
      ) : null}
      {collections.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'collections.failed')}
          error={collections.error}
          onRetry={onRetry}
        />
      ) : null}
      {collections.state === 'ready' && collections.data.length === 0 ? (
        <p>{t(locale, 'collections.none')}</p>
      ) : null}
      {collections.state === 'ready' && collections.data.length > 0 ? (
        <ul class="intel-list" aria-label={t(locale, 'collections.list_label')}>
          {collections.data.map((c) => (
            <li key={c.id} class="intel-item">
              <h3 class="intel-item__heading">{collectionText(locale, c.title)}</h3>
              {c.description === null ? null : <p>{collectionText(locale, c.description)}</p>}
              <p class="intel-item__meta">
                {rightsOf(locale, c)}{' '}
                {c.ownerOrg === null
                  ? t(locale, 'collections.everyone')
                  : t(locale, 'collections.one_org')}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
