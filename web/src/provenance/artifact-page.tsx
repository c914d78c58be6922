import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { formatTime } from '../components/format-time.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { useLocale } from '../i18n/locale.js';
import { registryMessages } from '../i18n/registry-messages.js';
import { BomSection, ChainSection, ScanSection, SignatureSection } from './artifact-parts.js';
import { GrantsSection, HistorySection } from './artifact-people.js';
import {
  type Artifact,
  type Details,
  fetchDetails,
  fetchHistory,
  type History,
  PROVENANCE,
} from './registry-api.js';
import { formatSize, who } from './registry-words.js';

const t = registryMessages.t;

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly error: ApiError }
  | { readonly state: 'not_found' }
  | { readonly state: 'ready'; readonly details: Details }
  /** An operator who may not read the model sees who used it (the history), nothing more. */
  | { readonly state: 'history_only'; readonly history: History };

/** One model's page: what it is, whether it is safe, where it came from, who may and did use it. */
export function ArtifactPage({ id }: { readonly id: string }) {
  const locale = useLocale();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    fetchDetails(id, controller.signal).then(
      (details) => setLoaded({ state: 'ready', details }),
      async (error: ApiError) => {
        if (controller.signal.aborted) return;
        if (error.status !== 404 && error.status !== 403) {
          setLoaded({ state: 'failed', error });
          return;
        }
        try {
          const history = await fetchHistory(id, null, controller.signal);
          setLoaded({ state: 'history_only', history });
        } catch {
          if (!controller.signal.aborted) setLoaded({ state: 'not_found' });
        }
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  const back = (
    <p class="registry-back">
      <AppLink href={PROVENANCE}>{t(locale, 'detail.back')}</AppLink>
    </p>
  );
  if (loaded.state === 'loading')
    return (
      <Page title={t(locale, 'title')}>
        <LoadingMessage>{t(locale, 'detail.loading')}</LoadingMessage>
      </Page>
    );
  if (loaded.state === 'failed')
    return (
      <Page title={t(locale, 'title')}>
        <ErrorMessage
          heading={t(locale, 'detail.failed')}
          error={loaded.error}
          onRetry={() => setAttempt((n) => n + 1)}
        />
        {back}
      </Page>
    );
  if (loaded.state === 'not_found')
    return (
      <Page title={t(locale, 'detail.not_found')} lead={t(locale, 'detail.not_found_text')}>
        {back}
      </Page>
    );
  const artifact = loaded.state === 'ready' ? loaded.details.artifact : loaded.history.artifact;
  return (
    <Page title={`${artifact.name} ${t(locale, 'facts.version', { version: artifact.version })}`}>
      {back}
      <Facts artifact={artifact} />
      <Notes artifact={artifact} />
      {loaded.state === 'ready' ? (
        <>
          <ScanSection scan={loaded.details.scan} />
          <SignatureSection signature={loaded.details.signature} />
          <ChainSection details={loaded.details} />
          <BomSection details={loaded.details} />
          <GrantsSection id={id} />
        </>
      ) : null}
      <HistorySection id={id} first={loaded.state === 'history_only' ? loaded.history : null} />
    </Page>
  );
}

function Facts({ artifact: a }: { readonly artifact: Artifact }) {
  const locale = useLocale();
  return (
    <dl class="registry-facts registry-facts--page">
      <div>
        <dt>{t(locale, 'facts.environment')}</dt>
        <dd>{t(locale, `env.${a.environment}`)}</dd>
      </div>
      <div>
        <dt>{t(locale, 'facts.size')}</dt>
        <dd>{formatSize(a.size, locale)}</dd>
      </div>
      <div>
        <dt>{t(locale, 'facts.file')}</dt>
        <dd class="registry-break">{a.fileName}</dd>
      </div>
      <div>
        <dt>{t(locale, 'facts.uploaded')}</dt>
        <dd>{formatTime(new Date(a.createdAt), locale)}</dd>
      </div>
      <div>
        <dt>{t(locale, 'facts.uploaded_by')}</dt>
        <dd class="registry-break">{who(a.createdBy, locale)}</dd>
      </div>
      <div class="registry-facts__wide">
        <dt>{t(locale, 'facts.fingerprint')}</dt>
        <dd>
          <code class="registry-code registry-break">{a.sha256}</code>
        </dd>
      </div>
    </dl>
  );
}

function Notes({ artifact: a }: { readonly artifact: Artifact }) {
  const locale = useLocale();
  return (
    <>
      {a.restricted ? <p class="notice">{t(locale, 'facts.restricted')}</p> : null}
      {a.status !== 'ready' ? <p class="notice">{t(locale, 'facts.status_pending')}</p> : null}
    </>
  );
}
