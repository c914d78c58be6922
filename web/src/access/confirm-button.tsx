import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';
import { useAccountWords } from '../i18n/account-messages.js';
import { FormAlert, useAction } from './form-parts.js';

interface ConfirmButtonProps {
  /** The button's text, e.g. "Remove". Add `label` when the text alone is ambiguous. */
  readonly children: ComponentChildren;
  /** The accessible name when several such buttons share a text ("Remove Ann"). */
  readonly label?: string;
  /** The dialog's question: "Remove Ann from Acme?" */
  readonly question: string;
  /** One or two sentences: what will happen, and whether it can be undone. */
  readonly explanation: ComponentChildren;
  /** The confirming button's text: "Yes, remove Ann". */
  readonly confirm: string;
  readonly onConfirm: () => Promise<void>;
  readonly danger?: boolean;
}

/**
 * A button that asks first, in a native <dialog> (focus stays inside, Escape
 * closes it, focus goes back to the button). If the change fails, the dialog
 * stays open and says why.
 */
export function ConfirmButton(props: ConfirmButtonProps) {
  const { t } = useAccountWords();
  const dialog = useRef<HTMLDialogElement>(null);
  const action = useAction();
  const id = useId();
  const close = () => dialog.current?.close();
  const open = () => {
    action.setError(null);
    dialog.current?.showModal();
  };
  const yes = () =>
    void action.run(async () => {
      await props.onConfirm();
      close();
    });
  return (
    <>
      <button
        type="button"
        class={`button button--secondary${props.danger === true ? ' button--danger' : ''}`}
        aria-label={props.label}
        onClick={open}
      >
        {props.children}
      </button>
      <dialog
        ref={dialog}
        class="dialog"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
      >
        <h2 id={`${id}-title`} class="dialog__title">
          {props.question}
        </h2>
        <p id={`${id}-text`}>{props.explanation}</p>
        <FormAlert error={action.error} />
        <div class="dialog__actions">
          <button
            type="button"
            class={`button${props.danger === true ? ' button--danger-solid' : ''}`}
            aria-disabled={action.busy}
            onClick={yes}
          >
            {action.busy ? t('common.wait') : props.confirm}
          </button>
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice gets focus when the dialog opens. */}
          <button type="button" class="button button--secondary" onClick={close} autoFocus>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
