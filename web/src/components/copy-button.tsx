import { useEffect, useRef, useState } from 'preact/hooks';
import { checkerPageMessages } from '../i18n/checker-page-messages.js';
import { useLocale } from '../i18n/locale.js';

interface CopyButtonProps {
  readonly text: string;
  readonly label: string;
  /** Said (politely) after a successful copy: what to do with it next. */
  readonly confirmation: string;
  /** Id of the text that says what is copied (e.g. which DNS record), for screen readers. */
  readonly describedBy?: string;
  /** A page's own sentence when copying fails; the checker's catalog otherwise. */
  readonly failed?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copies `text` to the clipboard and says so in a polite live region, which is
 * rendered from the start (empty) because screen readers only announce changes
 * to a region they already know about.
 */
export function CopyButton({ text, label, confirmation, describedBy, failed }: CopyButtonProps) {
  const locale = useLocale();
  const [state, setState] = useState<CopyState>('idle');
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const onClick = () => {
    void copyText(text).then((ok) => {
      if (mounted.current) setState(ok ? 'copied' : 'failed');
    });
  };

  const message =
    state === 'copied'
      ? confirmation
      : state === 'failed'
        ? (failed ?? checkerPageMessages.t(locale, 'copy.failed'))
        : '';
  return (
    <div class="copy">
      <button type="button" class="button" onClick={onClick} aria-describedby={describedBy}>
        {label}
      </button>
      <p
        class={`copy__status${state === 'failed' ? ' copy__status--failed' : ''}`}
        role="status"
        aria-live="polite"
      >
        {message}
      </p>
    </div>
  );
}

/**
 * The Clipboard API needs a secure context (https or localhost); Shieldwall is
 * often opened at http://<LAN address>, so fall back to the older copy command.
 */
async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard !== undefined) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission refused: try the fallback below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'offscreen';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the only way to copy without a secure context.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
