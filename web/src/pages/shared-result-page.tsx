import { useCallback } from 'preact/hooks';
import { ApiError } from '../api.js';
import { AppLink } from '../components/app-link.js';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { Page } from '../components/page.js';
import { fetchSharedResult, SHARE_TOKEN } from '../protect/protect-api.js';
import { ResultView } from '../protect/result-view.js';
import { useResource } from '../use-resource.js';

/** The path of a shared result: `/shared/<token>`. */
export const SHARED_PATH = /^\/shared\/([^/]+)$/;

/**
 * A result someone shared by link, read-only: the same view as after a check,
 * with a plain word on where it came from. The message itself is never here.
 */
export function SharedResultPage({ token }: { readonly token: string }) {
  const valid = SHARE_TOKEN.test(token);
  const load = useCallback(
    (signal: AbortSignal) =>
      valid
        ? fetchSharedResult(token, { signal })
        : Promise.reject(new ApiError('problem', 'not a share link', 404, 'share_not_found')),
    [token, valid],
  );
  const [shared, retry] = useResource(load);
  const gone =
    shared.state === 'failed' && shared.error.kind === 'problem' && shared.error.status === 404;

  if (gone) {
    return (
      <Page
        title="This link has expired or does not work"
        lead="Shared results are kept for a limited time, and this one is no longer here (or the link was copied only in part)."
      >
        <p>
          Ask the person who sent it to check the message again and share a new link. Or check a
          message yourself:
        </p>
        <p>
          <AppLink href="/" class="button">
            Check a message yourself
          </AppLink>
        </p>
      </Page>
    );
  }
  return (
    <Page
      title="A result shared with you"
      lead="Someone you know asked you to look at this result. It comes from Shieldwall's scam checker. Only the result was shared, not their message."
    >
      {shared.state === 'loading' ? <LoadingMessage>Loading the result…</LoadingMessage> : null}
      {shared.state === 'failed' ? (
        <ErrorMessage
          heading="We couldn't load this result."
          error={shared.error}
          onRetry={retry}
        />
      ) : null}
      {shared.state === 'ready' ? (
        <ResultView result={shared.data}>
          <p class="result__shared-note">
            Talk it over with the person who sent you this link before anyone replies, clicks or
            pays.
          </p>
          <p>
            <AppLink href="/" class="button button--secondary">
              Check a message yourself
            </AppLink>
          </p>
        </ResultView>
      ) : null}
    </Page>
  );
}
