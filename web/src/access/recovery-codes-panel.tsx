import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useAccountWords } from '../i18n/account-messages.js';
import { withNodes } from '../i18n/rich-text.js';
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
  const { t } = useAccountWords();
  const heading = useRef<HTMLHeadingElement>(null);
  const [sure, setSure] = useState(false);
  // The codes replace the form the person was using: start reading here.
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <div class="panel panel--highlight">
      <h3 ref={heading} tabIndex={-1}>
        {t('codes.heading')}
      </h3>
      <p>{t('codes.text')}</p>
      <SecretBox
        label={t('codes.label')}
        text={codes.join('\n')}
        copyLabel={t('codes.copy')}
        copied={t('codes.copied')}
        warning={
          <p>{withNodes(t('codes.once'), { strong: <strong>{t('codes.once_strong')}</strong> })}</p>
        }
      />
      <div class="tick-option">
        <input
          id="codes-saved"
          type="checkbox"
          checked={sure}
          onChange={(event) => setSure(event.currentTarget.checked)}
        />
        <label for="codes-saved">{t('codes.saved_label')}</label>
      </div>
      <button type="button" class="button" aria-disabled={!sure} onClick={() => sure && onSaved()}>
        {t('codes.done')}
      </button>
      {sure ? null : <p class="hint">{t('codes.tick_first')}</p>}
    </div>
  );
}
