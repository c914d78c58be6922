import type { ComponentChildren } from 'preact';
import { CopyButton } from '../components/copy-button.js';

interface SecretBoxProps {
  /** Names the box for screen readers: "Your new API key". */
  readonly label: string;
  readonly text: string;
  readonly copyLabel: string;
  readonly copied: string;
  /** Shown above the box: why it matters, e.g. "We show it only this once." */
  readonly warning?: ComponentChildren;
}

/**
 * Something to copy exactly (an API key, recovery codes, a DNS record), in a
 * box that wraps instead of scrolling sideways, with a Copy button.
 */
export function SecretBox({ label, text, copyLabel, copied, warning }: SecretBoxProps) {
  return (
    <figure class="secret">
      <figcaption class="visually-hidden">{label}</figcaption>
      {warning === undefined ? null : <div class="notice notice--warning">{warning}</div>}
      <pre class="secret__text">{text}</pre>
      <CopyButton text={text} label={copyLabel} confirmation={copied} />
    </figure>
  );
}
