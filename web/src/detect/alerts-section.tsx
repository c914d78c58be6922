import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { detectMessages } from '../i18n/detect-messages.js';
import { useLocale } from '../i18n/locale.js';
import {
  Advice,
  AlertFacts,
  LevelBadge,
  StatusButtons,
  StatusText,
  Written,
} from './alert-parts.js';
import {
  type Alert,
  type AlertFilters,
  alertPath,
  fetchAlerts,
  LEVELS,
  type Level,
  matchesFilters,
  STATUSES,
  type Status,
} from './detect-api.js';
import { type Connection, useAlertStream } from './use-alert-stream.js';

const t = detectMessages.t;
/** The list keeps at most this many alerts (older ones are a "Show older alerts" away). */
const LIST_MAX = 200;
/** Screen readers hear how many new alerts came at most this often, never each one. */
const ANNOUNCE_EVERY_MS = 5_000;

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'ready'; readonly alerts: readonly Alert[]; readonly next: string | null };

const liveWords: Readonly<
  Record<Connection, 'live.connecting' | 'live.live' | 'live.reconnecting' | 'live.closed'>
> = {
  connecting: 'live.connecting',
  live: 'live.live',
  reconnecting: 'live.reconnecting',
  closed: 'live.closed',
};

/**
 * The alerts list: filters by status and level, newest first, live. A new alert matching the
 * filters goes on top; a changed one is updated where it is (and leaves the list when it no
 * longer matches).
 */
export function AlertsSection({
  orgName,
}: {
  /** The organization to name on an alert (null: server-wide), or undefined to name none. */
  readonly orgName: (org: string | null) => string | null | undefined;
}) {
  const locale = useLocale();
  const [filters, setFilters] = useState<AlertFilters>({});
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [moreBusy, setMoreBusy] = useState(false);
  const [announced, setAnnounced] = useState<number | null>(null);
  const fresh = useRef(0);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    fetchAlerts(filters, null, controller.signal).then(
      (page) => setLoaded({ state: 'ready', alerts: page.alerts, next: page.next }),
      (err: ApiError) => {
        if (!controller.signal.aborted) setLoaded({ state: 'failed', error: err });
      },
    );
    return () => controller.abort();
    // `attempt` is a dependency only to load again on retry.
  }, [filters, attempt]);

  const upsert = useCallback((alert: Alert, fromStream: boolean) => {
    setLoaded((current) => {
      if (current.state !== 'ready') return current;
      const fits = matchesFilters(alert, filtersRef.current);
      const known = current.alerts.some((a) => a.id === alert.id);
      if (known)
        return {
          ...current,
          alerts: fits
            ? current.alerts.map((a) => (a.id === alert.id ? alert : a))
            : current.alerts.filter((a) => a.id !== alert.id),
        };
      if (!fits || !fromStream) return current;
      fresh.current += 1;
      return { ...current, alerts: [alert, ...current.alerts].slice(0, LIST_MAX) };
    });
  }, []);
  const connection = useAlertStream(useCallback((a: Alert) => upsert(a, true), [upsert]));

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (fresh.current === 0) return;
      setAnnounced(fresh.current);
      fresh.current = 0;
    }, ANNOUNCE_EVERY_MS);
    return () => window.clearInterval(timer);
  }, []);

  const more = async () => {
    if (loaded.state !== 'ready' || loaded.next === null || moreBusy) return;
    setMoreBusy(true);
    try {
      const page = await fetchAlerts(filters, loaded.next);
      setLoaded((current) =>
        current.state === 'ready'
          ? { state: 'ready', alerts: [...current.alerts, ...page.alerts], next: page.next }
          : current,
      );
    } catch (err) {
      setLoaded({ state: 'failed', error: err as ApiError });
    } finally {
      setMoreBusy(false);
    }
  };

  const filtered = filters.status !== undefined || filters.level !== undefined;
  // Without access to alerts, say why and nothing else (no filters, no live line).
  if (loaded.state === 'failed' && loaded.error.status === 403)
    return <p class="notice">{t(locale, 'forbidden')}</p>;
  return (
    <section aria-labelledby="alerts-heading" class="alert-section">
      <h2 id="alerts-heading" class="visually-hidden">
        {t(locale, 'list_label')}
      </h2>
      <Filters filters={filters} onChange={setFilters} />
      <p class="alert-live">{t(locale, liveWords[connection])}</p>
      <p class="visually-hidden" aria-live="polite">
        {announced === null ? '' : detectMessages.plural(locale, 'live.announce', announced)}
      </p>
      {loaded.state === 'loading' ? <LoadingMessage>{t(locale, 'loading')}</LoadingMessage> : null}
      {loaded.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'failed')}
          error={loaded.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
      ) : null}
      {loaded.state === 'ready' && loaded.alerts.length === 0 ? (
        <p class="alert-empty">{t(locale, filtered ? 'none_filtered' : 'none')}</p>
      ) : null}
      {loaded.state === 'ready' && loaded.alerts.length > 0 ? (
        <ol class="alert-list" aria-label={t(locale, 'list_label')}>
          {loaded.alerts.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              orgName={orgName(alert.org)}
              onChanged={(a) => upsert(a, false)}
            />
          ))}
        </ol>
      ) : null}
      {loaded.state === 'ready' && loaded.next !== null ? (
        <button
          type="button"
          class="button button--secondary alert-more"
          aria-disabled={moreBusy ? 'true' : undefined}
          onClick={() => void more()}
        >
          {t(locale, moreBusy ? 'more_loading' : 'more')}
        </button>
      ) : null}
    </section>
  );
}

function Filters({
  filters,
  onChange,
}: {
  readonly filters: AlertFilters;
  readonly onChange: (f: AlertFilters) => void;
}) {
  const locale = useLocale();
  const set = (patch: { status?: Status | undefined; level?: Level | undefined }) => {
    const next = { ...filters, ...patch };
    onChange({
      ...(next.status === undefined ? {} : { status: next.status }),
      ...(next.level === undefined ? {} : { level: next.level }),
    });
  };
  return (
    <fieldset class="alert-filters">
      <legend>{t(locale, 'filters.legend')}</legend>
      <label class="alert-filters__field">
        <span>{t(locale, 'filters.status')}</span>
        <select
          class="field alert-filters__select"
          value={filters.status ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ status: STATUSES.find((s) => s === v) });
          }}
        >
          <option value="">{t(locale, 'filters.any_status')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(locale, `status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="alert-filters__field">
        <span>{t(locale, 'filters.level')}</span>
        <select
          class="field alert-filters__select"
          value={filters.level ?? ''}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            set({ level: LEVELS.find((l) => l === v) });
          }}
        >
          <option value="">{t(locale, 'filters.any_level')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(locale, `level.${l}`)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

/** One alert in the list: what, how bad, where, when, how often, what to do, and the buttons. */
function AlertItem({
  alert,
  orgName,
  onChanged,
}: {
  readonly alert: Alert;
  readonly orgName: string | null | undefined;
  readonly onChanged: (a: Alert) => void;
}) {
  const locale = useLocale();
  return (
    <li class={`alert-item alert-item--${alert.level}`}>
      <article aria-labelledby={`alert-${alert.id}`}>
        <p class="alert-item__meta">
          <LevelBadge level={alert.level} /> <StatusText status={alert.status} />
        </p>
        <h3 id={`alert-${alert.id}`} class="alert-item__title alert-break">
          <AppLink href={alertPath(alert.id)}>
            <Written text={alert.title} locale={locale} />
          </AppLink>
        </h3>
        <AlertFacts alert={alert} {...(orgName === undefined ? {} : { orgName })} />
        <Advice alert={alert} headingLevel={4} />
        <StatusButtons alert={alert} onChanged={onChanged} />
      </article>
    </li>
  );
}
