import { useCallback } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { intelMessages } from '../i18n/intel-messages.js';
import { useLocale } from '../i18n/locale.js';
import { useResource } from '../use-resource.js';
import {
  EXCHANGE,
  fetchCollections,
  fetchObject,
  type ObjectDetail,
  STIX_ID,
} from './intel-api.js';
import { collectionText, objectTitle, tlpExplained, typeAbout, typeName } from './intel-words.js';
import { ScoreSection, SightingsSection, sourceOf, VersionsSection } from './object-parts.js';
import { TlpBadge } from './tlp-badge.js';

const loadCollections = (signal: AbortSignal) => fetchCollections({ signal });

function BackLink() {
  const locale = useLocale();
  return (
    <p class="intel-back">
      <AppLink href={EXCHANGE}>{intelMessages.t(locale, 'object.back')}</AppLink>
    </p>
  );
}

/** Nothing here, or nothing you may read: the server answers both alike, on purpose. */
function NotShared() {
  const locale = useLocale();
  return (
    <>
      <p>{intelMessages.t(locale, 'object.not_shared_text')}</p>
      <BackLink />
    </>
  );
}

/**
 * `/exchange/objects/<stix id>`: one object, where it came from, who may see
 * it, its history. One <Page> in every state, so the heading the shell focused
 * on arrival stays the same element when the object has loaded.
 */
export function ObjectPage({ id }: { readonly id: string }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const valid = STIX_ID.test(id);
  const load = useCallback(
    (signal: AbortSignal) =>
      valid ? fetchObject(id, { signal }) : Promise.reject(new Error('not an id')),
    [id, valid],
  );
  const [detail, retry] = useResource(load);
  const kind = typeName(locale, id.split('--')[0] ?? '');
  const latest = detail.state === 'ready' ? detail.data.versions.at(-1) : undefined;
  const notShared =
    !valid ||
    (detail.state === 'failed' && detail.error.status === 404) ||
    (detail.state === 'ready' && latest === undefined);
  if (notShared)
    return (
      <Page title={t(locale, 'object.not_shared')}>
        <NotShared />
      </Page>
    );
  if (detail.state === 'ready' && latest !== undefined)
    return (
      <Page title={`${typeName(locale, latest.type)}: ${objectTitle(latest.object, id)}`}>
        <ObjectView id={id} detail={detail.data} />
      </Page>
    );
  return (
    <Page title={kind}>
      {detail.state === 'failed' ? (
        <>
          <ErrorMessage heading={t(locale, 'object.failed')} error={detail.error} onRetry={retry} />
          <BackLink />
        </>
      ) : (
        <LoadingMessage>{t(locale, 'loading')}</LoadingMessage>
      )}
    </Page>
  );
}

function ObjectView({ id, detail }: { readonly id: string; readonly detail: ObjectDetail }) {
  const locale = useLocale();
  const t = intelMessages.t;
  const [collections] = useResource(loadCollections);
  const latest = detail.versions.at(-1);
  if (latest === undefined) return null;
  const o = latest.object;
  const description = typeof o.description === 'string' ? o.description : undefined;
  const pattern = typeof o.pattern === 'string' ? o.pattern : undefined;
  const collection =
    collections.state === 'ready'
      ? collectionText(
          locale,
          collections.data.find((c) => c.id === latest.collection)?.title ?? latest.collection,
        )
      : latest.collection;
  return (
    <>
      <BackLink />
      <section aria-labelledby="what-heading" class="intel-section">
        <h2 id="what-heading">{t(locale, 'object.what')}</h2>
        <p>{typeAbout(locale, latest.type)}</p>
        {description === undefined ? null : <p>{description}</p>}
        <dl class="facts">
          {pattern === undefined ? null : (
            <>
              <dt>{t(locale, 'object.looks_for')}</dt>
              <dd>
                <code class="intel-break">{pattern}</code>
              </dd>
            </>
          )}
          {typeof o.confidence === 'number' ? (
            <>
              <dt>{t(locale, 'object.confidence')}</dt>
              <dd>{t(locale, 'object.out_of_100', { value: o.confidence })}</dd>
            </>
          ) : null}
          {typeof o.valid_from === 'string' ? (
            <>
              <dt>{t(locale, 'object.valid_from')}</dt>
              <dd>{formatTime(new Date(o.valid_from), locale)}</dd>
            </>
          ) : null}
          {typeof o.valid_until === 'string' ? (
            <>
              <dt>{t(locale, 'object.valid_until')}</dt>
              <dd>{formatTime(new Date(o.valid_until), locale)}</dd>
            </>
          ) : null}
          <dt>{t(locale, 'object.id')}</dt>
          <dd class="intel-break">{id}</dd>
        </dl>
      </section>
      <section aria-labelledby="marking-heading" class="intel-section">
        <h2 id="marking-heading">{t(locale, 'object.who_may_see')}</h2>
        <p>
          <TlpBadge tlp={latest.tlp} />
        </p>
        <p class="intel-marking">{tlpExplained(locale, latest.tlp)}</p>
      </section>
      <section aria-labelledby="source-heading" class="intel-section">
        <h2 id="source-heading">{t(locale, 'object.where_from')}</h2>
        <dl class="facts">
          <dt>{t(locale, 'object.collection')}</dt>
          <dd>{collection}</dd>
          <dt>{t(locale, 'object.shared_by')}</dt>
          <dd class="intel-break">
            {latest.sourceOrg === null
              ? t(locale, 'object.not_recorded')
              : t(locale, 'object.organization', { id: latest.sourceOrg })}
          </dd>
          <dt>{t(locale, 'object.created_by')}</dt>
          <dd class="intel-break">
            {typeof o.created_by_ref === 'string'
              ? sourceOf(locale, latest)
              : t(locale, 'object.not_stated')}
          </dd>
          <dt>{t(locale, 'object.first_added')}</dt>
          <dd>{formatTime(new Date((detail.versions[0] ?? latest).dateAdded), locale)}</dd>
        </dl>
      </section>
      {detail.score === null ? null : <ScoreSection score={detail.score} />}
      {latest.type === 'indicator' ? <SightingsSection sightings={detail.sightings} /> : null}
      <VersionsSection versions={detail.versions} />
      <details class="details intel-raw">
        <summary>{t(locale, 'object.raw')}</summary>
        <pre class="intel-json">{JSON.stringify(o, null, 2)}</pre>
      </details>
    </>
  );
}
