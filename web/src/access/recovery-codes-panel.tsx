import { useEffect, useRef, useState } from 'preact/hooks';
import { SecretBox } from './secret-box.js';

/**
 * Recovery codes, shown this once: what they are for, a Copy button, and an
 * "I have saved them" step so they do not vanish before the person is ready.
 */
export function RecoveryCodesPanel({
  codes,
  onSaved,
}: {
  readonly codes: readonly string[];
  readonly onSaved: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [sure, setSure] = useState(false);
  // The codes replace the form the person was using: start reading here.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div class="panel panel--highlight">
      <h3 ref={heading} tabIndex={-1}>
        Save your recovery codes
      </h3>
      <p>
        If you lose your phone, each of these codes lets you sign in once instead of the code from
        the app. Write them down or print them, and keep them somewhere safe, away from your phone.
      </p>
      <SecretBox
        label="Your recovery codes"
        text={codes.join('\n')}
        copyLabel="Copy the codes"
        copied="Codes copied. Paste them somewhere safe, such as a password manager."
        warning={
          <p>
            <strong>We show these codes only this once.</strong> Any older codes no longer work.
          </p>
        }
      />
      <div class="tick-option">
        <input
          id="codes-saved"
          type="checkbox"
          checked={sure}
          onChange={(event) => setSure(event.currentTarget.checked)}
        />
        <label for="codes-saved">I have saved my recovery codes</label>
      </div>
      <button type="button" class="button" aria-disabled={!sure} onClick={() => sure && onSaved()}>
        Done
      </button>
      {sure ? null : (
        <p class="hint">Tick the box above first, so the codes are not hidden by mistake.</p>
      )}
    </div>
  );
}
