import { useEffect, useRef, useState } from 'preact/hooks';
import { checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
import { type CheckPlace, type CheckSource, emailFileProblem } from './check-source.js';
import { EmailFilePicker } from './email-file-picker.js';

interface CheckFormProps {
  readonly place: CheckPlace;
  readonly onPlace: (place: CheckPlace) => void;
  readonly checking: boolean;
  readonly onCheck: (source: CheckSource) => void;
  /** The person is about to check something: a chance to get the checker ready. */
  readonly onStart: () => void;
  /** Put focus in the text box when shown ("Check something else"). */
  readonly focusOnShow: boolean;
}

interface ChosenFile {
  readonly name: string;
  readonly size: number;
  readonly bytes: Uint8Array;
}

const TEXT_ID = 'check-text';
const ERROR_ID = 'check-error';
const FILE_ERROR_ID = 'check-file-error';

/**
 * The question: one big text box for a message, link or phone number, an
 * email file as the alternative, where to check it, and "Check it".
 */
export function CheckForm({
  place,
  onPlace,
  checking,
  onCheck,
  onStart,
  focusOnShow,
}: CheckFormProps) {
  const locale = useLocale();
  const t = (key: Parameters<typeof checkerPageMessages.t>[1]) =>
    checkerPageMessages.t(locale, key);
  const [text, setText] = useState('');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (focusOnShow) textarea.current?.focus();
  }, [focusOnShow]);

  const choose = (chosen: File) => {
    onStart();
    const problem = emailFileProblem(chosen, locale);
    setFileError(problem);
    if (problem !== null) return;
    void chosen.arrayBuffer().then(
      (buffer) => {
        setFile({ name: chosen.name, size: chosen.size, bytes: new Uint8Array(buffer) });
        setError(null);
      },
      () => setFileError(t('form.file_unreadable')),
    );
  };

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (checking) return;
    if (file !== null) {
      onCheck({ type: 'file', name: file.name, bytes: file.bytes });
      return;
    }
    if (text.trim() === '') {
      setError(t('form.empty'));
      textarea.current?.focus();
      return;
    }
    setError(null);
    onCheck({ type: 'text', text });
  };

  return (
    <form class="check-form" onSubmit={onSubmit} noValidate>
      <label class="field-label field-label--large" for={TEXT_ID}>
        {t('form.label')}
      </label>
      <p class="hint" id={`${TEXT_ID}-hint`}>
        {t('form.hint')}
      </p>
      {error === null ? null : (
        <p class="field-error" id={ERROR_ID} role="alert">
          {error}
        </p>
      )}
      <textarea
        ref={textarea}
        id={TEXT_ID}
        class="field"
        rows={7}
        spellcheck={false}
        autoComplete="off"
        aria-describedby={error === null ? `${TEXT_ID}-hint` : `${TEXT_ID}-hint ${ERROR_ID}`}
        aria-invalid={error === null ? undefined : true}
        value={text}
        onFocus={onStart}
        onInput={(event) => {
          setText(event.currentTarget.value);
          if (error !== null) setError(null);
        }}
      />

      <EmailFilePicker
        chosen={file}
        onChoose={choose}
        onRemove={() => setFile(null)}
        {...(fileError === null ? {} : { describedBy: FILE_ERROR_ID })}
      />
      {fileError === null ? null : (
        <p class="field-error" id={FILE_ERROR_ID} role="alert">
          {fileError}
        </p>
      )}

      <fieldset class="place-choice">
        <legend class="field-label">{t('form.where')}</legend>
        <PlaceOption
          value="device"
          current={place}
          onPlace={onPlace}
          label={t('form.device')}
          hint={t('form.device_hint')}
        />
        <PlaceOption
          value="server"
          current={place}
          onPlace={onPlace}
          label={t('form.server')}
          hint={t('form.server_hint')}
        />
      </fieldset>

      <button type="submit" class="button button--large" aria-disabled={checking}>
        {checking ? t('form.checking') : t('form.submit')}
      </button>
    </form>
  );
}

interface PlaceOptionProps {
  readonly value: CheckPlace;
  readonly current: CheckPlace;
  readonly onPlace: (place: CheckPlace) => void;
  readonly label: string;
  readonly hint: string;
}

/** A radio button with its label (the large target) and one sentence explaining it. */
function PlaceOption({ value, current, onPlace, label, hint }: PlaceOptionProps) {
  const id = `place-${value}`;
  return (
    <div class="place-choice__option">
      <input
        id={id}
        type="radio"
        name="place"
        value={value}
        checked={current === value}
        aria-describedby={`${id}-hint`}
        onChange={() => onPlace(value)}
      />
      <label for={id} class="place-choice__label">
        {label}
      </label>
      <p class="place-choice__hint" id={`${id}-hint`}>
        {hint}
      </p>
    </div>
  );
}
