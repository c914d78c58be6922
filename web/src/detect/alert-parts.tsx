import { useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/platform/engine-kit/i18n/messages.js';
import { messageOf } from '../access/access-client.js';
import { formatCount, formatTime } from '../components/format-time.js';
import { detectMessages } from '../i18n/detect-messages.js';
import { useLocale } from '../i18n/locale.js';
import { type Alert, type Level, type Status, setAlertStatus } from './detect-api.js';

const t = detectMessages.t;

/** One shape per level, so the level never rests on colour alone (the word is always shown too). */
const SHAPES: Readonly<Record<Level, string>> = {
  critical: 'M7 1h10l6 6v10l-6 6H7l-6-6V7z',
  high: 'M12 1l11 21H1z',
  medium: 'M12 1l11 11-11 11L1 12z',
  low: 'M12 1a11 11 0 1 1 0 22a11 11 0 1 1 0-22z',
  informational: 'M12 1a11 11 0 1 1 0 22a11 11 0 1 1 0-22z',
};
const MARKS: Readonly<Record<Level, string>> = {
  critical: '!',
  high: '!',
  medium: '!',
  low: 'i',
  informational: 'i',
};

/** "⬢! Level: High": an icon whose shape differs per level, and the level in words. */
export function LevelBadge({ level }: { readonly level: Level }) {
  const locale = useLocale();
  return (
    <span class={`alert-level alert-level--${level}`}>
      <svg class="alert-level__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={SHAPES[level]} />
        <text x="12" y={level === 'high' ? 19 : 17} text-anchor="middle">
          {MARKS[level]}
        </text>
      </svg>
      {t(locale, 'level.label', { level: t(locale, `level.${level}`) })}
    </span>
  );
}

/** Text from the rule or the logs (English, or whatever the logs say): marked as English on other pages. */
export function Written({ text, locale }: { readonly text: string; readonly locale: Locale }) {
  return locale === 'en' ? text : <span lang="en">{text}</span>;
}

export function StatusText({ status }: { readonly status: Status }) {
  const locale = useLocale();
  return (
    <span class={`alert-status alert-status--${status}`}>
      {t(locale, 'status.label', { status: t(locale, `status.${status}`) })}
    </span>
  );
}

/** "12 Dec 2026, 09:00" or "From … to …" when the matches span time. */
export function whenText(locale: Locale, alert: Alert): string {
  const first = new Date(alert.firstSeen);
  const last = new Date(alert.lastSeen);
  if (alert.firstSeen === alert.lastSeen || Number.isNaN(first.getTime()))
    return formatTime(last, locale);
  return t(locale, 'facts.when_range', {
    first: formatTime(first, locale),
    last: formatTime(last, locale),
  });
}

/** Computer, account, when and how many times, as a short list of facts. */
export function AlertFacts({
  alert,
  orgName,
}: {
  readonly alert: Alert;
  /** The organization's name, shown when the reader belongs to several (or null: server-wide). */
  readonly orgName?: string | null;
}) {
  const locale = useLocale();
  const unknown = t(locale, 'facts.unknown');
  return (
    <dl class="facts alert-facts">
      <dt>{t(locale, 'facts.where')}</dt>
      <dd class="alert-break">{alert.host ?? unknown}</dd>
      <dt>{t(locale, 'facts.who')}</dt>
      <dd class="alert-break">{alert.user ?? unknown}</dd>
      <dt>{t(locale, 'facts.when')}</dt>
      <dd>{whenText(locale, alert)}</dd>
      <dt>{t(locale, 'facts.how_many')}</dt>
      <dd>
        {detectMessages.plural(locale, 'facts.times', alert.count, {
          count: formatCount(alert.count, locale),
        })}
      </dd>
      {orgName === undefined ? null : (
        <>
          <dt>{t(locale, 'facts.organization')}</dt>
          <dd>{orgName ?? t(locale, 'facts.server_wide')}</dd>
        </>
      )}
    </dl>
  );
}

/**
 * "What to do next", prominent: how urgent it is (in the reader's language, from the level) and
 * the steps that come with the alert. Those steps are written in English by the server; on pages
 * in other languages they are marked as English so screen readers pronounce them right.
 */
export function Advice({
  alert,
  headingLevel,
}: {
  readonly alert: Alert;
  readonly headingLevel: 2 | 4;
}) {
  const locale = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h4';
  const steps = alert.advice.steps.slice(0, 8);
  return (
    <div class="alert-advice">
      <Heading class="alert-advice__heading">{t(locale, 'advice.heading')}</Heading>
      <p class="alert-advice__urgency">{t(locale, `urgency.${alert.level}`)}</p>
      {steps.length === 0 ? null : (
        <>
          {locale === 'en' ? null : (
            <p class="alert-advice__note">{t(locale, 'advice.in_english')}</p>
          )}
          <ol class="alert-advice__steps" lang={locale === 'en' ? undefined : 'en'}>
            {steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

/**
 * Acknowledge / Mark resolved / Reopen, as large buttons. After a change, focus moves to the
 * sentence that says what happened (the button pressed may be gone), and the page is told the
 * alert's new state.
 */
export function StatusButtons({
  alert,
  onChanged,
}: {
  readonly alert: Alert;
  readonly onChanged: (alert: Alert) => void;
}) {
  const locale = useLocale();
  const [busy, setBusy] = useState<Status | null>(null);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const saidRef = useRef<HTMLParagraphElement>(null);
  const change = async (status: Status) => {
    if (busy !== null) return;
    setBusy(status);
    try {
      const changed = await setAlertStatus(alert.id, status);
      setSaid({ ok: true, text: t(locale, `status.changed.${status}`) });
      onChanged(changed);
    } catch (err) {
      setSaid({ ok: false, text: `${t(locale, 'status.failed')} ${messageOf(err)}` });
    } finally {
      setBusy(null);
      window.setTimeout(() => saidRef.current?.focus(), 0);
    }
  };
  const button = (status: Status, label: string, secondary: boolean) => (
    <button
      type="button"
      class={`button button--large${secondary ? ' button--secondary' : ''}`}
      aria-disabled={busy !== null ? 'true' : undefined}
      onClick={() => void change(status)}
    >
      {busy === status ? t(locale, 'action.busy') : label}
    </button>
  );
  return (
    <div class="alert-actions">
      <div class="alert-actions__buttons">
        {alert.status === 'new'
          ? button('acknowledged', t(locale, 'action.acknowledge'), false)
          : null}
        {alert.status !== 'resolved'
          ? button('resolved', t(locale, 'action.resolve'), alert.status === 'new')
          : button('new', t(locale, 'action.reopen'), true)}
      </div>
      <p
        ref={saidRef}
        tabIndex={-1}
        class={
          said?.ok === false
            ? 'alert-actions__said alert-actions__said--failed'
            : 'alert-actions__said'
        }
        role={said?.ok === false ? 'alert' : undefined}
      >
        {said?.text ?? ''}
      </p>
    </div>
  );
}
