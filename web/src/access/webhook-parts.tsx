import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { ErrorMessage } from '../components/error-message.js';
import { LoadingMessage } from '../components/loading-message.js';
import { useResource } from '../use-resource.js';
import { SecretBox } from './secret-box.js';

/**
 * Pieces shared by the webhook forms (the safeguards page's and the threat-intelligence console's):
 * the signing secret shown once, and the check of an address before the server is asked.
 */

/** The words of a `SecretPanel`, in the reader's language. */
export interface SecretPanelWords {
  readonly heading: string;
  /** Names the box for screen readers, e.g. "The secret code for https://…". */
  readonly label: string;
  readonly copy: string;
  readonly copied: string;
  /** "We show it only this once." */
  readonly once: string;
  readonly why: string;
  /** "I have copied it" */
  readonly done: string;
}

/**
 * The secret of an address just saved, in a box with a Copy button and a "shown only once"
 * warning; focus moves to its heading, and `onDone` hides it for good. `class` names the panel
 * for its page's stylesheet (`<class>` and `<class>__title`).
 */
export function SecretPanel({
  secret,
  words,
  onDone,
  class: name,
}: {
  readonly secret: string;
  readonly words: SecretPanelWords;
  readonly onDone: () => void;
  readonly class: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Before the panel is painted, not after: a screen reader starts on the heading, and nothing
  // (a person, a test) can act on the page while focus is still on the Save button.
  useLayoutEffect(() => heading.current?.focus(), []);
  return (
    <div class={name}>
      <h4 ref={heading} tabIndex={-1} class={`${name}__title`}>
        {words.heading}
      </h4>
      <SecretBox
        label={words.label}
        text={secret}
        copyLabel={words.copy}
        copied={words.copied}
        warning={
          <p>
            <strong>{words.once}</strong> {words.why}
          </p>
        }
      />
      <button type="button" class="button button--large" onClick={onDone}>
        {words.done}
      </button>
    </div>
  );
}

/** What is wrong with a webhook address before asking the server (which checks it again), or null. */
export function webhookAddressProblem(text: string): 'empty' | 'not_url' | 'not_https' | null {
  if (text === '') return 'empty';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'not_url';
  }
  return url.protocol === 'https:' ? null : 'not_https';
}

/** The column headings of a `DeliveryTable`, and its caption, in the reader's language. */
export interface DeliveryTableWords {
  readonly caption: string;
  readonly when: string;
  readonly what: string;
  readonly status: string;
  readonly attempts: string;
  readonly problem: string;
}

/** One delivery as a row: every cell already in words. */
export interface DeliveryRow {
  readonly id: string;
  readonly when: string;
  readonly what: string;
  readonly status: string;
  /** Failed for good: the status cell is marked (`<class>-bad`). */
  readonly failed: boolean;
  readonly attempts: string;
  readonly problem: ComponentChildren;
}

/**
 * A webhook's latest deliveries as a table (each cell labelled for the narrow layout), then the
 * page's "Check again" button. `classPrefix` is the page's stylesheet prefix (`intel`, `sg`), for
 * `<prefix>-bad` and `<prefix>-break`.
 */
export function DeliveryTable({
  words,
  rows,
  classPrefix,
}: {
  readonly words: DeliveryTableWords;
  readonly rows: readonly DeliveryRow[];
  readonly classPrefix: string;
}) {
  return (
    <table class="entries">
      <caption>{words.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{words.when}</th>
          <th scope="col">{words.what}</th>
          <th scope="col">{words.status}</th>
          <th scope="col">{words.attempts}</th>
          <th scope="col">{words.problem}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td data-label={words.when}>{r.when}</td>
            <td data-label={words.what}>{r.what}</td>
            <td data-label={words.status} class={r.failed ? `${classPrefix}-bad` : undefined}>
              {r.status}
            </td>
            <td data-label={words.attempts}>{r.attempts}</td>
            <td data-label={words.problem} class={`${classPrefix}-break`}>
              {r.problem}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The words around a `DeliveryList`'s table, in the reader's language. */
export interface DeliveryListWords extends DeliveryTableWords {
  readonly loading: string;
  readonly failed: string;
  readonly none: string;
  readonly again: string;
  /** Names what is checked again, for screen readers ("Check again the deliveries to …"). */
  readonly againLabel: string;
}

/** The catalog keys (after a page's own prefix) every deliveries list says its words with. */
export type DeliveryWordKey =
  | 'deliveries_loading'
  | 'deliveries_failed'
  | 'deliveries_none'
  | 'check_again'
  | 'check_again_label'
  | 'deliveries_caption'
  | 'col_when'
  | 'col_what'
  | 'col_status'
  | 'col_attempts'
  | 'col_error';

/**
 * A deliveries list's words from a page's catalog: `say` looks a key up in the reader's language,
 * `about` fills the caption and the "Check again" label (which endpoint or organization).
 */
export function deliveryListWords(
  say: (key: DeliveryWordKey, params?: Readonly<Record<string, string>>) => string,
  about: Readonly<Record<string, string>>,
): DeliveryListWords {
  return {
    loading: say('deliveries_loading'),
    failed: say('deliveries_failed'),
    none: say('deliveries_none'),
    again: say('check_again'),
    againLabel: say('check_again_label', about),
    caption: say('deliveries_caption', about),
    when: say('col_when'),
    what: say('col_what'),
    status: say('col_status'),
    attempts: say('col_attempts'),
    problem: say('col_error'),
  };
}

/**
 * A webhook's latest deliveries, loaded when shown: a loading line, an error with Retry, "nothing
 * sent yet", or the table; then "Check again". `load` must keep its identity between renders
 * (useCallback) or it loads again each time.
 */
export function DeliveryList<T>({
  load,
  toRow,
  words,
  classPrefix,
}: {
  readonly load: (signal: AbortSignal) => Promise<readonly T[]>;
  readonly toRow: (item: T) => DeliveryRow;
  readonly words: DeliveryListWords;
  readonly classPrefix: string;
}) {
  const [deliveries, retry] = useResource(load);
  if (deliveries.state === 'loading') return <LoadingMessage>{words.loading}</LoadingMessage>;
  if (deliveries.state === 'failed')
    return <ErrorMessage heading={words.failed} error={deliveries.error} onRetry={retry} />;
  return (
    <div class="delivery-list">
      {deliveries.data.length === 0 ? (
        <p class={`${classPrefix}-empty`}>{words.none}</p>
      ) : (
        <DeliveryTable words={words} rows={deliveries.data.map(toRow)} classPrefix={classPrefix} />
      )}
      <button
        type="button"
        class="button button--secondary"
        aria-label={words.againLabel}
        onClick={retry}
      >
        {words.again}
      </button>
    </div>
  );
}
