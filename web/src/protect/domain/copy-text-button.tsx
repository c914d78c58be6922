import { useState } from 'preact/hooks';

/**
 * A copy button whose words come from the page's catalog (the shared CopyButton's
 * failure sentence is English-only). The status region is rendered from the start,
 * empty, so screen readers announce the change.
 */
export function CopyTextButton(props: {
  readonly text: string;
  readonly label: string;
  /** Names what is copied, for screen readers ("Copy value" of which record). */
  readonly describedBy: string;
  readonly copied: string;
  readonly failed: string;
}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const onClick = () => {
    void copyText(props.text).then((ok) => setState(ok ? 'copied' : 'failed'));
  };
  return (
    <div class="copy">
      <button type="button" class="button" onClick={onClick} aria-describedby={props.describedBy}>
        {props.label}
      </button>
      <p class="copy__status" role="status" aria-live="polite">
        {state === 'copied' ? props.copied : state === 'failed' ? props.failed : ''}
      </p>
    </div>
  );
}

/** The Clipboard API needs a secure context; Shieldwall is often opened over plain http on a LAN. */
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
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
