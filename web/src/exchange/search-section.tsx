import { useCallback, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
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
      <h2 id="search-heading">Search</h2>
      <form class="intel-search" onSubmit={onSubmit} noValidate>
        <label class="field-label" for="intel-q">
          Look for an indicator or object
        </label>
        <p class="hint" id="intel-q-hint">
          A domain, link, file hash, name or id — at least {QUERY_MIN} characters.
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
            Search
          </button>
        </div>
        {tooShort ? (
          <p class="field-error" id="intel-q-error">
            Type at least {QUERY_MIN} characters.
          </p>
        ) : null}
      </form>
      <SearchResults query={query} titles={titles} />
    </section>
  );
}

/** What the polite status line says about a search, so screen readers hear the outcome once. */
function summary(query: string, state: string, count: number): string {
  if (query === '') return '';
  if (state === 'loading') return 'Searching…';
  if (state === 'failed') return '';
  if (count === 0) return `Nothing you may read contains “${query}”.`;
  const many = count === SEARCH_LIMIT ? `The newest ${count}` : String(count);
  return `${many} ${count === 1 ? 'result' : 'results'} for “${query}”, newest first.`;
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
  const [results, retry] = useResource(load);
  const rows = results.state === 'ready' ? results.data : [];
  return (
    <div class="intel-results">
      <p class="intel-results__count" role="status">
        {summary(query, results.state, rows.length)}
      </p>
      {results.state === 'failed' ? (
        <ErrorMessage heading="We couldn't search." error={results.error} onRetry={retry} />
      ) : null}
      {rows.length === 0 ? null : (
        <ul class="intel-list" aria-label={`Results for ${query}`}>
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
  return (
    <li class="intel-item">
      <p class="intel-item__kind">
        {typeName(row.type)} <TlpBadge tlp={row.tlp} />
      </p>
      <p class="intel-item__title">
        <AppLink href={objectPath(row.id)}>{objectTitle(row.object, row.id)}</AppLink>
      </p>
      <p class="intel-item__meta">
        In {titles.get(row.collection) ?? 'a collection'} · added{' '}
        {formatTime(new Date(row.dateAdded))}
      </p>
    </li>
  );
}
