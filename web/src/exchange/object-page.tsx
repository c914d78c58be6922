import { useCallback } from 'preact/hooks';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useResource } from '../use-resource.js';
import {
  EXCHANGE,
  fetchCollections,
  fetchObject,
  type ObjectDetail,
  STIX_ID,
} from './intel-api.js';
import { objectTitle, tlpExplained, typeAbout, typeName } from './intel-words.js';
import { ScoreSection, SightingsSection, sourceOf, VersionsSection } from './object-parts.js';
import { TlpBadge } from './tlp-badge.js';

const loadCollections = (signal: AbortSignal) => fetchCollections({ signal });

function BackLink() {
  return (
    <p class="intel-back">
      <AppLink href={EXCHANGE}>Back to Threat intelligence</AppLink>
    </p>
  );
}

const NOT_SHARED = 'Not found, or not shared with you';

/** Nothing here, or nothing you may read: the server answers both alike, on purpose. */
function NotShared() {
  return (
    <>
      <p>
        There is no intelligence at this address that you may read. It may not exist, or it may be
        marked for other organizations only. If someone sent you this link, ask them to share it
        with your organization.
      </p>
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
  const valid = STIX_ID.test(id);
  const load = useCallback(
    (signal: AbortSignal) =>
      valid ? fetchObject(id, { signal }) : Promise.reject(new Error('not an id')),
    [id, valid],
  );
  const [detail, retry] = useResource(load);
  const kind = typeName(id.split('--')[0] ?? '');
  const latest = detail.state === 'ready' ? detail.data.versions.at(-1) : undefined;
  const notShared =
    !valid ||
    (detail.state === 'failed' && detail.error.status === 404) ||
    (detail.state === 'ready' && latest === undefined);
  if (notShared)
    return (
      <Page title={NOT_SHARED}>
        <NotShared />
      </Page>
    );
  if (detail.state === 'ready' && latest !== undefined)
    return (
      <Page title={`${typeName(latest.type)}: ${objectTitle(latest.object, id)}`}>
        <ObjectView id={id} detail={detail.data} />
      </Page>
    );
  return (
    <Page title={kind}>
      {detail.state === 'failed' ? (
        <>
          <ErrorMessage
            heading="We couldn't load this intelligence."
            error={detail.error}
            onRetry={retry}
          />
          <BackLink />
        </>
      ) : (
        <LoadingMessage>Loading…</LoadingMessage>
      )}
    </Page>
  );
}

function ObjectView({ id, detail }: { readonly id: string; readonly detail: ObjectDetail }) {
  const [collections] = useResource(loadCollections);
  const latest = detail.versions.at(-1);
  if (latest === undefined) return null;
  const o = latest.object;
  const description = typeof o.description === 'string' ? o.description : undefined;
  const pattern = typeof o.pattern === 'string' ? o.pattern : undefined;
  const collection =
    collections.state === 'ready'
      ? (collections.data.find((c) => c.id === latest.collection)?.title ?? latest.collection)
      : latest.collection;
  return (
    <>
      <BackLink />
      <section aria-labelledby="what-heading" class="intel-section">
        <h2 id="what-heading">What it is</h2>
        <p>{typeAbout(latest.type)}</p>
        {description === undefined ? null : <p>{description}</p>}
        <dl class="facts">
          {pattern === undefined ? null : (
            <>
              <dt>It looks for</dt>
              <dd>
                <code class="intel-break">{pattern}</code>
              </dd>
            </>
          )}
          {typeof o.confidence === 'number' ? (
            <>
              <dt>Sharer's confidence</dt>
              <dd>{o.confidence} out of 100</dd>
            </>
          ) : null}
          {typeof o.valid_from === 'string' ? (
            <>
              <dt>Valid from</dt>
              <dd>{formatTime(new Date(o.valid_from))}</dd>
            </>
          ) : null}
          {typeof o.valid_until === 'string' ? (
            <>
              <dt>Valid until</dt>
              <dd>{formatTime(new Date(o.valid_until))}</dd>
            </>
          ) : null}
          <dt>Id</dt>
          <dd class="intel-break">{id}</dd>
        </dl>
      </section>
      <section aria-labelledby="marking-heading" class="intel-section">
        <h2 id="marking-heading">Who may see it</h2>
        <p>
          <TlpBadge tlp={latest.tlp} />
        </p>
        <p class="intel-marking">{tlpExplained(latest.tlp)}</p>
      </section>
      <section aria-labelledby="source-heading" class="intel-section">
        <h2 id="source-heading">Where it came from</h2>
        <dl class="facts">
          <dt>Collection</dt>
          <dd>{collection}</dd>
          <dt>Shared by</dt>
          <dd class="intel-break">
            {latest.sourceOrg === null ? 'Not recorded' : `Organization ${latest.sourceOrg}`}
          </dd>
          <dt>Created by</dt>
          <dd class="intel-break">
            {typeof o.created_by_ref === 'string' ? sourceOf(latest) : 'Not stated'}
          </dd>
          <dt>First added here</dt>
          <dd>{formatTime(new Date((detail.versions[0] ?? latest).dateAdded))}</dd>
        </dl>
      </section>
      {detail.score === null ? null : <ScoreSection score={detail.score} />}
      {latest.type === 'indicator' ? <SightingsSection sightings={detail.sightings} /> : null}
      <VersionsSection versions={detail.versions} />
      <details class="details intel-raw">
        <summary>Show the raw STIX (JSON)</summary>
        <pre class="intel-json">{JSON.stringify(o, null, 2)}</pre>
      </details>
    </>
  );
}
