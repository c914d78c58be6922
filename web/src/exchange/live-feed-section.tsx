import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { formatTime } from '../components/format-time.js';
import { type IntelMessageKey, intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import { useResource } from '../use-resource.js';
import { fetchObject, objectPath, parseAnnounced } from './intel-api.js';
import { objectTitle, typeName } from './intel-words.js';
import { TlpBadge } from './tlp-badge.js';

/** The feed keeps the newest this many items. */
export const FEED_MAX = 50;
/** Screen readers hear how many new items came at most this often, never each item. */
const ANNOUNCE_EVERY_MS = 10_000;
const STREAM = '/api/intel/stream';

interface FeedItem {
  readonly key: string;
  readonly id: string;
  readonly type: string;
  readonly tlp: string | null;
  readonly collection: string;
  readonly at: Date;
}

type Connection = 'connecting' | 'live' | 'reconnecting' | 'closed';

const connectionWords: Readonly<Record<Connection, IntelMessageKey>> = {
  connecting: 'feed.connecting',
  live: 'feed.live',
  reconnecting: 'feed.reconnecting',
  closed: 'feed.closed',
};

/** What the polite live region last said: kept as facts, so it is said in the current language. */
interface Announcement {
  readonly count: number;
  readonly waiting: boolean;
}

/**
 * "Live feed": new intelligence you may read, newest first (at most 50), from
 * the server's event stream. Pausing keeps the stream open and holds new items
 * until you resume, so nothing moves under your eyes or focus.
 */
export function LiveFeedSection({ titles }: { readonly titles: ReadonlyMap<string, string> }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const [items, setItems] = useState<readonly FeedItem[]>([]);
  const [held, setHeld] = useState<readonly FeedItem[]>([]);
  const [paused, setPaused] = useState(false);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const pausedRef = useRef(false);
  const unannounced = useRef(0);

  useEffect(() => {
    const source = new EventSource(STREAM);
    source.onopen = () => setConnection('live');
    source.onerror = () =>
      setConnection(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    source.addEventListener('objects', (event: MessageEvent<string>) => {
      const announced = parseAnnounced(event.data);
      if (announced === null) return;
      const at = new Date();
      const fresh = announced.objects
        .map((o) => ({
          key: `${o.id}@${o.version}`,
          id: o.id,
          type: o.type,
          tlp: o.tlp,
          collection: announced.collection,
          at,
        }))
        .reverse();
      unannounced.current += fresh.length;
      const add = (list: readonly FeedItem[]) => [...fresh, ...list].slice(0, FEED_MAX);
      if (pausedRef.current) setHeld(add);
      else setItems(add);
    });
    const timer = window.setInterval(() => {
      const n = unannounced.current;
      if (n === 0) return;
      unannounced.current = 0;
      setAnnouncement({ count: n, waiting: pausedRef.current });
    }, ANNOUNCE_EVERY_MS);
    return () => {
      source.close();
      window.clearInterval(timer);
    };
  }, []);

  const togglePause = () => {
    const next = !paused;
    pausedRef.current = next;
    setPaused(next);
    if (!next) {
      setItems((list) => [...held, ...list].slice(0, FEED_MAX));
      setHeld([]);
    }
  };

  return (
    <section aria-labelledby="feed-heading" class="intel-section">
      <h2 id="feed-heading">{t(locale, 'feed.heading')}</h2>
      <div class="intel-feed__bar">
        <p class="intel-feed__state">
          {paused
            ? intelMessages.plural(locale, 'feed.paused', held.length)
            : t(locale, connectionWords[connection])}
        </p>
        <button
          type="button"
          class="button button--secondary"
          aria-pressed={paused}
          onClick={togglePause}
        >
          {t(locale, paused ? 'feed.resume' : 'feed.pause')}
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite">
        {announcement === null
          ? ''
          : intelMessages.plural(
              locale,
              announcement.waiting ? 'feed.announce_waiting' : 'feed.announce',
              announcement.count,
            )}
      </p>
      {items.length === 0 ? (
        <p class="intel-empty">{t(locale, 'feed.empty')}</p>
      ) : (
        <ol class="intel-list" aria-label={t(locale, 'feed.list_label')}>
          {items.map((item) => (
            <li key={item.key} class="intel-item">
              <p class="intel-item__kind">
                {typeName(locale, item.type)} <TlpBadge tlp={item.tlp} />
              </p>
              <p class="intel-item__title intel-break">
                <AppLink href={objectPath(item.id)}>
                  <FeedTitle id={item.id} />
                </AppLink>
              </p>
              <p class="intel-item__meta">
                {t(locale, 'feed.meta', {
                  collection: titles.get(item.collection) ?? t(locale, 'a_collection'),
                  when: formatTime(item.at, locale),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * The stream names only ids: each item shown asks for its object once (at most
 * FEED_MAX at a time), and shows its name, or the id until then or if that fails.
 */
function FeedTitle({ id }: { readonly id: string }) {
  const load = useCallback((signal: AbortSignal) => fetchObject(id, { signal }), [id]);
  const [detail] = useResource(load);
  const latest = detail.state === 'ready' ? detail.data.versions.at(-1) : undefined;
  return <>{latest === undefined ? id : objectTitle(latest.object, id)}</>;
}
