import { tlpClass, tlpLabel } from './intel-words.js';

/** The TLP marking as a labelled badge: the level is in the text, the colour only repeats it. */
export function TlpBadge({ tlp }: { readonly tlp: string | null }) {
  return (
    <span class={tlpClass(tlp)}>
      <span class="visually-hidden">Marking: </span>
      {tlpLabel(tlp)}
    </span>
  );
}
