import type {
  FieldName,
  Phrase,
  PhraseRef,
  PracticeSample,
} from '../../../../src/protect/engine/practice/index.js';
import {
  practiceMessages,
  sampleFields,
  sampleLocale,
} from '../../../../src/protect/engine/practice/index.js';
import { useLocale } from '../../i18n/locale.js';

const refKey = (ref: PhraseRef) => `${ref.field}:${ref.index}`;

/** Leading and trailing white space of a phrase, kept outside its button so the text flows. */
function split(text: string): { before: string; core: string; after: string } {
  const core = text.trim();
  const start = text.indexOf(core);
  return { before: text.slice(0, start), core, after: text.slice(start + core.length) };
}

interface PhraseMessageProps {
  readonly sample: PracticeSample;
  readonly picked: ReadonlySet<string>;
  /** Null once the answer is checked: the phrases are then shown, not pressed. */
  readonly onToggle: ((ref: PhraseRef) => void) | null;
}

/**
 * The practice message as the person would see it, each phrase a toggle button (aria-pressed), so
 * "pointing at" a phrase works the same with a mouse, a finger, a keyboard and a screen reader:
 * Tab to a phrase, hear it read with its state, press Space or Enter to mark it.
 */
export function PhraseMessage({ sample, picked, onToggle }: PhraseMessageProps) {
  const locale = useLocale();
  const t = practiceMessages.t;
  const label: Record<FieldName, string> = {
    from: t(locale, 'from_label'),
    subject: t(locale, 'subject_label'),
    body: '',
  };
  return (
    <div class={`practice-message practice-message--${sample.kind}`} lang={sampleLocale(sample.id)}>
      {sampleFields(sample).map(({ field, phrases }) => (
        <div class={`practice-message__${field}`} key={field}>
          {field === 'body' ? null : (
            <span class="practice-message__label" lang={locale}>
              {label[field]}:{' '}
            </span>
          )}
          {phrases.map((phrase, index) => (
            <PhraseView
              key={index}
              phrase={phrase}
              ref_={{ field, index }}
              pressed={picked.has(refKey({ field, index }))}
              onToggle={onToggle}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

function PhraseView({
  phrase,
  ref_,
  pressed,
  onToggle,
}: {
  readonly phrase: Phrase;
  readonly ref_: PhraseRef;
  readonly pressed: boolean;
  readonly onToggle: ((ref: PhraseRef) => void) | null;
}) {
  const { before, core, after } = split(phrase.text);
  if (core === '') return <span class="practice-space">{phrase.text}</span>;
  const inner =
    onToggle === null ? (
      <span
        class={`phrase phrase--shown${pressed ? ' phrase--pressed' : ''}${phrase.flag === undefined ? '' : ' phrase--flag'}`}
      >
        {core}
      </span>
    ) : (
      <button
        type="button"
        class={`phrase${pressed ? ' phrase--pressed' : ''}`}
        aria-pressed={pressed}
        onClick={() => onToggle(ref_)}
      >
        {core}
      </button>
    );
  return (
    <>
      {before === '' ? null : <span class="practice-space">{before}</span>}
      {inner}
      {after === '' ? null : <span class="practice-space">{after}</span>}
    </>
  );
}

export { refKey };
