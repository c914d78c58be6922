/**
 * Who a subject is, at a glance: its name ("Riverside Water District", "user 'u-481' of Riverside
 * Water District") in large plain text and its id below in the small code style, selected whole
 * by one click so it can be copied into `shieldwall lever … TARGET`. A subject without a name
 * (unknown, deleted, the system) shows its id alone. Names are written by people: they are only
 * ever text (never HTML), and very long ones are clipped by the style sheet.
 */
import type { ComponentChildren } from 'preact';

export function SubjectLabel({
  id,
  name,
  inline = false,
}: {
  readonly id: string;
  readonly name: string | null | undefined;
  /** Inside a sentence ("Put by … on …"): the name, then the id in brackets, on one line. */
  readonly inline?: boolean;
}) {
  const hasName = typeof name === 'string' && name !== '';
  if (inline)
    return hasName ? (
      <span class="sg-who sg-who--inline">
        <span class="sg-who__name">{name}</span> <span class="sg-who__id sg-code">({id})</span>
      </span>
    ) : (
      <span class="sg-who__id sg-code sg-break">{id}</span>
    );
  return (
    <span class="sg-who">
      {hasName ? (
        <span class="sg-who__name" title={name}>
          {name}
        </span>
      ) : null}
      <span class={`sg-who__id sg-code${hasName ? '' : ' sg-who__id--alone'}`}>{id}</span>
    </span>
  );
}

/** A marker no translation contains, put where a sentence's placeholder goes. */
const SLOT = '\ue000slot\ue000';

/**
 * A translated sentence with an element where one placeholder was ("On: {target}" with the
 * subject's label as `target`), so the words stay in the catalog, in every language's order.
 */
export function withSlot(
  sentence: (slot: string) => string,
  part: ComponentChildren,
): ComponentChildren {
  const text = sentence(SLOT);
  const at = text.indexOf(SLOT);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      {part}
      {text.slice(at + SLOT.length)}
    </>
  );
}
