import { useCallback, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import { useResource } from '../use-resource.js';
import {
  type IntelRow,
  objectPath,
  QUERY_MAX,
  QUERY_MIN,
  SEARCH_LIMIT,
  searchIntel,
} from './intel-api.js';
import { objectTitle, typeName } from './intel-words.js';
import { TlpBadge } from './tlp-badge.js';

/** The search words in the address (`?q=`), so a search can be reloaded or shared. */
function queryInAddress(): string {
  return (new URLSearchParams(window.location.search).get('q') ?? '').slice(0, QUERY_MAX);
}

/**
 * "Search": a domain, hash, name or id; the objects you may read that
 * contain it, newest first.
 */
export function SearchSection({ titles }: { readonly titles: ReadonlyMap<string, string> }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const [typed, setTyped] = useState(queryInAddress);
  const [query, setQuery] = useState(() =>
    queryInAddress().trim().length >= QUERY_MIN ? queryInAddress().trim() : '',
  );
  const [tooShort, setTooShort] = useState(false);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const q = typed.trim();
    if (q.length < QUERY_MIN) {
      setTooShort(true);
      return;
    }
    setTooShort(false);
    setQuery(q);
    const url = new URL(window.location.href);
    url.searchParams.set('q', q);
    window.history.replaceState(null, '', url.pathname + url.search);
  };

  return (
    <section aria-labelledby="search-heading" class="intel-section">
      <h2 id="search-heading">{t(locale, 'search.heading')}</h2>
      <form class="intel-search" onSubmit={onSubmit} noValidate>
        <label class="field-label" for="intel-q">
          {t(locale, 'search.label')}
        </label>
        <p class="hint" id="intel-q-hint">
          {t(locale, 'search.hint', { min: QUERY_MIN })}
        </p>
        <div class="intel-search__row">
          <input
            id="intel-q"
            class="field field--line intel-search__input"
            type="search"
            value={typed}
            maxLength={QUERY_MAX}
            autoComplete="off"
            spellcheck={false}
            aria-describedby={tooShort ? 'intel-q-hint intel-q-error' : 'intel-q-hint'}
            aria-invalid={tooShort}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
          <button type="submit" class="button">
            {t(locale, 'search.button')}
          </button>
        </div>
        {tooShort ? (
          <p class="field-error" id="intel-q-error">
            {t(locale, 'search.too_short', { min: QUERY_MIN })}
          </p>
        ) : null}
      </form>
      <SearchResults query={query} titles={titles} />
    </section>
  );
}

/** What the polite status line says about a search, so screen readers hear the outcome once. */
function summary(locale: Locale, query: string, state: string, count: number): string {
  const t = intelMessages.t;
  if (query === '') return '';
  if (state === 'loading') return t(locale, 'search.searching');
  if (state === 'failed') return '';
  if (count === 0) return t(locale, 'search.nothing', { query });
  // A full page means there may be more: say these are the newest, not all.
  if (count === SEARCH_LIMIT) return t(locale, 'search.results_newest', { count, query });
  return intelMessages.plural(locale, 'search.results', count, { query });
}

/**
 * The results of the latest search. It stays mounted between searches, so its
 * status line is a live region that already exists when the count changes.
 */
function SearchResults({
  query,
  titles,
}: {
  readonly query: string;
  readonly titles: ReadonlyMap<string, string>;
}) {
  const load = useCallback(
    (signal: AbortSignal) => (query === '' ? Promise.resolve([]) : searchIntel(query, { signal })),
    [query],
  );
  const locale = useLocale();
  const t = intelMessages.t;
  const [results, retry] = useResource(load);
  const rows = results.state === 'ready' ? results.data : [];
  return (
    <div class="intel-results">
      <p class="intel-results__count" role="status">
        {summary(locale, query, results.state, rows.length)}
      </p>
      {results.state === 'failed' ? (
        <ErrorMessage heading={t(locale, 'search.failed')} error={results.error} onRetry={retry} />
      ) : null}
      {rows.length === 0 ? null : (
        <ul class="intel-list" aria-label={t(locale, 'search.list_label', { query })}>
          {rows.map((row) => (
            <ResultItem key={row.id} row={row} titles={titles} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ResultItem({
  row,
  titles,
}: {
  readonly row: IntelRow;
  readonly titles: ReadonlyMap<string, string>;
}) {
  const locale = useLocale();
  const t = intelMessages.t;
  return (
    <li class="intel-item">
      <p class="intel-item__kind">
        {typeName(locale, row.type)} <TlpBadge tlp={row.tlp} />
      </p>
      <p class="intel-item__title">
        <AppLink href={objectPath(row.id)}>{objectTitle(row.object, row.id)}</AppLink>
      </p>
      <p class="intel-item__meta">
        {t(locale, 'search.meta', {
          collection: titles.get(row.collection) ?? t(locale, 'a_collection'),
          when: formatTime(new Date(row.dateAdded), locale),
        })}
      </p>
    </li>
  );
}
