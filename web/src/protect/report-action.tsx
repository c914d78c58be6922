import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import type { ShownResult } from './check-result.js';
import { sendReport } from './protect-api.js';

interface ReportActionProps {
  readonly result: ShownResult;
  /** The message itself, read only if the person ticks "Include the message itself". */
  readonly message: () => Promise<string>;
  /** "message" or "email", to match what was checked. */
  readonly noun: 'message' | 'email';
}

type ReportState =
  | { readonly state: 'editing'; readonly error?: string }
  | { readonly state: 'sending' }
  | { readonly state: 'sent' };

const THANKS = 'Thank you — your report was saved.';

/**
 * "Report this": a confirmation dialog (native <dialog>, so focus stays inside
 * it and Escape closes it) where the person decides whether the message itself
 * goes with the report. By default only the result is sent.
 */
export function ReportAction({ result, message, noun }: ReportActionProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<ReportState>({ state: 'editing' });
  const [include, setInclude] = useState(false);
  const [comment, setComment] = useState('');
  const [saved, setSaved] = useState(false);

  const open = () => {
    if (!saved) setState({ state: 'editing' });
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (state.state === 'sending') return;
    setState({ state: 'sending' });
    void send().then(
      () => {
        setSaved(true);
        setState({ state: 'sent' });
      },
      (err: unknown) =>
        setState({
          state: 'editing',
          error:
            err instanceof ApiError
              ? err.message
              : 'Something went wrong in this page, so the report was not sent. Please try again.',
        }),
    );
  };
  const send = async () =>
    sendReport(result, { comment, ...(include ? { content: await message() } : {}) });

  return (
    <div class="action">
      <button type="button" class="button button--secondary" onClick={open}>
        Report this
      </button>
      <p class="action__status" role="status">
        {saved ? THANKS : ''}
      </p>
      <dialog
        ref={dialog}
        class="dialog"
        aria-labelledby="report-title"
        aria-describedby="report-intro"
      >
        <h2 id="report-title" class="dialog__title">
          Report this {noun}
        </h2>
        {state.state === 'sent' ? (
          <>
            <p class="dialog__thanks">{THANKS}</p>
            <p>It helps Shieldwall warn other people about scams like this one.</p>
            <div class="dialog__actions">
              {/* biome-ignore lint/a11y/noAutofocus: the dialog's only control; focus must land in the open dialog. */}
              <button type="button" class="button" onClick={close} autoFocus>
                Close
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={onSubmit}>
            <p id="report-intro">
              Your report helps Shieldwall warn other people. We send the result: the verdict, the
              score and any links or phone numbers we found. The {noun} itself is sent only if you
              tick the box below.
            </p>
            <div class="tick-option">
              <input
                id="report-include"
                type="checkbox"
                checked={include}
                aria-describedby="report-include-hint"
                onChange={(event) => setInclude(event.currentTarget.checked)}
              />
              <label for="report-include">Include the {noun} itself</label>
              <p id="report-include-hint" class="hint">
                Only tick this if it has none of your private details, such as your name, address or
                account numbers.
              </p>
            </div>
            <label class="field-label" for="report-comment">
              Anything you want to add (optional)
            </label>
            <textarea
              id="report-comment"
              class="field field--short"
              rows={3}
              maxLength={2000}
              value={comment}
              onInput={(event) => setComment(event.currentTarget.value)}
            />
            {state.state === 'editing' && state.error !== undefined ? (
              <div class="notice notice--error" role="alert">
                <p class="notice__title">We couldn't send your report.</p>
                <p>{state.error}</p>
              </div>
            ) : null}
            <div class="dialog__actions">
              <button type="submit" class="button" aria-disabled={state.state === 'sending'}>
                {state.state === 'sending' ? 'Sending…' : 'Send report'}
              </button>
              <button type="button" class="button button--secondary" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
