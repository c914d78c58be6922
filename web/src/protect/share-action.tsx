import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { CopyButton } from '../components/copy-button.js';
import type { ShownResult } from './check-result.js';
import { type CreatedShare, shareResult } from './protect-api.js';

type ShareState =
  | { readonly state: 'idle' }
  | { readonly state: 'sending' }
  | { readonly state: 'shared'; readonly share: CreatedShare }
  | { readonly state: 'failed'; readonly error: string };

const expiryFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

/**
 * "Share with someone you trust": makes a link to the result (never the
 * message) that a family member or friend can open, with a copy button.
 */
export function ShareAction({ result }: { readonly result: ShownResult }) {
  const [state, setState] = useState<ShareState>({ state: 'idle' });
  const link = useRef<HTMLAnchorElement>(null);

  const onClick = () => {
    if (state.state === 'sending') return;
    setState({ state: 'sending' });
    void shareResult(result).then(
      (share) => {
        setState({ state: 'shared', share });
        // Let the link render, then take the person (and their screen reader) to it.
        requestAnimationFrame(() => link.current?.focus());
      },
      (err: unknown) =>
        setState({
          state: 'failed',
          error:
            err instanceof ApiError
              ? err.message
              : 'Something went wrong in this page. Please try again.',
        }),
    );
  };

  if (state.state === 'shared') {
    const url = new URL(state.share.path, window.location.origin).href;
    return (
      <div class="share">
        <h3 class="share__title">Your link to share</h3>
        <p>Send this link to someone you trust, so they can look at the result with you:</p>
        <p class="share__link">
          <a ref={link} href={url} target="_blank" rel="noopener noreferrer">
            {url}
            <span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        </p>
        <CopyButton
          text={url}
          label="Copy the link"
          confirmation="Link copied. Paste it into a text message or email to the person you trust."
        />
        <p class="hint">
          Only the result is shared: the verdict, the reasons and what to do. The message itself is
          not shared, though a reason may quote a few words of it.
          {state.share.expiresAt === null
            ? null
            : ` The link works until ${expiryFormat.format(state.share.expiresAt)}.`}
        </p>
      </div>
    );
  }
  return (
    <div class="action">
      <button
        type="button"
        class="button button--secondary"
        aria-disabled={state.state === 'sending'}
        onClick={onClick}
      >
        {state.state === 'sending' ? 'Making a link…' : 'Share with someone you trust'}
      </button>
      {state.state === 'failed' ? (
        <div class="notice notice--error action__error" role="alert">
          <p class="notice__title">We couldn't make a link.</p>
          <p>{state.error}</p>
        </div>
      ) : null}
    </div>
  );
}
