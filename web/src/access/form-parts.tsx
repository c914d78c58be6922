import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { useAccountWords } from '../i18n/account-messages.js';
import { messageOf } from './access-client.js';

/**
 * The pieces every account form is made of: a labelled field, a busy-aware
 * submit button, and a polite region that says what went wrong. Fields are
 * controlled by their form, so a failed attempt never clears what was typed.
 */

interface TextFieldProps {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onValue: (value: string) => void;
  readonly hint?: ComponentChildren;
  readonly type?: 'text' | 'email' | 'password';
  readonly autoComplete?: string;
  readonly inputMode?: 'numeric' | 'url' | 'email';
  readonly required?: boolean;
  readonly maxLength?: number;
  readonly multiline?: boolean;
  /** Monospaced and spaced out, for codes people copy from elsewhere. */
  readonly code?: boolean;
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onValue, hint, type = 'text', multiline = false } = props;
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const common = {
    id,
    value,
    required: props.required ?? true,
    maxLength: props.maxLength,
    'aria-describedby': hintId,
    onInput: (event: Event) => onValue((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class="form-field">
      <label class="field-label" for={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} class="field field--short" rows={4} />
      ) : (
        <input
          {...common}
          // Preact types each input type separately; these three take the same attributes.
          type={type as 'text'}
          class={`field field--line${props.code === true ? ' field--code' : ''}`}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          spellcheck={false}
        />
      )}
    </div>
  );
}

/** Says "Working…" while busy and stays focusable (aria-disabled), so focus is never lost. */
export function SubmitButton({
  busy,
  children,
  busyText,
  secondary = false,
}: {
  readonly busy: boolean;
  readonly children: ComponentChildren;
  /** What the button says while busy; "Please wait…" in the person's language if not given. */
  readonly busyText?: string;
  readonly secondary?: boolean;
}) {
  const { t } = useAccountWords();
  return (
    <button
      type="submit"
      class={`button${secondary ? ' button--secondary' : ''}`}
      aria-disabled={busy}
    >
      {busy ? (busyText ?? t('common.wait')) : children}
    </button>
  );
}

/**
 * What went wrong, in the server's own words. The live region is always in the
 * page (empty when all is well) so screen readers announce the message politely
 * when it appears, without taking focus from the field being corrected.
 */
export function FormAlert({
  error,
  heading,
}: {
  readonly error: string | null;
  readonly heading?: string;
}) {
  return (
    <div class="form-alert" aria-live="polite">
      {error === null ? null : (
        <div class="notice notice--error">
          {heading === undefined ? null : <p class="notice__title">{heading}</p>}
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}

/** A polite "done" line that is always in the page, so its changes are announced. */
export function DoneMessage({ text }: { readonly text: string }) {
  return (
    <p class="done-message" role="status">
      {text}
    </p>
  );
}

export interface Action {
  /** Runs `work` unless another run is still busy; a failure becomes `error`. */
  run(work: () => Promise<void>): Promise<void>;
  readonly busy: boolean;
  readonly error: string | null;
  setError(error: string | null): void;
}

/** Busy and error state for one form or button; ignores repeated presses while busy. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );
  const run = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      if (mounted.current) setError(messageOf(err));
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);
  return { run, busy, error, setError };
}

/** An onSubmit handler that stops the page reload and runs `work` through `action`. */
export function submitWith(action: Action, work: () => Promise<void>) {
  return (event: Event) => {
    event.preventDefault();
    void action.run(work);
  };
}
