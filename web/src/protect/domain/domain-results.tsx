import type { Ref } from 'preact';
import type { Locale } from '../../../../src/platform/engine-kit/i18n/messages.js';
import {
  type DomainMessageKey,
  domainMessages,
  findingText,
  stageText,
} from '../../../../src/protect/engine/domain/index.js';
import { CopyButton } from '../../components/copy-button.js';
import type { DomainCheckAnswer, WireFinding, WireRecord, WireStage } from './domain-api.js';
import { domainPageMessages } from './domain-page-messages.js';

const AREAS = ['lookup', 'spf', 'dmarc', 'dkim', 'mx', 'mta-sts', 'tls-rpt', 'bimi'] as const;
/** Shape as well as colour tells the severity (WCAG 1.4.1). */
const ICON: Readonly<Record<WireFinding['severity'], string>> = {
  critical: '✖',
  warning: '!',
  info: 'i',
  good: '✔',
};

const say = (locale: Locale, key: string, params?: Record<string, string | number>) =>
  domainMessages.t(locale, key as DomainMessageKey, params);

export function DomainResults(props: {
  readonly answer: DomainCheckAnswer;
  readonly locale: Locale;
  readonly headingRef: Ref<HTMLHeadingElement>;
}) {
  const { answer, locale } = props;
  const p = (key: Parameters<typeof domainPageMessages.t>[1], params?: Record<string, string>) =>
    domainPageMessages.t(locale, key, params);
  const problems = answer.findings.filter(
    (f) => f.severity === 'critical' || f.severity === 'warning',
  ).length;
  return (
    <section class="domain-results" aria-labelledby="domain-results-heading">
      <h2 id="domain-results-heading" tabIndex={-1} ref={props.headingRef}>
        {p('results_heading', { domain: answer.display_domain })}
      </h2>
      <p class={`domain-summary ${problems > 0 ? 'domain-summary--bad' : 'domain-summary--good'}`}>
        {problems > 0
          ? domainPageMessages.plural(locale, 'summary_problems', problems)
          : p('summary_clean')}
      </p>
      {answer.incomplete ? <p class="notice notice--error">{p('incomplete')}</p> : null}
      {AREAS.map((area) => {
        const findings = answer.findings.filter((f) => f.area === area);
        if (findings.length === 0) return null;
        return (
          <section key={area} class="domain-area" aria-labelledby={`area-${area}`}>
            <h3 id={`area-${area}`}>{say(locale, `area.${area}`)}</h3>
            <p class="domain-area__about">{say(locale, `area.${area}.about`)}</p>
            <ul class="findings">
              {findings.map((f, i) => (
                <FindingItem key={`${f.key}-${i}`} finding={f} locale={locale} />
              ))}
            </ul>
          </section>
        );
      })}
      {answer.records.length > 0 ? (
        <section aria-labelledby="records-heading">
          <h2 id="records-heading">{p('records_heading')}</h2>
          <p>{p('records_lead')}</p>
          <ul class="records">
            {answer.records.map((r, i) => (
              <RecordItem key={`${r.name}-${i}`} record={r} locale={locale} id={`record-${i}`} />
            ))}
          </ul>
        </section>
      ) : null}
      {answer.plan.length > 0 ? <Plan plan={answer.plan} locale={locale} /> : null}
    </section>
  );
}

function FindingItem({
  finding,
  locale,
}: {
  readonly finding: WireFinding;
  readonly locale: Locale;
}) {
  const text = findingText(locale, finding);
  return (
    <li class={`finding finding--${finding.severity}`}>
      <p class="finding__head">
        <span class="finding__badge">
          <span aria-hidden="true" class="finding__icon">
            {ICON[finding.severity]}
          </span>
          {say(locale, `severity.${finding.severity}`)}
        </span>
        <strong class="finding__title">{text.title}</strong>
      </p>
      <p class="finding__meaning">{text.meaning}</p>
      {finding.severity === 'good' ? null : (
        <p class="finding__fix">
          <strong>{domainPageMessages.t(locale, 'fix_label')}</strong> {text.fix}
        </p>
      )}
    </li>
  );
}

function RecordItem(props: {
  readonly record: WireRecord;
  readonly locale: Locale;
  readonly id: string;
}) {
  const { record: r, locale, id } = props;
  const p = (key: Parameters<typeof domainPageMessages.t>[1]) => domainPageMessages.t(locale, key);
  const file = r.type === 'FILE';
  return (
    <li class="record">
      <p id={`${id}-purpose`} class="record__purpose">
        {say(locale, r.purpose_key)}
      </p>
      <dl class="record__fields">
        {file ? null : (
          <>
            <dt>{p('record_type')}</dt>
            <dd>
              <code>{r.type}</code>
            </dd>
          </>
        )}
        <dt>{file ? p('record_file') : p('record_name')}</dt>
        <dd>
          <code class="record__text">{r.name}</code>
        </dd>
        <dt>{file ? p('record_contents') : p('record_value')}</dt>
        <dd>
          <pre class="record__text">{r.value}</pre>
        </dd>
      </dl>
      <div class="record__actions">
        {file ? null : (
          <CopyButton
            text={r.name}
            label={p('copy_name')}
            describedBy={`${id}-purpose`}
            confirmation={p('copied')}
            failed={p('copy_failed')}
          />
        )}
        <CopyButton
          text={r.value}
          label={file ? p('copy_contents') : p('copy_value')}
          describedBy={`${id}-purpose`}
          confirmation={p('copied')}
          failed={p('copy_failed')}
        />
      </div>
    </li>
  );
}

function Plan({ plan, locale }: { readonly plan: readonly WireStage[]; readonly locale: Locale }) {
  const p = (key: Parameters<typeof domainPageMessages.t>[1]) => domainPageMessages.t(locale, key);
  return (
    <section aria-labelledby="plan-heading">
      <h2 id="plan-heading">{p('plan_heading')}</h2>
      <p>{p('plan_lead')}</p>
      <ol class="dmarc-plan">
        {plan.map((s) => {
          const text = stageText(locale, { stage: s.stage, watchDays: s.watch_days });
          const id = `stage-${s.step}`;
          return (
            <li
              key={s.stage}
              class={`dmarc-plan__step dmarc-plan__step--${s.status}`}
              aria-current={s.status === 'current' ? 'step' : undefined}
            >
              <h3 id={id} class="dmarc-plan__title">
                {text.title}{' '}
                <span class="dmarc-plan__status">{say(locale, `plan.status.${s.status}`)}</span>
              </h3>
              <p>{text.what}</p>
              <p class="dmarc-plan__watch">{text.watch}</p>
              <p class="dmarc-plan__record-label">{p('plan_record')}</p>
              <pre class="record__text">
                {s.record.name}
                {'\n'}
                {s.record.value}
              </pre>
              <CopyButton
                text={s.record.value}
                label={p('copy_value')}
                describedBy={id}
                confirmation={p('copied')}
                failed={p('copy_failed')}
              />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
