import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';
import { fileSizeInWords } from './check-source.js';

interface EmailFilePickerProps {
  /** The chosen file, if any. */
  readonly chosen: { readonly name: string; readonly size: number } | null;
  readonly onChoose: (file: File) => void;
  readonly onRemove: () => void;
  /** Id of the text explaining a problem with the file, for aria-describedby. */
  readonly describedBy?: string;
}

/**
 * Choose an email saved as a file (.eml) with a real button (keyboard and
 * screen reader friendly), or drop it on the area with a mouse.
 */
export function EmailFilePicker({ chosen, onChoose, onRemove, describedBy }: EmailFilePickerProps) {
  const locale = useLocale();
  const t = checkerPageMessages.t;
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const [dragging, setDragging] = useState(false);

  // Choosing or removing a file swaps the buttons: keep focus on the one now shown.
  const hasFile = chosen !== null;
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    button.current?.focus();
  }, [hasFile]);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer?.files[0];
    if (file !== undefined) onChoose(file);
  };
  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  return (
    <fieldset
      class={`drop-zone${dragging ? ' drop-zone--active' : ''}`}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <legend class="drop-zone__title">{t(locale, 'file.legend')}</legend>
      {chosen === null ? (
        <div class="drop-zone__row">
          <button
            ref={button}
            type="button"
            class="button button--secondary"
            aria-describedby={describedBy}
            onClick={() => input.current?.click()}
          >
            {t(locale, 'file.choose')}
          </button>
          <span class="drop-zone__hint">{t(locale, 'file.drag')}</span>
        </div>
      ) : (
        <div class="drop-zone__row">
          <p class="drop-zone__chosen" role="status">
            {chosenWords(t(locale, 'file.chosen'), chosen.name, fileSizeInWords(chosen.size))}
          </p>
          <button ref={button} type="button" class="button button--secondary" onClick={onRemove}>
            {t(locale, 'file.remove')}
          </button>
        </div>
      )}
      <input
        ref={input}
        type="file"
        accept=".eml,message/rfc822"
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Reset, so choosing the same file again after removing it still counts as a change.
          event.currentTarget.value = '';
          if (file !== undefined) onChoose(file);
        }}
      />
    </fieldset>
  );
}

/** The "file chosen" sentence with the file's name in bold, wherever the language puts it. */
function chosenWords(template: string, name: string, size: string): ComponentChildren {
  const [before = '', after = ''] = template.replace('{size}', size).split('{name}');
  return (
    <>
      {before}
      <strong>{name}</strong>
      {after}
    </>
  );
}
