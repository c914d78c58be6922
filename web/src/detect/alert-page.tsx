import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { detectMessages } from '../i18n/detect-messages.js';
import { useLocale } from '../i18n/locale.js';
import { useResource } from '../use-resource.js';
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
  type AlertEvent,
  type AlertRule,
  attackUrl,
  DETECT,
  fetchAlert,
  isWebLink,
} from './detect-api.js';
import { useAlertStream } from './use-alert-stream.js';

const t = detectMessages.t;

/**
 * `/detect/alerts/<id>`: one alert — what to do, the facts, the matching events and the fields
 * the rule looked at, its ATT&CK techniques, and who wrote the rule (the Detection Rule License
 * requires that attribution wherever a SigmaHQ rule's alert is shown). Kept current from the
 * stream while open.
 */
export function AlertPage({
  id,
  orgName,
}: {
  readonly id: string;
  readonly orgName: (org: string | null) => string | null | undefined;
}) {
  const locale = useLocale();
  const load = useCallback((signal: AbortSignal) => fetchAlert(id, signal), [id]);
  const [loaded, retry] = useResource(load);
  const [alert, setAlert] = useState<Alert | null>(null);
  useEffect(() => setAlert(loaded.state === 'ready' ? loaded.data : null), [loaded]);
  useAlertStream(useCallback((a: Alert) => (a.id === id ? setAlert(a) : undefined), [id]));

  const back = (
    <p class="alert-back">
      <AppLink href={DETECT}>{t(locale, 'detail.back')}</AppLink>
    </p>
  );
  if (loaded.state === 'failed' && loaded.error.status === 404)
    return (
      <Page title={t(locale, 'detail.not_found')}>
        <p>{t(locale, 'detail.not_found_text')}</p>
        {back}
      </Page>
    );
  if (loaded.state === 'failed' && loaded.error.status === 403)
    return (
      <Page title={t(locale, 'title')}>
        <p class="notice">{t(locale, 'forbidden')}</p>
      </Page>
    );
  if (alert === null)
    return (
      <Page title={t(locale, 'title')}>
        {loaded.state === 'failed' ? (
          <ErrorMessage heading={t(locale, 'failed')} error={loaded.error} onRetry={retry} />
        ) : (
          <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
        )}
        {back}
      </Page>
    );
  const name = orgName(alert.org);
  return (
    <Page title={alert.title} tabTitle={`${alert.title} – ${t(locale, 'title')} – Shieldwall`}>
      <p class="alert-item__meta">
        <LevelBadge level={alert.level} /> <StatusText status={alert.status} />
      </p>
      <StatusButtons alert={alert} onChanged={setAlert} />
      <Advice alert={alert} headingLevel={2} />
      <section aria-labelledby="what-heading" class="alert-section">
        <h2 id="what-heading">{t(locale, 'detail.what')}</h2>
        <AlertFacts alert={alert} {...(name === undefined ? {} : { orgName: name })} />
        {alert.anomaly === null ? null : (
          <>
            <h3>{t(locale, 'detail.anomaly')}</h3>
            <p>
              <Written text={alert.anomaly.explanation} locale={locale} />
            </p>
            <p>{t(locale, 'detail.anomaly_score', { score: Math.round(alert.anomaly.score) })}</p>
          </>
        )}
      </section>
      <Events alert={alert} locale={locale} />
      <Attack alert={alert} locale={locale} />
      <Origin alert={alert} locale={locale} />
      {back}
    </Page>
  );
}

function Events({ alert, locale }: { readonly alert: Alert; readonly locale: Locale }) {
  const matched = new Set(alert.matchedFields);
  return (
    <section aria-labelledby="events-heading" class="alert-section">
      <h2 id="events-heading">{t(locale, 'detail.events')}</h2>
      {alert.matchedFields.length === 0 ? null : (
        <p>
          {t(locale, 'detail.matched_fields')}:{' '}
          {alert.matchedFields.map((f, i) => (
            <span key={f}>
              {i > 0 ? ', ' : ''}
              <code>{f}</code>
            </span>
          ))}
        </p>
      )}
      {alert.events.length === 0 ? (
        <p>{t(locale, 'detail.no_events')}</p>
      ) : (
        <>
          <p>{detectMessages.plural(locale, 'detail.events_shown', alert.events.length)}</p>
          {alert.events.map((e, i) => (
            <EventTable
              key={`${e.origin.source}:${e.origin.line ?? i}`}
              event={e}
              n={i + 1}
              matched={matched}
              locale={locale}
            />
          ))}
        </>
      )}
    </section>
  );
}

function EventTable({
  event,
  n,
  matched,
  locale,
}: {
  readonly event: AlertEvent;
  readonly n: number;
  readonly matched: ReadonlySet<string>;
  readonly locale: Locale;
}) {
  const from =
    event.origin.line === null
      ? t(locale, 'detail.event_origin', { source: event.origin.source })
      : t(locale, 'detail.event_line', {
          source: event.origin.source,
          line: formatCount(event.origin.line, locale),
        });
  const when =
    event.time === null
      ? ''
      : ` ${t(locale, 'detail.event_time', { time: formatTime(new Date(event.time), locale) })}`;
  return (
    <div class="alert-event">
      <table class="entries alert-event__table">
        <caption>
          {t(locale, 'detail.event', { n })}: <span class="alert-break">{from}</span>
          {when}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t(locale, 'detail.field')}</th>
            <th scope="col">{t(locale, 'detail.value')}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(event.fields).map(([field, value]) => (
            <tr key={field} class={matched.has(field) ? 'alert-event__matched' : undefined}>
              <th scope="row" class="alert-break">
                <code>{field}</code>
                {matched.has(field) ? (
                  <span class="alert-event__badge"> ({t(locale, 'detail.matched')})</span>
                ) : null}
              </th>
              <td class="alert-break">
                <code>{typeof value === 'string' ? value : JSON.stringify(value)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Attack({ alert, locale }: { readonly alert: Alert; readonly locale: Locale }) {
  if (alert.attack.length === 0) return null;
  return (
    <section aria-labelledby="attack-heading" class="alert-section">
      <h2 id="attack-heading">{t(locale, 'detail.attack')}</h2>
      <p>{t(locale, 'detail.attack_intro')}</p>
      <ul class="alert-attack">
        {alert.attack.map((a) => {
          const url = attackUrl(a.id);
          return (
            <li key={a.id}>
              {url === null ? <code>{a.id}</code> : <a href={url}>{a.id}</a>}
              {a.tactic === null ? null : (
                <> ({t(locale, 'detail.tactic', { tactic: a.tactic })})</>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Who wrote the rule, its licence and where it comes from; or that anomaly scoring found it. */
function Origin({ alert, locale }: { readonly alert: Alert; readonly locale: Locale }) {
  return (
    <section aria-labelledby="rule-heading" class="alert-section">
      <h2 id="rule-heading">{t(locale, 'detail.rule')}</h2>
      {alert.rule === null ? (
        <p>{t(locale, 'detail.anomaly_by', { kind: alert.anomaly?.kind ?? alert.source })}</p>
      ) : (
        <Rule rule={alert.rule} locale={locale} />
      )}
      {alert.observables.length === 0 ? null : (
        <>
          <h3>{t(locale, 'detail.observables')}</h3>
          <dl class="facts">
            {alert.observables.map((o) => (
              <div key={`${o.type}:${o.value}`} class="alert-observable">
                <dt>{observableName(locale, o.type)}</dt>
                <dd class="alert-break">
                  <code>{o.value}</code>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

function Rule({ rule, locale }: { readonly rule: AlertRule; readonly locale: Locale }) {
  const links = rule.references.filter(isWebLink).slice(0, 10);
  return (
    <>
      <p class="alert-rule__title">
        <Written text={rule.title} locale={locale} />
      </p>
      <p class="alert-rule__by alert-break">
        {t(locale, 'detail.rule_by', {
          author: rule.author ?? t(locale, 'detail.unknown_author'),
          license: rule.license ?? t(locale, 'detail.unknown_license'),
          source: rule.ruleSource,
        })}
      </p>
      {rule.description === null ? null : (
        <p>
          <Written text={rule.description} locale={locale} />
        </p>
      )}
      {links.length === 0 ? null : (
        <>
          <h3>{t(locale, 'detail.references')}</h3>
          <ul class="alert-links">
            {links.map((url) => (
              <li key={url} class="alert-break">
                <a href={url} rel="noreferrer">
                  {url}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

const OBSERVABLES = new Set([
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'file-hash',
  'user-account',
  'process',
] as const);

function observableName(locale: Locale, type: string): string {
  const known = [...OBSERVABLES].find((o) => o === type);
  return known === undefined ? type : t(locale, `observable.${known}`);
}
