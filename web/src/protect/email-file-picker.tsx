import { useEffect, useRef, useState } from 'preact/hooks';
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
      <legend class="drop-zone__title">Or check an email you saved as a file (.eml)</legend>
      {chosen === null ? (
        <div class="drop-zone__row">
          <button
            ref={button}
            type="button"
            class="button button--secondary"
            aria-describedby={describedBy}
            onClick={() => input.current?.click()}
          >
            Choose an email file
          </button>
          <span class="drop-zone__hint">or drag the file here</span>
        </div>
      ) : (
        <div class="drop-zone__row">
          <p class="drop-zone__chosen" role="status">
            Email file chosen: <strong>{chosen.name}</strong> ({fileSizeInWords(chosen.size)}).
            “Check it” will check this email.
          </p>
          <button ref={button} type="button" class="button button--secondary" onClick={onRemove}>
            Remove file
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
