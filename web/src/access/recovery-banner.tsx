import { useEffect, useRef, useState } from 'preact/hooks';
import { useAccountWords } from '../i18n/account-messages.js';
import { withNodes } from '../i18n/rich-text.js';
import { cancelRecovery, getRecovery } from './account-api.js';
import { FormAlert, useAction } from './form-parts.js';
import { useStepUp } from './step-up.js';
import { formatWhen, useLoaded } from './use-loaded.js';

/**
 * At the top of the overview and security pages: someone asked to recover this
 * account by email. Only a person who can still sign in sees it, so the big
 * button stops it at once; afterwards a note says what to do about the email.
 * Shows nothing while loading, when there is no recovery, or if the check fails.
 */
export function RecoveryBanner() {
  const { t, locale } = useAccountWords();
  const [recovery] = useLoaded(getRecovery);
  const guard = useStepUp();
  const action = useAction();
  const [stopped, setStopped] = useState(false);
  const note = useRef<HTMLDivElement>(null);
  // The button that was pressed is gone: continue from the note that replaced it.
  useEffect(() => {
    if (stopped) note.current?.focus();
  }, [stopped]);

  if (stopped)
    return (
      <div class="notice" role="status" tabIndex={-1} ref={note}>
        <p class="notice__title">{t('banner.stopped')}</p>
        <p>{t('banner.stopped_text')}</p>
      </div>
    );
  if (recovery.state !== 'ready' || recovery.data === null) return null;
  const { completes_at: completesAt } = recovery.data;
  const stop = () =>
    void action.run(async () => {
      await guard(() => cancelRecovery());
      setStopped(true);
    });
  return (
    <div class="notice notice--error recovery-banner">
      <div role="alert">
        <p class="notice__title">{t('banner.title')}</p>
        <p>
          {withNodes(t('banner.text'), {
            when: <strong>{formatWhen(completesAt, locale)}</strong>,
          })}
        </p>
      </div>
      <button
        type="button"
        class="button button--large button--danger-solid"
        aria-disabled={action.busy}
        onClick={stop}
      >
        {action.busy ? t('common.stopping') : t('banner.stop')}
      </button>
      <FormAlert error={action.error} heading={t('banner.failed')} />
    </div>
  );
}
