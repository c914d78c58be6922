import { ErrorMessage } from '../components/error-message.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import { withNodes } from '../i18n/rich-text.js';
import { useResource } from '../use-resource.js';
import { fetchSubscriptions, type Subscription } from './intel-api.js';

const load = (signal: AbortSignal) => fetchSubscriptions({ signal });

/**
 * "Other servers" (operators only): each TAXII collection this server keeps a
 * copy of, its last sync and last error. Hidden for anyone the server answers
 * 401 or 403, so analysts do not see a section they cannot use.
 */
export function FederationSection({ titles }: { readonly titles: ReadonlyMap<string, string> }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const [subscriptions, retry] = useResource(load);
  if (subscriptions.state === 'loading') return null;
  if (
    subscriptions.state === 'failed' &&
    (subscriptions.error.status === 401 || subscriptions.error.status === 403)
  )
    return null;
  return (
    <section aria-labelledby="federation-heading" class="intel-section">
      <h2 id="federation-heading">{t(locale, 'federation.heading')}</h2>
      <p>{t(locale, 'federation.lead')}</p>
      {subscriptions.state === 'failed' ? (
        <ErrorMessage
          heading={t(locale, 'federation.failed')}
          error={subscriptions.error}
          onRetry={retry}
        />
      ) : null}
      {subscriptions.state === 'ready' && subscriptions.data.length === 0 ? (
        <p>
          {withNodes(t(locale, 'federation.none'), {
            command: <code>shieldwall intel sync add</code>,
          })}
        </p>
      ) : null}
      {subscriptions.state === 'ready' && subscriptions.data.length > 0 ? (
        <ul class="intel-list" aria-label={t(locale, 'federation.list_label')}>
          {subscriptions.data.map((s) => (
            <SubscriptionItem key={s.id} subscription={s} titles={titles} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SubscriptionItem({
  subscription: s,
  titles,
}: {
  readonly subscription: Subscription;
  readonly titles: ReadonlyMap<string, string>;
}) {
  const locale = useLocale();
  const t = intelMessages.t;
  const failing = s.lastError !== null;
  return (
    <li class="intel-item">
      <h3 class="intel-item__heading intel-break">{s.url}</h3>
      <dl class="facts">
        <dt>{t(locale, 'federation.copied_into')}</dt>
        <dd>{titles.get(s.localCollection) ?? s.localCollection}</dd>
        <dt>{t(locale, 'federation.last_success')}</dt>
        <dd>
          {s.lastSuccess === null
            ? t(locale, 'federation.never')
            : formatTime(new Date(s.lastSuccess), locale)}
        </dd>
        <dt>{t(locale, 'federation.objects')}</dt>
        <dd>{formatCount(s.objectsSynced, locale)}</dd>
        <dt>{t(locale, 'federation.interval')}</dt>
        <dd>{t(locale, 'federation.seconds', { seconds: s.intervalSeconds })}</dd>
        <dt>{t(locale, 'federation.last_error')}</dt>
        {/* The error is the partner server's or the sync's own words, shown as recorded. */}
        <dd class={failing ? 'intel-bad' : undefined}>
          {s.lastError !== null
            ? intelMessages.plural(locale, 'federation.failing', s.failures, { error: s.lastError })
            : t(locale, 'federation.no_error')}
        </dd>
      </dl>
    </li>
  );
}
