import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { type CheckerPageKey, checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
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

/**
 * "Report this": a confirmation dialog (native <dialog>, so focus stays inside
 * it and Escape closes it) where the person decides whether the message itself
 * goes with the report. By default only the result is sent.
 */
export function ReportAction({ result, message, noun }: ReportActionProps) {
  const locale = useLocale();
  const t = (key: CheckerPageKey) => checkerPageMessages.t(locale, key);
  const THANKS = t('report.thanks');
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
          error: err instanceof ApiError ? err.message : t('report.broken'),
        }),
    );
  };
  const send = async () =>
    sendReport(result, { comment, ...(include ? { content: await message() } : {}) });

  return (
    <div class="action">
      <button type="button" class="button button--secondary" onClick={open}>
        {t('report.button')}
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
          {t(noun === 'email' ? 'report.title_email' : 'report.title_message')}
        </h2>
        {state.state === 'sent' ? (
          <>
            <p class="dialog__thanks">{THANKS}</p>
            <p>{t('report.helps')}</p>
            <div class="dialog__actions">
              {/* biome-ignore lint/a11y/noAutofocus: the dialog's only control; focus must land in the open dialog. */}
              <button type="button" class="button" onClick={close} autoFocus>
                {t('report.close')}
              </button>
            </div>
          </>
        ) : (
          <form onSubmit={onSubmit}>
            <p id="report-intro">
              {t(noun === 'email' ? 'report.intro_email' : 'report.intro_message')}
            </p>
            <div class="tick-option">
              <input
                id="report-include"
                type="checkbox"
                checked={include}
                aria-describedby="report-include-hint"
                onChange={(event) => setInclude(event.currentTarget.checked)}
              />
              <label for="report-include">
                {t(noun === 'email' ? 'report.include_email' : 'report.include_message')}
              </label>
              <p id="report-include-hint" class="hint">
                {t('report.include_hint')}
              </p>
            </div>
            <label class="field-label" for="report-comment">
              {t('report.comment')}
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
                <p class="notice__title">{t('report.failed')}</p>
                <p>{state.error}</p>
              </div>
            ) : null}
            <div class="dialog__actions">
              <button type="submit" class="button" aria-disabled={state.state === 'sending'}>
                {state.state === 'sending' ? t('report.sending') : t('report.send')}
              </button>
              <button type="button" class="button button--secondary" onClick={close}>
                {t('report.cancel')}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </div>
  );
}
