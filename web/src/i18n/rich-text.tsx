import { type ComponentChildren, Fragment } from 'preact';

/**
 * A translated sentence with some `{placeholders}` filled by elements (a word in <strong>, a
 * command in <code>), so the whole sentence stays one catalog entry and each language can put the
 * element wherever its grammar needs it. Placeholders not in `nodes` stay visible as written,
 * like `fill` does, so a missing one shows up instead of vanishing.
 */
export function withNodes(
  text: string,
  nodes: Readonly<Record<string, ComponentChildren>>,
): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = 0;
  // Catalog text only (never what a person typed), and the pattern has no nested repetition.
  for (const match of text.matchAll(/\{([a-zA-Z0-9_]{1,40})\}/g)) {
    const name = match[1] ?? '';
    if (!Object.hasOwn(nodes, name)) continue;
    out.push(text.slice(at, match.index));
    out.push(<Fragment key={`${name}@${match.index}`}>{nodes[name]}</Fragment>);
    at = match.index + match[0].length;
  }
  out.push(text.slice(at));
  return out;
}
